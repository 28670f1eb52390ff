/// The addresses of the accessibility statements' pages.
#pragma once

#include <vector>

#include "accessibility/statement_pages.hpp"

namespace roundtable::accessibility {

void add_accessibility_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::accessibility
