/// The loop's addresses: each contribution's timeline under /o/{org}/loop/{kind}/{id}, a group's "You said, we did"
/// under /o/{org}/groups/{group}/you-said-we-did (and /groups/{org}/{group}/you-said-we-did for a public group), and
/// /account/what-happened.
#pragma once

#include <vector>

#include "http/types.hpp"
#include "loop/loop_pages.hpp"

namespace roundtable::loop {

void add_loop_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::loop
