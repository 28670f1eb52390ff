/// Sessions kept in the database, so any server can answer any request and a restart signs nobody out.
#pragma once

#include "db/database.hpp"
#include "http/pipeline.hpp"

namespace roundtable::app {

class DbSessionStore final : public http::SessionStore {
 public:
  explicit DbSessionStore(db::Database& db) : db_(db) {}
  boost::asio::awaitable<std::optional<http::SessionData>> load(std::string id) override;
  boost::asio::awaitable<void> save(const http::SessionData& session) override;
  boost::asio::awaitable<void> remove(std::string id) override;
  boost::asio::awaitable<void> remove_for_user(long long user_id) override;
  /// Deletes expired sessions; returns how many.
  long long purge_expired();

 private:
  db::Database& db_;
};

}  // namespace roundtable::app
