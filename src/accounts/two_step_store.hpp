/// The SQL for two-step sign-in: the app's key, recovery codes and sign-ins waiting for their second step.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace roundtable::accounts::store {

struct TwoStep {
  std::string secret;
  std::optional<long long> enabled_at;
  long long last_step = 0;
};

std::optional<TwoStep> find_two_step(soci::session& s, long long user_id);
/// Starts (or restarts) setting up: a new key, not yet enabled.
void put_pending_two_step(soci::session& s, long long user_id, const std::string& secret, long long now);
void enable_two_step(soci::session& s, long long user_id, long long step, long long now);
void set_last_step(soci::session& s, long long user_id, long long step);
/// Removes the key, the recovery codes and any waiting sign-ins.
void delete_two_step(soci::session& s, long long user_id);

/// Replaces the person's recovery codes with these hashes.
void replace_recovery_codes(soci::session& s, long long user_id, const std::vector<std::string>& hashes, long long now);
long long count_unused_recovery_codes(soci::session& s, long long user_id);
/// Marks the unused code with this hash used; false if there is none.
bool use_recovery_code(soci::session& s, long long user_id, const std::string& hash, long long now);

struct TwoStepChallenge {
  long long id = 0;
  long long user_id = 0;
  std::string next_path;
  long long expires_at = 0;
  int wrong_codes = 0;
};

void insert_two_step_challenge(soci::session& s, long long user_id, const std::string& token_hash,
                               const std::string& next_path, long long now, long long expires_at);
/// The waiting sign-in with this token hash, if it has not expired.
std::optional<TwoStepChallenge> find_two_step_challenge(soci::session& s, const std::string& token_hash, long long now);
void record_wrong_two_step_code(soci::session& s, long long id);
void delete_two_step_challenge(soci::session& s, long long id);

}  // namespace roundtable::accounts::store
