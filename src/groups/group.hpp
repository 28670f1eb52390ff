/// Groups and projects inside an organisation, where co-production happens: plain types shared by the store, the
/// service, the policy and the pages (no SOCI, no Beast).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "organisations/organisation.hpp"
#include "profiles/profile.hpp"

namespace roundtable::db {
class Batch;
}

namespace roundtable::groups {

using organisations::MemberType;

/// What kind of group it is.
enum class Kind {
  /// A standing group such as a co-production board or a steering group.
  standing,
  /// A time-limited project, run through the double diamond.
  project,
  /// A series of open sessions, such as monthly coffee mornings.
  series,
};

/// How deep the co-production goes, as SCIE describes it: with one person, with a group, or strategic.
enum class Level { individual, group, strategic };

/// Who may see the group.
enum class Visibility {
  /// Only its members (and the organisation's admins).
  members,
  /// Every member of the organisation.
  organisation,
  /// Every member of the organisation, and a summary page anyone may read.
  everyone,
};

/// The Design Council's double diamond.
enum class Stage { discover, define, develop, deliver };

/// A person's role in one group.
enum class GroupRole {
  /// Runs the group: changes its details, roles and membership.
  lead,
  /// Helps run it: moves its stage, answers requests to join.
  facilitator,
  member,
  /// Reads along, takes no part in decisions.
  observer,
};

std::string_view kind_code(Kind k);
std::optional<Kind> parse_kind(std::string_view code);
std::string_view level_code(Level l);
std::optional<Level> parse_level(std::string_view code);
std::string_view visibility_code(Visibility v);
std::optional<Visibility> parse_visibility(std::string_view code);
std::string_view stage_code(Stage s);
std::optional<Stage> parse_stage(std::string_view code);
std::string_view group_role_code(GroupRole r);
/// The role's code, or "" for someone not in the group (module::FollowUpAsk's viewer_role).
inline std::string_view group_role_code(const std::optional<GroupRole>& r) { return r ? group_role_code(*r) : ""; }
std::optional<GroupRole> parse_group_role(std::string_view code);

inline constexpr Kind kAllKinds[] = {Kind::standing, Kind::project, Kind::series};
inline constexpr Level kAllLevels[] = {Level::individual, Level::group, Level::strategic};
inline constexpr Visibility kAllVisibilities[] = {Visibility::members, Visibility::organisation, Visibility::everyone};
inline constexpr Stage kAllStages[] = {Stage::discover, Stage::define, Stage::develop, Stage::deliver};
inline constexpr GroupRole kAllGroupRoles[] = {GroupRole::lead, GroupRole::facilitator, GroupRole::member,
                                               GroupRole::observer};

/// A text with its easy-read version beside it (Markdown).
struct TwoVersions {
  std::string standard;
  std::string easy_read;
  bool empty() const { return standard.empty() && easy_read.empty(); }
};

/// What a group's form sets.
struct GroupDetails {
  std::string name;
  std::string purpose;
  Kind kind = Kind::standing;
  Level level = Level::group;
  Visibility visibility = Visibility::organisation;
  /// None for a group without stages (standing groups, unless they want one).
  std::optional<Stage> stage;
  TwoVersions terms;
  TwoVersions ground_rules;
  TwoVersions principles;
  /// False when the group was read without its documents (Documents::left_out): such details are for showing the
  /// rest, never for an edit form or for saving.
  bool documents_read = true;
};

/// Whether a group is read with its documents (terms of reference, ground rules, principles, each in two versions:
/// several kilobytes). Most pages of a group show none of them.
enum class Documents { read, left_out };

/// Reads a page adds to the batch that reads its group (given the group's id from the page's address), so they travel
/// together: one round trip on PostgreSQL (ADR 0060). They run before the page knows whether the viewer may see them,
/// so they only read, and the page drops what they read unless the viewer may see it.
using AlongWithGroup = std::function<void(db::Batch&, long long group_id)>;

struct Group {
  long long id = 0;
  long long org_id = 0;
  GroupDetails details;
  /// When it was archived (unix seconds), or nullopt while it is active.
  std::optional<long long> archived_at;
  long long created_at = 0;
  long long updated_at = 0;
  long long member_count = 0;
  /// The group's picture ("/files/..."), or "" for none, and the words that describe it.
  std::string picture_url;
  std::string picture_alt;
  bool archived() const { return archived_at.has_value(); }
};

/// What an email about a group to one person needs: where to send it, in which language, and the group's names.
struct MailTo {
  std::string email;
  std::string name;
  core::Lang lang = core::Lang::en;
  std::string group_name;
  std::string org_slug;
  std::string org_name;
};

/// A group whose summary is public, with its organisation.
struct PublicGroup {
  Group group;
  std::string org_slug;
  std::string org_name;
  /// Anyone may join the organisation (so the page can say how).
  bool org_open = false;
};

/// A request to join that is waiting for an answer, or was turned down.
/// A request to join waiting for the people who run the group, one they turned down, or an invitation from them
/// waiting for the person.
enum class RequestState { pending, declined, invited };

/// Someone in the organisation who could be invited (not in the group).
struct Candidate {
  long long user_id = 0;
  std::string name;
  std::vector<MemberType> member_types;
  /// They were invited already, or asked to join.
  std::optional<RequestState> request;
};

/// An invitation waiting for the person, for their home page.
/// An organisation the person is in, as their home page names it.
struct OrgName {
  long long id = 0;
  std::string slug;
  std::string name;
};

struct Invitation {
  long long group_id = 0;
  std::string group_name;
  std::string org_slug;
  std::string org_name;
};

/// A group as one person sees it: the group, their role in it (if any) and their request to join (if any).
struct GroupForViewer {
  Group group;
  std::optional<GroupRole> role;
  std::optional<RequestState> request;
  /// The newest activity entry, and the newest the viewer has seen (0 for none): the page marks it seen when they
  /// differ.
  long long latest_activity = 0;
  long long seen_activity = 0;
};

/// One of a person's groups on their home page: where it is, what is new since they last looked, and what waits
/// for them.
struct HomeGroup {
  long long id = 0;
  std::string name;
  std::string org_slug;
  std::string org_name;
  Kind kind = Kind::standing;
  std::optional<Stage> stage;
  GroupRole role = GroupRole::member;
  /// Things others did since the person last opened the group.
  long long new_things = 0;
  /// Requests to join waiting for an answer (for the people who run it; 0 for everyone else).
  long long waiting_requests = 0;
  long long org_id = 0;
};

/// The groups part of a person's home page.
struct GroupsHome {
  std::vector<Invitation> invitations;
  std::vector<HomeGroup> groups;
};

/// A line in a list of groups.
struct GroupListed {
  long long id = 0;
  std::string name;
  std::string purpose;
  Kind kind = Kind::standing;
  std::optional<Stage> stage;
  Visibility visibility = Visibility::organisation;
  bool archived = false;
  long long member_count = 0;
  /// The viewer's role, when they are in it.
  std::optional<GroupRole> role;
  /// The group's picture ("/files/..."), or "" for none.
  std::string picture_url;
};

struct GroupMember {
  long long user_id = 0;
  std::string name;
  GroupRole role = GroupRole::member;
  std::vector<MemberType> member_types;
  long long joined_at = 0;
};

/// A member and what they shared with the people who run their groups (nullopt: they did not agree to share).
struct MemberNeeds {
  GroupMember member;
  bool shared = false;
  std::vector<profiles::Need> needs;
  std::string needs_other;
  std::string meeting_support;
};

struct JoinRequest {
  long long user_id = 0;
  std::string name;
  std::string message;
  std::vector<MemberType> member_types;
  long long created_at = 0;
};

struct StageChange {
  std::optional<Stage> from;
  std::optional<Stage> to;
  std::string reason;
  /// Who moved it ("" when they have since been erased: "former member").
  std::string moved_by;
  long long moved_at = 0;
};

/// What happened in a group, for its activity feed.
enum class ActivityKind {
  created,
  details_changed,
  archived,
  restored,
  stage_moved,
  asked_to_join,
  joined,
  request_declined,
  invited,
  invitation_declined,
  left,
  role_changed,
  removed,
  /// A picture added or replaced, or only its description changed.
  picture_changed,
  picture_removed,
};
std::string_view activity_code(ActivityKind k);
std::optional<ActivityKind> parse_activity(std::string_view code);

struct Activity {
  long long id = 0;
  ActivityKind kind = ActivityKind::created;
  /// Who did it and to whom ("" for none, or for someone since erased).
  std::string actor;
  std::string subject;
  bool actor_known = false;
  bool subject_known = false;
  /// What changed, as codes (a stage, a role).
  std::string detail;
  long long at = 0;
};

/// What the rule for seeing a group's picture needs: the group it hangs in, and the viewer's place in it.
struct PictureOwner {
  long long group_id = 0;
  long long org_id = 0;
  Visibility visibility = Visibility::members;
  bool archived = false;
  std::optional<GroupRole> viewer_role;
  bool viewer_invited = false;
};

/// A page of activity, newest first, and the id to continue from (nullopt on the last page).
struct ActivityPage {
  std::vector<Activity> items;
  std::optional<long long> older_than;
};

}  // namespace roundtable::groups
