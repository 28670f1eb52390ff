#include "people/people_routes.hpp"

#include "http/route_list.hpp"
#include "people/people_policy.hpp"

namespace roundtable::people {

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
  return http::policy::org_member(std::string(policy::action_name(action)),
                                  [action](const http::Principal& p, const http::Membership& m) {
                                    switch (policy::allows({m.role, p.two_step}, action)) {
                                      case policy::Verdict::allow: return http::Decision::allow;
                                      case policy::Verdict::need_two_step: return http::Decision::need_two_step;
                                      case policy::Verdict::deny: break;
                                    }
                                    return http::Decision::not_found;
                                  });
}

void add_people_routes(std::vector<http::Route>& routes, PagesDeps deps) {
  using namespace http::policy;
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  r.get("/sign-in", "sign_in_form", public_access(), bind(deps, pages::sign_in_form));
  r.post("/sign-in", "sign_in", public_access(), bind(deps, pages::sign_in));
  r.post("/sign-out", "sign_out", public_access(), bind(deps, pages::sign_out));
  r.get("/sign-in/email", "email_sign_in_form", public_access(), bind(deps, pages::email_sign_in_form));
  r.post("/sign-in/email", "email_sign_in_send", public_access(), bind(deps, pages::email_sign_in_send));
  r.get("/sign-in/code", "email_sign_in_code_form", public_access(), bind(deps, pages::email_sign_in_code_form));
  r.post("/sign-in/code", "email_sign_in_code", public_access(), bind(deps, pages::email_sign_in_code));
  r.get("/sign-in/link/{token}", "email_sign_in_link", public_access(), bind(deps, pages::email_sign_in_link));
  r.post("/sign-in/link/{token}", "email_sign_in_link_confirm", public_access(),
         bind(deps, pages::email_sign_in_link_confirm));
  r.get("/forgot-password", "forgot_password_form", public_access(), bind(deps, pages::forgot_password_form));
  r.post("/forgot-password", "forgot_password", public_access(), bind(deps, pages::forgot_password));
  r.get("/reset-password/{token}", "reset_password_form", public_access(), bind(deps, pages::reset_password_form));
  r.post("/reset-password/{token}", "reset_password", public_access(), bind(deps, pages::reset_password));
  r.get("/account", "account", signed_in(), bind(deps, pages::account));
  r.get("/sign-in/two-step", "two_step_challenge_form", public_access(), bind(deps, pages::two_step_challenge_form));
  r.post("/sign-in/two-step", "two_step_challenge", public_access(), bind(deps, pages::two_step_challenge));
  r.get("/account/two-step", "two_step_settings", signed_in(), bind(deps, pages::two_step_settings));
  r.post("/account/two-step/start", "two_step_start", signed_in(), bind(deps, pages::two_step_start));
  r.get("/account/two-step/setup", "two_step_setup_form", signed_in(), bind(deps, pages::two_step_setup_form));
  r.post("/account/two-step/setup", "two_step_setup", signed_in(), bind(deps, pages::two_step_setup));
  r.post("/account/two-step/recovery-codes", "two_step_recovery_codes", signed_in(),
         bind(deps, pages::two_step_recovery_codes));
  r.post("/account/two-step/off", "two_step_off", signed_in(), bind(deps, pages::two_step_off));
  r.get("/account/data", "account_data", signed_in(), bind(deps, pages::account_data));
  r.post("/account/data/download", "account_data_download", signed_in(), bind(deps, pages::account_data_download));
  r.get("/account/delete", "account_delete_form", signed_in(), bind(deps, pages::account_delete_form));
  r.post("/account/delete", "account_delete", signed_in(), bind(deps, pages::account_delete));
  r.get("/account-deleted", "account_deleted", public_access(), bind(deps, pages::account_deleted));
  r.get("/account/photo", "profile_photo", signed_in(), bind(deps, pages::photo_form));
  r.post("/account/photo", "profile_photo_save", signed_in(), bind(deps, pages::save_photo))
      .accepts_uploads(uploads::body_limit_for(PeopleService::photo_rules()));
  r.post("/account/photo/remove", "profile_photo_remove", signed_in(), bind(deps, pages::remove_photo));
  r.get("/account/about", "profile_about", signed_in(), bind(deps, pages::about_form));
  r.post("/account/about", "profile_about_save", signed_in(), bind(deps, pages::save_about));
  r.get("/account/strengths", "profile_bring", signed_in(), bind(deps, pages::bring_form));
  r.post("/account/strengths", "profile_bring_save", signed_in(), bind(deps, pages::save_bring));
  r.get("/account/needs", "profile_needs", signed_in(), bind(deps, pages::needs_form));
  r.post("/account/needs", "profile_needs_save", signed_in(), bind(deps, pages::save_needs));
  r.get("/account/contact", "profile_contact", signed_in(), bind(deps, pages::contact_form));
  r.post("/account/contact", "profile_contact_save", signed_in(), bind(deps, pages::save_contact));
  r.get("/account/consent", "consent", signed_in(), bind(deps, pages::consent_form));
  r.post("/account/consent", "consent_save", signed_in(), bind(deps, pages::save_consent));
  r.get("/admin/organisations", "admin_organisations", platform_admin(), bind(deps, pages::organisations));
  r.get("/admin/organisations/new", "admin_organisation_new", platform_admin(), bind(deps, pages::new_organisation));
  r.post("/admin/organisations", "admin_organisation_create", platform_admin(), bind(deps, pages::create_organisation));
  r.get("/invitations/{token}", "invitation", public_access(), bind(deps, pages::invitation));
  r.post("/invitations/{token}", "invitation_accept", public_access(), bind(deps, pages::accept_invitation));

  // An organisation's pages: its members only (everyone else gets 404), and each action as people_policy says.
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
      .accepts_uploads(uploads::body_limit_for(PeopleService::logo_rules()));
  org.post("/logo/remove", "org_logo_remove", manage, bind(deps, pages::remove_org_logo));
  org.get("/audit", "org_audit", manage, bind(deps, pages::audit_log));
  const auto see_members = guard(Action::see_members);
  org.get("/people", "org_directory", see_members, bind(deps, pages::directory));
  org.get("/people/{id}", "org_member", see_members, bind(deps, pages::member_page));
  const auto invite = guard(Action::invite);
  org.get("/invitations", "invitations", invite, bind(deps, pages::invitations));
  org.get("/invitations/new", "invitation_new", invite, bind(deps, pages::new_invitation));
  org.post("/invitations", "invitation_send", invite, bind(deps, pages::send_invitation));
  org.post("/invitations/{id}/resend", "invitation_resend", invite, bind(deps, pages::change_invitation));
  org.post("/invitations/{id}/revoke", "invitation_revoke", invite, bind(deps, pages::change_invitation));
  const auto manage_members = guard(Action::manage_members);
  org.post("/people/{id}/role", "member_role", manage_members, bind(deps, pages::change_member_role));
  org.get("/people/{id}/remove", "member_remove_form", manage_members, bind(deps, pages::remove_member_form));
  org.post("/people/{id}/remove", "member_remove", manage_members, bind(deps, pages::remove_member));
}

std::optional<http::Principal> read_principal(soci::session& s, long long user_id) {
  auto person = read_person(s, user_id);
  if (!person) return std::nullopt;
  return principal_from(*person);
}

}  // namespace roundtable::people
