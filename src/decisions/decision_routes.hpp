/// The decisions addresses: a group's decisions and new proposals under /o/{org}/groups/{group}/decisions, and each
/// proposal under /o/{org}/decisions/{decision}.
#pragma once

#include <vector>

#include "decisions/decision_pages.hpp"
#include "http/types.hpp"

namespace roundtable::decisions {

void add_decision_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::decisions
