/// Keys for counting failed sign-ins. They are hashes, so sign_in_failures never holds an email or an IP address.
#pragma once

#include <string>

#include "security/tokens.hpp"

namespace roundtable::accounts {

inline std::string account_key(const std::string& email) { return security::hash_token("account:" + email); }
inline std::string address_key(const std::string& address) { return security::hash_token("address:" + address); }
/// Failures from browsers that have signed in to this account before (docs/adr/0019): counted apart, so guessing
/// elsewhere does not slow the owner down.
inline std::string known_browser_key(const std::string& email) { return security::hash_token("known:" + email); }
/// Failures for this account from this address.
inline std::string account_address_key(const std::string& email, const std::string& address) {
  return security::hash_token("account-address:" + email + "\n" + address);
}
/// Wrong two-step codes typed by someone already signed in (turning it off, new recovery codes): counted apart
/// from sign-ins, so guessing here cannot lock the owner out of signing in.
inline std::string signed_in_code_key(long long user_id) {
  return security::hash_token("two-step-code:" + std::to_string(user_id));
}

}  // namespace roundtable::accounts
