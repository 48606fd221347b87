// A topic's translation template (.pot) for translators: the topic's English strings as msgids,
// each with extracted comments ("#.") naming every field it appears in and what it is for, so a
// translator in Poedit or Weblate knows a button from an instruction. One entry per distinct
// string (the same English text is translated once), in the order the customer meets them.
// No msgctxt: a translation follows its English text, not its place, so inserting a step does not
// orphan the translations of the steps after it. The output is deterministic (no creation date).
#pragma once

#include "content.hpp"

#include <string>

namespace hs {

std::string write_pot(const Topic &topic);

// `text` as a PO string literal ("...", with \" \\ \n \t escaped); multi-line text as "" followed by
// one literal per line, as xgettext writes it.
std::string po_quote(const std::string &text);

} // namespace hs
