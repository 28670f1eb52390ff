/// The meetings module's addresses.
#pragma once

#include <vector>

#include "http/types.hpp"
#include "meetings/meeting_pages.hpp"

namespace roundtable::meetings {

void add_meeting_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::meetings
