#include "accounts/account_form.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "http/form.hpp"

namespace roundtable::accounts {

std::vector<FormProblem> check_new_password(std::string_view password, std::string_view confirm,
                                            std::string_view email) {
  static constexpr std::string_view kWellKnown[] = {"password",   "password1", "12345678", "123456789",  "1234567890",
                                                    "qwertyuiop", "qwerty123", "iloveyou", "roundtable", "cyfrinair",
                                                    "letmein1",   "11111111",  "abc12345"};
  std::vector<FormProblem> problems;
  const size_t length = core::characters(password);
  std::string lower(password);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (password.empty()) {
    problems.push_back({"password", "accounts.password.error.missing"});
  } else if (length < kMinPasswordLength) {
    problems.push_back({"password", "accounts.password.error.too_short"});
  } else if (length > kMaxPasswordLength) {
    problems.push_back({"password", "accounts.password.error.too_long"});
  } else if (std::find(std::begin(kWellKnown), std::end(kWellKnown), lower) != std::end(kWellKnown) ||
             (!email.empty() && lower == normalise_email(email))) {
    problems.push_back({"password", "accounts.password.error.guessable"});
  }
  if (problems.empty() && confirm != password)
    problems.push_back({"confirm_password", "accounts.password.error.mismatch"});
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
  if (email.empty()) return FormProblem{"email", "accounts.sign_in.error.email_missing"};
  if (!is_plausible_email(email)) return FormProblem{"email", "accounts.sign_in.error.email_format"};
  return std::nullopt;
}

std::vector<FormProblem> check_sign_in(const SignInForm& f) {
  std::vector<FormProblem> problems;
  if (auto p = check_email(f.email)) problems.push_back(*p);
  if (f.password.empty()) problems.push_back({"password", "accounts.sign_in.error.password_missing"});
  return problems;
}

}  // namespace roundtable::accounts
