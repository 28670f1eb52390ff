/// The measures' addresses: /o/{org}/groups/{group}/measures(.csv) and /o/{org}/measures(.csv).
#pragma once

#include <vector>

#include "http/types.hpp"
#include "measures/measures_pages.hpp"

namespace roundtable::measures {

void add_measures_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::measures
