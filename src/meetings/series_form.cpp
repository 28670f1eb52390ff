#include "meetings/series_form.hpp"

#include <algorithm>

#include "accounts/form_checks.hpp"
#include "core/text.hpp"
#include "http/form.hpp"
#include "meetings/meeting_form.hpp"

namespace roundtable::meetings {

namespace {

using accounts::FormProblem;

using accounts::check_at_most;
using accounts::check_required;

/// The start of this form's error keys.
constexpr std::string_view kErrors = "meetings.series.error.";

std::optional<series::Date> typed(const std::string& d, const std::string& m, const std::string& y) {
  const auto day = core::small_number(d), month = core::small_number(m), year = core::small_number(y);
  if (!day || !month || !year || y.size() != 4 || *year < 1971) return std::nullopt;
  if (!series::parse_date(series::date_text({*year, *month, *day}))) return std::nullopt;
  return series::Date{*year, *month, *day};
}

std::optional<int> in_range(const std::string& v, int low, int high) {
  const auto n = core::small_number(v);
  if (!n || *n < low || *n > high) return std::nullopt;
  return n;
}

std::vector<std::string> values(const http::FormData& form, std::string_view name) {
  std::vector<std::string> out;
  for (auto v : form.all(name)) out.emplace_back(http::trim_space(v));
  return out;
}

bool known_type(const std::string& code) {
  return std::any_of(std::begin(kRuleMemberTypes), std::end(kRuleMemberTypes),
                     [&](const char* t) { return code == t; });
}

}  // namespace

SeriesForm read_series(const http::FormData& form) {
  SeriesForm f;
  f.title = form.trimmed("title");
  f.purpose = form.trimmed("purpose");
  f.frequency = form.trimmed("frequency");
  f.weekday = form.trimmed("weekday");
  f.week_of_month = form.trimmed("week_of_month");
  f.start = form.trimmed("start");
  f.length = form.trimmed("length");
  f.online_url = form.trimmed("online_url");
  f.venue = form.trimmed("venue");
  f.access = values(form, "access");
  f.access_notes = form.trimmed("access_notes");
  f.first_day = form.trimmed("first-day");
  f.first_month = form.trimmed("first-month");
  f.first_year = form.trimmed("first-year");
  f.last_day = form.trimmed("last-day");
  f.last_month = form.trimmed("last-month");
  f.last_year = form.trimmed("last-year");
  f.open = form.trimmed("open") == "yes";
  f.rule_type = form.trimmed("rule_type");
  f.rule_months = form.trimmed("rule_months");
  f.create_key = form.trimmed("create_key");
  return f;
}

SeriesForm form_of(const series::SeriesDetails& d) {
  SeriesForm f;
  f.title = d.title;
  f.purpose = d.purpose;
  f.frequency = series::frequency_code(d.recurrence.frequency);
  f.weekday = std::to_string(d.recurrence.weekday);
  f.week_of_month = std::to_string(d.recurrence.week_of_month);
  f.start = clock_time_code(d.start_minute / 60, d.start_minute % 60);
  f.length = std::to_string(d.length_minutes);
  f.online_url = d.online_url;
  f.venue = d.venue;
  for (Access a : d.access) f.access.emplace_back(access_code(a));
  f.access_notes = d.access_notes;
  f.first_day = std::to_string(d.first.day);
  f.first_month = std::to_string(d.first.month);
  f.first_year = std::to_string(d.first.year);
  if (d.last) {
    f.last_day = std::to_string(d.last->day);
    f.last_month = std::to_string(d.last->month);
    f.last_year = std::to_string(d.last->year);
  }
  f.open = d.open_to_organisation;
  f.rule_type = d.rule.months > 0 ? d.rule.member_type : "";
  f.rule_months = d.rule.months > 0 ? std::to_string(d.rule.months) : "";
  return f;
}

std::vector<FormProblem> check_series(const SeriesForm& f, bool creating, long long now) {
  std::vector<FormProblem> out;
  check_required(out, f.title, kMaxTitle, "title", kErrors);
  check_required(out, f.purpose, kMaxPurpose, "purpose", kErrors);
  const auto first = typed(f.first_day, f.first_month, f.first_year);
  if (creating) {
    const auto frequency = series::parse_frequency(f.frequency);
    if (!frequency) out.push_back({"frequency", "meetings.series.error.frequency_missing"});
    if (!in_range(f.weekday, 0, 6)) out.push_back({"weekday", "meetings.series.error.weekday_missing"});
    if (frequency == series::Frequency::monthly && !in_range(f.week_of_month, 1, series::kLastWeek)) {
      out.push_back({"week_of_month", "meetings.series.error.week_of_month_missing"});
    }
    if (f.first_day.empty() && f.first_month.empty() && f.first_year.empty()) {
      out.push_back({"first-day", "meetings.series.error.first_missing"});
    } else if (!first) {
      out.push_back({"first-day", "meetings.series.error.first_real"});
    } else if (*first < series::london_date(now)) {
      out.push_back({"first-day", "meetings.series.error.first_past"});
    }
  }
  const auto start = parse_clock_time(f.start);
  if (f.start.empty()) {
    out.push_back({"start", "meetings.series.error.start_missing"});
  } else if (!start) {
    out.push_back({"start", "meetings.series.error.start_time"});
  }
  if (f.length.empty()) {
    out.push_back({"length", "meetings.series.error.length_missing"});
  } else if (!in_range(f.length, 5, kMaxLengthMinutes)) {
    out.push_back({"length", "meetings.series.error.length_range"});
  }
  if (f.online_url.empty() && f.venue.empty()) {
    out.push_back({"online_url", "meetings.series.error.where_missing"});
  } else if (!f.online_url.empty() && (core::characters(f.online_url) > kMaxUrl || !web_address(f.online_url))) {
    out.push_back({"online_url", "meetings.series.error.online_url_bad"});
  }
  check_at_most(out, f.venue, kMaxVenue, "venue", kErrors);
  check_at_most(out, f.access_notes, kMaxAccessNotes, "access_notes", kErrors);
  if (!(f.last_day.empty() && f.last_month.empty() && f.last_year.empty())) {
    const auto last = typed(f.last_day, f.last_month, f.last_year);
    if (!last) {
      out.push_back({"last-day", "meetings.series.error.last_real"});
    } else if (first && *last < *first) {
      out.push_back({"last-day", "meetings.series.error.last_before_first"});
    }
  }
  if (!f.rule_type.empty()) {
    if (!known_type(f.rule_type)) out.push_back({"rule_type", "meetings.series.error.rule_type"});
    if (!in_range(f.rule_months, 1, kMaxRuleMonths)) {
      out.push_back({"rule_months", "meetings.series.error.rule_months"});
    }
  }
  if (creating && (f.create_key.size() < 16 || f.create_key.size() > 64)) {
    out.push_back({"title", "meetings.series.error.form_expired"});
  }
  return out;
}

series::SeriesDetails details_of(const SeriesForm& f) {
  series::SeriesDetails d;
  d.title = f.title;
  d.purpose = f.purpose;
  d.recurrence.frequency = series::parse_frequency(f.frequency).value_or(series::Frequency::monthly);
  d.recurrence.weekday = in_range(f.weekday, 0, 6).value_or(3);
  d.recurrence.week_of_month = in_range(f.week_of_month, 1, series::kLastWeek).value_or(1);
  if (const auto start = parse_clock_time(f.start)) d.start_minute = start->first * 60 + start->second;
  d.length_minutes = in_range(f.length, 5, kMaxLengthMinutes).value_or(60);
  d.online_url = f.online_url;
  d.venue = f.venue;
  for (Access a : kAllAccess) {
    if (std::find(f.access.begin(), f.access.end(), access_code(a)) != f.access.end()) d.access.push_back(a);
  }
  d.access_notes = f.access_notes;
  d.first = typed(f.first_day, f.first_month, f.first_year).value_or(series::Date{});
  d.last = typed(f.last_day, f.last_month, f.last_year);
  d.open_to_organisation = f.open;
  if (!f.rule_type.empty()) {
    d.rule.member_type = f.rule_type;
    d.rule.months = in_range(f.rule_months, 1, kMaxRuleMonths).value_or(0);
  }
  return d;
}

}  // namespace roundtable::meetings
