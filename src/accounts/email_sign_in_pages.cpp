// Sign-in by email without a password: ask for an email, type its code, or confirm its link (in the same browser).
#include "accounts/account_pages.hpp"
#include "accounts/pages_common.hpp"
#include "accounts/session_start.hpp"
#include "http/form.hpp"
#include "security/tokens.hpp"
#include "view/govuk/govuk.hpp"
#include "view/govuk/typography.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"

namespace roundtable::accounts::pages {

namespace {

using view::Html;
namespace govuk = view::govuk;

/// The cookie that ties an emailed link and code to the browser that asked for them.
constexpr std::string_view kBrowserCookie = "rt_signin";
constexpr long kBrowserCookieSeconds = 15 * 60;

std::string browser_secret(const RequestContext& ctx) { return sign_in_cookie(ctx, kBrowserCookie); }

void set_browser_cookie(RequestContext& ctx, std::string_view value, long max_age) {
  set_sign_in_cookie(ctx, kBrowserCookie, value, max_age);
}

/// The code input of the "check your email" page.
void code_field(Html& h, const core::Translator& t, std::string_view value,
                const std::vector<view::FieldError>& errors) {
  govuk::input(h, {.id = "code",
                   .name = "code",
                   .inputmode = "numeric",
                   .value = std::string(value),
                   .label = small_label(std::string(t("accounts.email_sign_in.code"))),
                   .hint = {.text = std::string(t("accounts.email_sign_in.code_hint"))},
                   .error_message = field_error_message(t, errors, "code"),
                   .classes = "govuk-input--width-10",
                   .autocomplete = "one-time-code",
                   .spellcheck = false});
}

Response email_page(RequestContext& ctx, const PagesDeps& deps, std::string_view email, std::string_view next,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t("accounts.email_sign_in.title")));
  page.errors(t, errors);
  auto& h = page.body();
  govuk::paragraph(h, t("accounts.email_sign_in.lead"));
  govuk::form_start(h, {.action = "/sign-in/email", .csrf_token = ctx.csrf_token});
  if (!next.empty()) govuk::hidden(h, "next", next);
  govuk::input(h, {.id = "email",
                   .name = "email",
                   .type = "email",
                   .value = std::string(email),
                   .label = small_label(std::string(t("accounts.sign_in.email"))),
                   .error_message = field_error_message(t, errors, "email"),
                   .autocomplete = "email",
                   .spellcheck = false});
  govuk::button(h, {.text = std::string(t("accounts.email_sign_in.send_button"))});
  govuk::form_end(h);
  govuk::link_paragraph(h, "/sign-in", t("accounts.email_sign_in.use_password"));
  return page.respond();
}

Response code_page(RequestContext& ctx, const PagesDeps& deps, std::string_view code,
                   const std::vector<view::FieldError>& errors, http::Status status) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t("accounts.email_sign_in.check_title")));
  page.errors(t, errors);
  auto& h = page.body();
  govuk::paragraph(h, t("accounts.email_sign_in.check_p1"));
  govuk::paragraph(h, t("accounts.email_sign_in.check_p2"));
  govuk::form_start(h, {.action = "/sign-in/code", .csrf_token = ctx.csrf_token});
  code_field(h, t, code, errors);
  govuk::button(h, {.text = std::string(t("accounts.sign_in.button"))});
  govuk::form_end(h);
  govuk::heading(h, 2, "m", t("accounts.email_sign_in.no_email_title"));
  govuk::paragraph(h, t("accounts.email_sign_in.no_email"));
  govuk::link_paragraph(h, "/sign-in/email", t("accounts.email_sign_in.again"));
  return page.respond(status);
}

/// The page behind an emailed link, by what confirming it would do.
Response link_page(RequestContext& ctx, const PagesDeps& deps, EmailSignInOutcome state) {
  auto t = ctx.t();
  const bool ok = state == EmailSignInOutcome::ok;
  const bool other_browser = state == EmailSignInOutcome::other_browser;
  view::PageBuilder page(ctx, *deps.assets,
                         std::string(t(ok              ? "accounts.email_sign_in.link_title"
                                       : other_browser ? "accounts.email_sign_in.other_title"
                                                       : "accounts.email_sign_in.expired_title")));
  auto& h = page.body();
  if (ok) {
    govuk::paragraph(h, t("accounts.email_sign_in.link_body"));
    govuk::button_form(
        h, {.form = {.action = "/sign-in/link/" + std::string(ctx.param("token")), .csrf_token = ctx.csrf_token},
            .button = {.text = std::string(t("accounts.sign_in.button"))}});
    return page.respond();
  }
  if (other_browser) {
    govuk::paragraph(h, t("accounts.email_sign_in.other_p1"));
    govuk::paragraph(h, t("accounts.email_sign_in.other_p2"));
  } else {
    govuk::paragraph(h, t("accounts.email_sign_in.expired_body"));
  }
  govuk::link_paragraph(h, "/sign-in/email", t("accounts.email_sign_in.again"));
  return page.respond(other_browser ? http::Status::conflict : http::Status::gone);
}

/// A right code or link (ok, or two_step_needed with the waiting second step): the request is used up.
awaitable<Response> signed_in(RequestContext& ctx, const PagesDeps& deps, EmailSignInResult result) {
  set_browser_cookie(ctx, "", 0);
  auto open = open_session(
      ctx, *deps.service,
      {.user_id = result.user_id, .lang = result.lang, .next = result.next, .two_step_token = result.two_step_token});
  co_return co_await std::move(open);
}

}  // namespace

awaitable<Response> email_sign_in_form(RequestContext& ctx, const PagesDeps& deps) {
  std::string next(ctx.query_params().value("next"));
  if (!http::is_local_path(next)) next.clear();
  if (ctx.principal) co_return http::redirect(ctx.request, next.empty() ? std::string(kAfterSignIn) : next);
  co_return email_page(ctx, deps, "", next, {});
}

awaitable<Response> email_sign_in_send(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const std::string typed(ctx.form.value("email"));
  std::string next(ctx.form.value("next"));
  if (!http::is_local_path(next)) next.clear();
  const std::string email = normalise_email(typed);
  std::vector<view::FieldError> errors;
  if (auto p = check_email(email)) errors = field_errors(t, {*p});
  if (!errors.empty()) co_return email_page(ctx, deps, typed, next, errors);
  std::string secret = browser_secret(ctx);
  if (secret.empty()) secret = security::random_token(24);
  auto op = deps.service->request_email_sign_in(email, secret, next);
  co_await std::move(op);
  set_browser_cookie(ctx, secret, kBrowserCookieSeconds);
  co_return http::redirect(ctx.request, "/sign-in/code");
}

awaitable<Response> email_sign_in_code_form(RequestContext& ctx, const PagesDeps& deps) {
  if (ctx.principal) co_return http::redirect(ctx.request, kAfterSignIn);
  // Without the cookie there is nothing this browser could sign in with: start again.
  if (browser_secret(ctx).empty()) co_return http::redirect(ctx.request, "/sign-in/email");
  co_return code_page(ctx, deps, "", {}, http::Status::ok);
}

awaitable<Response> email_sign_in_code(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const std::string typed(ctx.form.value("code"));
  std::string digits;
  bool other = false;
  for (char c : typed) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '-') {
      other = true;
    }
  }
  auto error = [&](std::string_view key, http::Status status) {
    return code_page(ctx, deps, typed, {{"code", std::string(t(key))}}, status);
  };
  if (digits.empty() && !other) co_return error("accounts.email_sign_in.error.code_missing", http::Status::bad_request);
  if (other || digits.size() != 6)
    co_return error("accounts.email_sign_in.error.code_format", http::Status::bad_request);
  const std::string secret = browser_secret(ctx);
  if (secret.empty()) co_return error("accounts.email_sign_in.error.code_wrong", http::Status::bad_request);
  const long long known = deps.service->known_browser_user(sign_in_cookie(ctx, kKnownBrowserCookie));
  auto op = deps.service->sign_in_with_code(digits, secret, ctx.remote_address, known);
  auto result = co_await std::move(op);
  switch (result.outcome) {
    case EmailSignInOutcome::ok:
    case EmailSignInOutcome::two_step_needed: {
      auto open = signed_in(ctx, deps, result);
      co_return co_await std::move(open);
    }
    case EmailSignInOutcome::too_many_for_account:
      co_return code_page(ctx, deps, typed, {{"code", wait_message(t, result.wait_seconds)}},
                          http::Status::too_many_requests);
    case EmailSignInOutcome::too_many_for_address:
      co_return error("accounts.sign_in.error.too_many_address", http::Status::too_many_requests);
    default:
      // One message for a wrong code and for no request at all, so the page does not tell whether an account exists.
      co_return error("accounts.email_sign_in.error.code_wrong", http::Status::bad_request);
  }
}

awaitable<Response> email_sign_in_link(RequestContext& ctx, const PagesDeps& deps) {
  if (ctx.principal) co_return http::redirect(ctx.request, kAfterSignIn);
  auto op = deps.service->check_sign_in_link(std::string(ctx.param("token")), browser_secret(ctx));
  co_return link_page(ctx, deps, co_await std::move(op));
}

awaitable<Response> email_sign_in_link_confirm(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->sign_in_with_link(std::string(ctx.param("token")), browser_secret(ctx));
  auto result = co_await std::move(op);
  if (result.outcome == EmailSignInOutcome::ok || result.outcome == EmailSignInOutcome::two_step_needed) {
    auto open = signed_in(ctx, deps, result);
    co_return co_await std::move(open);
  }
  co_return link_page(ctx, deps, result.outcome);
}

}  // namespace roundtable::accounts::pages
