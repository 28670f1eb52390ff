#include "boards/board_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::boards::policy {
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

// Facts: visibility, group archived, board archived.
const Facts kOpen{Visibility::organisation, false, false};
const Facts kMembersOnly{Visibility::members, false, false};
const Facts kBoardArchived{Visibility::organisation, false, true};
const Facts kGroupArchived{Visibility::organisation, true, false};
const Facts kBothArchived{Visibility::organisation, true, true};

// One row per action and situation; Y allow, N deny (404), T two-step sign-in first.
struct Row {
  Action action;
  Facts facts;
  const char* facts_name;
  const char* verdicts;  // in kColumns' order
};
const Row kTable[] = {
    //                                                             LFMOofAa
    // The group's own: its people (observers too) and the organisation's admins; others 404, whatever its visibility.
    {Action::see_boards, kOpen, "a group the organisation sees", /**/ "YYYYNNYT"},
    {Action::see_boards, kMembersOnly, "a members-only group", /*   */ "YYYYNNYT"},
    {Action::see_boards, kBoardArchived, "an archived board", /*    */ "YYYYNNYT"},
    {Action::see_boards, kGroupArchived, "an archived group", /*    */ "YYYYNNYT"},
    // Members add and move cards and give dots; observers read along.
    {Action::work_on_cards, kOpen, "an active board", /*           */ "YYYNNNNN"},
    {Action::work_on_cards, kMembersOnly, "a members-only group", /**/ "YYYNNNNN"},
    {Action::work_on_cards, kBoardArchived, "an archived board", /*  */ "NNNNNNNN"},
    {Action::work_on_cards, kGroupArchived, "an archived group", /*  */ "NNNNNNNN"},
    // The people who run the group manage boards, lists, labels and budgets.
    {Action::run_boards, kOpen, "an active board", /*              */ "YYNNNNYT"},
    {Action::run_boards, kMembersOnly, "a members-only group", /*   */ "YYNNNNYT"},
    {Action::run_boards, kBoardArchived, "an archived board", /*    */ "NNNNNNNN"},
    {Action::run_boards, kGroupArchived, "an archived group", /*    */ "NNNNNNNN"},
    // ... and restore an archived board, unless the group is archived too.
    {Action::restore_board, kBoardArchived, "an archived board", /* */ "YYNNNNYT"},
    {Action::restore_board, kOpen, "a board in use", /*             */ "NNNNNNNN"},
    {Action::restore_board, kBothArchived, "an archived group's", /* */ "NNNNNNNN"},
};

char letter(Verdict v) { return v == Verdict::allow ? 'Y' : v == Verdict::need_two_step ? 'T' : 'N'; }

TEST(BoardPolicy, Table) {
  for (const auto& row : kTable) {
    std::string got;
    for (const auto& actor : kActors) got += letter(allows(actor, row.action, row.facts));
    EXPECT_EQ(got, row.verdicts) << action_name(row.action) << " on " << row.facts_name << " (columns " << kColumns
                                 << ")";
  }
}

TEST(BoardPolicy, EveryActionHasRowsAndAName) {
  for (Action action : kAllActions) {
    bool found = false;
    for (const auto& row : kTable) found = found || row.action == action;
    EXPECT_TRUE(found) << action_name(action);
    EXPECT_NE(action_name(action), "boards.unknown");
  }
}

}  // namespace
}  // namespace roundtable::boards::policy
