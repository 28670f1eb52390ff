// Two-step sign-in: the second step of signing in, and setting it up, renewing recovery codes and turning it off
// from your account.
#include "http/form.hpp"
#include "people/pages_common.hpp"
#include "people/people_pages.hpp"
#include "security/totp.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"
#include "view/qr_svg.hpp"

namespace roundtable::people::pages {

namespace {

using view::Html;

constexpr std::string_view kChallengeCookie = "rt_two_step";

std::string challenge_token(const RequestContext& ctx) { return sign_in_cookie(ctx, kChallengeCookie); }

void set_challenge_cookie(RequestContext& ctx, std::string_view value, long max_age) {
  set_sign_in_cookie(ctx, kChallengeCookie, value, max_age);
}

void code_field(Html& h, const core::Translator& t, std::string_view label, std::string_view hint,
                std::string_view value, const std::vector<view::FieldError>& errors) {
  view::input(h, t,
              {.id = "code",
               .label = std::string(label),
               .hint = std::string(hint),
               .value = std::string(value),
               .error = std::string(view::error_for(errors, "code")),
               .autocomplete = "one-time-code",
               .input_class = "govuk-input--width-10",
               .spellcheck_off = true});
}

Response challenge_page(RequestContext& ctx, const PagesDeps& deps, std::string_view code,
                        const std::vector<view::FieldError>& errors, http::Status status) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("two_step.challenge_title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("two_step.challenge_lead")).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"/sign-in/two-step\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  code_field(h, t, t("two_step.code"), t("two_step.challenge_hint"), code, errors);
  view::button(h, t("sign_in.button"));
  h.raw("</form>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/sign-in\">").text(t("two_step.start_again"));
  h.raw("</a></p>\n");
  close_column(h);
  return respond(ctx, deps, std::string(t("two_step.challenge_title")), h, status, !errors.empty());
}

/// The recovery codes, shown once (after turning two-step sign-in on, or renewing them).
Response codes_page(RequestContext& ctx, const PagesDeps& deps, const std::vector<std::string>& codes,
                    std::string_view title) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  h.raw("<div class=\"govuk-panel govuk-panel--confirmation\"><h1 class=\"govuk-panel__title\">").text(title);
  h.raw("</h1></div>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("two_step.codes_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("two_step.codes_p1")).raw("</p>\n");
  h.raw("<ul class=\"govuk-list rt-recovery-codes\">\n");
  for (const auto& c : codes) h.raw("<li><code>").text(c).raw("</code></li>\n");
  h.raw("</ul>\n<p class=\"govuk-body\">").text(t("two_step.codes_p2")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/two-step\">").text(t("two_step.codes_done"));
  h.raw("</a></p>\n");
  close_column(h);
  return respond(ctx, deps, std::string(title), h);
}

Response setup_page(RequestContext& ctx, const PagesDeps& deps, const std::string& secret, std::string_view code,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("two_step.setup_title")).raw("</h1>\n");
  const std::string uri = security::otpauth_uri("Roundtable", ctx.principal->email, secret);
  h.raw("<ol class=\"govuk-list govuk-list--number\">\n<li>").text(t("two_step.setup_step1")).raw("</li>\n<li>");
  // A phone scans the QR code; the typed key below it is the way for everyone else.
  h.raw("<p class=\"govuk-body\">").text(t("two_step.setup_scan")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\">").append(view::qr_svg(uri, t("two_step.qr_title"))).raw("</p>\n");
  h.raw("<p class=\"govuk-body\">").text(t("two_step.setup_type_key")).raw("<br>\n<code class=\"rt-secret\">");
  for (size_t i = 0; i < secret.size(); i += 4) {
    if (i) h.raw(" ");
    h.text(secret.substr(i, 4));
  }
  h.raw("</code></p>\n<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"")
      .text(uri)
      .raw("\">")
      .text(t("two_step.setup_open_app"))
      .raw("</a></p></li>\n<li>");
  h.text(t("two_step.setup_step3")).raw("</li>\n</ol>\n");
  h.raw("<form method=\"post\" action=\"/account/two-step/setup\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  code_field(h, t, t("two_step.code"), t("two_step.code_hint"), code, errors);
  view::button(h, t("two_step.setup_button"));
  h.raw("</form>\n");
  close_column(h);
  return respond_form(ctx, deps, std::string(t("two_step.setup_title")), h, !errors.empty());
}

Response status_page(RequestContext& ctx, const PagesDeps& deps, const TwoStepStatus& st, std::string_view banner,
                     std::string_view form_with_error, const std::vector<view::FieldError>& errors,
                     bool required = false) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  if (!banner.empty()) success_banner(h, t, banner);
  if (required && !st.enabled) {
    h.raw("<div class=\"govuk-notification-banner\" role=\"region\" aria-labelledby=\"two-step-required-title\" ");
    h.raw("data-module=\"govuk-notification-banner\">\n<div class=\"govuk-notification-banner__header\">");
    h.raw("<h2 class=\"govuk-notification-banner__title\" id=\"two-step-required-title\">")
        .text(t("two_step.important"));
    h.raw(
        "</h2></div>\n<div class=\"govuk-notification-banner__content\"><p "
        "class=\"govuk-notification-banner__heading\">");
    h.text(t("two_step.required")).raw("</p></div></div>\n");
  }
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("two_step.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("two_step.lead")).raw("</p>\n");
  if (!st.enabled) {
    h.raw("<p class=\"govuk-body\">").text(t("two_step.off_now")).raw("</p>\n");
    h.raw("<p class=\"govuk-body\">").text(t("two_step.need_app")).raw("</p>\n");
    h.raw("<form method=\"post\" action=\"/account/two-step/start\" novalidate>\n");
    view::csrf_field(h, ctx.csrf_token);
    view::button(h, t("two_step.start_button"));
    h.raw("</form>\n");
    close_column(h);
    return respond(ctx, deps, std::string(t("two_step.title")), h);
  }
  h.raw("<p class=\"govuk-body\"><strong>").text(t("two_step.on_now")).raw("</strong></p>\n");
  h.raw("<p class=\"govuk-body\">").text(t.plural("two_step.codes_left", st.recovery_codes_left)).raw("</p>\n");
  const std::vector<view::FieldError> none;
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("two_step.renew_title")).raw("</h2>\n");
  h.raw("<form method=\"post\" action=\"/account/two-step/recovery-codes\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  code_field(h, t, t("two_step.code"), t("two_step.code_hint"), "", form_with_error == "renew" ? errors : none);
  view::button(h, t("two_step.renew_button"), "secondary");
  h.raw("</form>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("two_step.off_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("two_step.off_lead")).raw("</p>\n");
  h.raw("<form method=\"post\" action=\"/account/two-step/off\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  view::input(h, t,
              {.id = "off_code",
               .name = "code",
               .label = std::string(t("two_step.code")),
               .hint = std::string(t("two_step.off_hint")),
               .error = std::string(form_with_error == "off" ? view::error_for(errors, "off_code") : ""),
               .autocomplete = "one-time-code",
               .input_class = "govuk-input--width-10",
               .spellcheck_off = true});
  view::button(h, t("two_step.off_button"), "warning");
  h.raw("</form>\n");
  close_column(h);
  const bool has_errors = !errors.empty();
  return respond(ctx, deps, std::string(t("two_step.title")), h,
                 has_errors ? http::Status::bad_request : http::Status::ok, has_errors);
}

}  // namespace

Response go_to_two_step(RequestContext& ctx, std::string_view token) {
  set_challenge_cookie(ctx, token, 10 * 60);
  return http::redirect(ctx.request, "/sign-in/two-step");
}

awaitable<Response> two_step_challenge_form(RequestContext& ctx, const PagesDeps& deps) {
  if (ctx.principal) co_return http::redirect(ctx.request, "/account");
  if (challenge_token(ctx).empty()) co_return http::redirect(ctx.request, "/sign-in");
  co_return challenge_page(ctx, deps, "", {}, http::Status::ok);
}

awaitable<Response> two_step_challenge(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const std::string code(ctx.form.value("code"));
  auto error = [&](std::string_view key, http::Status status) {
    return challenge_page(ctx, deps, code, {{"code", std::string(t(key))}}, status);
  };
  bool blank = true;
  for (char c : code) blank = blank && (c == ' ');
  if (blank) co_return error("two_step.error.missing", http::Status::bad_request);
  const std::string token = challenge_token(ctx);
  if (token.empty()) co_return error("two_step.error.expired", http::Status::bad_request);
  auto op = deps.service->sign_in_two_step(token, code, ctx.remote_address);
  auto result = co_await std::move(op);
  switch (result.outcome) {
    case TwoStepOutcome::ok: break;
    case TwoStepOutcome::wrong: co_return error("two_step.error.wrong", http::Status::bad_request);
    case TwoStepOutcome::expired: co_return error("two_step.error.expired", http::Status::bad_request);
    case TwoStepOutcome::too_many_for_account:
      co_return error("sign_in.error.too_many_account", http::Status::too_many_requests);
    case TwoStepOutcome::too_many_for_address:
      co_return error("sign_in.error.too_many_address", http::Status::too_many_requests);
  }
  ctx.sign_in(result.user_id);
  if (!ctx.session->lang) ctx.session->lang = result.lang;
  set_challenge_cookie(ctx, "", 0);
  if (result.used_recovery_code) co_return http::redirect(ctx.request, "/account/two-step?recovery_used=1");
  const bool go_next = !result.next.empty() && http::is_local_path(result.next);
  co_return http::redirect(ctx.request, go_next ? result.next : "/account");
}

awaitable<Response> two_step_settings(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->two_step_status(ctx.principal->user_id);
  auto st = co_await std::move(op);
  const auto q = ctx.query_params();
  std::string banner;
  if (q.value("off") == "1") banner = t("two_step.turned_off");
  if (q.value("recovery_used") == "1") banner = t.plural("two_step.recovery_used", st.recovery_codes_left);
  co_return status_page(ctx, deps, st, banner, "", {}, q.value("required") == "1");
}

awaitable<Response> two_step_start(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->start_two_step(ctx.principal->user_id);
  (void)co_await std::move(op);
  co_return http::redirect(ctx.request, "/account/two-step/setup");
}

awaitable<Response> two_step_setup_form(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->two_step_status(ctx.principal->user_id);
  auto st = co_await std::move(op);
  if (!st.pending_secret) co_return http::redirect(ctx.request, "/account/two-step");
  co_return setup_page(ctx, deps, *st.pending_secret, "", {});
}

awaitable<Response> two_step_setup(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const std::string code(ctx.form.value("code"));
  auto op_status = deps.service->two_step_status(ctx.principal->user_id);
  auto st = co_await std::move(op_status);
  if (!st.pending_secret) co_return http::redirect(ctx.request, "/account/two-step");
  auto op = deps.service->confirm_two_step(ctx.principal->user_id, code);
  auto codes = co_await std::move(op);
  if (!codes) {
    const char* key = code.empty() ? "two_step.error.missing_app" : "two_step.error.setup_wrong";
    co_return setup_page(ctx, deps, *st.pending_secret, code, {{"code", std::string(t(key))}});
  }
  co_return codes_page(ctx, deps, *codes, t("two_step.on_title"));
}

awaitable<Response> two_step_recovery_codes(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->new_recovery_codes(ctx.principal->user_id, std::string(ctx.form.value("code")));
  auto codes = co_await std::move(op);
  if (codes.outcome == CodeOutcome::ok) co_return codes_page(ctx, deps, codes.value, t("two_step.renewed_title"));
  auto op_status = deps.service->two_step_status(ctx.principal->user_id);
  auto st = co_await std::move(op_status);
  if (!st.enabled) co_return http::redirect(ctx.request, "/account/two-step");
  const char* key = codes.outcome == CodeOutcome::too_many ? "two_step.error.too_many" : "two_step.error.wrong";
  auto res = status_page(ctx, deps, st, "", "renew", {{"code", std::string(t(key))}});
  if (codes.outcome == CodeOutcome::too_many) res.result(http::Status::too_many_requests);
  co_return res;
}

awaitable<Response> two_step_off(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->turn_off_two_step(ctx.principal->user_id, std::string(ctx.form.value("code")));
  const auto off = co_await std::move(op);
  if (off.outcome == CodeOutcome::ok) co_return http::redirect(ctx.request, "/account/two-step?off=1");
  auto op_status = deps.service->two_step_status(ctx.principal->user_id);
  auto st = co_await std::move(op_status);
  if (!st.enabled) co_return http::redirect(ctx.request, "/account/two-step");
  const char* key =
      off.outcome == CodeOutcome::too_many ? "two_step.error.too_many" : "two_step.error.wrong_or_recovery";
  auto res = status_page(ctx, deps, st, "", "off", {{"off_code", std::string(t(key))}});
  if (off.outcome == CodeOutcome::too_many) res.result(http::Status::too_many_requests);
  co_return res;
}

}  // namespace roundtable::people::pages
