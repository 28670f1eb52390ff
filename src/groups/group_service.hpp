/// The groups module's use cases: start a group, change it, archive and restore it, move a project's stage, ask to
/// join, answer requests, leave, change roles, and read what a page shows. Each use case is one database visit in
/// one transaction, recorded in the group's activity feed. Who may do what is the policy's job
/// (group_policy.hpp); the pages ask it before calling here, and the service keeps the rules a policy cannot see
/// (a group keeps at least one lead facilitator).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "groups/group.hpp"
#include "organisations/organisation_service.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::groups {

using boost::asio::awaitable;

/// What the person asking may see of a group's home page (group_page asks once it has the group).
struct PageWants {
  bool allowed = false;
  bool members = false;
  bool requests = false;
};

/// What a group's home page shows, read in one visit.
struct GroupPage {
  GroupForViewer viewer;
  bool allowed = false;
  /// The first people in it (when the viewer may see members: kHomePeople of them, who runs it first), or only the
  /// people who run it.
  std::vector<GroupMember> people;
  bool people_are_everyone = false;
  std::vector<StageChange> stage_changes;
  long long pending_requests = 0;
  /// The newest few entries of the activity feed (when the viewer may see members).
  std::vector<Activity> recent;
};

/// The list of groups as one person sees it: their own groups (on the first page), then a page of the others.
struct GroupList {
  std::vector<GroupListed> mine;
  std::vector<GroupListed> others;
  /// The group to read the next page after, when more follow.
  std::optional<long long> next_after;
};

/// Why a change to membership was not made.
enum class MembershipOutcome {
  done,
  /// The group or the person is not there (any more).
  not_found,
  /// It would leave the group without a lead facilitator.
  last_lead,
  /// The person is already in the group.
  already_member,
  /// The person is no longer a member of the organisation.
  not_in_organisation,
};

class GroupService {
 public:
  /// organisations: for emails (the site's address, and waking the mail worker); without it none are sent.
  GroupService(db::Database& db, const core::Clock& clock, organisations::OrganisationService* organisations = nullptr)
      : db_(db), clock_(clock), organisations_(organisations) {}

  /// Starts a group with its maker as lead facilitator; a project with a stage records its first stage. The same
  /// create_key twice makes one group: the second call returns the first one's id.
  awaitable<long long> create_group(long long org_id, long long actor, GroupDetails details, std::string create_key);
  /// The group as the viewer sees it (nullopt: no such group in this organisation), with a page's reads along.
  awaitable<std::optional<GroupForViewer>> group_for(long long org_id, long long group_id, long long viewer,
                                                     Documents documents = Documents::read, AlongWithGroup along = {});
  /// A group's public summary (nullopt unless the group is public and active, in that organisation).
  awaitable<std::optional<PublicGroup>> public_group(std::string org_slug, long long group_id);
  /// Everything a group's home page shows, in one visit: wants says, from the group as the viewer sees it, whether
  /// they may see the page at all, who is in it and the requests waiting (the policy's answers). Not allowed: only
  /// page.viewer is filled.
  awaitable<std::optional<GroupPage>> group_page(long long org_id, long long group_id, long long viewer,
                                                 std::function<PageWants(const GroupForViewer&)> wants);
  /// The groups the viewer may see (all: every group, for the organisation's admins): without `after`, their own
  /// and the first per_page of the others; with it, the per_page others after that group.
  awaitable<GroupList> list_groups(long long org_id, long long viewer, bool all, std::optional<long long> after,
                                   int per_page);
  /// The groups the person is in, in this organisation.
  awaitable<std::vector<GroupListed>> my_groups(long long org_id, long long viewer);
  awaitable<std::vector<GroupMember>> members(long long group_id);
  /// The same reads, made along with the group (group_for): `out` is filled when it is read.
  static AlongWithGroup members_along(std::vector<GroupMember>& out);
  static AlongWithGroup stage_changes_along(std::vector<StageChange>& out);
  static AlongWithGroup activity_along(std::optional<long long> older_than, int per_page, ActivityPage& out);
  /// Everyone in the group with the needs they agreed to share with facilitators; each look is recorded in the
  /// organisation's audit log against the people whose needs were shown.
  awaitable<std::vector<MemberNeeds>> support_needs(long long org_id, long long group_id, long long viewer);
  /// People in the organisation, not in the group, whose names hold these words (up to 20).
  awaitable<std::vector<Candidate>> candidates(long long org_id, long long group_id, std::string words);
  /// Invites someone in the organisation; someone who had asked to join joins at once.
  awaitable<MembershipOutcome> invite(long long org_id, long long group_id, long long actor, long long user);
  /// The person says yes (they join as a member) or no to an invitation.
  awaitable<MembershipOutcome> answer_invitation(long long org_id, long long group_id, long long user, bool accept);
  /// What the person's home page shows of groups, in one read: the invitations waiting for them, and their groups
  /// by organisation and name. orgs: the person's memberships (from the signed-in person), which name the groups'
  /// organisations without a look-up per group.
  awaitable<GroupsHome> home(long long user_id, std::vector<OrgName> orgs);
  /// Records that the person has seen the group's activity up to this entry (when they open the group).
  awaitable<void> mark_seen(long long user_id, long long group_id, long long activity_id);
  awaitable<std::vector<JoinRequest>> pending_requests(long long group_id);
  awaitable<std::vector<StageChange>> stage_changes(long long group_id);
  awaitable<ActivityPage> activity(long long group_id, std::optional<long long> older_than, int per_page);

  /// Changes the details (not its stage); false when the group is gone or archived.
  awaitable<bool> update_group(long long org_id, long long group_id, long long actor, GroupDetails details);
  /// Archives (true) or restores (false); false when there was nothing to do.
  awaitable<bool> set_archived(long long org_id, long long group_id, long long actor, bool archived);
  /// Moves the stage (or starts stages for a group without them), with the reason; false when the group is gone,
  /// archived or already at that stage.
  awaitable<bool> move_stage(long long org_id, long long group_id, long long actor, Stage to, std::string reason);

  /// The person asks to join (again, after a no). already_member when they are in it.
  awaitable<MembershipOutcome> ask_to_join(long long org_id, long long group_id, long long user, std::string message);
  /// Says yes (the person joins as a member) or no (they see that it was declined) to a waiting request.
  awaitable<MembershipOutcome> answer_request(long long org_id, long long group_id, long long actor, long long user,
                                              bool accept);
  /// The person leaves; last_lead when they are its only lead facilitator.
  awaitable<MembershipOutcome> leave(long long org_id, long long group_id, long long user);
  awaitable<MembershipOutcome> set_role(long long org_id, long long group_id, long long actor, long long user,
                                        GroupRole role);
  awaitable<MembershipOutcome> remove_member(long long org_id, long long group_id, long long actor, long long user);

  /// Where pictures are kept, and who may see them (the rule of group_policy's may_see_picture); call it while
  /// wiring, before serving (the module's start hook does).
  void set_uploads(uploads::UploadService* uploads);
  uploads::UploadService* uploads() const { return uploads_; }
  /// What a group's picture may be: an image, scaled down to 1200 pixels at most.
  static uploads::Allowed picture_rules();
  /// Hangs a new picture with the words that describe it (the old one, if any, goes); recorded in the group's
  /// activity and the organisation's audit log. False when the group is gone or archived.
  awaitable<bool> set_picture(long long org_id, long long group_id, long long actor, uploads::Prepared picture,
                              std::string alt);
  /// Changes only the words that describe the picture; false when there is no picture or the group is gone or
  /// archived.
  awaitable<bool> set_picture_alt(long long org_id, long long group_id, long long actor, std::string alt);
  /// Takes the picture down; false when there was none (or the group is gone or archived).
  awaitable<bool> remove_picture(long long org_id, long long group_id, long long actor);

  /// For demo data and tests, on the calling thread.
  long long create_group_now(long long org_id, long long actor, const GroupDetails& details, long long at);
  void add_member_now(long long org_id, long long group_id, long long user, GroupRole role, long long at);
  void move_stage_now(long long group_id, long long actor, Stage to, const std::string& reason, long long at);
  void archive_now(long long group_id, long long actor, long long at);
  void ask_to_join_now(long long org_id, long long group_id, long long user, const std::string& message, long long at);

 private:
  db::Database& db_;
  const core::Clock& clock_;
  organisations::OrganisationService* organisations_ = nullptr;
  uploads::UploadService* uploads_ = nullptr;
};

}  // namespace roundtable::groups

namespace soci {
class session;
}

namespace roundtable::groups {

/// For modules that add people to a group inside their own transaction (opportunities: the people selected). Adds the
/// person as a member, recorded in the group's activity as let in by actor, unless they are in it already or no
/// longer a member of the organisation; a waiting request to join goes. Whether they were added.
bool add_member_in(soci::session& s, long long org_id, long long group_id, long long actor, long long user,
                   long long now);

}  // namespace roundtable::groups
