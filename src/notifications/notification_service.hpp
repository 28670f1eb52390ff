/// The notifications use cases: a person's choices per group, their notices, and the one-click stop from email.
/// Features do not call this service: they call notify() (notify.hpp) inside their own transaction.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "notifications/notification_store.hpp"

namespace roundtable::notifications {

using boost::asio::awaitable;

inline constexpr int kNoticesPerPage = 25;

struct NoticePage {
  std::vector<store::NoticeRow> notices;
  long long unread = 0;
  /// The id to start the next (older) page before, when there is one.
  std::optional<long long> older;
};

/// What the stop page says: whose email, which group, and the choice now.
struct StopView {
  StopTarget target;
  std::string group_name;
  std::string org_slug;
  Choice choice = Choice::immediate;
  /// The person is not in the group, which emailed them about an open session of its series.
  bool outside_group = false;
};

class NotificationService {
 public:
  NotificationService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  awaitable<std::vector<store::GroupChoice>> choices(long long org_id, long long user_id);
  /// Records each (group, choice) of a group the person is in; returns how many were recorded.
  awaitable<int> save_choices(long long org_id, long long user_id, std::vector<std::pair<long long, Choice>> choices);

  awaitable<NoticePage> notices(long long org_id, long long user_id, long long before_id);
  awaitable<long long> mark_all_read(long long org_id, long long user_id);

  /// The stop page for a token, or nullopt (404) when it is not signed by this server or the person is no longer in
  /// the group. Reads only.
  awaitable<std::optional<StopView>> stop_view(std::string token);
  /// Stops the group's email for the token's person (choice none); nullopt when stop_view would be.
  awaitable<std::optional<StopView>> stop(std::string token);

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace roundtable::notifications
