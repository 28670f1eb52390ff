#include "people/people_routes.hpp"

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
    p.memberships.push_back({m.org_id, m.org_slug, m.org_name, {std::string(role_code(m.role))}, m.org_logo_url});
  }
  return p;
}

}  // namespace

void add_people_routes(std::vector<http::Route>& routes, PagesDeps deps) {
  using Fn = boost::asio::awaitable<http::Response> (*)(http::RequestContext&, const PagesDeps&);
  auto bind = [deps](Fn fn) { return [fn, deps](http::RequestContext& ctx) { return fn(ctx, deps); }; };
  using namespace http::policy;
  routes.push_back({"GET", "/sign-in", "sign_in_form", public_access(), bind(pages::sign_in_form)});
  routes.push_back({"POST", "/sign-in", "sign_in", public_access(), bind(pages::sign_in)});
  routes.push_back({"POST", "/sign-out", "sign_out", public_access(), bind(pages::sign_out)});
  routes.push_back({"GET", "/sign-in/email", "email_sign_in_form", public_access(), bind(pages::email_sign_in_form)});
  routes.push_back({"POST", "/sign-in/email", "email_sign_in_send", public_access(), bind(pages::email_sign_in_send)});
  routes.push_back(
      {"GET", "/sign-in/code", "email_sign_in_code_form", public_access(), bind(pages::email_sign_in_code_form)});
  routes.push_back({"POST", "/sign-in/code", "email_sign_in_code", public_access(), bind(pages::email_sign_in_code)});
  routes.push_back(
      {"GET", "/sign-in/link/{token}", "email_sign_in_link", public_access(), bind(pages::email_sign_in_link)});
  routes.push_back({"POST", "/sign-in/link/{token}", "email_sign_in_link_confirm", public_access(),
                    bind(pages::email_sign_in_link_confirm)});
  routes.push_back(
      {"GET", "/forgot-password", "forgot_password_form", public_access(), bind(pages::forgot_password_form)});
  routes.push_back({"POST", "/forgot-password", "forgot_password", public_access(), bind(pages::forgot_password)});
  routes.push_back(
      {"GET", "/reset-password/{token}", "reset_password_form", public_access(), bind(pages::reset_password_form)});
  routes.push_back({"POST", "/reset-password/{token}", "reset_password", public_access(), bind(pages::reset_password)});
  routes.push_back({"GET", "/account", "account", signed_in(), bind(pages::account)});
  routes.push_back(
      {"GET", "/sign-in/two-step", "two_step_challenge_form", public_access(), bind(pages::two_step_challenge_form)});
  routes.push_back(
      {"POST", "/sign-in/two-step", "two_step_challenge", public_access(), bind(pages::two_step_challenge)});
  routes.push_back({"GET", "/account/two-step", "two_step_settings", signed_in(), bind(pages::two_step_settings)});
  routes.push_back({"POST", "/account/two-step/start", "two_step_start", signed_in(), bind(pages::two_step_start)});
  routes.push_back(
      {"GET", "/account/two-step/setup", "two_step_setup_form", signed_in(), bind(pages::two_step_setup_form)});
  routes.push_back({"POST", "/account/two-step/setup", "two_step_setup", signed_in(), bind(pages::two_step_setup)});
  routes.push_back({"POST", "/account/two-step/recovery-codes", "two_step_recovery_codes", signed_in(),
                    bind(pages::two_step_recovery_codes)});
  routes.push_back({"POST", "/account/two-step/off", "two_step_off", signed_in(), bind(pages::two_step_off)});
  routes.push_back({"GET", "/account/data", "account_data", signed_in(), bind(pages::account_data)});
  routes.push_back(
      {"POST", "/account/data/download", "account_data_download", signed_in(), bind(pages::account_data_download)});
  routes.push_back({"GET", "/account/delete", "account_delete_form", signed_in(), bind(pages::account_delete_form)});
  routes.push_back({"POST", "/account/delete", "account_delete", signed_in(), bind(pages::account_delete)});
  routes.push_back({"GET", "/account-deleted", "account_deleted", public_access(), bind(pages::account_deleted)});
  routes.push_back({"GET", "/account/photo", "profile_photo", signed_in(), bind(pages::photo_form)});
  http::Route photo{"POST", "/account/photo", "profile_photo_save", signed_in(), bind(pages::save_photo)};
  photo.max_body = uploads::body_limit_for(PeopleService::photo_rules());
  routes.push_back(std::move(photo));
  routes.push_back({"POST", "/account/photo/remove", "profile_photo_remove", signed_in(), bind(pages::remove_photo)});
  routes.push_back({"GET", "/account/about", "profile_about", signed_in(), bind(pages::about_form)});
  routes.push_back({"POST", "/account/about", "profile_about_save", signed_in(), bind(pages::save_about)});
  routes.push_back({"GET", "/account/strengths", "profile_bring", signed_in(), bind(pages::bring_form)});
  routes.push_back({"POST", "/account/strengths", "profile_bring_save", signed_in(), bind(pages::save_bring)});
  routes.push_back({"GET", "/account/needs", "profile_needs", signed_in(), bind(pages::needs_form)});
  routes.push_back({"POST", "/account/needs", "profile_needs_save", signed_in(), bind(pages::save_needs)});
  routes.push_back({"GET", "/account/contact", "profile_contact", signed_in(), bind(pages::contact_form)});
  routes.push_back({"POST", "/account/contact", "profile_contact_save", signed_in(), bind(pages::save_contact)});
  routes.push_back({"GET", "/account/consent", "consent", signed_in(), bind(pages::consent_form)});
  routes.push_back({"POST", "/account/consent", "consent_save", signed_in(), bind(pages::save_consent)});
  routes.push_back(
      {"GET", "/admin/organisations", "admin_organisations", platform_admin(), bind(pages::organisations)});
  routes.push_back(
      {"GET", "/admin/organisations/new", "admin_organisation_new", platform_admin(), bind(pages::new_organisation)});
  routes.push_back({"POST", "/admin/organisations", "admin_organisation_create", platform_admin(),
                    bind(pages::create_organisation)});
  routes.push_back({"GET", "/o/{org}", "org_home", org_member(), bind(pages::organisation_home)});
  // Public: organisations whose sign-up is invitation only answer 404, like ones that do not exist.
  routes.push_back({"GET", "/o/{org}/join", "org_join_form", public_access(), bind(pages::join_form)});
  routes.push_back({"POST", "/o/{org}/join", "org_join", public_access(), bind(pages::join)});
  routes.push_back(
      {"GET", "/o/{org}/settings", "org_settings", org_member({"org_admin"}), bind(pages::organisation_settings)});
  routes.push_back({"POST", "/o/{org}/settings", "org_settings_save", org_member({"org_admin"}),
                    bind(pages::save_organisation_settings)});
  routes.push_back({"GET", "/o/{org}/logo", "org_logo", org_member({"org_admin"}), bind(pages::org_logo_form)});
  http::Route logo{"POST", "/o/{org}/logo", "org_logo_save", org_member({"org_admin"}), bind(pages::save_org_logo)};
  logo.max_body = uploads::body_limit_for(PeopleService::logo_rules());
  routes.push_back(std::move(logo));
  routes.push_back(
      {"POST", "/o/{org}/logo/remove", "org_logo_remove", org_member({"org_admin"}), bind(pages::remove_org_logo)});
  routes.push_back({"GET", "/o/{org}/audit", "org_audit", org_member({"org_admin"}), bind(pages::audit_log)});
  routes.push_back({"GET", "/o/{org}/people", "org_directory", org_member(), bind(pages::directory)});
  const auto inviters = org_member({"org_admin", "facilitator"});
  routes.push_back({"GET", "/o/{org}/invitations", "invitations", inviters, bind(pages::invitations)});
  routes.push_back({"GET", "/o/{org}/invitations/new", "invitation_new", inviters, bind(pages::new_invitation)});
  routes.push_back({"POST", "/o/{org}/invitations", "invitation_send", inviters, bind(pages::send_invitation)});
  routes.push_back(
      {"POST", "/o/{org}/invitations/{id}/resend", "invitation_resend", inviters, bind(pages::change_invitation)});
  routes.push_back(
      {"POST", "/o/{org}/invitations/{id}/revoke", "invitation_revoke", inviters, bind(pages::change_invitation)});
  routes.push_back({"GET", "/invitations/{token}", "invitation", public_access(), bind(pages::invitation)});
  routes.push_back(
      {"POST", "/invitations/{token}", "invitation_accept", public_access(), bind(pages::accept_invitation)});
  routes.push_back({"GET", "/o/{org}/people/{id}", "org_member", org_member(), bind(pages::member_page)});
  const auto admins = org_member({"org_admin"});
  routes.push_back({"POST", "/o/{org}/people/{id}/role", "member_role", admins, bind(pages::change_member_role)});
  routes.push_back(
      {"GET", "/o/{org}/people/{id}/remove", "member_remove_form", admins, bind(pages::remove_member_form)});
  routes.push_back({"POST", "/o/{org}/people/{id}/remove", "member_remove", admins, bind(pages::remove_member)});
}

std::optional<http::Principal> read_principal(soci::session& s, long long user_id) {
  auto person = read_person(s, user_id);
  if (!person) return std::nullopt;
  return principal_from(*person);
}

}  // namespace roundtable::people
