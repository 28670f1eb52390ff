#include "accounts/email_sign_in_store.hpp"

#include "db/rows.hpp"

namespace roundtable::accounts::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, user_id, token_hash, code_hash, browser_hash, next_path, expires_at, used_at, wrong_codes "
    "FROM sign_in_links ";

SignInLink link_from_row(const soci::row& r) {
  SignInLink l;
  l.id = db::row_int(r, 0);
  l.user_id = db::row_int(r, 1);
  l.token_hash = db::row_text(r, 2);
  l.code_hash = db::row_text(r, 3);
  l.browser_hash = db::row_text(r, 4);
  l.next_path = db::row_text(r, 5);
  l.expires_at = db::row_int(r, 6);
  l.used_at = db::row_int_or_null(r, 7);
  l.wrong_codes = static_cast<int>(db::row_int(r, 8));
  return l;
}

}  // namespace

void insert_sign_in_link(soci::session& s, long long user_id, const std::string& token_hash,
                         const std::string& code_hash, const std::string& browser_hash, const std::string& next_path,
                         long long now, long long expires_at) {
  s << "INSERT INTO sign_in_links (user_id, token_hash, code_hash, browser_hash, next_path, created_at, expires_at) "
       "VALUES (:u, :t, :c, :b, :n, :now, :exp)",
      soci::use(user_id), soci::use(token_hash), soci::use(code_hash), soci::use(browser_hash), soci::use(next_path),
      soci::use(now), soci::use(expires_at);
}

long long count_sign_in_links(soci::session& s, long long user_id, long long since) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM sign_in_links WHERE user_id = :u AND created_at > :since", soci::use(user_id),
      soci::use(since), soci::into(n);
  return n;
}

std::optional<SignInLink> find_sign_in_link_by_token(soci::session& s, const std::string& token_hash) {
  soci::row r;
  s << std::string(kColumns) + "WHERE token_hash = :t", soci::use(token_hash), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return link_from_row(r);
}

std::vector<SignInLink> find_open_sign_in_links_by_browser(soci::session& s, const std::string& browser_hash,
                                                           long long now) {
  std::vector<SignInLink> out;
  soci::rowset<soci::row> rows = (s.prepare << std::string(kColumns) +
                                                   "WHERE browser_hash = :b AND used_at IS NULL AND expires_at > :now "
                                                   "ORDER BY created_at DESC, id DESC LIMIT 10",
                                  soci::use(browser_hash), soci::use(now));
  for (const auto& r : rows) out.push_back(link_from_row(r));
  return out;
}

int record_wrong_code(soci::session& s, long long id, int limit, long long now) {
  s << "UPDATE sign_in_links SET wrong_codes = wrong_codes + 1 WHERE id = :id", soci::use(id);
  int n = 0;
  s << "SELECT wrong_codes FROM sign_in_links WHERE id = :id", soci::use(id), soci::into(n);
  if (n >= limit) {
    s << "UPDATE sign_in_links SET used_at = :now WHERE id = :id AND used_at IS NULL", soci::use(now), soci::use(id);
  }
  return n;
}

void use_sign_in_links(soci::session& s, long long user_id, long long now) {
  s << "UPDATE sign_in_links SET used_at = :now WHERE user_id = :u AND used_at IS NULL", soci::use(now),
      soci::use(user_id);
}

}  // namespace roundtable::accounts::store
