#include "accessibility/statement_policy.hpp"

namespace roundtable::accessibility::policy {

Verdict allows(const Actor& a, Action action) {
  switch (action) {
    case Action::edit_statement:
      // What the organisation publishes in its name is an admin's job, as its other settings are.
      if (a.role != core::Role::org_admin) return Verdict::deny;
      return a.two_step ? Verdict::allow : Verdict::need_two_step;
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::edit_statement: return "accessibility.edit_statement";
  }
  return "accessibility.unknown";
}

}  // namespace roundtable::accessibility::policy
