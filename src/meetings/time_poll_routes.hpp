/// The "find a time" addresses (time_poll_pages.hpp), added after the meetings' own.
#pragma once

#include <vector>

#include "http/types.hpp"
#include "meetings/meeting_pages.hpp"

namespace roundtable::meetings {

void add_time_poll_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::meetings
