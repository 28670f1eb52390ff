#include "meetings/agenda_store.hpp"

#include "db/query.hpp"

namespace roundtable::meetings::store {

namespace {

constexpr std::string_view kItemColumns =
    "i.id, i.meeting_id, i.title, i.notes, i.status, i.position, i.topic_id, t.title, t.raised_count, i.proposed_by, "
    "u.name, i.decision FROM meeting_agenda_items i LEFT JOIN discussion_topics t ON t.id = i.topic_id LEFT JOIN "
    "users u ON u.id = i.proposed_by";

AgendaItem item_of(const db::Row& r) {
  AgendaItem i;
  i.id = r.integer(0);
  i.meeting_id = r.integer(1);
  i.title = r.string(2);
  i.notes = r.string(3);
  i.status = r.text(4) == "accepted" ? ItemStatus::accepted : ItemStatus::proposed;
  i.position = r.integer(5);
  if (!r.null(6)) i.topic_id = r.integer(6);
  i.topic_title = r.string(7);
  i.raised_count = r.integer(8);
  if (!r.null(9)) i.proposed_by = r.integer(9);
  i.proposer_name = r.string(10);
  i.decision = r.string(11);
  return i;
}

Recipient recipient_of(const db::Row& r, int first) {
  return {r.integer(first), r.string(first + 1), r.string(first + 2),
          core::parse_lang(r.text(first + 3)).value_or(core::Lang::en)};
}

}  // namespace

void agenda_items(db::Batch& b, long long meeting_id, std::vector<AgendaItem>& out) {
  b.add("SELECT " + std::string(kItemColumns) +
            " WHERE i.meeting_id = $1 ORDER BY CASE WHEN i.status = 'accepted' THEN 0 ELSE 1 END, i.position, "
            "i.id",
        {meeting_id}, [&out](const db::Row& r) { out.push_back(item_of(r)); });
}

std::vector<AgendaItem> agenda_items(soci::session& s, long long meeting_id) {
  return db::read_alone<std::vector<AgendaItem>>(s, [&](db::Batch& b, auto& out) { agenda_items(b, meeting_id, out); });
}

void actions(db::Batch& b, long long meeting_id, std::vector<MeetingAction>& out) {
  b.add(
      "SELECT a.id, a.item_id, a.what, a.owner_id, u.name, a.due_on, a.status FROM meeting_actions a LEFT JOIN "
      "users u ON u.id = a.owner_id WHERE a.meeting_id = $1 ORDER BY a.item_id, a.id",
      {meeting_id}, [&out](const db::Row& r) {
        MeetingAction a;
        a.id = r.integer(0);
        a.item_id = r.integer(1);
        a.what = r.string(2);
        if (!r.null(3)) a.owner_id = r.integer(3);
        a.owner_name = r.string(4);
        a.due_on = r.string(5);
        a.status = parse_action_status(r.text(6)).value_or(ActionStatus::open);
        out.push_back(std::move(a));
      });
}

std::vector<MeetingAction> actions(soci::session& s, long long meeting_id) {
  return db::read_alone<std::vector<MeetingAction>>(s, [&](db::Batch& b, auto& out) { actions(b, meeting_id, out); });
}

void raised_topics(db::Batch& b, long long group_id, long long meeting_id, std::vector<RaisedTopic>& out) {
  b.add(
      "SELECT t.id, t.title, t.raised_count FROM discussion_topics t WHERE t.group_id = $1 AND t.raised_count > "
      "0 AND NOT EXISTS (SELECT 1 FROM meeting_agenda_items i WHERE i.meeting_id = $2 AND i.topic_id = t.id) "
      "ORDER BY t.raised_count DESC, t.id DESC LIMIT 20",
      {group_id, meeting_id}, [&out](const db::Row& r) {
        out.push_back({r.integer(0), r.string(1), r.integer(2)});
      });
}

std::optional<RaisedTopic> find_raised_topic(soci::session& s, long long group_id, long long topic_id) {
  std::optional<RaisedTopic> out;
  db::query(s,
            "SELECT id, title, raised_count FROM discussion_topics WHERE id = $1 AND group_id = $2 AND raised_count > "
            "0",
            {topic_id, group_id}, [&](const db::Row& r) {
              out = RaisedTopic{r.integer(0), r.string(1), r.integer(2)};
            });
  return out;
}

long long insert_item(soci::session& s, const NewItem& n, long long now) {
  long long id = 0;
  const bool accepted = n.status == ItemStatus::accepted;
  const db::Param topic = n.topic_id ? db::Param(*n.topic_id) : db::Param(nullptr);
  db::query(s,
            "INSERT INTO meeting_agenda_items (meeting_id, org_id, group_id, title, notes, status, position, topic_id, "
            "proposed_by, create_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 = "
            "'accepted' THEN (SELECT COALESCE(MAX(position), 0) + 1 FROM meeting_agenda_items WHERE meeting_id = $1) "
            "ELSE 0 END, $7, $8, $9, $10, $10) ON CONFLICT (meeting_id, create_key) DO NOTHING RETURNING id",
            {n.meeting_id, n.org_id, n.group_id, n.title, n.notes, std::string_view(accepted ? "accepted" : "proposed"),
             topic, n.proposed_by, n.create_key, now},
            [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

std::optional<AgendaItem> find_item(soci::session& s, long long meeting_id, long long item_id) {
  std::optional<AgendaItem> out;
  db::query(s, "SELECT " + std::string(kItemColumns) + " WHERE i.id = $1 AND i.meeting_id = $2", {item_id, meeting_id},
            [&](const db::Row& r) { out = item_of(r); });
  return out;
}

bool accept_item(soci::session& s, long long item_id, long long now) {
  return db::query(s,
                   "UPDATE meeting_agenda_items SET status = 'accepted', updated_at = $2, position = (SELECT "
                   "COALESCE(MAX(x.position), 0) + 1 FROM meeting_agenda_items x WHERE x.meeting_id = "
                   "meeting_agenda_items.meeting_id) WHERE id = $1 AND status = 'proposed'",
                   {item_id, now}) > 0;
}

void update_item(soci::session& s, long long item_id, std::string_view title, std::string_view notes, long long now) {
  db::query(s, "UPDATE meeting_agenda_items SET title = $2, notes = $3, updated_at = $4 WHERE id = $1",
            {item_id, title, notes, now});
}

bool remove_item(soci::session& s, long long item_id) {
  return db::query(s, "DELETE FROM meeting_agenda_items WHERE id = $1", {item_id}) > 0;
}

bool move_item(soci::session& s, long long meeting_id, long long item_id, bool up, long long now) {
  long long position = 0;
  bool accepted = false;
  db::query(s, "SELECT position, status FROM meeting_agenda_items WHERE id = $1 AND meeting_id = $2",
            {item_id, meeting_id}, [&](const db::Row& r) {
              position = r.integer(0);
              accepted = r.text(1) == "accepted";
            });
  if (!accepted) return false;
  long long other = 0, other_position = 0;
  db::query(s,
            up ? "SELECT id, position FROM meeting_agenda_items WHERE meeting_id = $1 AND status = 'accepted' AND "
                 "position < $2 ORDER BY position DESC LIMIT 1"
               : "SELECT id, position FROM meeting_agenda_items WHERE meeting_id = $1 AND status = 'accepted' AND "
                 "position > $2 ORDER BY position LIMIT 1",
            {meeting_id, position}, [&](const db::Row& r) {
              other = r.integer(0);
              other_position = r.integer(1);
            });
  if (other == 0) return false;
  db::query(s, "UPDATE meeting_agenda_items SET position = $2, updated_at = $3 WHERE id = $1",
            {item_id, other_position, now});
  db::query(s, "UPDATE meeting_agenda_items SET position = $2, updated_at = $3 WHERE id = $1", {other, position, now});
  return true;
}

void set_decision(soci::session& s, long long item_id, std::string_view decision, long long now) {
  db::query(s, "UPDATE meeting_agenda_items SET decision = $2, updated_at = $3 WHERE id = $1",
            {item_id, decision, now});
}

long long insert_action(soci::session& s, const NewAction& a, long long now) {
  long long id = 0;
  db::query(s,
            "INSERT INTO meeting_actions (meeting_id, item_id, what, owner_id, due_on, status, create_key, created_at, "
            "updated_at) VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $7) ON CONFLICT (meeting_id, create_key) DO "
            "NOTHING RETURNING id",
            {a.meeting_id, a.item_id, a.what, a.owner_id, a.due_on, a.create_key, now},
            [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

bool set_action_status(soci::session& s, long long meeting_id, long long action_id, ActionStatus status,
                       long long now) {
  return db::query(s, "UPDATE meeting_actions SET status = $3, updated_at = $4 WHERE id = $1 AND meeting_id = $2",
                   {action_id, meeting_id, action_status_code(status), now}) > 0;
}

void attendance(db::Batch& b, long long meeting_id, long long group_id, std::vector<Attendee>& out) {
  b.add(
      "SELECT gm.user_id, gm.name, a.status FROM group_members gm LEFT JOIN meeting_attendance a ON "
      "a.meeting_id = $1 AND a.user_id = gm.user_id WHERE gm.group_id = $2 UNION ALL SELECT u.id, u.name, "
      "a.status FROM users u JOIN meetings m ON m.id = $1 AND m.open_to_org = 1 LEFT JOIN meeting_attendance a "
      "ON a.meeting_id = m.id AND a.user_id = u.id WHERE (EXISTS (SELECT 1 FROM meeting_rsvps r WHERE "
      "r.meeting_id = m.id AND r.user_id = u.id) OR a.user_id IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "
      "group_members x WHERE x.group_id = $2 AND x.user_id = u.id) ORDER BY 2, 1",
      {meeting_id, group_id}, [&out](const db::Row& r) {
        Attendee a;
        a.user_id = r.integer(0);
        a.name = r.string(1);
        if (!r.null(2)) a.status = parse_attendance(r.text(2));
        out.push_back(std::move(a));
      });
}

std::vector<Attendee> attendance(soci::session& s, long long meeting_id, long long group_id) {
  return db::read_alone<std::vector<Attendee>>(
      s, [&](db::Batch& b, auto& out) { attendance(b, meeting_id, group_id, out); });
}

void upsert_attendance(soci::session& s, long long meeting_id, long long org_id, long long user_id, Attendance a,
                       long long now) {
  db::query(s,
            "INSERT INTO meeting_attendance (meeting_id, org_id, user_id, status, recorded_at) VALUES ($1, $2, $3, $4, "
            "$5) ON CONFLICT (meeting_id, user_id) DO UPDATE SET status = excluded.status, recorded_at = "
            "excluded.recorded_at",
            {meeting_id, org_id, user_id, attendance_code(a), now});
}

bool in_group(soci::session& s, long long group_id, long long user_id) {
  bool out = false;
  db::query(s, "SELECT 1 FROM group_members WHERE group_id = $1 AND user_id = $2", {group_id, user_id},
            [&](const db::Row&) { out = true; });
  return out;
}

void set_minutes(soci::session& s, long long meeting_id, std::string_view minutes, long long now) {
  db::query(s, "UPDATE meetings SET minutes = $2, updated_at = $3 WHERE id = $1", {meeting_id, minutes, now});
}

bool publish_minutes(soci::session& s, long long meeting_id, long long now) {
  return db::query(s,
                   "UPDATE meetings SET minutes_published_at = $2, updated_at = $2 WHERE id = $1 AND "
                   "minutes_published_at IS NULL",
                   {meeting_id, now}) > 0;
}

bool mark_papers_sent(soci::session& s, long long meeting_id, long long now) {
  return db::query(s,
                   "UPDATE meetings SET papers_sent_at = $2, updated_at = $2 WHERE id = $1 AND papers_sent_at IS NULL",
                   {meeting_id, now}) > 0;
}

void papers(db::Batch& b, long long meeting_id, std::vector<Paper>& out) {
  b.add(
      "SELECT p.id, p.title, u.public_id, u.mime, a.public_id, a.mime, p.accessible_kind, u.bytes, a.bytes "
      "FROM meeting_papers p JOIN uploads u ON u.id = p.upload_id LEFT JOIN uploads a ON a.id = "
      "p.accessible_upload_id WHERE p.meeting_id = $1 ORDER BY p.id",
      {meeting_id}, [&out](const db::Row& r) {
        out.push_back({r.integer(0), r.string(1), r.string(2), r.string(3), r.string(4), r.string(5),
                       r.null(4) ? std::string() : r.string(6), r.integer(7), r.null(4) ? 0 : r.integer(8)});
      });
}

long long insert_paper(soci::session& s, const NewPaper& p, long long now) {
  long long id = 0;
  const db::Param accessible = p.accessible_upload_id ? db::Param(*p.accessible_upload_id) : db::Param(nullptr);
  db::query(
      s,
      "INSERT INTO meeting_papers (meeting_id, org_id, title, upload_id, accessible_upload_id, accessible_kind, "
      "added_by, create_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (meeting_id, "
      "create_key) DO NOTHING RETURNING id",
      {p.meeting_id, p.org_id, p.title, p.upload_id, accessible,
       std::string_view(p.accessible_upload_id ? p.accessible_kind : std::string()), p.added_by, p.create_key, now},
      [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

bool paper_exists(soci::session& s, long long meeting_id, std::string_view create_key) {
  bool out = false;
  db::query(s, "SELECT 1 FROM meeting_papers WHERE meeting_id = $1 AND create_key = $2", {meeting_id, create_key},
            [&](const db::Row&) { out = true; });
  return out;
}

std::vector<long long> remove_paper(soci::session& s, long long meeting_id, long long paper_id) {
  std::vector<long long> out;
  db::query(s, "SELECT upload_id, accessible_upload_id FROM meeting_papers WHERE id = $1 AND meeting_id = $2",
            {paper_id, meeting_id}, [&](const db::Row& r) {
              out.push_back(r.integer(0));
              if (!r.null(1)) out.push_back(r.integer(1));
            });
  if (!out.empty()) db::query(s, "DELETE FROM meeting_papers WHERE id = $1", {paper_id});
  return out;
}

std::optional<PaperAccess> paper_of_upload(soci::session& s, long long upload_id) {
  std::optional<PaperAccess> out;
  db::query(s,
            "SELECT org_id, meeting_id FROM meeting_papers WHERE upload_id = $1 OR accessible_upload_id = $1 LIMIT 1",
            {upload_id}, [&](const db::Row& r) {
              out = PaperAccess{r.integer(0), r.integer(1)};
            });
  return out;
}

std::vector<Recipient> group_people(soci::session& s, long long group_id) {
  std::vector<Recipient> out;
  db::query(s,
            "SELECT u.id, u.email, u.name, u.lang FROM group_members gm JOIN users u ON u.id = gm.user_id WHERE "
            "gm.group_id = $1 ORDER BY u.id",
            {group_id}, [&](const db::Row& r) { out.push_back(recipient_of(r, 0)); });
  return out;
}

std::vector<TopicSupporter> topic_supporters(soci::session& s, long long meeting_id, long long group_id) {
  std::vector<TopicSupporter> out;
  db::query(s,
            "SELECT DISTINCT u.id, u.email, u.name, u.lang, i.id, i.position FROM meeting_agenda_items i JOIN (SELECT "
            "topic_id, user_id FROM discussion_raises UNION SELECT p.topic_id, r.user_id FROM discussion_reactions r "
            "JOIN discussion_posts p ON p.id = r.post_id) x ON x.topic_id = i.topic_id JOIN group_members gm ON "
            "gm.group_id = $2 AND gm.user_id = x.user_id JOIN users u ON u.id = x.user_id WHERE i.meeting_id = $1 AND "
            "i.status = 'accepted' ORDER BY u.id, i.position, i.id",
            {meeting_id, group_id}, [&](const db::Row& r) {
              out.push_back({recipient_of(r, 0), r.integer(4)});
            });
  return out;
}

std::optional<long long> topic_by_title(soci::session& s, long long group_id, std::string_view title) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM discussion_topics WHERE group_id = $1 AND title = $2", {group_id, title},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

}  // namespace roundtable::meetings::store
