/// The pages of series of open sessions (series_pages.cpp, series_form_pages.cpp and series_report_pages.cpp;
/// addresses in meeting_routes.cpp).
#pragma once

#include "meetings/meeting_pages.hpp"

namespace roundtable::meetings::pages {

/// "/o/{org}/series/{id}"
std::string series_url(const OrgRequest& req, long long id);

// A group's series, making one.
awaitable<Response> group_series(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> new_series(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_series(OrgRequest& req, const PagesDeps& deps);
// One series: its page, changing it, more dates, the attendance report (a page and a spreadsheet file).
awaitable<Response> series_page(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> edit_series(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_series(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> add_series_dates(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> series_report(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> series_report_csv(OrgRequest& req, const PagesDeps& deps);
// The organisation's open sessions, for every member.
awaitable<Response> open_sessions(OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::meetings::pages
