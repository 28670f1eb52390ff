#include "accessibility/statement_form.hpp"

#include <charconv>

#include "accounts/account.hpp"
#include "http/form.hpp"

namespace roundtable::accessibility {

namespace {

/// Digits, spaces and + ( ) - only, with at least 6 digits.
bool plausible_phone(std::string_view p) {
  if (p.size() > 40) return false;
  int digits = 0;
  for (char c : p) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '(' && c != ')' && c != '-') {
      return false;
    }
  }
  return digits >= 6;
}

std::optional<int> parse_days(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

StatementForm read_statement(const http::FormData& form) {
  StatementForm f;
  f.compliance = form.trimmed("compliance");
  f.known_problems = form.trimmed("known_problems");
  f.contact_email = form.trimmed("contact_email");
  f.contact_phone = form.trimmed("contact_phone");
  f.reply_days = form.trimmed("reply_days");
  f.published = form.trimmed("published");
  return f;
}

StatementForm form_of(const Statement& st) {
  return {std::string(compliance_code(st.compliance)),
          st.known_problems,
          st.contact_email,
          st.contact_phone,
          std::to_string(st.reply_days),
          st.published ? "yes" : "no"};
}

std::vector<FormProblem> check_statement(const StatementForm& f) {
  std::vector<FormProblem> problems;
  const auto compliance = parse_compliance(f.compliance);
  if (!compliance) problems.push_back({"compliance", "accessibility.error.compliance"});
  if (f.known_problems.size() > kMaxKnownProblems) {
    problems.push_back({"known_problems", "accessibility.error.known_problems_long"});
  } else if (compliance && *compliance != Compliance::full && f.known_problems.empty()) {
    problems.push_back({"known_problems", "accessibility.error.known_problems"});
  }
  if (f.contact_email.empty() && f.contact_phone.empty()) {
    problems.push_back({"contact_email", "accessibility.error.contact"});
  } else {
    if (!f.contact_email.empty() && !accounts::is_plausible_email(f.contact_email)) {
      problems.push_back({"contact_email", "accessibility.error.email"});
    }
    if (!f.contact_phone.empty() && !plausible_phone(f.contact_phone)) {
      problems.push_back({"contact_phone", "accessibility.error.phone"});
    }
  }
  const auto days = parse_days(f.reply_days);
  if (!days || *days < 1 || *days > 60) problems.push_back({"reply_days", "accessibility.error.reply_days"});
  if (f.published != "yes" && f.published != "no") problems.push_back({"published", "accessibility.error.published"});
  return problems;
}

Statement statement_of(const StatementForm& f, long long org_id) {
  Statement st;
  st.org_id = org_id;
  st.compliance = parse_compliance(f.compliance).value_or(Compliance::partial);
  st.known_problems = f.known_problems;
  st.contact_email = f.contact_email;
  st.contact_phone = f.contact_phone;
  st.reply_days = parse_days(f.reply_days).value_or(5);
  st.published = f.published == "yes";
  return st;
}

}  // namespace roundtable::accessibility
