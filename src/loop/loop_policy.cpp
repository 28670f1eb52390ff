#include "loop/loop_policy.hpp"

namespace roundtable::loop::policy {

namespace {

bool runs(const Actor& a) { return a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator; }

Verdict verdict(bool allowed) { return allowed ? Verdict::allow : Verdict::deny; }

}  // namespace

Verdict allows(const Actor& a, Action action, const Facts& f) {
  switch (action) {
    case Action::see_timeline: return verdict(f.sees_contribution);
    case Action::set_status: return verdict(f.sees_contribution && runs(a) && !f.group_archived);
    case Action::see_group_page:
      if (a.group_role || f.visibility != Visibility::members) return Verdict::allow;
      if (a.org_role != core::Role::org_admin) return Verdict::deny;
      return a.two_step ? Verdict::allow : Verdict::need_two_step;
    case Action::see_public_page: return verdict(f.visibility == Visibility::everyone);
    case Action::see_contributions: return verdict(a.group_role.has_value());
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::see_timeline: return "loop.see_timeline";
    case Action::set_status: return "loop.set_status";
    case Action::see_group_page: return "loop.see_group_page";
    case Action::see_public_page: return "loop.see_public_page";
    case Action::see_contributions: return "loop.see_contributions";
  }
  return "loop.see_timeline";
}

}  // namespace roundtable::loop::policy
