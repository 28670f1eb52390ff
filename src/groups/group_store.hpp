/// The only place the groups module's SQL lives. Every function takes the caller's session; changes run inside the
/// service's db::WriteTransaction. A read a page makes with others also comes in a form that adds it to a db::Batch
/// (its answer lands in `out` when the batch runs), so the page's reads travel together. Queries per page stay constant
/// however many groups and members there are.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "groups/group.hpp"

namespace soci {
class session;
}
namespace roundtable::db {
class Batch;
}

namespace roundtable::groups::store {

/// The new group's id, or 0 when a group with this create key exists already (made by the same form, sent twice).
long long insert_group(soci::session& s, long long org_id, const GroupDetails& d, std::string_view create_key,
                       long long actor, long long now);
std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key);
/// The group (in this organisation) with the viewer's role and request, in one query.
std::optional<GroupForViewer> find_for_viewer(soci::session& s, long long org_id, long long group_id, long long viewer,
                                              Documents documents = Documents::read);
/// The same with a page's reads along, in one batch.
std::optional<GroupForViewer> find_for_viewer(soci::session& s, long long org_id, long long group_id, long long viewer,
                                              Documents documents, const AlongWithGroup& along);
/// The same, added to a batch: `out` is filled when the batch runs (left empty when there is no such group).
void find_for_viewer(db::Batch& b, long long org_id, long long group_id, long long viewer, Documents documents,
                     std::optional<GroupForViewer>& out);
/// The group with this id in the organisation with this address, when its summary is public (not archived).
std::optional<PublicGroup> find_public(soci::session& s, std::string_view org_slug, long long group_id);
void update_details(soci::session& s, long long group_id, const GroupDetails& d, long long now);
void set_archived(soci::session& s, long long group_id, std::optional<long long> archived_at, long long now);
void set_stage(soci::session& s, long long group_id, std::optional<Stage> stage, long long now);
/// Hangs a picture (an upload's id, with the words describing it) or none; returns the upload it replaces.
std::optional<long long> set_picture(soci::session& s, long long group_id, std::optional<long long> upload_id,
                                     std::string_view alt, long long now);
/// Changes only the words that describe the picture.
void set_picture_alt(soci::session& s, long long group_id, std::string_view alt, long long now);
/// The group this upload is the picture of, with the viewer's role and invitation there (viewer 0: nobody).
std::optional<PictureOwner> picture_owner(soci::session& s, long long upload_id, long long viewer);

/// The groups of the organisation the viewer may see but is not in (all: the organisation's admins see every
/// group), open ones first, then by name; up to limit of them after the group `after` in that order (keyset: the
/// page costs the same however many groups come before it; an `after` not in this organisation gives none).
std::vector<GroupListed> others_for_viewer(soci::session& s, long long org_id, long long viewer, bool all,
                                           std::optional<long long> after, int limit);
/// The groups the person is in, in every organisation they belong to or one (org_id 0: all), by name.
std::vector<GroupListed> groups_of(soci::session& s, long long org_id, long long user_id);

/// The person's active groups in every organisation, with what is new and what waits for them (one query).
std::vector<HomeGroup> home_groups(soci::session& s, long long user_id);
/// The ids of every group the person is in (archived ones too: members still see them), in no order; one read of
/// group_members by its user index.
std::vector<long long> group_ids_of(soci::session& s, long long user_id);
/// Records that the person has seen the group's activity up to this entry.
void mark_seen(soci::session& s, long long user_id, long long group_id, long long activity_id, long long now);

/// The group's members, leads first, then by name, with their member types in the organisation.
std::vector<GroupMember> members(soci::session& s, long long group_id);
void members(db::Batch& b, long long group_id, std::vector<GroupMember>& out);
/// Only the people who run it (lead facilitators and facilitators): who to ask, for people outside.
void runners(db::Batch& b, long long group_id, std::vector<GroupMember>& out);
/// The first `limit` people of a group in the members list's order (who runs it first, then by name): a group's home
/// page shows these and links to everyone, so it costs the same for a group of 8 or of 800.
void first_members(db::Batch& b, long long group_id, int limit, std::vector<GroupMember>& out);
std::optional<GroupRole> role_of(soci::session& s, long long group_id, long long user_id);
bool is_org_member(soci::session& s, long long org_id, long long user_id);
void add_member(soci::session& s, long long group_id, long long org_id, long long user_id, GroupRole role,
                long long now);
void remove_member(soci::session& s, long long group_id, long long user_id);
void set_role(soci::session& s, long long group_id, long long user_id, GroupRole role);
long long count_leads(soci::session& s, long long group_id);

void upsert_request(soci::session& s, long long group_id, long long org_id, long long user_id, std::string_view message,
                    long long now);
std::optional<RequestState> request_state(soci::session& s, long long group_id, long long user_id);
std::vector<JoinRequest> pending_requests(soci::session& s, long long group_id);
void count_pending_requests(db::Batch& b, long long group_id, long long& out);
/// Up to limit people in the organisation, not in the group, whose names hold these words, by name.
std::vector<Candidate> candidates(soci::session& s, long long org_id, long long group_id, std::string_view words,
                                  int limit);
/// Invites the person (an earlier request of theirs becomes the invitation).
void invite(soci::session& s, long long group_id, long long org_id, long long user_id, long long actor, long long now);
/// The person's address, name and language, and the group's and its organisation's names (for an email).
std::optional<MailTo> mail_to(soci::session& s, long long group_id, long long user_id);
/// The invitations waiting for the person's answer, in groups still active.
std::vector<Invitation> invitations_for(soci::session& s, long long user_id);
void set_request_declined(soci::session& s, long long group_id, long long user_id);
void delete_request(soci::session& s, long long group_id, long long user_id);

void insert_stage_change(soci::session& s, long long group_id, std::optional<Stage> from, std::optional<Stage> to,
                         std::string_view reason, long long moved_by, long long now);
/// Oldest first.
std::vector<StageChange> stage_changes(soci::session& s, long long group_id);
void stage_changes(db::Batch& b, long long group_id, std::vector<StageChange>& out);

void record(soci::session& s, long long group_id, ActivityKind kind, long long actor, std::optional<long long> subject,
            std::string_view detail, long long now);
/// Newest first: the page of up to limit entries older than older_than (the newest when nullopt).
ActivityPage activity(soci::session& s, long long group_id, std::optional<long long> older_than, int limit);
void activity(db::Batch& b, long long group_id, std::optional<long long> older_than, int limit, ActivityPage& out);

}  // namespace roundtable::groups::store

namespace roundtable::groups::store {

// For demo data.
std::optional<long long> find_org_id(soci::session& s, std::string_view slug);
std::optional<long long> find_user_id(soci::session& s, std::string_view email);
/// The organisation's group with this name (demo data of the modules that build on groups).
std::optional<long long> find_group_id(soci::session& s, long long org_id, std::string_view name);
long long count_groups(soci::session& s, long long org_id);

}  // namespace roundtable::groups::store
