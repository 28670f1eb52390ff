/// The opportunities module's addresses, each with the policy that guards it.
#pragma once

#include <vector>

#include "http/types.hpp"
#include "opportunities/opportunity_pages.hpp"

namespace roundtable::opportunities {

void add_opportunity_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::opportunities
