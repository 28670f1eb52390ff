// Sign-in by email without a password: ask for an email, type its code, or confirm its link (in the same browser).
#include "http/form.hpp"
#include "people/pages_common.hpp"
#include "people/people_pages.hpp"
#include "security/tokens.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"

namespace roundtable::people::pages {

namespace {

using view::Html;

/// The cookie that ties an emailed link and code to the browser that asked for them.
constexpr std::string_view kBrowserCookie = "rt_signin";
constexpr long kBrowserCookieSeconds = 15 * 60;

std::string browser_secret(const RequestContext& ctx) { return sign_in_cookie(ctx, kBrowserCookie); }

void set_browser_cookie(RequestContext& ctx, std::string_view value, long max_age) {
  set_sign_in_cookie(ctx, kBrowserCookie, value, max_age);
}

void next_field(Html& h, std::string_view next) {
  if (!next.empty()) h.raw("<input type=\"hidden\" name=\"next\" value=\"").text(next).raw("\">\n");
}

Response email_page(RequestContext& ctx, const PagesDeps& deps, std::string_view email, std::string_view next,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("email_sign_in.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("email_sign_in.lead")).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"/sign-in/email\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  next_field(h, next);
  view::input(h, t,
              {.id = "email",
               .label = std::string(t("sign_in.email")),
               .value = std::string(email),
               .error = std::string(view::error_for(errors, "email")),
               .type = "email",
               .autocomplete = "email",
               .spellcheck_off = true});
  view::button(h, t("email_sign_in.send_button"));
  h.raw("</form>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/sign-in\">").text(t("email_sign_in.use_password"));
  h.raw("</a></p>\n");
  close_column(h);
  return respond_form(ctx, deps, std::string(t("email_sign_in.title")), h, !errors.empty());
}

Response code_page(RequestContext& ctx, const PagesDeps& deps, std::string_view code,
                   const std::vector<view::FieldError>& errors, http::Status status) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("email_sign_in.check_title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("email_sign_in.check_p1")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\">").text(t("email_sign_in.check_p2")).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"/sign-in/code\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  view::input(h, t,
              {.id = "code",
               .label = std::string(t("email_sign_in.code")),
               .hint = std::string(t("email_sign_in.code_hint")),
               .value = std::string(code),
               .error = std::string(view::error_for(errors, "code")),
               .autocomplete = "one-time-code",
               .input_class = "govuk-input--width-10",
               .spellcheck_off = true,
               .inputmode = "numeric"});
  view::button(h, t("sign_in.button"));
  h.raw("</form>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("email_sign_in.no_email_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("email_sign_in.no_email")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/sign-in/email\">").text(t("email_sign_in.again"));
  h.raw("</a></p>\n");
  close_column(h);
  const bool has_errors = !errors.empty();
  return respond(ctx, deps, std::string(t("email_sign_in.check_title")), h, status, has_errors);
}

/// The page behind an emailed link, by what confirming it would do.
Response link_page(RequestContext& ctx, const PagesDeps& deps, EmailSignInOutcome state) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  std::string title;
  auto status = http::Status::ok;
  if (state == EmailSignInOutcome::ok) {
    title = t("email_sign_in.link_title");
    h.raw("<h1 class=\"govuk-heading-l\">").text(title).raw("</h1>\n");
    h.raw("<p class=\"govuk-body\">").text(t("email_sign_in.link_body")).raw("</p>\n");
    h.raw("<form method=\"post\" action=\"/sign-in/link/").text(ctx.param("token")).raw("\" novalidate>\n");
    view::csrf_field(h, ctx.csrf_token);
    view::button(h, t("sign_in.button"));
    h.raw("</form>\n");
  } else if (state == EmailSignInOutcome::other_browser) {
    title = t("email_sign_in.other_title");
    h.raw("<h1 class=\"govuk-heading-l\">").text(title).raw("</h1>\n");
    h.raw("<p class=\"govuk-body\">").text(t("email_sign_in.other_p1")).raw("</p>\n");
    h.raw("<p class=\"govuk-body\">").text(t("email_sign_in.other_p2")).raw("</p>\n");
    h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/sign-in/email\">").text(t("email_sign_in.again"));
    h.raw("</a></p>\n");
    status = http::Status::conflict;
  } else {
    title = t("email_sign_in.expired_title");
    h.raw("<h1 class=\"govuk-heading-l\">").text(title).raw("</h1>\n");
    h.raw("<p class=\"govuk-body\">").text(t("email_sign_in.expired_body")).raw("</p>\n");
    h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/sign-in/email\">").text(t("email_sign_in.again"));
    h.raw("</a></p>\n");
    status = http::Status::gone;
  }
  close_column(h);
  return respond(ctx, deps, title, h, status);
}

Response signed_in(RequestContext& ctx, const EmailSignInResult& result) {
  ctx.sign_in(result.user_id);
  if (!ctx.session->lang) ctx.session->lang = result.lang;
  set_browser_cookie(ctx, "", 0);
  const bool go_next = !result.next.empty() && http::is_local_path(result.next);
  return http::redirect(ctx.request, go_next ? result.next : "/account");
}

}  // namespace

awaitable<Response> email_sign_in_form(RequestContext& ctx, const PagesDeps& deps) {
  std::string next(ctx.query_params().value("next"));
  if (!http::is_local_path(next)) next.clear();
  if (ctx.principal) co_return http::redirect(ctx.request, next.empty() ? "/account" : next);
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
  if (ctx.principal) co_return http::redirect(ctx.request, "/account");
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
  if (digits.empty() && !other) co_return error("email_sign_in.error.code_missing", http::Status::bad_request);
  if (other || digits.size() != 6) co_return error("email_sign_in.error.code_format", http::Status::bad_request);
  const std::string secret = browser_secret(ctx);
  if (secret.empty()) co_return error("email_sign_in.error.code_wrong", http::Status::bad_request);
  auto op = deps.service->sign_in_with_code(digits, secret, ctx.remote_address);
  auto result = co_await std::move(op);
  switch (result.outcome) {
    case EmailSignInOutcome::ok: co_return signed_in(ctx, result);
    case EmailSignInOutcome::two_step_needed:
      set_browser_cookie(ctx, "", 0);
      co_return go_to_two_step(ctx, result.two_step_token);
    case EmailSignInOutcome::too_many_for_account:
      co_return error("sign_in.error.too_many_account", http::Status::too_many_requests);
    case EmailSignInOutcome::too_many_for_address:
      co_return error("sign_in.error.too_many_address", http::Status::too_many_requests);
    default:
      // One message for a wrong code and for no request at all, so the page does not tell whether an account exists.
      co_return error("email_sign_in.error.code_wrong", http::Status::bad_request);
  }
}

awaitable<Response> email_sign_in_link(RequestContext& ctx, const PagesDeps& deps) {
  if (ctx.principal) co_return http::redirect(ctx.request, "/account");
  auto op = deps.service->check_sign_in_link(std::string(ctx.param("token")), browser_secret(ctx));
  co_return link_page(ctx, deps, co_await std::move(op));
}

awaitable<Response> email_sign_in_link_confirm(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->sign_in_with_link(std::string(ctx.param("token")), browser_secret(ctx));
  auto result = co_await std::move(op);
  if (result.outcome == EmailSignInOutcome::ok) co_return signed_in(ctx, result);
  if (result.outcome == EmailSignInOutcome::two_step_needed) {
    set_browser_cookie(ctx, "", 0);
    co_return go_to_two_step(ctx, result.two_step_token);
  }
  co_return link_page(ctx, deps, result.outcome);
}

}  // namespace roundtable::people::pages
