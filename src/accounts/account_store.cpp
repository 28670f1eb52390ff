#include "accounts/account_store.hpp"

#include <soci/soci.h>

#include <chrono>

#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"

namespace roundtable::accounts::store {

long long now_seconds() { return core::system_clock().now_seconds(); }

namespace {

using db::row_int;
using db::row_text;

User user_from(const soci::row& r) {
  User u;
  u.id = row_int(r, 0);
  u.email = row_text(r, 1);
  u.name = row_text(r, 2);
  u.password_hash = row_text(r, 3);
  u.lang = core::parse_lang(row_text(r, 4)).value_or(core::Lang::en);
  u.platform_admin = row_int(r, 5) != 0;
  return u;
}

constexpr const char* kUserColumns = "SELECT id, email, name, password_hash, lang, platform_admin FROM users ";

std::optional<User> find_user(soci::session& s, const std::string& where, const std::string& value, long long id) {
  soci::row r;
  if (where == "email") {
    s << std::string(kUserColumns) + "WHERE email = :v", soci::use(value), soci::into(r);
  } else {
    s << std::string(kUserColumns) + "WHERE id = :v", soci::use(id), soci::into(r);
  }
  if (!s.got_data()) return std::nullopt;
  return user_from(r);
}

}  // namespace

std::optional<User> find_user_by_email(soci::session& s, const std::string& email) {
  return find_user(s, "email", email, 0);
}

std::optional<User> find_user_by_id(soci::session& s, long long id) { return find_user(s, "id", "", id); }

long long insert_user(soci::session& s, const User& user) {
  long long id = 0;
  const long long now = now_seconds();
  std::string lang(core::lang_code(user.lang));
  int admin = user.platform_admin ? 1 : 0;
  soci::indicator hash_ind = user.password_hash.empty() ? soci::i_null : soci::i_ok;
  s << "INSERT INTO users (email, name, password_hash, lang, platform_admin, created_at, updated_at) "
       "VALUES (:email, :name, :hash, :lang, :admin, :now, :now2) RETURNING id",
      soci::use(user.email), soci::use(user.name), soci::use(user.password_hash, hash_ind), soci::use(lang),
      soci::use(admin), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

void set_password_hash(soci::session& s, long long user_id, const std::string& hash) {
  const long long now = now_seconds();
  s << "UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id", soci::use(hash), soci::use(now),
      soci::use(user_id);
}

void set_platform_admin(soci::session& s, long long user_id, bool admin) {
  int value = admin ? 1 : 0;
  s << "UPDATE users SET platform_admin = :admin WHERE id = :id", soci::use(value), soci::use(user_id);
}

void insert_password_reset(soci::session& s, const std::string& token_hash, long long user_id, long long now,
                           long long expires_at) {
  s << "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (:h, :u, :now, :exp)",
      soci::use(token_hash), soci::use(user_id), soci::use(now), soci::use(expires_at);
}

long long count_password_resets(soci::session& s, long long user_id, long long since) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM password_resets WHERE user_id = :u AND created_at > :since", soci::use(user_id),
      soci::use(since), soci::into(n);
  return n;
}

std::optional<long long> valid_password_reset(soci::session& s, const std::string& token_hash, long long now) {
  long long user_id = 0;
  s << "SELECT user_id FROM password_resets WHERE token_hash = :h AND used_at IS NULL AND expires_at > :now",
      soci::use(token_hash), soci::use(now), soci::into(user_id);
  if (!s.got_data()) return std::nullopt;
  return user_id;
}

void insert_password_reset_decoy(soci::session& s, const std::string& token_hash, long long now) {
  s << "INSERT INTO password_reset_decoys (token_hash, created_at) VALUES (:h, :now)", soci::use(token_hash),
      soci::use(now);
}

void use_password_resets(soci::session& s, long long user_id, long long now) {
  s << "UPDATE password_resets SET used_at = :now WHERE user_id = :u AND used_at IS NULL", soci::use(now),
      soci::use(user_id);
}

void end_sessions(soci::session& s, long long user_id) {
  s << "DELETE FROM sessions WHERE user_id = :u", soci::use(user_id);
}

long long count_failures(soci::session& s, const std::string& key, long long since) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM sign_in_failures WHERE key = :key AND at > :since", soci::use(key), soci::use(since),
      soci::into(n);
  return n;
}

void record_failure(soci::session& s, const std::string& key, long long at) {
  s << "INSERT INTO sign_in_failures (key, at) VALUES (:key, :at)", soci::use(key), soci::use(at);
}

std::optional<long long> last_failure(soci::session& s, const std::string& key) {
  long long at = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT MAX(at) FROM sign_in_failures WHERE key = :key", soci::use(key), soci::into(at, ind);
  if (ind != soci::i_ok) return std::nullopt;
  return at;
}

void clear_failures(soci::session& s, const std::string& key) {
  s << "DELETE FROM sign_in_failures WHERE key = :key", soci::use(key);
}

long long purge_failures(soci::session& s, long long before) {
  soci::statement st = (s.prepare << "DELETE FROM sign_in_failures WHERE at < :before", soci::use(before));
  st.execute(true);
  return st.get_affected_rows();
}

namespace {
long long delete_where(soci::session& s, const char* sql, long long t) {
  soci::statement st = (s.prepare << sql, soci::use(t));
  st.execute(true);
  return st.get_affected_rows();
}
}  // namespace

long long purge_password_resets(soci::session& s, long long expired_before) {
  return delete_where(s, "DELETE FROM password_resets WHERE expires_at < :t", expired_before);
}

long long purge_password_reset_decoys(soci::session& s, long long before) {
  return delete_where(s, "DELETE FROM password_reset_decoys WHERE created_at < :t", before);
}

long long purge_sign_in_links(soci::session& s, long long expired_before) {
  return delete_where(s, "DELETE FROM sign_in_links WHERE expires_at < :t", expired_before);
}

long long purge_two_step_challenges(soci::session& s, long long expired_before) {
  return delete_where(s, "DELETE FROM two_step_challenges WHERE expires_at < :t", expired_before);
}

}  // namespace roundtable::accounts::store
