/// The organisations pages' handlers: organisations (platform admin), an organisation's home, settings, logo and
/// audit log, invitations and open sign-up; and the route guard every module's organisation pages use.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string>

#include "accounts/account_service.hpp"
#include "accounts/pages_common.hpp"
#include "core/i18n.hpp"
#include "http/types.hpp"
#include "module/module.hpp"
#include "organisations/organisation_policy.hpp"
#include "organisations/organisation_service.hpp"
#include "view/layout.hpp"

namespace roundtable::organisations {

using accounts::check_email;
using accounts::check_new_password;
using accounts::FormProblem;
using accounts::kMaxNameLength;

/// What the organisations pages need.
struct PagesDeps {
  OrganisationService* service = nullptr;
  const view::Assets* assets = nullptr;
  /// The plain-words 404 page, for objects that turn out not to exist or not to be visible.
  std::function<http::Response(http::RequestContext&)> not_found;
  /// Other modules' pages for the organisation's admins, listed on its home page (module::Shared).
  std::vector<module::OrgAdminLink> admin_links;
  /// Other modules' pages for every member (groups...), listed first on its home page (module::Shared).
  std::vector<module::OrgMemberLink> member_links;
  /// Signs in the new account made by accepting an invitation (accounts::pages::open_session).
  accounts::AccountService* accounts = nullptr;
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
using namespace accounts::pages;

/// A role's name in the reader's language ("Facilitator").
std::string role_name(const core::Translator& t, Role r);
/// What a role may do, in a sentence (the hint beside each role in the role radios).
std::string role_hint(const core::Translator& t, Role r);
/// A member type's name in the reader's language ("Unpaid carer").
std::string member_type_name(const core::Translator& t, MemberType type);

/// Organisations (platform admin), an organisation's home, settings and audit log (organisation_pages.cpp).
awaitable<Response> organisations(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> new_organisation(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> create_organisation(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> organisation_home(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> organisation_settings(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_organisation_settings(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> audit_log(http::OrgRequest& req, const PagesDeps& deps);
/// The organisation's logo (logo_pages.cpp).
awaitable<Response> org_logo_form(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_org_logo(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_org_logo(http::OrgRequest& req, const PagesDeps& deps);
/// Invitations (invitation_pages.cpp).
awaitable<Response> invitations(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> new_invitation(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> send_invitation(http::OrgRequest& req, const PagesDeps& deps);
/// Resend or revoke, by the route's name.
awaitable<Response> change_invitation(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> invitation(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> accept_invitation(RequestContext& ctx, const PagesDeps& deps);
/// Open sign-up (join_pages.cpp): the organisations anyone may join (/organisations, public), and /o/{org}/join.
awaitable<Response> open_organisations(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> join_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> join(RequestContext& ctx, const PagesDeps& deps);
}  // namespace pages

}  // namespace roundtable::organisations
