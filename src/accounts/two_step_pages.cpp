// Two-step sign-in: the second step of signing in, and setting it up, renewing recovery codes and turning it off
// from your account.
#include "accounts/account_pages.hpp"
#include "accounts/pages_common.hpp"
#include "accounts/session_start.hpp"
#include "http/form.hpp"
#include "security/totp.hpp"
#include "view/govuk/govuk.hpp"
#include "view/govuk/typography.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"
#include "view/qr_svg.hpp"

namespace roundtable::accounts::pages {

namespace {

using view::Html;
namespace govuk = view::govuk;

constexpr std::string_view kChallengeCookie = "rt_two_step";

std::string challenge_token(const RequestContext& ctx) { return sign_in_cookie(ctx, kChallengeCookie); }

void set_challenge_cookie(RequestContext& ctx, std::string_view value, long max_age) {
  set_sign_in_cookie(ctx, kChallengeCookie, value, max_age);
}

/// The code input of the two-step forms; id "off_code" for turning it off (the field is still named "code").
void code_field(Html& h, const core::Translator& t, std::string_view id, std::string_view hint, std::string_view value,
                const std::vector<view::FieldError>& errors) {
  govuk::input(h, {.id = std::string(id),
                   .name = "code",
                   .value = std::string(value),
                   .label = small_label(std::string(t("accounts.two_step.code"))),
                   .hint = {.text = std::string(hint)},
                   .error_message = field_error_message(t, errors, id),
                   .classes = "govuk-input--width-10",
                   .autocomplete = "one-time-code",
                   .spellcheck = false});
}

Response challenge_page(RequestContext& ctx, const PagesDeps& deps, std::string_view code,
                        const std::vector<view::FieldError>& errors, http::Status status) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t("accounts.two_step.challenge_title")));
  page.errors(t, errors);
  auto& h = page.body();
  govuk::paragraph(h, t("accounts.two_step.challenge_lead"));
  govuk::form_start(h, {.action = "/sign-in/two-step", .csrf_token = ctx.csrf_token});
  code_field(h, t, "code", t("accounts.two_step.challenge_hint"), code, errors);
  govuk::button(h, {.text = std::string(t("accounts.sign_in.button"))});
  govuk::form_end(h);
  govuk::link_paragraph(h, "/sign-in", t("accounts.two_step.start_again"));
  return page.respond(status);
}

/// The recovery codes, shown once (after turning two-step sign-in on, or renewing them).
Response codes_page(RequestContext& ctx, const PagesDeps& deps, const std::vector<std::string>& codes,
                    std::string_view title) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(title));
  page.no_heading();
  auto& h = page.body();
  govuk::panel(h, {.title_text = std::string(title)});
  govuk::heading(h, 2, "m", t("accounts.two_step.codes_title"));
  govuk::paragraph(h, t("accounts.two_step.codes_p1"));
  govuk::List list{.classes = "rt-recovery-codes"};
  list.items.reserve(codes.size());
  for (const auto& c : codes) {
    Html code;
    code.raw("<code>").text(c).raw("</code>");
    list.items.emplace_back(std::move(code));
  }
  govuk::list(h, list);
  govuk::paragraph(h, t("accounts.two_step.codes_p2"));
  govuk::link_paragraph(h, "/account/two-step", t("accounts.two_step.codes_done"));
  return page.respond();
}

Response setup_page(RequestContext& ctx, const PagesDeps& deps, const std::string& secret, std::string_view code,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t("accounts.two_step.setup_title")));
  page.errors(t, errors);
  auto& h = page.body();
  const std::string uri = security::otpauth_uri("Roundtable", ctx.principal->email, secret);
  // Numbered steps (typography's list() writes <ul> only). A phone scans the QR code; the typed key below it is the
  // way for everyone else.
  h.raw("<ol class=\"govuk-list govuk-list--number\">\n<li>")
      .text(t("accounts.two_step.setup_step1"))
      .raw("</li>\n<li>");
  govuk::paragraph(h, t("accounts.two_step.setup_scan"));
  govuk::paragraph(h, view::qr_svg(uri, t("accounts.two_step.qr_title")));
  Html key;
  key.text(t("accounts.two_step.setup_type_key")).raw("<br>\n<code class=\"rt-secret\">");
  for (size_t i = 0; i < secret.size(); i += 4) {
    if (i) key.raw(" ");
    key.text(std::string_view(secret).substr(i, 4));
  }
  key.raw("</code>");
  govuk::paragraph(h, std::move(key));
  govuk::link_paragraph(h, uri, t("accounts.two_step.setup_open_app"));
  h.raw("</li>\n<li>").text(t("accounts.two_step.setup_step3")).raw("</li>\n</ol>\n");
  govuk::form_start(h, {.action = "/account/two-step/setup", .csrf_token = ctx.csrf_token});
  code_field(h, t, "code", t("accounts.two_step.code_hint"), code, errors);
  govuk::button(h, {.text = std::string(t("accounts.two_step.setup_button"))});
  govuk::form_end(h);
  return page.respond();
}

Response status_page(RequestContext& ctx, const PagesDeps& deps, const TwoStepStatus& st, std::string_view banner,
                     std::string_view form_with_error, const std::vector<view::FieldError>& errors,
                     bool required = false) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t("accounts.two_step.title")));
  page.success(banner);
  if (required && !st.enabled) {
    // Above the heading, so the builder's own heading is not used.
    page.no_heading();
    govuk::notification_banner(page.body(), {.text = std::string(t("accounts.two_step.required")),
                                             .title_text = std::string(t("accounts.two_step.important")),
                                             .title_id = "two-step-required-title"});
    govuk::heading(page.body(), 1, "l", t("accounts.two_step.title"));
  }
  page.errors(t, errors);
  auto& h = page.body();
  govuk::paragraph(h, t("accounts.two_step.lead"));
  if (!st.enabled) {
    govuk::paragraph(h, t("accounts.two_step.off_now"));
    govuk::paragraph(h, t("accounts.two_step.need_app"));
    govuk::button_form(h, {.form = {.action = "/account/two-step/start", .csrf_token = ctx.csrf_token},
                           .button = {.text = std::string(t("accounts.two_step.start_button"))}});
    return page.respond();
  }
  Html on;
  on.raw("<strong>").text(t("accounts.two_step.on_now")).raw("</strong>");
  govuk::paragraph(h, std::move(on));
  govuk::paragraph(h, t.plural("accounts.two_step.codes_left", st.recovery_codes_left));
  govuk::heading(h, 2, "m", t("accounts.two_step.renew_title"));
  govuk::form_start(h, {.action = "/account/two-step/recovery-codes", .csrf_token = ctx.csrf_token});
  const std::vector<view::FieldError> none;
  code_field(h, t, "code", t("accounts.two_step.code_hint"), "", form_with_error == "renew" ? errors : none);
  govuk::button(h, {.text = std::string(t("accounts.two_step.renew_button")), .classes = "govuk-button--secondary"});
  govuk::form_end(h);
  govuk::heading(h, 2, "m", t("accounts.two_step.off_title"));
  govuk::paragraph(h, t("accounts.two_step.off_lead"));
  govuk::form_start(h, {.action = "/account/two-step/off", .csrf_token = ctx.csrf_token});
  code_field(h, t, "off_code", t("accounts.two_step.off_hint"), "", form_with_error == "off" ? errors : none);
  govuk::button(h, {.text = std::string(t("accounts.two_step.off_button")), .classes = "govuk-button--warning"});
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

Response go_to_two_step(RequestContext& ctx, std::string_view token) {
  set_challenge_cookie(ctx, token, 10 * 60);
  return http::redirect(ctx.request, "/sign-in/two-step");
}

awaitable<Response> two_step_challenge_form(RequestContext& ctx, const PagesDeps& deps) {
  if (ctx.principal) co_return http::redirect(ctx.request, kAfterSignIn);
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
  if (blank) co_return error("accounts.two_step.error.missing", http::Status::bad_request);
  const std::string token = challenge_token(ctx);
  if (token.empty()) co_return error("accounts.two_step.error.expired", http::Status::bad_request);
  const long long known = deps.service->known_browser_user(sign_in_cookie(ctx, kKnownBrowserCookie));
  auto op = deps.service->sign_in_two_step(token, code, ctx.remote_address, known);
  auto result = co_await std::move(op);
  switch (result.outcome) {
    case TwoStepOutcome::ok: break;
    case TwoStepOutcome::wrong: co_return error("accounts.two_step.error.wrong", http::Status::bad_request);
    case TwoStepOutcome::expired: co_return error("accounts.two_step.error.expired", http::Status::bad_request);
    case TwoStepOutcome::too_many_for_account:
      co_return challenge_page(ctx, deps, code, {{"code", wait_message(t, result.wait_seconds)}},
                               http::Status::too_many_requests);
    case TwoStepOutcome::too_many_for_address:
      co_return error("accounts.sign_in.error.too_many_address", http::Status::too_many_requests);
  }
  set_challenge_cookie(ctx, "", 0);
  auto open = open_session(ctx, *deps.service,
                           {.user_id = result.user_id,
                            .lang = result.lang,
                            .next = result.used_recovery_code ? "/account/two-step?recovery_used=1" : result.next,
                            .passed_second_step = true});
  co_return co_await std::move(open);
}

awaitable<Response> two_step_settings(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->two_step_status(ctx.principal->user_id);
  auto st = co_await std::move(op);
  const auto q = ctx.query_params();
  std::string banner;
  if (q.value("off") == "1") banner = t("accounts.two_step.turned_off");
  if (q.value("recovery_used") == "1") banner = t.plural("accounts.two_step.recovery_used", st.recovery_codes_left);
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
    const char* key = code.empty() ? "accounts.two_step.error.missing_app" : "accounts.two_step.error.setup_wrong";
    co_return setup_page(ctx, deps, *st.pending_secret, code, {{"code", std::string(t(key))}});
  }
  // A code from the app was just typed: this session has passed the second step.
  ctx.session_for_write().second_step = true;
  co_return codes_page(ctx, deps, *codes, t("accounts.two_step.on_title"));
}

awaitable<Response> two_step_recovery_codes(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->new_recovery_codes(ctx.principal->user_id, std::string(ctx.form.value("code")));
  auto codes = co_await std::move(op);
  if (codes.outcome == CodeOutcome::ok)
    co_return codes_page(ctx, deps, codes.value, t("accounts.two_step.renewed_title"));
  auto op_status = deps.service->two_step_status(ctx.principal->user_id);
  auto st = co_await std::move(op_status);
  if (!st.enabled) co_return http::redirect(ctx.request, "/account/two-step");
  const char* key =
      codes.outcome == CodeOutcome::too_many ? "accounts.two_step.error.too_many" : "accounts.two_step.error.wrong";
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
  const char* key = off.outcome == CodeOutcome::too_many ? "accounts.two_step.error.too_many"
                                                         : "accounts.two_step.error.wrong_or_recovery";
  auto res = status_page(ctx, deps, st, "", "off", {{"off_code", std::string(t(key))}});
  if (off.outcome == CodeOutcome::too_many) res.result(http::Status::too_many_requests);
  co_return res;
}

}  // namespace roundtable::accounts::pages
