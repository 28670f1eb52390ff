/// Random tokens, keyed hashes and constant-time comparison (libsodium).
#pragma once

#include <string>
#include <string_view>

namespace roundtable::security {

/// Initialises libsodium; safe to call more than once. Throws if the library cannot start.
void init();
/// A fresh random token: `bytes` random bytes as URL-safe base64 without padding. The bytes come from a ChaCha20
/// stream per thread keyed by the operating system (again after a fork), not from a system call each time.
std::string random_token(size_t bytes = 32);
/// BLAKE2b keyed hash of data as URL-safe base64 (key: any length, hashed to 32 bytes first).
std::string keyed_hash(std::string_view key, std::string_view data);
/// Unkeyed hash (for storing lookup ids of secret tokens) as URL-safe base64.
std::string hash_token(std::string_view token);
/// Compares two strings in time that depends only on their lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace roundtable::security
