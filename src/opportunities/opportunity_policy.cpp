#include "opportunities/opportunity_policy.hpp"

#include "groups/group_policy.hpp"

namespace roundtable::opportunities::policy {

namespace {

/// The people who run the group (groups' rule).
Verdict runs(const Actor& a) { return groups::policy::runs_group({a.org_role, a.two_step, a.group_role, false}); }

bool deciding(State s) { return s == State::open || s == State::closed; }

}  // namespace

Verdict allows(const Actor&, Action action) {
  return action == Action::list_opportunities ? Verdict::allow : Verdict::deny;
}

Verdict allows(const Actor& a, Action action, const Facts& f) {
  switch (action) {
    case Action::list_opportunities: return Verdict::deny;
    case Action::create_opportunity: return f.group_archived ? Verdict::deny : runs(a);
    case Action::see_opportunity: return f.state == State::draft ? runs(a) : Verdict::allow;
    case Action::edit_opportunity:
      if (f.group_archived || f.state == State::filled) return Verdict::deny;
      return runs(a);
    case Action::open_opportunity:
      if (f.group_archived || f.state != State::draft) return Verdict::deny;
      return runs(a);
    case Action::close_opportunity:
      if (f.group_archived || f.state != State::open) return Verdict::deny;
      return runs(a);
    case Action::express_interest:
      // People already in the group have their place.
      if (f.group_archived || f.state != State::open || a.group_role) return Verdict::deny;
      return Verdict::allow;
    case Action::see_applicants:
    case Action::hear_recording:
      if (f.state == State::draft) return Verdict::deny;
      return runs(a);
    case Action::select:
    case Action::tell_outcome:
      if (f.group_archived || !deciding(f.state)) return Verdict::deny;
      return runs(a);
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::list_opportunities: return "opportunities.list_opportunities";
    case Action::create_opportunity: return "opportunities.create_opportunity";
    case Action::see_opportunity: return "opportunities.see_opportunity";
    case Action::edit_opportunity: return "opportunities.edit_opportunity";
    case Action::open_opportunity: return "opportunities.open_opportunity";
    case Action::close_opportunity: return "opportunities.close_opportunity";
    case Action::express_interest: return "opportunities.express_interest";
    case Action::see_applicants: return "opportunities.see_applicants";
    case Action::hear_recording: return "opportunities.hear_recording";
    case Action::select: return "opportunities.select";
    case Action::tell_outcome: return "opportunities.tell_outcome";
  }
  return "opportunities.unknown";
}

}  // namespace roundtable::opportunities::policy
