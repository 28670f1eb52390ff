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
// Comments: card archived, own comment, comment deleted, comment removed.
const Facts kCard{Visibility::organisation, false, false, false, false, false, false};
const Facts kCardArchived{Visibility::organisation, false, false, true, false, false, false};
const Facts kOwn{Visibility::members, false, false, false, true, false, false};
const Facts kOwnDeleted{Visibility::organisation, false, false, false, true, true, false};
const Facts kOwnRemoved{Visibility::organisation, false, false, false, true, false, true};
const Facts kOwnOnArchivedCard{Visibility::organisation, false, false, true, true, false, false};
const Facts kOwnOnArchivedBoard{Visibility::organisation, false, true, false, true, false, false};
const Facts kOwnInArchivedGroup{Visibility::organisation, true, false, false, true, false, false};
const Facts kOthersDeleted{Visibility::organisation, false, false, false, false, true, false};
const Facts kOthersRemoved{Visibility::organisation, false, false, false, false, false, true};
// Files: own file.
const Facts kOwnFile{Visibility::organisation, false, false, false, false, false, false, true};
const Facts kOwnFileOnArchivedCard{Visibility::organisation, false, false, true, false, false, false, true};

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
    // Comments: whoever works on cards adds them (observers read them); not on an archived card, board or group.
    {Action::comment, kCard, "a card in play", /*                    */ "YYYNNNNN"},
    {Action::comment, kMembersOnly, "a members-only group's card", /* */ "YYYNNNNN"},
    {Action::comment, kCardArchived, "an archived card", /*          */ "NNNNNNNN"},
    {Action::comment, kBoardArchived, "an archived board's card", /* */ "NNNNNNNN"},
    {Action::comment, kGroupArchived, "an archived group's card", /* */ "NNNNNNNN"},
    // Only its author changes a comment, while they still see the board (an observer now, or an admin outside it who
    // wrote it when in the group); not once deleted or removed, nor on an archived card, board or group.
    {Action::edit_comment, kOwn, "their own comment", /*             */ "YYYYNNYT"},
    {Action::edit_comment, kCard, "someone else's comment", /*       */ "NNNNNNNN"},
    {Action::edit_comment, kOwnDeleted, "their deleted comment", /*  */ "NNNNNNNN"},
    {Action::edit_comment, kOwnRemoved, "their removed comment", /*  */ "NNNNNNNN"},
    {Action::edit_comment, kOwnOnArchivedCard, "an archived card", /**/ "NNNNNNNN"},
    {Action::edit_comment, kOwnOnArchivedBoard, "an archived board", "NNNNNNNN"},
    {Action::edit_comment, kOwnInArchivedGroup, "an archived group", "NNNNNNNN"},
    // ... and deletes it, even once removed (to take the words back), but not twice.
    {Action::delete_comment, kOwn, "their own comment", /*           */ "YYYYNNYT"},
    {Action::delete_comment, kCard, "someone else's comment", /*     */ "NNNNNNNN"},
    {Action::delete_comment, kOwnRemoved, "their removed comment", /**/ "YYYYNNYT"},
    {Action::delete_comment, kOwnDeleted, "their deleted comment", /**/ "NNNNNNNN"},
    {Action::delete_comment, kOwnOnArchivedCard, "an archived card", "NNNNNNNN"},
    {Action::delete_comment, kOwnInArchivedGroup, "an archived group", "NNNNNNNN"},
    // The people who run the group remove anyone's comment (their own too), once; not on an archived card.
    {Action::remove_comment, kCard, "someone else's comment", /*     */ "YYNNNNYT"},
    {Action::remove_comment, kOwn, "their own comment", /*           */ "YYNNNNYT"},
    {Action::remove_comment, kOthersRemoved, "a removed comment", /* */ "NNNNNNNN"},
    {Action::remove_comment, kOthersDeleted, "a deleted comment", /* */ "NNNNNNNN"},
    {Action::remove_comment, kCardArchived, "an archived card", /*   */ "NNNNNNNN"},
    {Action::remove_comment, kBoardArchived, "an archived board", /* */ "NNNNNNNN"},
    // A comment's earlier versions: its author, while they see the board, and the people who run the group; reading
    // only, so also once the card, board or group is archived, and once the comment was deleted or removed.
    {Action::see_comment_history, kOwn, "their own comment", /*      */ "YYYYNNYT"},
    {Action::see_comment_history, kOwnDeleted, "their deleted comment", "YYYYNNYT"},
    {Action::see_comment_history, kCard, "someone else's comment", /**/ "YYNNNNYT"},
    {Action::see_comment_history, kOthersDeleted, "a deleted comment", "YYNNNNYT"},
    {Action::see_comment_history, kOthersRemoved, "a removed comment", "YYNNNNYT"},
    {Action::see_comment_history, kOwnInArchivedGroup, "an archived group", "YYYYNNYT"},
    // Files: whoever works on cards adds them, not to an archived card, board or group.
    {Action::attach_file, kCard, "a card in play", /*                */ "YYYNNNNN"},
    {Action::attach_file, kCardArchived, "an archived card", /*      */ "NNNNNNNN"},
    {Action::attach_file, kBoardArchived, "an archived board's card", "NNNNNNNN"},
    {Action::attach_file, kGroupArchived, "an archived group's card", "NNNNNNNN"},
    // Whoever added a file takes it off while they work on cards; the people who run the group take off anyone's.
    {Action::remove_file, kOwnFile, "their own file", /*             */ "YYYNNNYT"},
    {Action::remove_file, kCard, "someone else's file", /*           */ "YYNNNNYT"},
    {Action::remove_file, kOwnFileOnArchivedCard, "an archived card", "NNNNNNNN"},
    {Action::remove_file, kBoardArchived, "an archived board", /*    */ "NNNNNNNN"},
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
