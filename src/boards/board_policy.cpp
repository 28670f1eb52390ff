#include "boards/board_policy.hpp"

#include "groups/group_policy.hpp"

namespace roundtable::boards::policy {

namespace {

Verdict of(groups::policy::Verdict v) {
  switch (v) {
    case groups::policy::Verdict::allow: return Verdict::allow;
    case groups::policy::Verdict::need_two_step: return Verdict::need_two_step;
    case groups::policy::Verdict::deny: break;
  }
  return Verdict::deny;
}

Verdict sees_group(const Actor& a, const Facts& f) {
  return of(groups::policy::allows({a.org_role, a.two_step, a.group_role, false}, groups::policy::Action::see_group,
                                   {f.visibility, f.group_archived}));
}

Verdict runs(const Actor& a) {
  if (a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator) return Verdict::allow;
  if (a.org_role != core::Role::org_admin) return Verdict::deny;
  return a.two_step ? Verdict::allow : Verdict::need_two_step;
}

Verdict both(Verdict a, Verdict b) {
  if (a == Verdict::deny || b == Verdict::deny) return Verdict::deny;
  if (a == Verdict::need_two_step || b == Verdict::need_two_step) return Verdict::need_two_step;
  return Verdict::allow;
}

bool works(const Actor& a) {
  return a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator || a.group_role == GroupRole::member;
}

}  // namespace

Verdict allows(const Actor& a, Action action, const Facts& f) {
  // Outside the group only the organisation's admins look in (two-step first); the group's own people see it.
  const Verdict sees = a.group_role ? sees_group(a, f) : both(sees_group(a, f), runs(a));
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
