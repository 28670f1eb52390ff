/// Reading and checking the accounts forms: sign-in, email addresses and new passwords. Errors are catalogue keys.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/account.hpp"
#include "http/form.hpp"

namespace roundtable::accounts {

/// A field's problem as a message key, e.g. {"email", "accounts.sign_in.error.email_missing"}.
struct FormProblem {
  std::string field;
  std::string key;
};

struct SignInForm {
  std::string email;
  std::string password;
  /// Where to go after signing in (a local path), or "".
  std::string next;
};
SignInForm read_sign_in(const http::FormData& form);
/// The problem with an email address as typed (missing, or not like name@example.com), if any.
std::optional<FormProblem> check_email(std::string_view typed);
std::vector<FormProblem> check_sign_in(const SignInForm& f);

inline constexpr size_t kMaxNameLength = 120;
inline constexpr size_t kMinPasswordLength = 8;
inline constexpr size_t kMaxPasswordLength = 200;

/// A new password and its repeat: long enough, not too long, not a well-known one, not the email address.
std::vector<FormProblem> check_new_password(std::string_view password, std::string_view confirm,
                                            std::string_view email);

}  // namespace roundtable::accounts
