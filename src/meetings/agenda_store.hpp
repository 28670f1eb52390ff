/// The SQL of meetings' agendas, attendance, minutes, decisions and actions (with meeting_store.cpp, the only places
/// the meetings module's SQL lives). It reads the discussions module's tables (topics, raises, reactions) but never
/// writes them. Every page reads a constant number of statements however many items, actions and people there are.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/query.hpp"
#include "meetings/agenda.hpp"

namespace soci {
class session;
}

namespace roundtable::meetings::store {

/// Accepted items in order, then proposals (oldest first), with where each came from.
std::vector<AgendaItem> agenda_items(soci::session& s, long long meeting_id);
void agenda_items(db::Batch& b, long long meeting_id, std::vector<AgendaItem>& out);
/// Every action of the meeting, by item, oldest first, with its owner's name.
std::vector<MeetingAction> actions(soci::session& s, long long meeting_id);
void actions(db::Batch& b, long long meeting_id, std::vector<MeetingAction>& out);
/// Up to 20 topics of the group that members asked to raise, most asked first, not yet on this meeting's agenda.
void raised_topics(db::Batch& b, long long group_id, long long meeting_id, std::vector<RaisedTopic>& out);
/// The group's topic, when members asked to raise it.
std::optional<RaisedTopic> find_raised_topic(soci::session& s, long long group_id, long long topic_id);

struct NewItem {
  long long meeting_id = 0;
  long long org_id = 0;
  long long group_id = 0;
  std::string title;
  std::string notes;
  ItemStatus status = ItemStatus::proposed;
  std::optional<long long> topic_id;
  long long proposed_by = 0;
  std::string create_key;
};
/// The new item's id (accepted ones go last on the agenda), or 0 when one with this create key exists already.
long long insert_item(soci::session& s, const NewItem& item, long long now);
std::optional<AgendaItem> find_item(soci::session& s, long long meeting_id, long long item_id);
/// Puts a proposal last on the agenda; false when it was accepted already.
bool accept_item(soci::session& s, long long item_id, long long now);
void update_item(soci::session& s, long long item_id, std::string_view title, std::string_view notes, long long now);
bool remove_item(soci::session& s, long long item_id);
/// Swaps an accepted item with the one above (or below) it; false when it is first (or last) already.
bool move_item(soci::session& s, long long meeting_id, long long item_id, bool up, long long now);
void set_decision(soci::session& s, long long item_id, std::string_view decision, long long now);

struct NewAction {
  long long meeting_id = 0;
  long long item_id = 0;
  std::string what;
  long long owner_id = 0;
  std::string due_on;
  std::string create_key;
};
/// The new action's id, or 0 when one with this create key exists already.
long long insert_action(soci::session& s, const NewAction& a, long long now);
bool set_action_status(soci::session& s, long long meeting_id, long long action_id, ActionStatus status, long long now);

/// Everyone in the group (observers too), by name, with whether they came.
std::vector<Attendee> attendance(soci::session& s, long long meeting_id, long long group_id);
void attendance(db::Batch& b, long long meeting_id, long long group_id, std::vector<Attendee>& out);
void upsert_attendance(soci::session& s, long long meeting_id, long long org_id, long long user_id, Attendance a,
                       long long now);
/// Whether the person is in the group (any role).
bool in_group(soci::session& s, long long group_id, long long user_id);

void set_minutes(soci::session& s, long long meeting_id, std::string_view minutes, long long now);
/// Marks the minutes published; false when they were already (so the group is told once).
bool publish_minutes(soci::session& s, long long meeting_id, long long now);
/// Marks the papers sent; false when they were already.
bool mark_papers_sent(soci::session& s, long long meeting_id, long long now);

/// The meeting's papers, oldest first, with their files.
void papers(db::Batch& b, long long meeting_id, std::vector<Paper>& out);
struct NewPaper {
  long long meeting_id = 0;
  long long org_id = 0;
  std::string title;
  long long upload_id = 0;
  std::optional<long long> accessible_upload_id;
  std::string accessible_kind;
  long long added_by = 0;
  std::string create_key;
};
/// The new paper's id, or 0 when one with this create key exists already.
long long insert_paper(soci::session& s, const NewPaper& p, long long now);
bool paper_exists(soci::session& s, long long meeting_id, std::string_view create_key);
/// Deletes the paper; the ids of its uploads (to remove after), empty when it was not there.
std::vector<long long> remove_paper(soci::session& s, long long meeting_id, long long paper_id);
/// For the file route: the meeting a paper's file belongs to (either version), with the viewer's role in its group.
struct PaperAccess {
  long long org_id = 0;
  long long meeting_id = 0;
};
std::optional<PaperAccess> paper_of_upload(soci::session& s, long long upload_id);

/// Everyone in the group, to email.
std::vector<Recipient> group_people(soci::session& s, long long group_id);
/// Everyone still in the group who asked to raise, or reacted to a post of, the topic behind an accepted agenda item:
/// one row per person and item, by person.
std::vector<TopicSupporter> topic_supporters(soci::session& s, long long meeting_id, long long group_id);

// For demo data.
std::optional<long long> topic_by_title(soci::session& s, long long group_id, std::string_view title);

}  // namespace roundtable::meetings::store
