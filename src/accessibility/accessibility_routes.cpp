#include "accessibility/accessibility_routes.hpp"

#include "accessibility/statement_policy.hpp"
#include "http/route_list.hpp"

namespace roundtable::accessibility {

namespace {

/// The route guard for an action in an organisation: the statement policy decides, and anyone it does not allow
/// gets 404.
http::Policy guard(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [action](const http::Principal& p, const http::Membership& m) {
                           return policy::allows({m.role, p.two_step}, action);
                         });
}

}  // namespace

void add_accessibility_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using http::policy::public_access;
  using policy::Action;
  http::RouteList r(routes);
  r.get("/accessibility", "accessibility", public_access(), bind(deps, pages::platform_statement));
  // Published statements are for everyone, members or not, as the regulations require.
  r.get("/accessibility/{org}", "accessibility_org", public_access(), bind(deps, pages::org_statement));
  auto org = r.scope("/o/{org}");
  org.get("/accessibility", "accessibility_edit", guard(Action::edit_statement), bind(deps, pages::edit_form));
  org.post("/accessibility", "accessibility_save", guard(Action::edit_statement), bind(deps, pages::save));
}

}  // namespace roundtable::accessibility
