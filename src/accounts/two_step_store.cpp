#include "accounts/two_step_store.hpp"

#include "db/rows.hpp"

namespace roundtable::accounts::store {

std::optional<TwoStep> find_two_step(soci::session& s, long long user_id) {
  soci::row r;
  s << "SELECT secret, enabled_at, last_step FROM two_step WHERE user_id = :u", soci::use(user_id), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return TwoStep{db::row_text(r, 0), db::row_int_or_null(r, 1), db::row_int(r, 2)};
}

void put_pending_two_step(soci::session& s, long long user_id, const std::string& secret, long long now) {
  s << "DELETE FROM two_step WHERE user_id = :u", soci::use(user_id);
  s << "INSERT INTO two_step (user_id, secret, created_at) VALUES (:u, :s, :now)", soci::use(user_id),
      soci::use(secret), soci::use(now);
}

void enable_two_step(soci::session& s, long long user_id, long long step, long long now) {
  s << "UPDATE two_step SET enabled_at = :now, last_step = :step WHERE user_id = :u", soci::use(now), soci::use(step),
      soci::use(user_id);
}

void set_last_step(soci::session& s, long long user_id, long long step) {
  s << "UPDATE two_step SET last_step = :step WHERE user_id = :u", soci::use(step), soci::use(user_id);
}

void delete_two_step(soci::session& s, long long user_id) {
  s << "DELETE FROM two_step_challenges WHERE user_id = :u", soci::use(user_id);
  s << "DELETE FROM two_step_recovery_codes WHERE user_id = :u", soci::use(user_id);
  s << "DELETE FROM two_step WHERE user_id = :u", soci::use(user_id);
}

void replace_recovery_codes(soci::session& s, long long user_id, const std::vector<std::string>& hashes,
                            long long now) {
  s << "DELETE FROM two_step_recovery_codes WHERE user_id = :u", soci::use(user_id);
  for (const auto& h : hashes) {
    s << "INSERT INTO two_step_recovery_codes (user_id, code_hash, created_at) VALUES (:u, :h, :now)",
        soci::use(user_id), soci::use(h), soci::use(now);
  }
}

long long count_unused_recovery_codes(soci::session& s, long long user_id) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM two_step_recovery_codes WHERE user_id = :u AND used_at IS NULL", soci::use(user_id),
      soci::into(n);
  return n;
}

bool use_recovery_code(soci::session& s, long long user_id, const std::string& hash, long long now) {
  soci::statement st = (s.prepare << "UPDATE two_step_recovery_codes SET used_at = :now "
                                     "WHERE user_id = :u AND code_hash = :h AND used_at IS NULL",
                        soci::use(now), soci::use(user_id), soci::use(hash));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void insert_two_step_challenge(soci::session& s, long long user_id, const std::string& token_hash,
                               const std::string& next_path, long long now, long long expires_at) {
  s << "INSERT INTO two_step_challenges (user_id, token_hash, next_path, created_at, expires_at) "
       "VALUES (:u, :t, :n, :now, :exp)",
      soci::use(user_id), soci::use(token_hash), soci::use(next_path), soci::use(now), soci::use(expires_at);
}

std::optional<TwoStepChallenge> find_two_step_challenge(soci::session& s, const std::string& token_hash,
                                                        long long now) {
  soci::row r;
  s << "SELECT id, user_id, next_path, expires_at, wrong_codes FROM two_step_challenges "
       "WHERE token_hash = :t AND expires_at > :now",
      soci::use(token_hash), soci::use(now), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return TwoStepChallenge{db::row_int(r, 0), db::row_int(r, 1), db::row_text(r, 2), db::row_int(r, 3),
                          static_cast<int>(db::row_int(r, 4))};
}

void record_wrong_two_step_code(soci::session& s, long long id) {
  s << "UPDATE two_step_challenges SET wrong_codes = wrong_codes + 1 WHERE id = :id", soci::use(id);
}

void delete_two_step_challenge(soci::session& s, long long id) {
  s << "DELETE FROM two_step_challenges WHERE id = :id", soci::use(id);
}

}  // namespace roundtable::accounts::store
