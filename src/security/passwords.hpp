/// Password hashing with argon2id (libsodium): the stored string carries its own salt and cost settings.
#pragma once

#include <string>
#include <string_view>

namespace roundtable::security {

/// How hard hashing is. `interactive` is for sign-in; `fast` is only for tests.
enum class PasswordCost { interactive, fast };

/// Sets the cost used from now on (tests use `fast` so they do not spend seconds hashing).
void set_password_cost(PasswordCost cost);

/// In a sanitizer build (the tests' build) only: uses the `fast` cost when ROUNDTABLE_TEST_FAST_PASSWORDS=1, so the
/// integration and browser tests' servers do not spend most of their time hashing the demo password (each argon2id
/// at the interactive cost touches 64 MiB). A release build ignores the variable. True when the fast cost is on.
bool use_test_password_cost_if_asked();

/// The argon2id hash of a password, as libsodium's "$argon2id$..." string. Throws if memory runs out.
std::string hash_password(std::string_view password);

/// True if password matches the stored hash. A malformed hash never matches.
bool verify_password(std::string_view stored_hash, std::string_view password);

/// Spends the same time as a verify against a real hash, so an unknown account answers as slowly as a known one.
void verify_password_of_nobody(std::string_view password);

/// True if the stored hash was made with other settings than the current ones (re-hash after sign-in).
bool password_needs_rehash(std::string_view stored_hash);

}  // namespace roundtable::security
