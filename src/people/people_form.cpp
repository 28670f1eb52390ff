#include "people/people_form.hpp"

#include <algorithm>
#include <cctype>

#include "http/form.hpp"

namespace roundtable::people {

namespace {

/// Counts characters, not bytes, so Welsh names with accents get the same limit.
size_t utf8_length(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

std::vector<FormProblem> check_new_password(std::string_view password, std::string_view confirm,
                                            std::string_view email) {
  static constexpr std::string_view kWellKnown[] = {"password",   "password1", "12345678", "123456789",  "1234567890",
                                                    "qwertyuiop", "qwerty123", "iloveyou", "roundtable", "cyfrinair",
                                                    "letmein1",   "11111111",  "abc12345"};
  std::vector<FormProblem> problems;
  const size_t length = utf8_length(password);
  std::string lower(password);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (password.empty()) {
    problems.push_back({"password", "password.error.missing"});
  } else if (length < kMinPasswordLength) {
    problems.push_back({"password", "password.error.too_short"});
  } else if (length > kMaxPasswordLength) {
    problems.push_back({"password", "password.error.too_long"});
  } else if (std::find(std::begin(kWellKnown), std::end(kWellKnown), lower) != std::end(kWellKnown) ||
             (!email.empty() && lower == normalise_email(email))) {
    problems.push_back({"password", "password.error.guessable"});
  }
  if (problems.empty() && confirm != password) problems.push_back({"confirm_password", "password.error.mismatch"});
  return problems;
}

SignInForm read_sign_in(const http::FormData& form) {
  SignInForm f;
  f.email = form.trimmed("email");
  f.password = std::string(form.value("password"));
  std::string next(form.value("next"));
  if (http::is_local_path(next)) f.next = next;
  return f;
}

std::optional<FormProblem> check_email(std::string_view typed) {
  const std::string email = normalise_email(typed);
  if (email.empty()) return FormProblem{"email", "sign_in.error.email_missing"};
  if (!is_plausible_email(email)) return FormProblem{"email", "sign_in.error.email_format"};
  return std::nullopt;
}

std::vector<FormProblem> check_sign_in(const SignInForm& f) {
  std::vector<FormProblem> problems;
  if (auto p = check_email(f.email)) problems.push_back(*p);
  if (f.password.empty()) problems.push_back({"password", "sign_in.error.password_missing"});
  return problems;
}

OrgForm read_org(const http::FormData& form) {
  OrgForm f;
  f.name = form.trimmed("name");
  f.slug = normalise_email(form.value("slug"));  // trims and lower-cases
  for (auto l : form.all("languages")) f.languages.emplace_back(l);
  f.signup_mode = std::string(form.value("signup_mode"));
  return f;
}

OrgForm org_form_from(const Organisation& org) {
  OrgForm f;
  f.name = org.name;
  f.slug = org.slug;
  for (auto l : org.languages) f.languages.emplace_back(core::lang_code(l));
  f.signup_mode = std::string(signup_mode_code(org.signup_mode));
  return f;
}

std::vector<FormProblem> check_org(const OrgForm& f, bool check_slug) {
  std::vector<FormProblem> problems;
  if (f.name.empty()) {
    problems.push_back({"name", "org.error.name_missing"});
  } else if (utf8_length(f.name) > kMaxNameLength) {
    problems.push_back({"name", "org.error.name_too_long"});
  }
  if (check_slug) {
    if (f.slug.empty()) {
      problems.push_back({"slug", "org.error.slug_missing"});
    } else if (!is_valid_slug(f.slug)) {
      problems.push_back({"slug", "org.error.slug_format"});
    }
  }
  bool any_language = false;
  for (auto& l : f.languages) {
    if (core::parse_lang(l)) any_language = true;
  }
  if (!any_language) problems.push_back({"languages", "org.error.languages_missing"});
  if (!parse_signup_mode(f.signup_mode)) problems.push_back({"signup_mode", "org.error.signup_missing"});
  return problems;
}

Organisation org_from_form(const OrgForm& f) {
  Organisation o;
  o.name = f.name;
  o.slug = f.slug;
  std::string langs;
  for (auto& l : f.languages) langs += (langs.empty() ? "" : ",") + l;
  o.languages = parse_languages(langs);
  o.signup_mode = parse_signup_mode(f.signup_mode).value_or(SignupMode::invitation);
  return o;
}

}  // namespace roundtable::people
