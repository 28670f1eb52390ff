#include "meetings/meeting_service.hpp"

#include "audit/audit.hpp"
#include "audit/audit_store.hpp"
#include "db/query.hpp"
#include "db/together.hpp"
#include "db/transaction.hpp"
#include "groups/group_store.hpp"
#include "meetings/meeting_invitation.hpp"
#include "meetings/meeting_store.hpp"

namespace roundtable::meetings {

namespace {

/// Where invitations link to and come from; nullptr: none are sent (demo data).
struct Inviter {
  std::string base_url;
  std::string mail_from;
};

/// Emails the group an invitation, update or cancellation (meeting_invitation.hpp), unless the meeting is over.
void invite(soci::session& s, const Inviter* inviter, const Meeting& m, InvitationKind kind, long long now) {
  if (inviter && m.details.ends_at > now) queue_invitations(s, m, kind, inviter->base_url, inviter->mail_from, now);
}

/// The meeting's calendar facts changed: its time, place or title.
bool calendar_changed(const MeetingDetails& a, const MeetingDetails& b) {
  return a.starts_at != b.starts_at || a.ends_at != b.ends_at || a.venue != b.venue || a.online_url != b.online_url ||
         a.title != b.title;
}

long long schedule(soci::session& s, long long org_id, long long group_id, long long actor, const MeetingDetails& d,
                   const std::string& create_key, long long now, const Inviter* inviter = nullptr) {
  db::WriteTransaction tx(s);
  if (auto existing = store::find_by_create_key(s, org_id, create_key)) return *existing;
  const auto g = groups::store::find_for_viewer(s, org_id, group_id, actor);
  if (!g || g->group.archived()) return 0;
  // Two copies of the form at once: on PostgreSQL both may pass the look-up above; the insert's ON CONFLICT lets one
  // through and the other finds it.
  const long long id = store::insert(s, org_id, group_id, d, create_key, actor, now);
  if (id == 0) return store::find_by_create_key(s, org_id, create_key).value_or(0);
  if (inviter) invite_to_new_meeting(s, org_id, id, inviter->base_url, inviter->mail_from, now);
  tx.commit();
  return id;
}

bool takes_part(const std::optional<GroupRole>& role) {
  return role == GroupRole::lead || role == GroupRole::facilitator || role == GroupRole::member;
}

}  // namespace

awaitable<std::optional<groups::GroupForViewer>> MeetingService::group_for(long long org_id, long long group_id,
                                                                           long long viewer) {
  auto op = db_.read([=](soci::session& s) {
    return groups::store::find_for_viewer(s, org_id, group_id, viewer, groups::Documents::left_out);
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<GroupMeetings>> MeetingService::group_meetings(long long org_id, long long group_id,
                                                                       long long viewer, groups::AlongWithGroup also) {
  auto op = db_.read([=, this, also = std::move(also)](soci::session& s) -> std::optional<GroupMeetings> {
    // The group and its meetings together (one round trip on PostgreSQL); the meetings only count if it is there.
    std::vector<MeetingListed> meetings;
    auto g = groups::store::find_for_viewer(s, org_id, group_id, viewer, groups::Documents::left_out,
                                            [&](db::Batch& b, long long id) {
                                              store::list_for_group(b, id, viewer, now(), meetings);
                                              if (also) also(b, id);
                                            });
    if (!g) return std::nullopt;
    return GroupMeetings{std::move(*g), std::move(meetings)};
  });
  co_return co_await std::move(op);
}

awaitable<long long> MeetingService::schedule_meeting(long long org_id, long long group_id, long long actor,
                                                      MeetingDetails details, std::string create_key) {
  auto op = db_.run([=, this, d = std::move(details), key = std::move(create_key),
                     inviter = Inviter{base_url(), mail_from()}](soci::session& s) {
    return schedule(s, org_id, group_id, actor, d, key, now(), &inviter);
  });
  const long long id = co_await std::move(op);
  if (id != 0 && mail_.mail_queued) mail_.mail_queued();
  co_return id;
}

awaitable<std::optional<MeetingForViewer>> MeetingService::meeting_for(long long org_id, long long id,
                                                                       long long viewer) {
  auto op = db_.read([=](soci::session& s) { return store::find_for_viewer(s, org_id, id, viewer); });
  co_return co_await std::move(op);
}

awaitable<bool> MeetingService::update_meeting(long long org_id, long long id, MeetingDetails details) {
  auto op = db_.run([=, this, d = std::move(details), inviter = Inviter{base_url(), mail_from()}](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto v = store::find_for_viewer(s, org_id, id, 0);
    if (!v || v->meeting.cancelled() || v->meeting.group_archived) return false;
    const long long at = now();
    store::update_details(s, id, d, at);
    if (calendar_changed(v->meeting.details, d)) {
      // A newer version of the same calendar event, emailed as an update.
      store::next_sequence(s, id);
      Meeting changed = v->meeting;
      changed.details = d;
      changed.updated_at = at;
      ++changed.sequence;
      invite(s, &inviter, changed, InvitationKind::changed, at);
    }
    tx.commit();
    return true;
  });
  const bool done = co_await std::move(op);
  if (done && mail_.mail_queued) mail_.mail_queued();
  co_return done;
}

awaitable<bool> MeetingService::cancel_meeting(long long org_id, long long id, std::string reason) {
  auto op =
      db_.run([=, this, reason = std::move(reason), inviter = Inviter{base_url(), mail_from()}](soci::session& s) {
        db::WriteTransaction tx(s);
        const auto v = store::find_for_viewer(s, org_id, id, 0);
        const long long at = now();
        if (!v || v->meeting.started(at) || v->meeting.group_archived) return false;
        // On PostgreSQL a second calling-off at the same moment waits here for the first and then finds it done.
        if (!store::set_cancelled(s, id, reason, at)) return false;
        Meeting off = v->meeting;
        off.cancelled_at = at;
        off.cancel_reason = reason;
        off.updated_at = at;
        ++off.sequence;
        invite(s, &inviter, off, InvitationKind::cancelled, at);
        tx.commit();
        return true;
      });
  const bool done = co_await std::move(op);
  if (done && mail_.mail_queued) mail_.mail_queued();
  co_return done;
}

awaitable<ReplyOutcome> MeetingService::reply(long long org_id, long long id, long long user, RsvpDetails details) {
  auto op = db_.run([=, this, d = std::move(details)](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto v = store::find_for_viewer(s, org_id, id, user);
    const long long at = now();
    if (!v || v->meeting.cancelled() || v->meeting.started(at) || v->meeting.group_archived) {
      return ReplyOutcome::closed;
    }
    if (!takes_part(v->group_role) && !v->meeting.open_to_organisation) return ReplyOutcome::not_in_group;
    // Sent twice (a double click, or two tabs), it is one reply: the second changes the first.
    store::upsert_reply(s, id, org_id, user, d, at);
    tx.commit();
    return ReplyOutcome::done;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<std::vector<Rsvp>>> MeetingService::checklist(long long org_id, long long id,
                                                                      long long viewer) {
  // Only reads: on SQLite they run on this thread with the request's other reads (no hop to the database threads).
  auto op = db_.read([=](soci::session& s) { return store::checklist(s, org_id, id); });
  auto people = co_await std::move(op);
  if (!people) co_return std::nullopt;
  std::vector<long long> with_needs;
  for (const auto& p : *people) {
    if (p.reply && p.reply->answer != Answer::not_going && !p.reply->needs.empty()) with_needs.push_back(p.user_id);
  }
  // Whose needs the facilitator is shown is on record before the page is: the entries are committed first, in a
  // commit shared with other views of the moment (a facilitator's several tabs, a team before a meeting).
  if (!with_needs.empty()) {
    auto record = db::write_together(db_, [=](soci::session& s) {
      audit::store::record_for_each(
          s, {org_id, viewer, std::nullopt, audit::action::kNeedsViewed, "meeting:" + std::to_string(id)}, with_needs);
    });
    co_await std::move(record);
  }
  co_return people;
}

awaitable<bool> MeetingService::mark_arranged(long long org_id, long long id, long long actor, long long user_id,
                                              Need need, bool arranged) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto v = store::find_for_viewer(s, org_id, id, user_id);
    if (!v || !v->mine || v->mine->answer == Answer::not_going || !v->mine->has(need)) return false;
    store::set_arranged(s, id, user_id, need, arranged, actor, now());
    tx.commit();
    return true;
  });
  co_return co_await std::move(op);
}

long long MeetingService::schedule_now(long long org_id, long long group_id, long long actor,
                                       const MeetingDetails& details, long long at) {
  return db_.run_sync([&](soci::session& s) {
    return schedule(s, org_id, group_id, actor, details,
                    "demo-" + std::to_string(group_id) + "-" + std::to_string(details.starts_at), at);
  });
}

void MeetingService::reply_now(long long org_id, long long id, long long user, const RsvpDetails& details,
                               long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    store::upsert_reply(s, id, org_id, user, details, at);
    tx.commit();
  });
}

void MeetingService::cancel_now(long long id, const std::string& reason, long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    store::set_cancelled(s, id, reason, at);
    tx.commit();
  });
}

}  // namespace roundtable::meetings
