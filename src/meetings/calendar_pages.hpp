/// The calendar feed's pages (calendar_routes.cpp): "Your calendar feed" for the signed-in person, and the feed
/// itself at its secret address for calendar programs.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>

#include "http/types.hpp"
#include "meetings/calendar_service.hpp"
#include "view/layout.hpp"

namespace roundtable::meetings::calendar_pages {

using boost::asio::awaitable;
using http::RequestContext;
using http::Response;

struct CalendarDeps {
  std::shared_ptr<CalendarService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
};

/// GET /account/calendar: what a feed is, how to add it, and the buttons to get an address or stop the feed.
awaitable<Response> feed_page(RequestContext& ctx, const CalendarDeps& deps);
/// POST /account/calendar: a new address (the old one stops working), shown once on the page this answers with.
awaitable<Response> new_address(RequestContext& ctx, const CalendarDeps& deps);
/// POST /account/calendar/stop: the feed stops; back to the page.
awaitable<Response> stop_feed(RequestContext& ctx, const CalendarDeps& deps);
/// GET /calendar/{token}: the feed, for calendar programs (no sign-in); 404 for an address that is not a feed's.
awaitable<Response> feed_file(RequestContext& ctx, const CalendarDeps& deps);

}  // namespace roundtable::meetings::calendar_pages
