/// Who may do what with a group's boards, as one pure function: the routes guard with it, the service asks it again
/// inside each change's transaction, and the pages use it to decide which forms to show. Tested as a table in
/// board_policy_test.cpp. Denied means 404.
///
/// - A group's boards are the group's own: its people read them (observers too) and the organisation's admins (with
///   two-step sign-in); everyone else is answered 404, whoever may see the group.
/// - Lead facilitators, facilitators and members add, edit, move and archive cards, and give dots; observers read.
/// - The people who run the group (lead facilitators and facilitators; an organisation admin once two-step sign-in is
///   passed) make, rename, archive and restore boards, and manage their lists, labels and dot budget.
/// - Comments on a card: whoever works on cards adds them; their authors change and delete their own; the people who
///   run the group remove anyone's with a reason the author sees. An archived card's comments are read only.
/// - Files on a card: whoever works on cards adds them; whoever added one, or the people who run the group, take it
/// off.
/// - Nothing changes in an archived group or an archived board (except restoring the board).
#pragma once

#include <optional>
#include <string_view>

#include "boards/board.hpp"
#include "core/roles.hpp"
#include "groups/group_policy.hpp"

namespace roundtable::boards::policy {

enum class Action {
  /// The group's boards, a board, a card, the results, the export.
  see_boards,
  /// Add, edit, move, archive and restore cards; give and take back dots.
  work_on_cards,
  /// Make boards; rename, archive a board; its lists, labels and dot budget.
  run_boards,
  /// Restore an archived board.
  restore_board,
  /// Add a comment to a card (facts: the card).
  comment,
  /// Change your own comment, or delete it (facts: the card and the comment).
  edit_comment,
  delete_comment,
  /// Remove anyone's comment, with a reason its author sees (facts: the card and the comment).
  remove_comment,
  /// Read a comment's earlier versions: its author, and the people who run the group (facts: the card and the
  /// comment).
  see_comment_history,
  /// Add a file to a card (facts: the card).
  attach_file,
  /// Take a file off a card: whoever added it, or the people who run the group (facts: the card and own_file).
  remove_file,
};
inline constexpr Action kAllActions[] = {
    Action::see_boards,  Action::work_on_cards, Action::run_boards,         Action::restore_board,
    Action::comment,     Action::edit_comment,  Action::delete_comment,     Action::remove_comment,
    Action::attach_file, Action::remove_file,   Action::see_comment_history};

struct Actor {
  core::Role org_role = core::Role::member;
  bool two_step = false;
  std::optional<GroupRole> group_role;
};

struct Facts {
  groups::Visibility visibility = groups::Visibility::organisation;
  bool group_archived = false;
  bool board_archived = false;
  /// For comments: the card is archived; the person asking wrote the comment; it was deleted, or removed.
  bool card_archived = false;
  bool own_comment = false;
  bool comment_deleted = false;
  bool comment_removed = false;
  /// For a card's files: the person asking added the file.
  bool own_file = false;
};

/// The groups policy's verdict (allow, deny, need_two_step): a group's module decides in the same terms.
using Verdict = groups::policy::Verdict;

Verdict allows(const Actor& actor, Action action, const Facts& facts);

/// The facts of a board; with a card, of the card on it; with a comment too, of the comment as `viewer` sees it.
Facts facts_of(const Board& b, const Card* card = nullptr, const Comment* comment = nullptr, long long viewer = 0);

/// "boards.work_on_cards"
std::string_view action_name(Action action);

}  // namespace roundtable::boards::policy
