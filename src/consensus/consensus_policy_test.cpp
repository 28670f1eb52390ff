#include "consensus/consensus_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::consensus::policy {
namespace {

using core::Role;
using groups::Visibility;

// The people asking, one column each:
//   L the group's lead facilitator, F a facilitator, M a member, O an observer (all organisation members);
//   o an organisation member outside the group, f an organisation facilitator outside it,
//   A an organisation admin outside it (two-step passed), a the same without two-step.
const Actor kActors[] = {
    {Role::member, false, GroupRole::lead},   {Role::member, false, GroupRole::facilitator},
    {Role::member, false, GroupRole::member}, {Role::member, false, GroupRole::observer},
    {Role::member, false, std::nullopt},      {Role::facilitator, false, std::nullopt},
    {Role::org_admin, true, std::nullopt},    {Role::org_admin, false, std::nullopt},
};
constexpr const char* kColumns = "LFMOofAa";

// Facts: visibility, group archived, conversation closed.
const Facts kOpen{Visibility::organisation, false, false};
const Facts kMembersOnly{Visibility::members, false, false};
const Facts kClosed{Visibility::organisation, false, true};
const Facts kGroupArchived{Visibility::organisation, true, false};

// One row per action and situation; Y allow, N deny (404), T two-step sign-in first.
struct Row {
  Action action;
  Facts facts;
  const char* facts_name;
  const char* verdicts;  // in kColumns' order
};
const Row kTable[] = {
    //                                                              LFMOofAa
    // The group's own: its people (observers too) and the organisation's admins; others 404, whatever its visibility.
    {Action::see, kOpen, "an open conversation", /*              */ "YYYYNNYT"},
    {Action::see, kMembersOnly, "a members-only group", /*       */ "YYYYNNYT"},
    {Action::see, kClosed, "a closed conversation", /*           */ "YYYYNNYT"},
    {Action::see, kGroupArchived, "an archived group", /*        */ "YYYYNNYT"},
    // Members write statements and answer while it is open; observers read along; admins outside the group do not vote.
    {Action::take_part, kOpen, "an open conversation", /*        */ "YYYNNNNN"},
    {Action::take_part, kMembersOnly, "a members-only group", /* */ "YYYNNNNN"},
    {Action::take_part, kClosed, "a closed conversation", /*     */ "NNNNNNNN"},
    {Action::take_part, kGroupArchived, "an archived group", /*  */ "NNNNNNNN"},
    // The people who run the group start, hide, close and reopen.
    {Action::run, kOpen, "an open conversation", /*              */ "YYNNNNYT"},
    {Action::run, kMembersOnly, "a members-only group", /*       */ "YYNNNNYT"},
    {Action::run, kClosed, "a closed conversation", /*           */ "YYNNNNYT"},
    {Action::run, kGroupArchived, "an archived group", /*        */ "NNNNNNNN"},
};

char letter(Verdict v) { return v == Verdict::allow ? 'Y' : v == Verdict::need_two_step ? 'T' : 'N'; }

TEST(ConsensusPolicy, Table) {
  for (const auto& row : kTable) {
    std::string got;
    for (const auto& actor : kActors) got += letter(allows(actor, row.action, row.facts));
    EXPECT_EQ(got, row.verdicts) << action_name(row.action) << " on " << row.facts_name << " (columns " << kColumns
                                 << ")";
  }
}

TEST(ConsensusPolicy, EveryActionHasRowsAndAName) {
  for (Action action : kAllActions) {
    bool found = false;
    for (const auto& row : kTable) found = found || row.action == action;
    EXPECT_TRUE(found) << action_name(action);
    EXPECT_NE(action_name(action), "consensus.unknown");
  }
}

}  // namespace
}  // namespace roundtable::consensus::policy
