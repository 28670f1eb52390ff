#include "groups/group_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::groups::policy {
namespace {

using core::Role;

// The people asking, one column each:
//   L lead facilitator, F facilitator, M member, O observer (all in the group, organisation members);
//   o an organisation member outside the group, f an organisation facilitator outside it,
//   A an organisation admin outside it (two-step passed), a the same without two-step.
const Actor kActors[] = {
    {Role::member, false, GroupRole::lead},   {Role::member, false, GroupRole::facilitator},
    {Role::member, false, GroupRole::member}, {Role::member, false, GroupRole::observer},
    {Role::member, false, std::nullopt},      {Role::facilitator, false, std::nullopt},
    {Role::org_admin, true, std::nullopt},    {Role::org_admin, false, std::nullopt},
};
constexpr const char* kColumns = "LFMOofAa";

const GroupFacts kOrgWide{Visibility::organisation, false};
const GroupFacts kMembersOnly{Visibility::members, false};
const GroupFacts kPublic{Visibility::everyone, false};
const GroupFacts kArchived{Visibility::organisation, true};

// One row per action and kind of group; Y allow, N deny (404), T two-step sign-in first.
struct Row {
  Action action;
  GroupFacts group;
  const char* group_name;
  const char* verdicts;  // in kColumns' order
};
const Row kTable[] = {
    //                                                   LFMOofAa
    {Action::see_group, kOrgWide, "organisation", /*   */ "YYYYYYYY"},
    {Action::see_group, kPublic, "public", /*          */ "YYYYYYYY"},
    {Action::see_group, kMembersOnly, "members", /*    */ "YYYYNNYT"},
    {Action::see_group, kArchived, "archived", /*      */ "YYYYYYYY"},
    {Action::see_members, kOrgWide, "organisation", /* */ "YYYYNNYT"},
    {Action::see_members, kPublic, "public", /*        */ "YYYYNNYT"},
    {Action::see_members, kMembersOnly, "members", /*  */ "YYYYNNYT"},
    {Action::ask_to_join, kOrgWide, "organisation", /* */ "NNNNYYYY"},
    {Action::ask_to_join, kPublic, "public", /*        */ "NNNNYYYY"},
    {Action::ask_to_join, kMembersOnly, "members", /*  */ "NNNNNNNN"},
    {Action::ask_to_join, kArchived, "archived", /*    */ "NNNNNNNN"},
    {Action::leave, kOrgWide, "organisation", /*       */ "YYYYNNNN"},
    {Action::leave, kArchived, "archived", /*          */ "YYYYNNNN"},
    {Action::move_stage, kOrgWide, "organisation", /*  */ "YYNNNNYT"},
    {Action::move_stage, kArchived, "archived", /*     */ "NNNNNNNN"},
    {Action::answer_requests, kOrgWide, "organisation", "YYNNNNYT"},
    {Action::answer_requests, kArchived, "archived", /**/ "NNNNNNNN"},
    {Action::invite, kMembersOnly, "members", /*       */ "YYNNNNYT"},
    {Action::invite, kArchived, "archived", /*         */ "NNNNNNNN"},
    // Nobody in the table was invited: answering is for the person invited (below).
    {Action::answer_invitation, kOrgWide, "organisation", "NNNNNNNN"},
    {Action::see_support_needs, kOrgWide, "organisation", "YYNNNNNN"},
    {Action::see_support_needs, kArchived, "archived", "YYNNNNNN"},
    {Action::edit_group, kOrgWide, "organisation", /*  */ "YNNNNNYT"},
    {Action::edit_group, kMembersOnly, "members", /*   */ "YNNNNNYT"},
    {Action::edit_group, kArchived, "archived", /*     */ "NNNNNNNN"},
    {Action::manage_members, kOrgWide, "organisation", "YNNNNNYT"},
    {Action::manage_members, kArchived, "archived", /* */ "NNNNNNNN"},
    {Action::archive_group, kOrgWide, "organisation", /**/ "YNNNNNYT"},
    {Action::archive_group, kArchived, "archived", /*  */ "NNNNNNNN"},
    {Action::restore_group, kOrgWide, "organisation", /**/ "NNNNNNNN"},
    {Action::restore_group, kArchived, "archived", /*  */ "YNNNNNYT"},
};

char letter(Verdict v) { return v == Verdict::allow ? 'Y' : v == Verdict::need_two_step ? 'T' : 'N'; }

TEST(GroupPolicy, Table) {
  for (const auto& row : kTable) {
    std::string got;
    for (const auto& actor : kActors) got += letter(allows(actor, row.action, row.group));
    EXPECT_EQ(got, row.verdicts) << action_name(row.action) << " on a " << row.group_name << " group (columns "
                                 << kColumns << ")";
  }
}

TEST(GroupPolicy, EveryGroupActionHasRows) {
  // Adding an action without rows (or a name) fails here.
  for (int i = static_cast<int>(Action::see_group); i <= static_cast<int>(Action::restore_group); ++i) {
    const auto action = static_cast<Action>(i);
    bool found = false;
    for (const auto& row : kTable) found = found || row.action == action;
    EXPECT_TRUE(found) << action_name(action);
    EXPECT_NE(action_name(action), "groups.unknown");
  }
}

TEST(GroupPolicy, SomeoneInvitedMayReadTheGroupAndAnswer) {
  const Actor invited{Role::member, false, std::nullopt, true};
  EXPECT_EQ(allows(invited, Action::see_group, kMembersOnly), Verdict::allow);
  EXPECT_EQ(allows(invited, Action::answer_invitation, kMembersOnly), Verdict::allow);
  EXPECT_EQ(allows(invited, Action::answer_invitation, kArchived), Verdict::deny);
  // Being invited shows nobody's membership or needs.
  EXPECT_EQ(allows(invited, Action::see_members, kMembersOnly), Verdict::deny);
  EXPECT_EQ(allows(invited, Action::see_support_needs, kMembersOnly), Verdict::deny);
  // Someone already in the group has nothing to answer.
  EXPECT_EQ(allows({Role::member, false, GroupRole::member, true}, Action::answer_invitation, kMembersOnly),
            Verdict::deny);
}

TEST(GroupPolicy, WhoSeesAGroupsPicture) {
  // Columns as above, then i someone invited to it, and n nobody of the organisation (signed out, or another
  // organisation's member): Y sees the file, N gets 404. An admin without two-step is not sent anywhere for a file.
  const GroupFacts kPublicArchived{Visibility::everyone, true};
  const Actor invited{Role::member, false, std::nullopt, true};
  struct {
    GroupFacts group;
    const char* group_name;
    const char* verdicts;  // LFMOofAain
  } rows[] = {
      {kOrgWide, "organisation", /*          */ "YYYYYYYYYN"},
      {kMembersOnly, "members", /*           */ "YYYYNNYNYN"},
      {kPublic, "public", /*                 */ "YYYYYYYYYY"},
      {kArchived, "archived", /*             */ "YYYYYYYYYN"},
      // An archived public group has no public summary, so its picture is not for everyone either.
      {kPublicArchived, "archived public", /* */ "YYYYYYYYYN"},
  };
  for (const auto& row : rows) {
    std::string got;
    for (const auto& actor : kActors) got += may_see_picture(actor, row.group) ? 'Y' : 'N';
    got += may_see_picture(invited, row.group) ? 'Y' : 'N';
    got += may_see_picture(std::nullopt, row.group) ? 'Y' : 'N';
    EXPECT_EQ(got, row.verdicts) << "a " << row.group_name << " group's picture (columns " << kColumns << "in)";
  }
}

TEST(GroupPolicy, OrganisationWideActions) {
  //                                              LFMOofAa
  struct {
    Action action;
    const char* verdicts;
  } rows[] = {{Action::list_groups, "YYYYYYYY"}, {Action::create_group, "NNNNNYYT"}};
  for (const auto& row : rows) {
    std::string got;
    for (const auto& actor : kActors) got += letter(allows(actor, row.action));
    EXPECT_EQ(got, row.verdicts) << action_name(row.action);
  }
  // A group action asked without a group is denied, and an organisation action asked of a group too.
  EXPECT_EQ(allows(kActors[6], Action::edit_group), Verdict::deny);
  EXPECT_EQ(allows(kActors[6], Action::create_group, kOrgWide), Verdict::deny);
}

}  // namespace
}  // namespace roundtable::groups::policy
