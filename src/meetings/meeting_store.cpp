#include "meetings/meeting_store.hpp"

#include <algorithm>
#include <map>

#include "db/query.hpp"
#include "organisations/organisation.hpp"

namespace roundtable::meetings::store {

namespace {

/// How many replies of people still in the group (anyone's, for a session open to the organisation) give this
/// answer.
std::string replies(std::string_view answer) {
  return "(SELECT COUNT(*) FROM meeting_rsvps r WHERE r.meeting_id = m.id AND r.answer = '" + std::string(answer) +
         "' AND (m.open_to_org = 1 OR EXISTS (SELECT 1 FROM group_members x WHERE x.group_id = m.group_id AND "
         "x.user_id = r.user_id)))";
}

const std::string kColumns =
    "m.id, m.org_id, m.group_id, g.name, g.visibility, g.archived_at, m.title, m.purpose, m.starts_at, m.ends_at, "
    "m.online_url, m.venue, m.access, m.access_notes, m.created_at, m.updated_at, m.cancelled_at, m.cancel_reason, " +
    replies("going") + ", " + replies("maybe") +
    ", m.papers_sent_at, m.minutes, m.minutes_published_at, m.series_id, m.open_to_org, m.ics_sequence";
constexpr int kColumnCount = 26;

Meeting meeting_of(const db::Row& r) {
  Meeting m;
  m.id = r.integer(0);
  m.org_id = r.integer(1);
  m.group_id = r.integer(2);
  m.group_name = r.string(3);
  m.group_visibility = groups::parse_visibility(r.text(4)).value_or(groups::Visibility::members);
  m.group_archived = !r.null(5);
  auto& d = m.details;
  d.title = r.string(6);
  d.purpose = r.string(7);
  d.starts_at = r.integer(8);
  d.ends_at = r.integer(9);
  d.online_url = r.string(10);
  d.venue = r.string(11);
  d.access = parse_access_list(r.text(12));
  d.access_notes = r.string(13);
  m.created_at = r.integer(14);
  m.updated_at = r.integer(15);
  if (!r.null(16)) m.cancelled_at = r.integer(16);
  m.cancel_reason = r.string(17);
  m.going = r.integer(18);
  m.maybe = r.integer(19);
  if (!r.null(20)) m.papers_sent_at = r.integer(20);
  m.minutes = r.string(21);
  if (!r.null(22)) m.minutes_published_at = r.integer(22);
  if (!r.null(23)) m.series_id = r.integer(23);
  m.open_to_organisation = r.integer(24) != 0;
  m.sequence = r.integer(25);
  return m;
}

/// A reply in five columns from `first` (answer, needs, interpreter_language, dietary, note), when there is one.
std::optional<RsvpDetails> reply_of(const db::Row& r, int first) {
  if (r.null(first)) return std::nullopt;
  RsvpDetails d;
  d.answer = parse_answer(r.text(first)).value_or(Answer::going);
  d.needs = parse_need_list(r.text(first + 1));
  d.interpreter_language = r.string(first + 2);
  d.dietary = r.string(first + 3);
  d.note = r.string(first + 4);
  return d;
}

}  // namespace

long long insert(soci::session& s, long long org_id, long long group_id, const MeetingDetails& d,
                 std::string_view create_key, long long actor, long long now) {
  long long id = 0;
  const auto access = access_list_code(d.access);
  db::query(s,
            "INSERT INTO meetings (org_id, group_id, title, purpose, starts_at, ends_at, online_url, venue, access, "
            "access_notes, create_key, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
            "$9, $10, $11, $12, $13, $13) ON CONFLICT (org_id, create_key) DO NOTHING RETURNING id",
            {org_id, group_id, d.title, d.purpose, d.starts_at, d.ends_at, d.online_url, d.venue, access,
             d.access_notes, create_key, actor, now},
            [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM meetings WHERE org_id = $1 AND create_key = $2", {org_id, create_key},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

std::optional<MeetingForViewer> find_for_viewer(soci::session& s, long long org_id, long long id, long long viewer) {
  std::optional<MeetingForViewer> out;
  db::query(s,
            "SELECT " + kColumns +
                ", gm.role, r.answer, r.needs, r.interpreter_language, r.dietary, r.note FROM meetings m JOIN "
                "org_groups g ON g.id = m.group_id LEFT JOIN group_members gm ON gm.group_id = m.group_id AND "
                "gm.user_id = $3 LEFT JOIN meeting_rsvps r ON r.meeting_id = m.id AND r.user_id = $3 WHERE m.id = $2 "
                "AND m.org_id = $1",
            {org_id, id, viewer}, [&](const db::Row& r) {
              MeetingForViewer v;
              v.meeting = meeting_of(r);
              constexpr int c = kColumnCount;
              if (!r.null(c)) v.group_role = groups::parse_group_role(r.text(c));
              // A reply counts only while its person is in the group (or the session is open to everyone).
              if (v.group_role || v.meeting.open_to_organisation) v.mine = reply_of(r, c + 1);
              out = std::move(v);
            });
  return out;
}

void update_details(soci::session& s, long long id, const MeetingDetails& d, long long now) {
  const auto access = access_list_code(d.access);
  db::query(s,
            "UPDATE meetings SET title = $1, purpose = $2, starts_at = $3, ends_at = $4, online_url = $5, venue = $6, "
            "access = $7, access_notes = $8, updated_at = $9 WHERE id = $10",
            {d.title, d.purpose, d.starts_at, d.ends_at, d.online_url, d.venue, access, d.access_notes, now, id});
}

void next_sequence(soci::session& s, long long id) {
  db::query(s, "UPDATE meetings SET ics_sequence = ics_sequence + 1 WHERE id = $1", {id});
}

bool set_cancelled(soci::session& s, long long id, std::string_view reason, long long now) {
  return db::query(s,
                   "UPDATE meetings SET cancelled_at = $1, cancel_reason = $2, updated_at = $1, ics_sequence = "
                   "ics_sequence + "
                   "1 WHERE id = $3 AND "
                   "cancelled_at IS NULL",
                   {now, reason, id}) > 0;
}

void list_for_group(db::Batch& b, long long group_id, long long viewer, long long now,
                    std::vector<MeetingListed>& out) {
  b.add("SELECT m.id, m.title, m.starts_at, m.ends_at, m.online_url, m.venue, m.cancelled_at, " + replies("going") +
            ", r.answer FROM meetings m LEFT JOIN meeting_rsvps r ON r.meeting_id = m.id AND r.user_id = $2 WHERE "
            "m.group_id = $1",
        {group_id, viewer}, [&out](const db::Row& r) {
          MeetingListed l;
          l.id = r.integer(0);
          l.title = r.string(1);
          l.starts_at = r.integer(2);
          l.ends_at = r.integer(3);
          l.online = !r.text(4).empty();
          l.in_person = !r.text(5).empty();
          l.cancelled = !r.null(6);
          l.going = r.integer(7);
          if (!r.null(8)) l.mine = parse_answer(r.text(8));
          out.push_back(std::move(l));
        });
  // In the page's order, put here rather than by the database's sorter (a fifth of the statement's work): the ones to
  // come, soonest first, then the past ones, latest first.
  b.then([&out, now] {
    std::sort(out.begin(), out.end(), [now](const MeetingListed& a, const MeetingListed& b) {
      const bool a_past = a.ends_at <= now, b_past = b.ends_at <= now;
      if (a_past != b_past) return !a_past;
      if (a.starts_at != b.starts_at) return a_past ? a.starts_at > b.starts_at : a.starts_at < b.starts_at;
      return a.id < b.id;
    });
  });
}

std::vector<MeetingListed> list_for_group(soci::session& s, long long group_id, long long viewer, long long now) {
  return db::read_alone<std::vector<MeetingListed>>(
      s, [&](db::Batch& b, auto& out) { list_for_group(b, group_id, viewer, now, out); });
}

void upsert_reply(soci::session& s, long long id, long long org_id, long long user_id, const RsvpDetails& r,
                  long long now) {
  const auto needs = need_list_code(r.needs);
  db::query(s,
            "INSERT INTO meeting_rsvps (meeting_id, org_id, user_id, answer, needs, interpreter_language, dietary, "
            "note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (meeting_id, "
            "user_id) DO UPDATE SET answer = excluded.answer, needs = excluded.needs, interpreter_language = "
            "excluded.interpreter_language, dietary = excluded.dietary, note = excluded.note, updated_at = "
            "excluded.updated_at",
            {id, org_id, user_id, answer_code(r.answer), needs, r.interpreter_language, r.dietary, r.note, now});
  // A tick for a need the reply no longer asks for goes: asked again later, it is to arrange again.
  std::vector<std::string> ticked;
  db::query(s, "SELECT need FROM meeting_support_arranged WHERE meeting_id = $1 AND user_id = $2", {id, user_id},
            [&](const db::Row& row) { ticked.push_back(row.string(0)); });
  for (const auto& code : ticked) {
    const auto need = parse_need(code);
    if (need && r.has(*need)) continue;
    db::query(s, "DELETE FROM meeting_support_arranged WHERE meeting_id = $1 AND user_id = $2 AND need = $3",
              {id, user_id, code});
  }
}

void set_arranged(soci::session& s, long long id, long long user_id, Need need, bool arranged, long long actor,
                  long long now) {
  if (arranged) {
    db::query(s,
              "INSERT INTO meeting_support_arranged (meeting_id, user_id, need, arranged_by, arranged_at) VALUES ($1, "
              "$2, $3, $4, $5) ON CONFLICT (meeting_id, user_id, need) DO NOTHING",
              {id, user_id, need_code(need), actor, now});
  } else {
    db::query(s, "DELETE FROM meeting_support_arranged WHERE meeting_id = $1 AND user_id = $2 AND need = $3",
              {id, user_id, need_code(need)});
  }
}

std::optional<std::vector<Rsvp>> checklist(soci::session& s, long long org_id, long long id) {
  bool found = false;
  std::vector<Rsvp> out;
  std::map<long long, std::vector<Need>> ticks;
  // Whether the meeting is the organisation's, who replied what, and what has been arranged for whom: read together
  // (one round trip on PostgreSQL), each finding the meeting's group itself.
  db::Batch b(s);
  b.add("SELECT 1 FROM meetings WHERE id = $1 AND org_id = $2", {id, org_id}, [&](const db::Row&) { found = true; });
  b.add(
      "SELECT gm.user_id, gm.name, r.answer, r.needs, r.interpreter_language, r.dietary, r.note, r.updated_at "
      "FROM meetings mg JOIN group_members gm ON gm.group_id = mg.group_id LEFT JOIN meeting_rsvps r ON "
      "r.meeting_id = mg.id AND r.user_id = gm.user_id WHERE mg.id = $1 AND mg.org_id = $2 AND (gm.role <> "
      "'observer' OR r.user_id IS NOT NULL) UNION ALL SELECT r.user_id, u.name, r.answer, r.needs, "
      "r.interpreter_language, r.dietary, r.note, r.updated_at FROM meeting_rsvps r JOIN meetings m ON m.id = "
      "r.meeting_id AND m.open_to_org = 1 JOIN users u ON u.id = r.user_id WHERE r.meeting_id = $1 AND m.org_id = "
      "$2 AND NOT EXISTS (SELECT 1 FROM group_members x WHERE x.group_id = m.group_id AND x.user_id = r.user_id) "
      "ORDER BY 2, 1",
      {id, org_id}, [&](const db::Row& r) {
        Rsvp v;
        v.user_id = r.integer(0);
        v.name = r.string(1);
        v.reply = reply_of(r, 2);
        v.updated_at = r.integer(7);
        out.push_back(std::move(v));
      });
  b.add("SELECT user_id, need FROM meeting_support_arranged WHERE meeting_id = $1", {id}, [&](const db::Row& r) {
    if (auto need = parse_need(r.text(1))) ticks[r.integer(0)].push_back(*need);
  });
  b.run();
  if (!found) return std::nullopt;
  for (auto& p : out) {
    if (auto it = ticks.find(p.user_id); it != ticks.end()) p.arranged = it->second;
  }
  return out;
}

std::vector<FeedMeeting> feed_for(soci::session& s, long long user_id, long long since, int limit) {
  std::vector<FeedMeeting> out;
  // The person's groups (leaving a group or the organisation takes its rows away at once), their meetings that end
  // after `since`, through group_members' user index and meetings' (group, start) index; and the open sessions of
  // other groups' series they replied going or maybe to (replying "not going" takes one away), through
  // meeting_rsvps' user index. One query, soonest first (column 9 is m.starts_at, 1 m.id).
  db::query(s,
            "SELECT " + kColumns +
                ", o.slug, gm.role, ms.role FROM group_members gm JOIN memberships ms ON ms.org_id = gm.org_id AND "
                "ms.user_id = gm.user_id JOIN meetings m ON m.group_id = gm.group_id JOIN org_groups g ON g.id = "
                "m.group_id JOIN organisations o ON o.id = m.org_id WHERE gm.user_id = $1 AND m.ends_at >= $2 "
                "UNION ALL SELECT " +
                kColumns +
                ", o.slug, NULL, ms.role FROM meeting_rsvps r JOIN meetings m ON m.id = r.meeting_id JOIN memberships "
                "ms ON ms.org_id = m.org_id AND ms.user_id = r.user_id JOIN org_groups g ON g.id = m.group_id JOIN "
                "organisations o ON o.id = m.org_id WHERE r.user_id = $1 AND r.answer IN ('going', 'maybe') AND "
                "m.open_to_org = 1 AND m.ends_at >= $2 AND NOT EXISTS (SELECT 1 FROM group_members x WHERE x.group_id "
                "= m.group_id AND x.user_id = $1) ORDER BY 9, 1 LIMIT $3",
            {user_id, since, static_cast<long long>(limit)}, [&](const db::Row& r) {
              FeedMeeting f;
              f.meeting = meeting_of(r);
              constexpr int c = kColumnCount;
              f.org_slug = r.string(c);
              if (!r.null(c + 1)) f.group_role = groups::parse_group_role(r.text(c + 1));
              f.org_role = organisations::parse_role(r.text(c + 2)).value_or(core::Role::member);
              out.push_back(std::move(f));
            });
  return out;
}

long long count_for_org(soci::session& s, long long org_id) {
  long long n = 0;
  db::query(s, "SELECT COUNT(*) FROM meetings WHERE org_id = $1", {org_id},
            [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

}  // namespace roundtable::meetings::store
