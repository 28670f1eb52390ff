#include "boards/board_policy.hpp"

#include "groups/group_policy.hpp"

namespace roundtable::boards::policy {

namespace {

namespace g = groups::policy;

g::Actor in_group(const Actor& a) { return {a.org_role, a.two_step, a.group_role, false}; }
Verdict runs(const Actor& a) { return g::runs_group(in_group(a)); }
Verdict looks_in(const Actor& a, const Facts& f) { return g::looks_in(in_group(a), {f.visibility, f.group_archived}); }
bool works(const Actor& a) { return g::takes_part(in_group(a)); }
using g::both;

}  // namespace

Verdict allows(const Actor& a, Action action, const Facts& f) {
  // Outside the group only the organisation's admins look in (two-step first); the group's own people see it.
  const Verdict sees = looks_in(a, f);
  switch (action) {
    case Action::see_boards: return sees;
    case Action::work_on_cards:
      if (f.group_archived || f.board_archived || !works(a)) return Verdict::deny;
      return sees;
    case Action::run_boards:
      if (f.group_archived || f.board_archived) return Verdict::deny;
      return both(sees, runs(a));
    case Action::restore_board:
      if (f.group_archived || !f.board_archived) return Verdict::deny;
      return both(sees, runs(a));
    case Action::comment:
    case Action::attach_file:
      if (f.group_archived || f.board_archived || f.card_archived || !works(a)) return Verdict::deny;
      return sees;
    case Action::edit_comment:
    case Action::delete_comment: {
      // Your own words, while you still see the board: changed while they stand, deleted even once removed (so the
      // author can take back words that were removed).
      const bool gone = f.comment_deleted || (action == Action::edit_comment && f.comment_removed);
      if (f.group_archived || f.board_archived || f.card_archived || !f.own_comment || gone) return Verdict::deny;
      return sees;
    }
    case Action::remove_comment:
      if (f.group_archived || f.board_archived || f.card_archived || f.comment_deleted || f.comment_removed) {
        return Verdict::deny;
      }
      return both(sees, runs(a));
    case Action::see_comment_history:
      // What a comment said before it was changed or deleted: its author, and the people who run the group (who look
      // after what is said there). Reading only, so archived or not.
      if (f.own_comment) return sees;
      return both(sees, runs(a));
    case Action::remove_file:
      if (f.group_archived || f.board_archived || f.card_archived) return Verdict::deny;
      if (f.own_file && works(a)) return sees;
      return both(sees, runs(a));
  }
  return Verdict::deny;
}

Facts facts_of(const Board& b, const Card* card, const Comment* comment, long long viewer) {
  Facts f{b.group_visibility, b.group_archived, b.archived_at.has_value()};
  if (card) f.card_archived = card->archived_at.has_value();
  if (comment) {
    f.own_comment = comment->author_id != 0 && comment->author_id == viewer;
    f.comment_deleted = comment->deleted_at.has_value();
    f.comment_removed = comment->removed_at.has_value();
  }
  return f;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::see_boards: return "boards.see_boards";
    case Action::work_on_cards: return "boards.work_on_cards";
    case Action::run_boards: return "boards.run_boards";
    case Action::restore_board: return "boards.restore_board";
    case Action::comment: return "boards.comment";
    case Action::edit_comment: return "boards.edit_comment";
    case Action::delete_comment: return "boards.delete_comment";
    case Action::remove_comment: return "boards.remove_comment";
    case Action::attach_file: return "boards.attach_file";
    case Action::remove_file: return "boards.remove_file";
    case Action::see_comment_history: return "boards.see_comment_history";
  }
  return "boards.unknown";
}

}  // namespace roundtable::boards::policy
