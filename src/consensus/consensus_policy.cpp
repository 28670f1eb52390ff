#include "consensus/consensus_policy.hpp"

namespace roundtable::consensus::policy {

namespace {

namespace g = groups::policy;

g::Actor in_group(const Actor& a) { return {a.org_role, a.two_step, a.group_role, false}; }

}  // namespace

Verdict allows(const Actor& a, Action action, const Facts& f) {
  const Verdict sees = g::looks_in(in_group(a), {f.visibility, f.group_archived});
  switch (action) {
    case Action::see: return sees;
    case Action::take_part:
      if (f.group_archived || f.closed || !g::takes_part(in_group(a))) return Verdict::deny;
      return sees;
    case Action::run:
      if (f.group_archived) return Verdict::deny;
      return g::both(sees, g::runs_group(in_group(a)));
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::see: return "consensus.see";
    case Action::take_part: return "consensus.take_part";
    case Action::run: return "consensus.run";
  }
  return "consensus.unknown";
}

}  // namespace roundtable::consensus::policy
