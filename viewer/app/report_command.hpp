// `helpstation report`: the customer outcomes from the analytics database on stdout, as CSV or
// JSON, for a log shipper or a spreadsheet. Needs no display and never writes to the database.
#pragma once

#include "core/config.hpp"
#include "options.hpp"

namespace hs::app {

// Returns the exit code: 0, 1 when the database cannot be read, 2 for a bad --since.
int report_command(const Options &options, const Config &config);

} // namespace hs::app
