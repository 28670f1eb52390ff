#include "meetings/calendar_service.hpp"

#include "db/transaction.hpp"
#include "meetings/calendar_store.hpp"
#include "meetings/meeting_ics.hpp"
#include "meetings/meeting_policy.hpp"
#include "meetings/meeting_store.hpp"
#include "security/tokens.hpp"

namespace roundtable::meetings {

namespace {

constexpr std::string_view kSuffix = ".ics";

/// The feed's text: every meeting of the person's groups and every open session they are going or may go to, that
/// they may see (the meetings policy, as on the meeting's page).
std::string feed_text(soci::session& s, long long user_id, core::Lang lang, long long now, const std::string& base) {
  const auto rows = store::feed_for(s, user_id, now - kFeedPastSeconds, kFeedLimit);
  std::vector<ics::CalendarEvent> events;
  events.reserve(rows.size());
  for (const auto& f : rows) {
    const auto& m = f.meeting;
    const policy::Actor actor{f.org_role, false, f.group_role};
    const policy::Facts facts{m.group_visibility, m.group_archived, m.cancelled(), m.started(now),
                              m.open_to_organisation};
    if (policy::allows(actor, policy::Action::see_meeting, facts) != policy::Verdict::allow) continue;
    events.push_back({&m, base + "/o/" + f.org_slug + "/meetings/" + std::to_string(m.id), f.org_slug + ".roundtable"});
  }
  core::Translator t(core::Messages::embedded(), lang);
  return ics::feed(events, t("meetings.calendar.feed_name"));
}

}  // namespace

std::string feed_path(std::string_view token) { return "/calendar/" + std::string(token) + std::string(kSuffix); }

std::string token_of(std::string_view parameter) {
  if (!parameter.ends_with(kSuffix)) return "";
  parameter.remove_suffix(kSuffix.size());
  // random_token(32): 43 URL-safe base64 characters.
  if (parameter.size() != 43) return "";
  for (char c : parameter) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
      return "";
    }
  }
  return std::string(parameter);
}

boost::asio::awaitable<std::optional<std::string>> CalendarService::feed(std::string token) {
  auto op = db_.read(
      [this, hash = security::hash_token(token), base = base_url()](soci::session& s) -> std::optional<std::string> {
        const auto owner = store::feed_owner(s, hash);
        if (!owner) return std::nullopt;
        return feed_text(s, owner->user_id, owner->lang, clock_.now_seconds(), base);
      });
  co_return co_await std::move(op);
}

boost::asio::awaitable<std::optional<long long>> CalendarService::made_at(long long user_id) {
  auto op = db_.read([user_id](soci::session& s) { return store::feed_made_at(s, user_id); });
  co_return co_await std::move(op);
}

boost::asio::awaitable<std::string> CalendarService::new_address(long long user_id) {
  auto op = db_.run([this, user_id](soci::session& s) {
    std::string token = security::random_token(32);
    db::WriteTransaction tx(s);
    store::put_feed(s, user_id, security::hash_token(token), clock_.now_seconds());
    tx.commit();
    return token;
  });
  co_return co_await std::move(op);
}

boost::asio::awaitable<bool> CalendarService::stop(long long user_id) {
  auto op = db_.run([user_id](soci::session& s) {
    db::WriteTransaction tx(s);
    const bool had = store::delete_feed(s, user_id);
    tx.commit();
    return had;
  });
  co_return co_await std::move(op);
}

std::string CalendarService::feed_now(long long user_id, core::Lang lang) {
  return db_.run_sync([&](soci::session& s) { return feed_text(s, user_id, lang, clock_.now_seconds(), base_url()); });
}

}  // namespace roundtable::meetings
