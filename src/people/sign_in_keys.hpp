/// Keys for counting failed sign-ins. They are hashes, so sign_in_failures never holds an email or an IP address.
#pragma once

#include <string>

#include "security/tokens.hpp"

namespace roundtable::people {

inline std::string account_key(const std::string& email) { return security::hash_token("account:" + email); }
inline std::string address_key(const std::string& address) { return security::hash_token("address:" + address); }

}  // namespace roundtable::people
