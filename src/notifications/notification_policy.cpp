#include "notifications/notification_policy.hpp"

namespace roundtable::notifications::policy {

Verdict allows(const Actor& actor, Action action) {
  switch (action) {
    // Every member hears about their own groups, whatever their role in the organisation, and an admin's own
    // notices need no second step: they change nobody else's.
    case Action::see_notices:
    case Action::choose:
      switch (actor.role) {
        case core::Role::org_admin:
        case core::Role::facilitator:
        case core::Role::finance:
        case core::Role::member: return Verdict::allow;
      }
      return Verdict::deny;
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::see_notices: return "notifications.see_notices";
    case Action::choose: return "notifications.choose";
  }
  return "notifications.unknown";
}

}  // namespace roundtable::notifications::policy
