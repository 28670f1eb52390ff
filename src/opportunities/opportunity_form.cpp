#include "opportunities/opportunity_form.hpp"

#include "accounts/form_checks.hpp"
#include "core/text.hpp"
#include "http/form.hpp"

namespace roundtable::opportunities {

namespace {

using accounts::check_at_most;
using accounts::check_required;

/// The start of this form's error keys.
constexpr std::string_view kErrors = "opportunities.error.";

/// The typed date as YYYY-MM-DD, when it is a real date.
std::optional<Date> typed_date(const OpportunityForm& f) {
  const auto d = core::small_number(f.day), m = core::small_number(f.month), y = core::small_number(f.year);
  if (!d || !m || !y || f.year.size() != 4) return std::nullopt;
  return parse_date(date_code({*y, *m, *d}));
}

}  // namespace

OpportunityForm read_opportunity(const http::FormData& form) {
  OpportunityForm f;
  f.title = form.trimmed("title");
  f.description = form.trimmed("description");
  f.time_asked = form.trimmed("time_asked");
  f.payment = form.trimmed("payment");
  f.support = form.trimmed("support");
  f.day = form.trimmed("closes-day");
  f.month = form.trimmed("closes-month");
  f.year = form.trimmed("closes-year");
  f.audience = form.trimmed("audience");
  f.create_key = form.trimmed("create_key");
  return f;
}

OpportunityForm form_of(const OpportunityDetails& d) {
  OpportunityForm f;
  f.title = d.title;
  f.description = d.description;
  f.time_asked = d.time_asked;
  f.payment = d.payment;
  f.support = d.support;
  if (auto date = parse_date(d.closes_on)) {
    f.day = std::to_string(date->day);
    f.month = std::to_string(date->month);
    f.year = std::to_string(date->year);
  }
  f.audience = audience_code(d.audience);
  return f;
}

std::vector<FormProblem> check_opportunity(const OpportunityForm& f, bool creating, const Date& today) {
  std::vector<FormProblem> out;
  check_required(out, f.title, kMaxTitle, "title", kErrors);
  check_required(out, f.description, kMaxDescription, "description", kErrors);
  check_required(out, f.time_asked, kMaxShort, "time_asked", kErrors);
  check_required(out, f.payment, kMaxShort, "payment", kErrors);
  check_at_most(out, f.support, kMaxSupport, "support", kErrors);
  if (f.day.empty() && f.month.empty() && f.year.empty()) {
    out.push_back({"closes-day", "opportunities.error.closes_missing"});
  } else if (const auto date = typed_date(f); !date) {
    out.push_back({"closes-day", "opportunities.error.closes_real"});
  } else if (*date < today) {
    out.push_back({"closes-day", "opportunities.error.closes_past"});
  }
  if (!parse_audience(f.audience)) out.push_back({"audience", "opportunities.error.audience"});
  // The key comes from the page, not the person: without it the page was not ours (or is very old).
  if (creating && (f.create_key.size() < 16 || f.create_key.size() > 64)) {
    out.push_back({"title", "opportunities.error.form_expired"});
  }
  return out;
}

OpportunityDetails details_of(const OpportunityForm& f) {
  OpportunityDetails d;
  d.title = f.title;
  d.description = f.description;
  d.time_asked = f.time_asked;
  d.payment = f.payment;
  d.support = f.support;
  if (auto date = typed_date(f)) d.closes_on = date_code(*date);
  d.audience = parse_audience(f.audience).value_or(Audience::members);
  return d;
}

InterestForm read_interest(const http::FormData& form) {
  return {form.trimmed("message"), form.trimmed("help"), form.trimmed("remove_recording") == "1"};
}

std::vector<FormProblem> check_interest(const InterestForm& f, bool has_recording) {
  std::vector<FormProblem> out;
  if (f.message.empty() && !has_recording) {
    out.push_back({"message", "opportunities.error.message_or_recording"});
  } else if (core::characters(f.message) > kMaxMessage) {
    out.push_back({"message", "opportunities.error.message_long"});
  }
  check_at_most(out, f.help, kMaxHelp, "help", kErrors);
  return out;
}

}  // namespace roundtable::opportunities
