/// People's calendar feeds: a secret address (no sign-in: calendar programs cannot sign in) that lists the meetings
/// of every group the person is in, in every organisation they belong to, from 30 days ago on, called-off ones with
/// STATUS:CANCELLED. Only a hash of the address's secret is kept; the person sees the address once, when it is made,
/// and may get a new one (the old one stops working) or stop the feed.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "db/database.hpp"

namespace roundtable::meetings {

/// At most this many meetings in a feed (the soonest), so a feed's size has a bound.
inline constexpr int kFeedLimit = 500;
/// How far back a feed goes.
inline constexpr long long kFeedPastSeconds = 30LL * 24 * 60 * 60;

/// The path of a feed's address for a secret ("/calendar/<token>.ics").
std::string feed_path(std::string_view token);
/// The secret of a feed's path parameter ("<token>.ics"), or "" when it is not one.
std::string token_of(std::string_view parameter);

class CalendarService {
 public:
  CalendarService(db::Database& db, const core::Clock& clock, std::function<std::string()> base_url = {})
      : db_(db), clock_(clock), base_url_(std::move(base_url)) {}

  /// The feed (an iCalendar file) of the secret, or nullopt when no feed has it (404).
  boost::asio::awaitable<std::optional<std::string>> feed(std::string token);
  /// When the person's current address was made; nullopt: they have no feed.
  boost::asio::awaitable<std::optional<long long>> made_at(long long user_id);
  /// A new secret address for the person's feed (the old one stops working at once); returns the secret.
  boost::asio::awaitable<std::string> new_address(long long user_id);
  /// Stops the person's feed; false when there was none.
  boost::asio::awaitable<bool> stop(long long user_id);

  /// The feed of a person (for tests), on the calling thread.
  std::string feed_now(long long user_id, core::Lang lang);
  std::string base_url() const { return base_url_ ? base_url_() : std::string("http://127.0.0.1:8080"); }

 private:
  db::Database& db_;
  const core::Clock& clock_;
  std::function<std::string()> base_url_;
};

}  // namespace roundtable::meetings
