#include "decisions/decision_policy.hpp"

#include "groups/group_policy.hpp"

namespace roundtable::decisions::policy {

namespace {

namespace g = groups::policy;

g::Actor in_group(const Actor& a) { return {a.org_role, a.two_step, a.group_role, false}; }
Verdict runs(const Actor& a) { return g::runs_group(in_group(a)); }
Verdict looks_in(const Actor& a, const Facts& f) { return g::looks_in(in_group(a), {f.visibility, f.group_archived}); }
bool takes_part(const Actor& a) { return g::takes_part(in_group(a)); }
using g::both;

}  // namespace

Verdict allows(const Actor& a, Action action, const Facts& f) {
  const Verdict sees = looks_in(a, f);
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
