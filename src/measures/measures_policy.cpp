#include "measures/measures_policy.hpp"

namespace roundtable::measures::policy {

namespace g = groups::policy;

Verdict allows(const Actor& actor, Action action) {
  if (action != Action::see_org_measures) return Verdict::deny;
  switch (actor.org_role) {
    case core::Role::org_admin: return actor.two_step ? Verdict::allow : Verdict::need_two_step;
    case core::Role::facilitator: return Verdict::allow;
    case core::Role::finance:
    case core::Role::member: return Verdict::deny;
  }
  return Verdict::deny;
}

Verdict allows(const Actor& actor, Action action, const GroupFacts& group) {
  switch (action) {
    case Action::see_group_measures: return g::sees_group(actor, group);
    case Action::see_org_measures: {
      // The group counts towards the organisation's measures when the person may see both.
      const Verdict org = allows(actor, Action::see_org_measures);
      if (org != Verdict::allow) return org;
      return g::sees_group(actor, group) == Verdict::allow ? Verdict::allow : Verdict::deny;
    }
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::see_group_measures: return "measures.see_group_measures";
    case Action::see_org_measures: return "measures.see_org_measures";
  }
  return "measures.unknown";
}

}  // namespace roundtable::measures::policy
