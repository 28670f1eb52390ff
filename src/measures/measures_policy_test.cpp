#include "measures/measures_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::measures::policy {
namespace {

using core::Role;
using groups::GroupRole;
using groups::Visibility;

// The people asking, one column each:
//   L the group's lead facilitator, M a member, O an observer (all organisation members); o an organisation member
//   outside the group, f an organisation facilitator outside it, $ finance outside it, A an organisation admin outside
//   it (two-step passed), a the same without two-step.
const Actor kActors[] = {
    {Role::member, false, GroupRole::lead, false},     {Role::member, false, GroupRole::member, false},
    {Role::member, false, GroupRole::observer, false}, {Role::member, false, std::nullopt, false},
    {Role::facilitator, false, std::nullopt, false},   {Role::finance, false, std::nullopt, false},
    {Role::org_admin, true, std::nullopt, false},      {Role::org_admin, false, std::nullopt, false},
};
constexpr const char* kColumns = "LMOof$Aa";

const GroupFacts kMembersOnly{Visibility::members, false};
const GroupFacts kOrganisation{Visibility::organisation, false};
const GroupFacts kPublic{Visibility::everyone, false};
const GroupFacts kArchived{Visibility::organisation, true};

struct Row {
  Action action;
  GroupFacts facts;
  const char* facts_name;
  const char* verdicts;  // in kColumns' order: Y allow, N deny (404), T two-step sign-in first
};
const Row kTable[] = {
    //                                                                             LMOof$Aa
    // A group's measures: whoever may see the group (counts only, nobody's words).
    {Action::see_group_measures, kMembersOnly, "a members-only group", /*       */ "YYYNNNYT"},
    {Action::see_group_measures, kOrganisation, "a group the organisation sees", "YYYYYYYY"},
    {Action::see_group_measures, kPublic, "a public group", /*                  */ "YYYYYYYY"},
    {Action::see_group_measures, kArchived, "an archived group", /*             */ "YYYYYYYY"},
    // Which groups an organisation's measures add up, for the people who may see them.
    {Action::see_org_measures, kMembersOnly, "a members-only group", /*         */ "NNNNNNYT"},
    {Action::see_org_measures, kOrganisation, "a group the organisation sees", /**/ "NNNNYNYT"},
};

char letter(Verdict v) {
  switch (v) {
    case Verdict::allow: return 'Y';
    case Verdict::deny: return 'N';
    case Verdict::need_two_step: return 'T';
  }
  return '?';
}

TEST(MeasuresPolicy, Table) {
  for (const auto& row : kTable) {
    std::string got;
    for (const auto& actor : kActors) got += letter(allows(actor, row.action, row.facts));
    EXPECT_EQ(got, row.verdicts) << action_name(row.action) << " on " << row.facts_name << " (" << kColumns << ")";
  }
}

// The organisation's dashboard: its admins (after two-step sign-in) and facilitators; deny by default.
TEST(MeasuresPolicy, Organisation) {
  std::string got;
  for (const auto& actor : kActors) got += letter(allows(actor, Action::see_org_measures));
  EXPECT_EQ(got, "NNNNYNYT");
  EXPECT_EQ(allows(kActors[0], Action::see_group_measures), Verdict::deny);
}

}  // namespace
}  // namespace roundtable::measures::policy
