#include "decisions/decision_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::decisions::policy {
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

// Facts: visibility, archived, closed, eligible (the person may take part by the proposal's rule), proposer.
const Facts kOpen{Visibility::organisation, false, false, true, false};
const Facts kMembersOnly{Visibility::members, false, false, true, false};
const Facts kNotEligible{Visibility::organisation, false, false, false, false};
const Facts kClosed{Visibility::organisation, false, true, true, false};
const Facts kArchived{Visibility::organisation, true, false, true, false};
const Facts kArchivedClosed{Visibility::organisation, true, true, true, false};
const Facts kProposer{Visibility::organisation, false, false, true, true};
const Facts kProposerClosed{Visibility::organisation, false, true, true, true};

// One row per action and situation; Y allow, N deny (404), T two-step sign-in first.
struct Row {
  Action action;
  Facts facts;
  const char* facts_name;
  const char* verdicts;  // in kColumns' order
};
const Row kTable[] = {
    //                                                                 LFMOofAa
    // The group's own: its people (observers too) and the organisation's admins; others 404, whatever its visibility.
    {Action::see_decisions, kOpen, "a group the organisation sees", /**/ "YYYYNNYT"},
    {Action::see_decisions, kMembersOnly, "a members-only group", /*   */ "YYYYNNYT"},
    {Action::see_decisions, kClosed, "a closed proposal", /*           */ "YYYYNNYT"},
    {Action::see_decisions, kArchived, "an archived group", /*         */ "YYYYNNYT"},
    // Any lead facilitator, facilitator or member proposes; observers read along.
    {Action::propose, kOpen, "an active group", /*                     */ "YYYNNNNN"},
    {Action::propose, kMembersOnly, "a members-only group", /*         */ "YYYNNNNN"},
    {Action::propose, kArchived, "an archived group", /*               */ "NNNNNNNN"},
    // Those who may take part vote until it closes.
    {Action::take_part, kOpen, "an open one they may take part in", /* */ "YYYNNNNN"},
    {Action::take_part, kNotEligible, "one for others (lived experience)", "NNNNNNNN"},
    {Action::take_part, kClosed, "a closed one", /*                    */ "NNNNNNNN"},
    {Action::take_part, kArchived, "an archived group's", /*           */ "NNNNNNNN"},
    // Objections: the proposer or the people who run the group mark one resolved while it is open.
    {Action::resolve_objection, kOpen, "someone else's proposal", /*   */ "YYNNNNYT"},
    {Action::resolve_objection, kProposer, "their own proposal", /*    */ "YYYNNNYT"},
    {Action::resolve_objection, kProposerClosed, "their own, closed", "NNNNNNNN"},
    {Action::resolve_objection, kArchived, "an archived group's", /*   */ "NNNNNNNN"},
    // The people who run the group close early or withdraw.
    {Action::run_decision, kOpen, "an open one", /*                    */ "YYNNNNYT"},
    {Action::run_decision, kProposer, "the proposer's own", /*         */ "YYNNNNYT"},
    {Action::run_decision, kClosed, "a closed one", /*                 */ "NNNNNNNN"},
    {Action::run_decision, kArchived, "an archived group's", /*        */ "NNNNNNNN"},
    // ... and write the record once it has closed.
    {Action::record_decision, kClosed, "a closed one", /*              */ "YYNNNNYT"},
    {Action::record_decision, kOpen, "an open one", /*                 */ "NNNNNNNN"},
    {Action::record_decision, kArchivedClosed, "an archived group's", "NNNNNNNN"},
    // Only the group's facilitators set its power-sharing rules: not its members, nor an organisation admin from
    // outside the group.
    {Action::set_rules, kOpen, "a group the organisation sees", /*     */ "YYNNNNNN"},
    {Action::set_rules, kMembersOnly, "a members-only group", /*       */ "YYNNNNNN"},
    {Action::set_rules, kArchived, "an archived group", /*             */ "NNNNNNNN"},
};

char letter(Verdict v) { return v == Verdict::allow ? 'Y' : v == Verdict::need_two_step ? 'T' : 'N'; }

TEST(DecisionPolicy, Table) {
  for (const auto& row : kTable) {
    std::string got;
    for (const auto& actor : kActors) got += letter(allows(actor, row.action, row.facts));
    EXPECT_EQ(got, row.verdicts) << action_name(row.action) << " on " << row.facts_name << " (columns " << kColumns
                                 << ")";
  }
}

TEST(DecisionPolicy, EveryActionHasRowsAndAName) {
  for (Action action : kAllActions) {
    bool found = false;
    for (const auto& row : kTable) found = found || row.action == action;
    EXPECT_TRUE(found) << action_name(action);
    EXPECT_NE(action_name(action), "decisions.unknown");
  }
}

}  // namespace
}  // namespace roundtable::decisions::policy
