/// The only place the SQL of people's calendar feeds lives (table calendar_feeds): the hash of each person's secret
/// feed address, never the address itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/i18n.hpp"

namespace soci {
class session;
}

namespace roundtable::meetings::store {

/// Whose feed an address's token hash is, with their language (for the calendar's name).
struct FeedOwner {
  long long user_id = 0;
  core::Lang lang = core::Lang::en;
};
std::optional<FeedOwner> feed_owner(soci::session& s, std::string_view token_hash);
/// When the person's current feed address was made, when they have one.
std::optional<long long> feed_made_at(soci::session& s, long long user_id);
/// Gives the person a feed with this token hash, replacing any earlier one (whose address stops working).
void put_feed(soci::session& s, long long user_id, std::string_view token_hash, long long now);
/// Stops the person's feed; false when there was none.
bool delete_feed(soci::session& s, long long user_id);

}  // namespace roundtable::meetings::store
