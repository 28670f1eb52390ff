/// The addresses of people's calendar feeds (calendar_pages.hpp).
#pragma once

#include <vector>

#include "meetings/calendar_pages.hpp"

namespace roundtable::meetings {

void add_calendar_routes(std::vector<http::Route>& routes, const calendar_pages::CalendarDeps& deps);

}  // namespace roundtable::meetings
