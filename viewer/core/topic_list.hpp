// The `--list-topics` report: what is loaded and what was refused, as text or as one JSON object.
#pragma once

#include "catalog.hpp"

#include <string>

namespace hs {

std::string list_topics_text(const Catalog &catalog);
// {"topics": [{"id","title","version","plugin","fixes","steps","faq","images"}...],
//  "rejected": [{"plugin","kind","reason"}...]}   kind: "refused", "quarantined", "unchecked", "folder"
std::string list_topics_json(const Catalog &catalog);

} // namespace hs
