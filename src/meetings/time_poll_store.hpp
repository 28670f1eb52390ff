/// The only place the "find a time" SQL lives. Every function takes the caller's session; changes run inside the
/// service's db::WriteTransaction. Reading a poll's page is a fixed number of queries however many times and answers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meetings/agenda.hpp"
#include "meetings/time_poll.hpp"

namespace soci {
class session;
}
namespace roundtable::db {
class Batch;
}

namespace roundtable::meetings::poll_store {

/// The new poll's id with its times, or 0 when one with this create key exists already (the same form, sent twice).
long long insert(soci::session& s, long long org_id, long long group_id, const PollDetails& d,
                 const std::vector<PollOption>& options, std::string_view create_key, long long actor, long long now);
std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key);
/// The poll (in this organisation) with its times, the viewer's role in its group and their own answers.
std::optional<PollForViewer> find_for_viewer(soci::session& s, long long org_id, long long id, long long viewer);
/// Everyone in the group who may answer (not observers), by name, with their answers.
std::vector<PollPerson> people(soci::session& s, long long poll_id, long long group_id);
/// Keeps the person's answer for each time given; the same answers twice change nothing.
void upsert_answers(soci::session& s, long long poll_id, long long org_id, long long user_id,
                    const std::vector<PollVote>& votes, long long now);
void update_details(soci::session& s, long long id, const PollDetails& d, long long now);
/// Closes (closed_at = now) or reopens (closed_at NULL); false when it already was.
bool set_closed(soci::session& s, long long id, bool closed, long long now);
void set_meeting(soci::session& s, long long id, long long meeting_id, long long now);
bool remove(soci::session& s, long long id);
/// Every poll of the group, newest first.
std::vector<PollListed> list_for_group(soci::session& s, long long group_id);
void list_for_group(db::Batch& b, long long group_id, std::vector<PollListed>& out);
/// The group's people who may answer, to email (lead facilitators, facilitators and members).
std::vector<Recipient> answerers(soci::session& s, long long group_id);

}  // namespace roundtable::meetings::poll_store
