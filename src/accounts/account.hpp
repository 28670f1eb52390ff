/// Accounts: the plain type of a person's account, and how email addresses are compared (no SOCI, no Beast).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "core/i18n.hpp"

namespace roundtable::accounts {

struct User {
  long long id = 0;
  std::string email;
  std::string name;
  /// Empty: the person cannot sign in with a password.
  std::string password_hash;
  core::Lang lang = core::Lang::en;
  bool platform_admin = false;
};

/// Trimmed and lower-cased, as emails are stored and compared.
std::string normalise_email(std::string_view email);
/// A plausible email address: one @, something before it, a dot in the part after, no spaces, at most 254 chars.
bool is_plausible_email(std::string_view email);
/// Thrown when an account with the email address exists.
class EmailTaken : public std::runtime_error {
 public:
  EmailTaken() : std::runtime_error("an account with that email address already exists") {}
};

}  // namespace roundtable::accounts
