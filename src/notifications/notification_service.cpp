#include "notifications/notification_service.hpp"

#include <algorithm>

#include "db/query.hpp"
#include "db/transaction.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::notifications {

namespace {

std::optional<StopView> stop_view_in(soci::session& s, std::string_view token) {
  const std::string secret = store::stop_secret(s);
  const auto target = check_stop_token(secret, token);
  if (!target) return std::nullopt;
  auto name = store::group_name(s, target->org_id, target->group_id);
  if (!name) return std::nullopt;
  // Someone in the group, or outside it with a choice of theirs recorded (choices_in_org lists both): that choice.
  for (const auto& g : store::choices_in_org(s, target->org_id, target->user_id)) {
    if (g.group_id == target->group_id) {
      return StopView{*target, std::move(*name), organisations::store::org_slug(s, target->org_id), g.choice,
                      g.outside};
    }
  }
  // Someone outside the group whom it emailed all the same (an open session of its series they replied to or were
  // invited to, or news from before they left it): the link stops that group's email to them. Anyone else: 404.
  if (store::heard_from(s, target->org_id, target->user_id, target->group_id)) {
    return StopView{*target, std::move(*name), organisations::store::org_slug(s, target->org_id),
                    store::choice_of(s, target->user_id, target->group_id), true};
  }
  return std::nullopt;
}

}  // namespace

awaitable<std::vector<store::GroupChoice>> NotificationService::choices(long long org_id, long long user_id) {
  auto op = db_.read([=](soci::session& s) { return store::choices_in_org(s, org_id, user_id); });
  co_return co_await std::move(op);
}

awaitable<int> NotificationService::save_choices(long long org_id, long long user_id,
                                                 std::vector<std::pair<long long, Choice>> choices) {
  auto op = db_.run([=, this, choices = std::move(choices)](soci::session& s) {
    db::WriteTransaction tx(s);
    int saved = 0;
    const long long now = clock_.now_seconds();
    // Only the groups the person has a choice about (in them, or outside them with a choice recorded): a group
    // they have nothing to do with is not theirs to choose about.
    const auto theirs = store::choices_in_org(s, org_id, user_id);
    for (const auto& [group_id, choice] : choices) {
      const auto it = std::find_if(theirs.begin(), theirs.end(),
                                   [&](const store::GroupChoice& g) { return g.group_id == group_id; });
      if (it == theirs.end()) continue;
      const bool done = it->outside ? store::set_choice_heard(s, org_id, user_id, group_id, choice, now)
                                    : store::set_choice(s, org_id, user_id, group_id, choice, now);
      if (done) ++saved;
    }
    tx.commit();
    return saved;
  });
  co_return co_await std::move(op);
}

awaitable<NoticePage> NotificationService::notices(long long org_id, long long user_id, long long before_id) {
  auto op = db_.read([=](soci::session& s) {
    NoticePage page;
    // The page of notices and the unread count: one round trip on PostgreSQL.
    db::Batch b(s);
    store::list_notices(b, org_id, user_id, before_id, kNoticesPerPage + 1, page.notices);
    store::unread_count(b, org_id, user_id, page.unread);
    b.run();
    if (page.notices.size() > static_cast<std::size_t>(kNoticesPerPage)) {
      page.notices.pop_back();
      page.older = page.notices.back().id;
    }
    return page;
  });
  co_return co_await std::move(op);
}

awaitable<long long> NotificationService::mark_all_read(long long org_id, long long user_id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long n = store::mark_all_read(s, org_id, user_id, clock_.now_seconds());
    tx.commit();
    return n;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<StopView>> NotificationService::stop_view(std::string token) {
  auto op = db_.read([token = std::move(token)](soci::session& s) { return stop_view_in(s, token); });
  co_return co_await std::move(op);
}

awaitable<std::optional<StopView>> NotificationService::stop(std::string token) {
  auto op = db_.run([this, token = std::move(token)](soci::session& s) -> std::optional<StopView> {
    db::WriteTransaction tx(s);
    auto view = stop_view_in(s, token);
    if (!view) return std::nullopt;
    if (view->outside_group) {
      store::set_choice_heard(s, view->target.org_id, view->target.user_id, view->target.group_id, Choice::none,
                              clock_.now_seconds());
    } else {
      store::set_choice(s, view->target.org_id, view->target.user_id, view->target.group_id, Choice::none,
                        clock_.now_seconds());
    }
    tx.commit();
    view->choice = Choice::none;
    return view;
  });
  co_return co_await std::move(op);
}

}  // namespace roundtable::notifications
