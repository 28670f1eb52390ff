/// The profiles pages' handlers: the account page, the person's own profile (about you, what you bring, what you
/// need, how to reach you, photo), a member's page as others in the organisation see it (with managing their
/// membership for organisation admins) and the member directory.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <vector>

#include "accounts/pages_common.hpp"
#include "http/types.hpp"
#include "module/module.hpp"
#include "organisations/organisation_pages.hpp"
#include "organisations/organisation_service.hpp"
#include "profiles/profile_service.hpp"
#include "view/layout.hpp"

namespace roundtable::profiles {

using organisations::guard;
using organisations::may;
namespace policy = organisations::policy;

/// What the profiles pages need.
struct PagesDeps {
  ProfileService* service = nullptr;
  /// Memberships: an organisation admin changes a member's role or removes them from the member's page.
  organisations::OrganisationService* organisations = nullptr;
  const view::Assets* assets = nullptr;
  /// The plain-words 404 page, for objects that turn out not to exist or not to be visible.
  std::function<http::Response(http::RequestContext&)> not_found;
  /// Whether the viewer (first) may see the About Me page of the subject (second) and it has something on it.
  /// Unset: member pages do not link to About Me pages.
  std::function<boost::asio::awaitable<bool>(long long, long long)> about_me_visible;
  /// Other modules' sections of the account page (module::Module::account_sections), in module order.
  std::vector<module::AccountSection> account_sections;
};

namespace pages {
using boost::asio::awaitable;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;
using organisations::pages::member_type_name;
using organisations::pages::role_hint;
using organisations::pages::role_name;

/// The account page (account_pages.cpp).
awaitable<Response> account(RequestContext& ctx, const PagesDeps& deps);
/// The person's own profile (profile_pages.cpp).
awaitable<Response> about_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_about(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> bring_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_bring(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> needs_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_needs(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> contact_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_contact(RequestContext& ctx, const PagesDeps& deps);
/// The person's photo (photo_pages.cpp).
awaitable<Response> photo_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> save_photo(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> remove_photo(RequestContext& ctx, const PagesDeps& deps);
/// A member's page, and managing their membership (member_pages.cpp).
awaitable<Response> member_page(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> change_member_role(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_member_form(http::OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_member(http::OrgRequest& req, const PagesDeps& deps);
/// The member directory (directory_pages.cpp).
awaitable<Response> directory(http::OrgRequest& req, const PagesDeps& deps);
}  // namespace pages

}  // namespace roundtable::profiles
