/// The only place the meetings module's SQL lives. Every function takes the caller's session; changes run inside the
/// service's db::WriteTransaction. Queries per page stay constant however many meetings and replies there are.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roles.hpp"
#include "meetings/meeting.hpp"

namespace soci {
class session;
}
namespace roundtable::db {
class Batch;
}

namespace roundtable::meetings::store {

/// The new meeting's id, or 0 when one with this create key exists already (the same form, sent twice).
long long insert(soci::session& s, long long org_id, long long group_id, const MeetingDetails& d,
                 std::string_view create_key, long long actor, long long now);
std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key);
/// The meeting (in this organisation) with the viewer's role in its group and their reply, in one query.
std::optional<MeetingForViewer> find_for_viewer(soci::session& s, long long org_id, long long id, long long viewer);
void update_details(soci::session& s, long long id, const MeetingDetails& d, long long now);
/// One more on its iCalendar SEQUENCE (its time, place or title changed).
void next_sequence(soci::session& s, long long id);
/// Calls it off unless it already is (false then), one more on its SEQUENCE.
bool set_cancelled(soci::session& s, long long id, std::string_view reason, long long now);

/// Every meeting of the group, upcoming first (soonest first), then past ones (latest first), with the viewer's
/// answer.
std::vector<MeetingListed> list_for_group(soci::session& s, long long group_id, long long viewer, long long now);
void list_for_group(db::Batch& b, long long group_id, long long viewer, long long now, std::vector<MeetingListed>& out);

/// Keeps the person's reply: one row per person and meeting, whatever sends it how often.
void upsert_reply(soci::session& s, long long id, long long org_id, long long user_id, const RsvpDetails& r,
                  long long now);
/// Everyone in the group (observers only when they replied), by name, with their reply and which of its needs are
/// arranged.
std::optional<std::vector<Rsvp>> checklist(soci::session& s, long long org_id, long long id);
/// Ticks (or unticks) one person's need for the meeting as arranged.
void set_arranged(soci::session& s, long long id, long long user_id, Need need, bool arranged, long long actor,
                  long long now);

/// A meeting in a person's calendar feed, with what the policy needs to know about the person.
struct FeedMeeting {
  Meeting meeting;
  std::string org_slug;
  std::optional<GroupRole> group_role;
  core::Role org_role = core::Role::member;
};
/// The meetings of every group the person is in (in organisations they still belong to) that end at or after
/// `since`, soonest first, at most `limit`.
std::vector<FeedMeeting> feed_for(soci::session& s, long long user_id, long long since, int limit);

// For demo data.
long long count_for_org(soci::session& s, long long org_id);

}  // namespace roundtable::meetings::store
