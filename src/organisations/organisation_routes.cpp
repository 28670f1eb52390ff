#include "organisations/organisation_routes.hpp"

#include "http/route_list.hpp"
#include "organisations/organisation_policy.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::organisations {

namespace {

http::Principal principal_from(const Person& person) {
  http::Principal p;
  p.user_id = person.user.id;
  p.name = person.user.name;
  p.email = person.user.email;
  p.platform_admin = person.user.platform_admin;
  p.two_step = person.two_step;
  for (auto& m : person.memberships) {
    p.memberships.push_back({m.org_id, m.org_slug, m.org_name, m.role, m.org_logo_url});
  }
  return p;
}

}  // namespace

http::Policy guard(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [action](const http::Principal& p, const http::Membership& m) {
                           return policy::allows({m.role, p.two_step}, action);
                         });
}

void add_organisation_routes(std::vector<http::Route>& routes, PagesDeps deps) {
  using namespace http::policy;
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  r.get("/admin/organisations", "admin_organisations", platform_admin(), bind(deps, pages::organisations));
  r.get("/admin/organisations/new", "admin_organisation_new", platform_admin(), bind(deps, pages::new_organisation));
  r.post("/admin/organisations", "admin_organisation_create", platform_admin(), bind(deps, pages::create_organisation));
  r.get("/organisations", "organisations_open", public_access(), bind(deps, pages::open_organisations));
  r.get("/invitations/{token}", "invitation", public_access(), bind(deps, pages::invitation));
  r.post("/invitations/{token}", "invitation_accept", public_access(), bind(deps, pages::accept_invitation));
  // An organisation's pages: its members only (everyone else gets 404), and each action as organisation_policy says.
  auto org = r.scope("/o/{org}");
  org.get("", "org_home", guard(Action::see_organisation), bind(deps, pages::organisation_home));
  // Public: organisations whose sign-up is invitation only answer 404, like ones that do not exist.
  org.get("/join", "org_join_form", public_access(), bind(deps, pages::join_form));
  org.post("/join", "org_join", public_access(), bind(deps, pages::join));
  const auto manage = guard(Action::manage_organisation);
  org.get("/settings", "org_settings", manage, bind(deps, pages::organisation_settings));
  org.post("/settings", "org_settings_save", manage, bind(deps, pages::save_organisation_settings));
  org.get("/logo", "org_logo", manage, bind(deps, pages::org_logo_form));
  org.post("/logo", "org_logo_save", manage, bind(deps, pages::save_org_logo))
      .accepts_uploads(uploads::body_limit_for(OrganisationService::logo_rules()));
  org.post("/logo/remove", "org_logo_remove", manage, bind(deps, pages::remove_org_logo));
  org.get("/audit", "org_audit", manage, bind(deps, pages::audit_log));
  const auto invite = guard(Action::invite);
  org.get("/invitations", "invitations", invite, bind(deps, pages::invitations));
  org.get("/invitations/new", "invitation_new", invite, bind(deps, pages::new_invitation));
  org.post("/invitations", "invitation_send", invite, bind(deps, pages::send_invitation));
  org.post("/invitations/{id}/resend", "invitation_resend", invite, bind(deps, pages::change_invitation));
  org.post("/invitations/{id}/revoke", "invitation_revoke", invite, bind(deps, pages::change_invitation));
}

std::optional<http::Principal> read_principal(soci::session& s, long long user_id) {
  auto person = read_person(s, user_id);
  if (!person) return std::nullopt;
  return principal_from(*person);
}

}  // namespace roundtable::organisations
