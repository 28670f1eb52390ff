/// The only place the SQL for accounts, password reset links and sign-in failures lives.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/account.hpp"

namespace soci {
class session;
}

namespace roundtable::accounts::store {

long long now_seconds();

std::optional<User> find_user_by_email(soci::session& s, const std::string& email);
std::optional<User> find_user_by_id(soci::session& s, long long id);
/// Inserts the user (email already normalised); returns the new id.
long long insert_user(soci::session& s, const User& user);
void set_password_hash(soci::session& s, long long user_id, const std::string& hash);
void set_platform_admin(soci::session& s, long long user_id, bool admin);

/// Password reset links (token_hash: a hash of the emailed secret).
void insert_password_reset(soci::session& s, const std::string& token_hash, long long user_id, long long now,
                           long long expires_at);
/// How many reset links were made for the person since the given time.
long long count_password_resets(soci::session& s, long long user_id, long long since);
/// The person whose link this is, if it is unused and not expired.
std::optional<long long> valid_password_reset(soci::session& s, const std::string& token_hash, long long now);
/// A stand-in for a reset link or its email when none is sent (migrations/0020): the same kind of write, seen by no
/// one.
void insert_password_reset_decoy(soci::session& s, const std::string& token_hash, long long now);
/// Marks the link used, and every other link of the person too.
void use_password_resets(soci::session& s, long long user_id, long long now);
/// Ends every session of the person (after a password change).
void end_sessions(soci::session& s, long long user_id);

/// Failed sign-ins recorded under key since the given time.
long long count_failures(soci::session& s, const std::string& key, long long since);
void record_failure(soci::session& s, const std::string& key, long long at);
/// When the newest failure under this key was, if there is one.
std::optional<long long> last_failure(soci::session& s, const std::string& key);
void clear_failures(soci::session& s, const std::string& key);
/// Deletes failures older than the given time; returns how many.
long long purge_failures(soci::session& s, long long before);
/// Deletes password reset links, sign-in links and waiting two-step sign-ins that expired before the given time.
long long purge_password_resets(soci::session& s, long long expired_before);
long long purge_sign_in_links(soci::session& s, long long expired_before);
long long purge_two_step_challenges(soci::session& s, long long expired_before);
/// Deletes the stand-ins made before the given time.
long long purge_password_reset_decoys(soci::session& s, long long before);
}  // namespace roundtable::accounts::store
