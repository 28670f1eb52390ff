#include <string>

#include "accounts/account_form.hpp"
#include "accounts/account_pages.hpp"
#include "accounts/pages_common.hpp"
#include "accounts/session_start.hpp"
#include "view/html.hpp"

namespace roundtable::accounts::pages {

namespace {

using view::Html;
namespace govuk = view::govuk;

Response render_sign_in(RequestContext& ctx, const PagesDeps& deps, const SignInForm& form,
                        const std::vector<view::FieldError>& errors, http::Status status) {
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, std::string(t("accounts.sign_in.title")));
  page.errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("accounts.sign_in.lead"));
  govuk::form_start(h, {.action = "/sign-in", .csrf_token = ctx.csrf_token});
  if (!form.next.empty()) govuk::hidden(h, "next", form.next);
  govuk::input(h, {.id = "email",
                   .name = "email",
                   .type = "email",
                   .value = form.email,
                   .label = small_label(std::string(t("accounts.sign_in.email"))),
                   .error_message = field_error_message(t, errors, "email"),
                   .autocomplete = "email",
                   .spellcheck = false});
  govuk::input(h, {.id = "password",
                   .name = "password",
                   .type = "password",
                   .label = small_label(std::string(t("accounts.sign_in.password"))),
                   .error_message = field_error_message(t, errors, "password"),
                   .autocomplete = "current-password"});
  submit_button(h, t("accounts.sign_in.button"));
  govuk::form_end(h);
  govuk::link_paragraph(h, "/forgot-password", t("accounts.sign_in.forgot"));
  govuk::heading(h, 2, "m", t("accounts.sign_in.email_title"));
  govuk::paragraph(h, t("accounts.sign_in.email_lead"));
  govuk::link_paragraph(h, form.next.empty() ? "/sign-in/email" : "/sign-in/email?next=" + view::url_encode(form.next),
                        t("accounts.sign_in.email_link"));
  govuk::heading(h, 2, "m", t("accounts.sign_in.no_account_title"));
  govuk::paragraph(h, t("accounts.sign_in.no_account"));
  // Organisations anyone may join, from the modules that have them.
  for (const auto& section : deps.newcomer_sections) {
    govuk::heading(h, 2, "m", t(section.title_key));
    govuk::paragraph(h, t(section.lead_key));
    govuk::link_paragraph(h, section.href, t(section.link_key));
  }
  return page.respond(status);
}

}  // namespace

awaitable<Response> sign_in_form(RequestContext& ctx, const PagesDeps& deps) {
  SignInForm form;
  std::string next(ctx.query_params().value("next"));
  if (http::is_local_path(next)) form.next = next;
  if (ctx.principal) co_return http::redirect(ctx.request, form.next.empty() ? std::string(kAfterSignIn) : form.next);
  co_return render_sign_in(ctx, deps, form, {}, http::Status::ok);
}

awaitable<Response> sign_in(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto form = read_sign_in(ctx.form);
  auto problems = check_sign_in(form);
  if (!problems.empty())
    co_return render_sign_in(ctx, deps, form, field_errors(t, problems), http::Status::bad_request);
  const long long known = deps.service->known_browser_user(sign_in_cookie(ctx, kKnownBrowserCookie));
  auto op = deps.service->sign_in_with_password(form.email, form.password, ctx.remote_address, form.next, known);
  auto result = co_await std::move(op);
  switch (result.outcome) {
    case SignInOutcome::ok: break;
    case SignInOutcome::two_step_needed: {
      auto open = open_session(ctx, *deps.service,
                               {.user_id = result.user_id, .next = form.next, .two_step_token = result.two_step_token});
      co_return co_await std::move(open);
    }
    case SignInOutcome::wrong:
      co_return render_sign_in(ctx, deps, form, {{"email", std::string(t("accounts.sign_in.error.wrong"))}},
                               http::Status::bad_request);
    case SignInOutcome::too_many_for_account:
      co_return render_sign_in(ctx, deps, form, {{"email", wait_message(t, result.wait_seconds)}},
                               http::Status::too_many_requests);
    case SignInOutcome::too_many_for_address:
      co_return render_sign_in(ctx, deps, form, {{"email", std::string(t("accounts.sign_in.error.too_many_address"))}},
                               http::Status::too_many_requests);
  }
  auto open = open_session(ctx, *deps.service, {.user_id = result.user_id, .lang = result.lang, .next = form.next});
  co_return co_await std::move(open);
}

awaitable<Response> sign_out(RequestContext& ctx, const PagesDeps& deps) {
  const bool everywhere = ctx.form.value("everywhere") == "yes";
  if (ctx.principal) {
    auto op = deps.service->record_sign_out(ctx.principal->user_id, everywhere);
    co_await std::move(op);
  }
  ctx.sign_out(everywhere);
  ctx.set_flash(everywhere ? "accounts.sign_in.signed_out_everywhere" : "accounts.sign_in.signed_out");
  co_return http::redirect(ctx.request, "/sign-in");
}

}  // namespace roundtable::accounts::pages
