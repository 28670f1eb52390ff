/// The series form (series.hpp): what was typed, kept as typed for showing again, checked into catalogue keys
/// (meetings.series.error.*). Times are Europe/London clock times; dates are typed in three boxes.
#pragma once

#include <string>
#include <vector>

#include "accounts/account_form.hpp"
#include "meetings/series.hpp"

namespace roundtable::http {
class FormData;
}

namespace roundtable::meetings {

/// The member types an attendance rule may name (as stored in member_types).
inline constexpr const char* kRuleMemberTypes[] = {"staff", "lived_experience", "unpaid_carer", "partner_organisation"};
inline constexpr int kMaxRuleMonths = 24;
inline constexpr int kMaxLengthMinutes = 12 * 60;

struct SeriesForm {
  std::string title;
  std::string purpose;
  /// weekly, fortnightly or monthly; the weekday 0 (Sunday) to 6; for monthly, 1 to 4 or 5 (last).
  std::string frequency;
  std::string weekday;
  std::string week_of_month;
  std::string start;
  std::string length;
  std::string online_url;
  std::string venue;
  std::vector<std::string> access;
  std::string access_notes;
  std::string first_day, first_month, first_year;
  std::string last_day, last_month, last_year;
  bool open = true;
  /// A member type code, or "" for no rule; and how many months.
  std::string rule_type;
  std::string rule_months;
  std::string create_key;
};

SeriesForm read_series(const http::FormData& form);
SeriesForm form_of(const series::SeriesDetails& d);
/// Problems in page order. creating: the pattern and the first date are checked (they cannot be changed later), the
/// first date must be today (in London) or later, and the create key must be there.
std::vector<accounts::FormProblem> check_series(const SeriesForm& form, bool creating, long long now);
/// The details of a form check_series found nothing wrong with.
series::SeriesDetails details_of(const SeriesForm& form);

}  // namespace roundtable::meetings
