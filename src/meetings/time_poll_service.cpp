#include "meetings/time_poll_service.hpp"

#include "db/transaction.hpp"
#include "groups/group_store.hpp"
#include "meetings/meeting_store.hpp"
#include "meetings/time_poll_mail.hpp"
#include "meetings/time_poll_store.hpp"

namespace roundtable::meetings {

namespace {

using policy::Action;

policy::Facts facts_of(const TimePoll& p, long long now) {
  return {p.group_visibility, p.group_archived, false, p.closed(now)};
}

/// The poll as the policy must see it at the moment of the change, when the person may do this to it.
std::optional<PollForViewer> checked(soci::session& s, const Who& who, long long org_id, long long id, Action action,
                                     long long now) {
  auto v = poll_store::find_for_viewer(s, org_id, id, who.user_id);
  if (!v) return std::nullopt;
  const policy::Actor actor{who.org_role, who.two_step, v->group_role};
  if (policy::allows(actor, action, facts_of(v->poll, now)) != policy::Verdict::allow) return std::nullopt;
  return v;
}

bool takes_part(const std::optional<GroupRole>& role) {
  return role == GroupRole::lead || role == GroupRole::facilitator || role == GroupRole::member;
}

}  // namespace

awaitable<long long> TimePollService::open_poll(Who who, long long org_id, long long group_id, PollDetails details,
                                                std::vector<PollOption> options, std::string create_key) {
  const std::string base = mail_.base_url ? mail_.base_url() : std::string("http://127.0.0.1:8080");
  auto op = db_.run([=, this, d = std::move(details), o = std::move(options),
                     key = std::move(create_key)](soci::session& s) -> std::pair<long long, bool> {
    db::WriteTransaction tx(s);
    if (auto existing = poll_store::find_by_create_key(s, org_id, key)) return {*existing, false};
    const auto g = groups::store::find_for_viewer(s, org_id, group_id, who.user_id, groups::Documents::left_out);
    if (!g) return {0, false};
    const policy::Actor actor{who.org_role, who.two_step, g->role};
    const policy::Facts facts{g->group.details.visibility, g->group.archived(), false, false};
    if (policy::allows(actor, Action::run_poll, facts) != policy::Verdict::allow) return {0, false};
    if (o.size() < kMinPollOptions || o.size() > kMaxPollOptions) return {0, false};
    const long long at = now();
    // Two copies of the form at once: the insert's ON CONFLICT lets one through and the other finds it.
    const long long id = poll_store::insert(s, org_id, group_id, d, o, key, who.user_id, at);
    if (id == 0) return {poll_store::find_by_create_key(s, org_id, key).value_or(0), false};
    const auto v = poll_store::find_for_viewer(s, org_id, id, 0);
    send_poll_opened(s, v->poll, who.user_id, base, at);
    tx.commit();
    return {id, true};
  });
  const auto [id, sent] = co_await std::move(op);
  if (sent && mail_.mail_queued) mail_.mail_queued();
  co_return id;
}

awaitable<std::optional<PollPage>> TimePollService::poll_page(long long org_id, long long id, long long viewer) {
  auto op = db_.read([=](soci::session& s) -> std::optional<PollPage> {
    auto v = poll_store::find_for_viewer(s, org_id, id, viewer);
    if (!v) return std::nullopt;
    auto people = poll_store::people(s, id, v->poll.group_id);
    return PollPage{std::move(*v), std::move(people)};
  });
  co_return co_await std::move(op);
}

groups::AlongWithGroup TimePollService::polls_along(std::vector<PollListed>& out) {
  return [&out](db::Batch& b, long long group_id) { poll_store::list_for_group(b, group_id, out); };
}

awaitable<std::vector<PollListed>> TimePollService::group_polls(long long group_id) {
  auto op = db_.read([=](soci::session& s) { return poll_store::list_for_group(s, group_id); });
  co_return co_await std::move(op);
}

awaitable<PollAnswerOutcome> TimePollService::answer(long long org_id, long long id, long long user,
                                                     std::vector<PollVote> votes) {
  auto op = db_.run([=, this, votes = std::move(votes)](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto v = poll_store::find_for_viewer(s, org_id, id, user);
    const long long at = now();
    // Closing by date needs nobody to visit: the closing time is compared with now here.
    if (!v || v->poll.closed(at) || v->poll.group_archived) return PollAnswerOutcome::closed;
    if (!takes_part(v->group_role)) return PollAnswerOutcome::not_in_group;
    std::vector<PollVote> kept;
    for (const auto& vote : votes) {
      if (v->poll.option(vote.option_id)) kept.push_back(vote);
    }
    poll_store::upsert_answers(s, id, org_id, user, kept, at);
    tx.commit();
    return PollAnswerOutcome::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> TimePollService::update(Who who, long long org_id, long long id, PollDetails details) {
  auto op = db_.run([=, this, d = std::move(details)](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    if (!checked(s, who, org_id, id, Action::run_poll, at)) return Change::refused;
    poll_store::update_details(s, id, d, at);
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> TimePollService::set_closed(Who who, long long org_id, long long id, bool closed) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    if (!checked(s, who, org_id, id, Action::run_poll, at)) return Change::refused;
    if (!poll_store::set_closed(s, id, closed, at)) return Change::already;
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> TimePollService::remove(Who who, long long org_id, long long id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    if (!checked(s, who, org_id, id, Action::run_poll, now())) return Change::refused;
    if (!poll_store::remove(s, id)) return Change::already;
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> TimePollService::link_meeting(Who who, long long org_id, long long id, long long meeting_id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const auto v = checked(s, who, org_id, id, Action::run_poll, at);
    if (!v) return Change::refused;
    const auto m = store::find_for_viewer(s, org_id, meeting_id, 0);
    if (!m || m->meeting.group_id != v->poll.group_id) return Change::refused;
    if (v->poll.meeting_id == meeting_id) return Change::already;
    poll_store::set_meeting(s, id, meeting_id, at);
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

long long TimePollService::open_now(long long org_id, long long group_id, long long actor, const PollDetails& details,
                                    const std::vector<PollOption>& options, long long at) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const std::string key = "demo-poll-" + std::to_string(group_id) + "-" + details.title;
    if (auto existing = poll_store::find_by_create_key(s, org_id, key)) return *existing;
    const long long id = poll_store::insert(s, org_id, group_id, details, options, key, actor, at);
    tx.commit();
    return id;
  });
}

void TimePollService::answer_now(long long org_id, long long id, long long user, const std::vector<PollVote>& votes,
                                 long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    poll_store::upsert_answers(s, id, org_id, user, votes, at);
    tx.commit();
  });
}

void TimePollService::close_now(long long id, long long meeting_id, long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    poll_store::set_closed(s, id, true, at);
    if (meeting_id) poll_store::set_meeting(s, id, meeting_id, at);
    tx.commit();
  });
}

std::optional<PollForViewer> TimePollService::poll_now(long long org_id, long long id) {
  return db_.run_sync([&](soci::session& s) { return poll_store::find_for_viewer(s, org_id, id, 0); });
}

}  // namespace roundtable::meetings
