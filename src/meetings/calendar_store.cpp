#include "meetings/calendar_store.hpp"

#include "db/query.hpp"

namespace roundtable::meetings::store {

std::optional<FeedOwner> feed_owner(soci::session& s, std::string_view token_hash) {
  std::optional<FeedOwner> out;
  db::query(s,
            "SELECT f.user_id, u.lang FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1",
            {token_hash}, [&](const db::Row& r) {
              out = FeedOwner{r.integer(0), core::parse_lang(r.text(1)).value_or(core::Lang::en)};
            });
  return out;
}

std::optional<long long> feed_made_at(soci::session& s, long long user_id) {
  std::optional<long long> out;
  db::query(s, "SELECT created_at FROM calendar_feeds WHERE user_id = $1", {user_id},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

void put_feed(soci::session& s, long long user_id, std::string_view token_hash, long long now) {
  db::query(s,
            "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (user_id) "
            "DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
            {user_id, token_hash, now});
}

bool delete_feed(soci::session& s, long long user_id) {
  return db::query(s, "DELETE FROM calendar_feeds WHERE user_id = $1", {user_id}) > 0;
}

}  // namespace roundtable::meetings::store
