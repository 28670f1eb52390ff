#include "meetings/calendar_routes.hpp"

#include "http/route_list.hpp"

namespace roundtable::meetings {

void add_calendar_routes(std::vector<http::Route>& routes, const calendar_pages::CalendarDeps& deps) {
  using namespace http::policy;
  using http::bind;
  http::RouteList r(routes);
  r.get("/account/calendar", "calendar_feed", signed_in(), bind(deps, calendar_pages::feed_page));
  r.post("/account/calendar", "calendar_feed_create", signed_in(), bind(deps, calendar_pages::new_address));
  r.post("/account/calendar/stop", "calendar_feed_remove", signed_in(), bind(deps, calendar_pages::stop_feed));
  // For calendar programs, which cannot sign in: the secret in the address is the key ("<secret>.ics"). The
  // parameter is named {token}, so the access log writes the route's pattern instead of the path (http/pipeline.cpp).
  r.get("/calendar/{token}", "calendar_feed_file", public_access(), bind(deps, calendar_pages::feed_file)).not_html();
}

}  // namespace roundtable::meetings
