/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), as authenticator apps make
/// them, and the base32 secrets (RFC 4648) people type or scan into those apps.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace roundtable::security {

/// Base32 without padding, upper case.
std::string base32_encode(std::string_view bytes);
/// Decodes base32, ignoring spaces, hyphens, case and trailing '='; nullopt for any other character.
std::optional<std::string> base32_decode(std::string_view text);
/// A new secret: 20 random bytes (160 bits, as RFC 4226 recommends), base32.
std::string new_totp_secret();
/// The 6-digit HOTP value (RFC 4226) of the raw key for a counter.
std::uint32_t hotp(std::string_view key, std::uint64_t counter);
/// The code for a base32 secret at a unix time, as 6 digits with leading zeros ("" for a bad secret).
std::string totp_code(std::string_view secret_base32, long long unix_time);
/// If `code` (spaces ignored) is the code of a step within one step of now (clock drift) and newer than
/// last_step (so a code works once), returns that step.
std::optional<long long> verify_totp(std::string_view secret_base32, std::string_view code, long long now,
                                     long long last_step);
/// The otpauth:// address an authenticator app reads (from a QR code, or a link on a phone).
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32);

}  // namespace roundtable::security
