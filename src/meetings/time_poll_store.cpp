#include "meetings/time_poll_store.hpp"

#include "db/query.hpp"

namespace roundtable::meetings::poll_store {

namespace {

std::optional<long long> optional_integer(const db::Row& r, int c) {
  if (r.null(c)) return std::nullopt;
  return r.integer(c);
}

db::Param param_of(const std::optional<long long>& v) {
  if (v) return *v;
  return nullptr;
}

}  // namespace

long long insert(soci::session& s, long long org_id, long long group_id, const PollDetails& d,
                 const std::vector<PollOption>& options, std::string_view create_key, long long actor, long long now) {
  long long id = 0;
  db::query(s,
            "INSERT INTO meeting_time_polls (org_id, group_id, title, purpose, closes_at, create_key, created_by, "
            "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (org_id, create_key) DO "
            "NOTHING RETURNING id",
            {org_id, group_id, d.title, d.purpose, param_of(d.closes_at), create_key, actor, now},
            [&](const db::Row& r) { id = r.integer(0); });
  if (id == 0) return 0;
  long long position = 0;
  for (const auto& o : options) {
    db::query(s,
              "INSERT INTO meeting_time_poll_options (poll_id, position, starts_at, ends_at) VALUES ($1, $2, $3, $4)",
              {id, ++position, o.starts_at, o.ends_at});
  }
  return id;
}

std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM meeting_time_polls WHERE org_id = $1 AND create_key = $2", {org_id, create_key},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

std::optional<PollForViewer> find_for_viewer(soci::session& s, long long org_id, long long id, long long viewer) {
  std::optional<PollForViewer> out;
  db::query(
      s,
      "SELECT p.id, p.org_id, p.group_id, g.name, g.visibility, g.archived_at, p.title, p.purpose, p.closes_at, "
      "p.closed_at, p.meeting_id, p.created_at, p.updated_at, gm.role FROM meeting_time_polls p JOIN org_groups g "
      "ON g.id = p.group_id LEFT JOIN group_members gm ON gm.group_id = p.group_id AND gm.user_id = $3 WHERE "
      "p.id = $2 AND p.org_id = $1",
      {org_id, id, viewer}, [&](const db::Row& r) {
        PollForViewer v;
        auto& p = v.poll;
        p.id = r.integer(0);
        p.org_id = r.integer(1);
        p.group_id = r.integer(2);
        p.group_name = r.string(3);
        p.group_visibility = groups::parse_visibility(r.text(4)).value_or(groups::Visibility::members);
        p.group_archived = !r.null(5);
        p.details.title = r.string(6);
        p.details.purpose = r.string(7);
        p.details.closes_at = optional_integer(r, 8);
        p.closed_at = optional_integer(r, 9);
        p.meeting_id = optional_integer(r, 10);
        p.created_at = r.integer(11);
        p.updated_at = r.integer(12);
        if (!r.null(13)) v.group_role = groups::parse_group_role(r.text(13));
        out = std::move(v);
      });
  if (!out) return out;
  // The times and the viewer's own answers, in one query.
  db::query(s,
            "SELECT o.id, o.starts_at, o.ends_at, a.answer FROM meeting_time_poll_options o LEFT JOIN "
            "meeting_time_poll_answers a ON a.option_id = o.id AND a.user_id = $2 WHERE o.poll_id = $1 ORDER BY "
            "o.position, o.id",
            {id, viewer}, [&](const db::Row& r) {
              out->poll.options.push_back({r.integer(0), r.integer(1), r.integer(2)});
              if (r.null(3)) return;
              if (const auto a = parse_poll_answer(r.text(3))) out->mine.push_back({r.integer(0), *a});
            });
  // An answer counts only while its person is in the group.
  if (!out->group_role) out->mine.clear();
  return out;
}

std::vector<PollPerson> people(soci::session& s, long long poll_id, long long group_id) {
  std::vector<PollPerson> out;
  db::query(s,
            "SELECT gm.user_id, gm.name, a.option_id, a.answer FROM group_members gm LEFT JOIN "
            "meeting_time_poll_answers a ON a.poll_id = $1 AND a.user_id = gm.user_id WHERE gm.group_id = $2 AND "
            "gm.role <> 'observer' ORDER BY gm.name, gm.user_id, a.option_id",
            {poll_id, group_id}, [&](const db::Row& r) {
              const long long user = r.integer(0);
              if (out.empty() || out.back().user_id != user) out.push_back({user, r.string(1), {}});
              if (r.null(2)) return;
              if (const auto a = parse_poll_answer(r.text(3))) out.back().votes.push_back({r.integer(2), *a});
            });
  return out;
}

void upsert_answers(soci::session& s, long long poll_id, long long org_id, long long user_id,
                    const std::vector<PollVote>& votes, long long now) {
  for (const auto& v : votes) {
    // The same answer again leaves the row as it was.
    db::query(s,
              "INSERT INTO meeting_time_poll_answers (option_id, poll_id, org_id, user_id, answer, updated_at) VALUES "
              "($1, $2, $3, $4, $5, $6) ON CONFLICT (option_id, user_id) DO UPDATE SET answer = excluded.answer, "
              "updated_at = excluded.updated_at WHERE meeting_time_poll_answers.answer <> excluded.answer",
              {v.option_id, poll_id, org_id, user_id, poll_answer_code(v.answer), now});
  }
}

void update_details(soci::session& s, long long id, const PollDetails& d, long long now) {
  db::query(s, "UPDATE meeting_time_polls SET title = $1, purpose = $2, closes_at = $3, updated_at = $4 WHERE id = $5",
            {d.title, d.purpose, param_of(d.closes_at), now, id});
}

bool set_closed(soci::session& s, long long id, bool closed, long long now) {
  if (closed) {
    return db::query(
               s, "UPDATE meeting_time_polls SET closed_at = $1, updated_at = $1 WHERE id = $2 AND closed_at IS NULL",
               {now, id}) > 0;
  }
  return db::query(s,
                   "UPDATE meeting_time_polls SET closed_at = NULL, updated_at = $1 WHERE id = $2 AND closed_at IS NOT "
                   "NULL",
                   {now, id}) > 0;
}

void set_meeting(soci::session& s, long long id, long long meeting_id, long long now) {
  db::query(s, "UPDATE meeting_time_polls SET meeting_id = $1, updated_at = $2 WHERE id = $3", {meeting_id, now, id});
}

bool remove(soci::session& s, long long id) {
  return db::query(s, "DELETE FROM meeting_time_polls WHERE id = $1", {id}) > 0;
}

void list_for_group(db::Batch& b, long long group_id, std::vector<PollListed>& out) {
  b.add(
      "SELECT p.id, p.title, p.closes_at, p.closed_at, p.meeting_id, (SELECT COUNT(*) FROM meeting_time_poll_options o "
      "WHERE o.poll_id = p.id), (SELECT COUNT(DISTINCT a.user_id) FROM meeting_time_poll_answers a JOIN group_members "
      "x ON x.group_id = p.group_id AND x.user_id = a.user_id AND x.role <> 'observer' WHERE a.poll_id = p.id) FROM "
      "meeting_time_polls p WHERE p.group_id = $1 ORDER BY p.created_at DESC, p.id DESC",
      {group_id}, [&out](const db::Row& r) {
        PollListed l;
        l.id = r.integer(0);
        l.title = r.string(1);
        l.closes_at = optional_integer(r, 2);
        l.closed_at = optional_integer(r, 3);
        l.meeting_id = optional_integer(r, 4);
        l.options = r.integer(5);
        l.answered = r.integer(6);
        out.push_back(std::move(l));
      });
}

std::vector<PollListed> list_for_group(soci::session& s, long long group_id) {
  return db::read_alone<std::vector<PollListed>>(s, [&](db::Batch& b, auto& out) { list_for_group(b, group_id, out); });
}

std::vector<Recipient> answerers(soci::session& s, long long group_id) {
  std::vector<Recipient> out;
  db::query(
      s,
      "SELECT u.id, u.email, u.name, u.lang FROM group_members gm JOIN users u ON u.id = gm.user_id WHERE "
      "gm.group_id = $1 AND gm.role <> 'observer' ORDER BY u.id",
      {group_id}, [&](const db::Row& r) {
        out.push_back({r.integer(0), r.string(1), r.string(2), core::parse_lang(r.text(3)).value_or(core::Lang::en)});
      });
  return out;
}

}  // namespace roundtable::meetings::poll_store
