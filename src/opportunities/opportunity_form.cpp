#include "opportunities/opportunity_form.hpp"

#include <charconv>

#include "http/form.hpp"

namespace roundtable::opportunities {

namespace {

/// Characters, not bytes (UTF-8): Welsh and other letters count once.
std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void required(std::vector<FormProblem>& out, const std::string& value, std::size_t max, const char* field) {
  if (value.empty()) {
    out.push_back({field, "opportunities.error." + std::string(field) + "_missing"});
  } else if (length(value) > max) {
    out.push_back({field, "opportunities.error." + std::string(field) + "_long"});
  }
}

/// "7" → 7; nullopt unless one to four digits.
std::optional<int> small_number(std::string_view v) {
  int n = 0;
  if (v.empty() || v.size() > 4) return std::nullopt;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

/// The typed date as YYYY-MM-DD, when it is a real date.
std::optional<Date> typed_date(const OpportunityForm& f) {
  const auto d = small_number(f.day), m = small_number(f.month), y = small_number(f.year);
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
  required(out, f.title, kMaxTitle, "title");
  required(out, f.description, kMaxDescription, "description");
  required(out, f.time_asked, kMaxShort, "time_asked");
  required(out, f.payment, kMaxShort, "payment");
  if (length(f.support) > kMaxSupport) out.push_back({"support", "opportunities.error.support_long"});
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
  } else if (length(f.message) > kMaxMessage) {
    out.push_back({"message", "opportunities.error.message_long"});
  }
  if (length(f.help) > kMaxHelp) out.push_back({"help", "opportunities.error.help_long"});
  return out;
}

}  // namespace roundtable::opportunities
