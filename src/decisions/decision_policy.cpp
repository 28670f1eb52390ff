#include "decisions/decision_policy.hpp"

#include "groups/group_policy.hpp"

namespace roundtable::decisions::policy {

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

bool takes_part(const Actor& a) {
  return a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator || a.group_role == GroupRole::member;
}

}  // namespace

Verdict allows(const Actor& a, Action action, const Facts& f) {
  const Verdict sees = a.group_role ? sees_group(a, f) : both(sees_group(a, f), runs(a));
  switch (action) {
    case Action::see_decisions: return sees;
    case Action::propose:
      if (f.group_archived || !takes_part(a)) return Verdict::deny;
      return sees;
    case Action::take_part:
      if (f.group_archived || f.closed || !f.eligible || !takes_part(a)) return Verdict::deny;
      return sees;
    case Action::resolve_objection:
      if (f.group_archived || f.closed) return Verdict::deny;
      if (f.proposer && takes_part(a)) return sees;
      return both(sees, runs(a));
    case Action::run_decision:
      if (f.group_archived || f.closed) return Verdict::deny;
      return both(sees, runs(a));
    case Action::record_decision:
      if (f.group_archived || !f.closed) return Verdict::deny;
      return both(sees, runs(a));
    case Action::set_rules:
      if (f.group_archived) return Verdict::deny;
      if (a.group_role != GroupRole::lead && a.group_role != GroupRole::facilitator) return Verdict::deny;
      return sees;
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::see_decisions: return "decisions.see_decisions";
    case Action::propose: return "decisions.propose";
    case Action::take_part: return "decisions.take_part";
    case Action::resolve_objection: return "decisions.resolve_objection";
    case Action::run_decision: return "decisions.run_decision";
    case Action::record_decision: return "decisions.record_decision";
    case Action::set_rules: return "decisions.set_rules";
  }
  return "decisions.unknown";
}

}  // namespace roundtable::decisions::policy
