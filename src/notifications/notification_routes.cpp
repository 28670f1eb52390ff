#include "notifications/notification_routes.hpp"

#include "http/route_list.hpp"
#include "http/signed_address.hpp"
#include "notifications/notification_policy.hpp"

namespace roundtable::notifications {

namespace {

/// The route guard for an action in an organisation: the notifications policy decides; anyone it does not allow
/// gets 404. Every page reads and changes only the signed-in person's own notices and choices.
http::Policy guard(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [action](const http::Principal& p, const http::Membership& m) {
                           return policy::allows({m.role, p.two_step}, action);
                         });
}

}  // namespace

void add_notification_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using http::policy::public_access;
  using policy::Action;
  http::RouteList r(routes);
  auto org = r.scope("/o/{org}");
  org.get("/notifications", "notifications", guard(Action::see_notices), bind(deps, pages::notices));
  org.post("/notifications/read", "notifications_read_save", guard(Action::see_notices), bind(deps, pages::mark_read));
  org.get("/notifications/settings", "notification_settings", guard(Action::choose), bind(deps, pages::settings));
  org.post("/notifications/settings", "notification_settings_save", guard(Action::choose),
           bind(deps, pages::save_settings));
  org.get("/groups/{group}/notifications", "group_notification_settings", guard(Action::choose),
          bind(deps, pages::group_settings));
  // The one-click stop from any notification email: the signed token in the address is the only authority (a forged
  // or altered one is 404 and changes nothing). Its POST is what mail programs send (RFC 8058), without our CSRF
  // token: its policy (signed_address) is the one the pipeline lets through without it.
  r.get("/stop/{token}", "notification_stop", public_access(), bind(deps, pages::stop_form));
  r.post("/stop/{token}", "notification_stop_save", http::policy::signed_address(), bind(deps, pages::stop));
}

}  // namespace roundtable::notifications
