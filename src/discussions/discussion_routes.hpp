/// The discussions module's addresses.
#pragma once

#include <vector>

#include "discussions/discussion_pages.hpp"
#include "http/types.hpp"

namespace roundtable::discussions {

void add_discussion_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::discussions
