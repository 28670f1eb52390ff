/// The people pages' handlers: sign-in and out, your account, organisations (platform admin), an organisation's
/// home, settings and audit log.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>

#include "http/types.hpp"
#include "module/module.hpp"
#include "people/people_policy.hpp"
#include "people/people_service.hpp"
#include "view/html.hpp"
#include "view/layout.hpp"

namespace roundtable::people {

/// What the people pages need.
struct PagesDeps {
  PeopleService* service = nullptr;
  const view::Assets* assets = nullptr;
  /// The plain-words 404 page, for objects that turn out not to exist or not to be visible.
  std::function<http::Response(http::RequestContext&)> not_found;
  /// Whether the viewer (first) may see the About Me page of the subject (second) and it has something on it.
  /// Unset: member pages do not link to About Me pages.
  std::function<boost::asio::awaitable<bool>(long long, long long)> about_me_visible;
  /// Other modules' sections of the account page (module::Module::account_sections), in module order.
  std::vector<module::AccountSection> account_sections;
};

/// The route guard for an action in an organisation: members the policy allows; 404 for everyone else.
http::Policy guard(policy::Action action);

/// Whether the person asking may do this here, or could once two-step sign-in is on (so links to it are shown).
inline bool may(const http::OrgRequest& r, policy::Action action) {
  return policy::allows({r.membership.role, r.principal.two_step}, action) != policy::Verdict::deny;
}

namespace pages {
using boost::asio::awaitable;
using http::RequestContext;
using http::Response;

awaitable<Response> sign_in_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> sign_in(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> sign_out(RequestContext& ctx, const PagesDeps& deps);
/// Two-step sign-in (two_step_pages.cpp).
awaitable<Response> two_step_challenge_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_challenge(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_settings(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_start(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_setup_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_setup(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_recovery_codes(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_off(RequestContext& ctx, const PagesDeps& deps);
/// Open sign-up (join_pages.cpp): /o/{org}/join, for organisations that anyone may join.
awaitable<Response> join_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> join(RequestContext& ctx, const PagesDeps& deps);
/// Your data (data_rights_pages.cpp): download it all, delete the account.
awaitable<Response> account_data(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> photo_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_photo(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> remove_photo(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> org_logo_form(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_org_logo(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_org_logo(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> account_data_download(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> account_delete_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> account_delete(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> account_deleted(RequestContext& ctx, const PagesDeps& deps);
/// Sign-in by email (email_sign_in_pages.cpp): ask, type the code, or confirm the link.
awaitable<Response> email_sign_in_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> email_sign_in_send(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> email_sign_in_code_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> email_sign_in_code(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> email_sign_in_link(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> email_sign_in_link_confirm(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> account(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> organisations(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> new_organisation(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> create_organisation(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> organisation_home(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> organisation_settings(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_organisation_settings(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> audit_log(http::OrgRequest& req, const PagesDeps& deps);

awaitable<Response> about_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_about(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> bring_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_bring(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> needs_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_needs(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> contact_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_contact(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> member_page(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> change_member_role(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_member_form(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_member(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> directory(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> consent_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> invitations(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> new_invitation(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> send_invitation(http::OrgRequest& req, const PagesDeps& deps);
/// Resend or revoke, by the route's name.
awaitable<Response> change_invitation(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> invitation(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> accept_invitation(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> forgot_password_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> forgot_password(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> reset_password_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> reset_password(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_consent(RequestContext& ctx, const PagesDeps& deps);

/// The person's own profile as summary cards with "Change" links (on the account page).
void profile_cards(view::Html& h, const core::Translator& t, const Profile& p);
}  // namespace pages

}  // namespace roundtable::people
