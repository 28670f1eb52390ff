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
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::see_boards: return "boards.see_boards";
    case Action::work_on_cards: return "boards.work_on_cards";
    case Action::run_boards: return "boards.run_boards";
    case Action::restore_board: return "boards.restore_board";
  }
  return "boards.unknown";
}

}  // namespace roundtable::boards::policy
