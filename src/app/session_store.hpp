/// Sessions kept in the database, so any server can answer any request and a restart signs nobody out.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "db/database.hpp"
#include "http/pipeline.hpp"

namespace roundtable::app {

/// Reads the signed-in person behind a user id on a database connection (organisations::read_principal).
using PrincipalReader = std::function<std::optional<http::Principal>(soci::session&, long long user_id)>;

class DbSessionStore final : public http::SessionStore {
 public:
  /// With a reader, the session and its person are read in one database hop on every signed-in request. The person
  /// is kept in memory with the users.principal_stamp it was read at (migration 0024: database triggers move the
  /// stamp on every change to what a person is made of) and read again only when the stamp read with the session
  /// differs, so every server sharing the database sees a change on its next request. The same statement reads the
  /// person's unread notices per organisation (migration 0060, ADR 0045) onto the memberships, never kept.
  explicit DbSessionStore(db::Database& db, PrincipalReader read_principal = {})
      : db_(db), read_principal_(std::move(read_principal)) {}
  boost::asio::awaitable<std::optional<http::SessionData>> load(std::string id) override;
  boost::asio::awaitable<http::LoadedSession> load_with_principal(std::string id,
                                                                  http::PrincipalLoader* principals) override;
  boost::asio::awaitable<void> save(const http::SessionData& session) override;
  boost::asio::awaitable<void> touch(std::string id, std::chrono::system_clock::time_point last_seen,
                                     std::chrono::system_clock::time_point expires_at) override;
  boost::asio::awaitable<void> remove(std::string id) override;
  boost::asio::awaitable<void> remove_for_user(long long user_id) override;
  /// Deletes expired sessions; returns how many.
  long long purge_expired();
  /// The statement every signed-in request runs on each database: the session ($1), its person's stamp and their
  /// unread counts.
  static std::string_view signed_in_statement(bool postgresql);

 private:
  struct KeptPrincipal {
    long long stamp = 0;
    http::Principal principal;
  };
  /// At most this many people are kept (a few MB).
  static constexpr size_t kPrincipalsKept = 10000;
  std::optional<http::Principal> kept_principal(long long user_id, long long stamp);
  void keep_principal(long long user_id, long long stamp, const std::optional<http::Principal>& p);

  db::Database& db_;
  PrincipalReader read_principal_;
  std::mutex principals_mutex_;
  std::unordered_map<long long, KeptPrincipal> principals_;
};

}  // namespace roundtable::app
