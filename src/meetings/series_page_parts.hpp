/// What the pages of series of open sessions share (series_pages.cpp, series_form_pages.cpp,
/// series_report_pages.cpp): finding the series in the address, who may do what to it, and its words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "meetings/meeting_pages.hpp"
#include "meetings/series_service.hpp"

namespace roundtable::meetings::pages {

/// The person may do this to the series (the policy does not deny it).
bool may_series(const OrgRequest& req, const series::SeriesForViewer& v, policy::Action action);
/// "/o/{org}/groups/{group}/series"
std::string group_series_url(const OrgRequest& req, long long group_id);
/// The answer to send instead when the person may not do this (404, or two-step sign-in first).
std::optional<Response> refused(OrgRequest& req, const PagesDeps& deps, policy::Verdict verdict);
/// A kind of member in words ("Staff"), or the code itself when it is not one.
std::string member_type_words(const core::Translator& t, std::string_view code);
/// "Staff who joined in the last 3 months must come to one session." ("" when there is no rule.)
std::string rule_words(const core::Translator& t, const series::Rule& rule);
/// "5 January 2027".
std::string date_words(const core::Translator& t, const series::Date& d);
/// The series named by {series}, when the person may do this to it; otherwise the answer to send instead.
awaitable<std::variant<SeriesPage, Response>> load_series(OrgRequest& req, const PagesDeps& deps,
                                                          policy::Action action);

}  // namespace roundtable::meetings::pages
