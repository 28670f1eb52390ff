/// The accounts pages' handlers: sign-in with a password, by email and with a second step, password reset,
/// two-step settings and signing out.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <vector>

#include "accounts/account_service.hpp"
#include "http/types.hpp"
#include "module/module.hpp"
#include "view/layout.hpp"

namespace roundtable::accounts {

/// What the accounts pages need.
struct PagesDeps {
  AccountService* service = nullptr;
  const view::Assets* assets = nullptr;
  /// The plain-words 404 page, for objects that turn out not to exist or not to be visible.
  std::function<http::Response(http::RequestContext&)> not_found;
  /// Other modules' ways in for someone without an account (open organisations to join), on the sign-in page.
  std::vector<module::NewcomerSection> newcomer_sections;
};

namespace pages {
using boost::asio::awaitable;
using http::RequestContext;
using http::Response;

/// Sign-in with a password, password reset and signing out (sign_in_pages.cpp, password_reset_pages.cpp).
awaitable<Response> sign_in_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> sign_in(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> sign_out(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> forgot_password_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> forgot_password(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> reset_password_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> reset_password(RequestContext& ctx, const PagesDeps& deps);
/// Two-step sign-in (two_step_pages.cpp).
awaitable<Response> two_step_challenge_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_challenge(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_settings(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_start(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_setup_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_setup(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_recovery_codes(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> two_step_off(RequestContext& ctx, const PagesDeps& deps);
/// Sign-in by email (email_sign_in_pages.cpp): ask, type the code, or confirm the link.
awaitable<Response> email_sign_in_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> email_sign_in_send(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> email_sign_in_code_form(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> email_sign_in_code(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> email_sign_in_link(RequestContext& ctx, const PagesDeps& deps);
awaitable<Response> email_sign_in_link_confirm(RequestContext& ctx, const PagesDeps& deps);
}  // namespace pages

}  // namespace roundtable::accounts
