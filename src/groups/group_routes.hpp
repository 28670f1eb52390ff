/// The groups module's addresses, each with the policy that guards it.
#pragma once

#include <vector>

#include "groups/group_pages.hpp"
#include "http/types.hpp"

namespace roundtable::groups {

void add_group_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::groups
