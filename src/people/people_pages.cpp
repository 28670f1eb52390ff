#include "people/people_pages.hpp"

#include <string>

#include "people/pages_common.hpp"
#include "people/people_form.hpp"
#include "view/html.hpp"

namespace roundtable::people::pages {

namespace {

using view::Html;
namespace govuk = view::govuk;

Response render_sign_in(RequestContext& ctx, const PagesDeps& deps, const SignInForm& form,
                        const std::vector<view::FieldError>& errors, http::Status status) {
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, std::string(t("sign_in.title")));
  page.errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("sign_in.lead"));
  govuk::form_start(h, {.action = "/sign-in", .csrf_token = ctx.csrf_token});
  if (!form.next.empty()) govuk::hidden(h, "next", form.next);
  govuk::input(h, {.id = "email",
                   .name = "email",
                   .type = "email",
                   .value = form.email,
                   .label = small_label(std::string(t("sign_in.email"))),
                   .error_message = field_error_message(t, errors, "email"),
                   .autocomplete = "email",
                   .spellcheck = false});
  govuk::input(h, {.id = "password",
                   .name = "password",
                   .type = "password",
                   .label = small_label(std::string(t("sign_in.password"))),
                   .error_message = field_error_message(t, errors, "password"),
                   .autocomplete = "current-password"});
  submit_button(h, t("sign_in.button"));
  govuk::form_end(h);
  govuk::link_paragraph(h, "/forgot-password", t("sign_in.forgot"));
  govuk::heading(h, 2, "m", t("sign_in.email_title"));
  govuk::paragraph(h, t("sign_in.email_lead"));
  govuk::link_paragraph(h, form.next.empty() ? "/sign-in/email" : "/sign-in/email?next=" + view::url_encode(form.next),
                        t("sign_in.email_link"));
  govuk::heading(h, 2, "m", t("sign_in.no_account_title"));
  govuk::paragraph(h, t("sign_in.no_account"));
  return page.respond(status);
}

}  // namespace

awaitable<Response> sign_in_form(RequestContext& ctx, const PagesDeps& deps) {
  SignInForm form;
  std::string next(ctx.query_params().value("next"));
  if (http::is_local_path(next)) form.next = next;
  if (ctx.principal) co_return http::redirect(ctx.request, form.next.empty() ? "/account" : form.next);
  co_return render_sign_in(ctx, deps, form, {}, http::Status::ok);
}

awaitable<Response> sign_in(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto form = read_sign_in(ctx.form);
  auto problems = check_sign_in(form);
  if (!problems.empty())
    co_return render_sign_in(ctx, deps, form, field_errors(t, problems), http::Status::bad_request);
  auto op = deps.service->sign_in_with_password(form.email, form.password, ctx.remote_address, form.next);
  auto result = co_await std::move(op);
  switch (result.outcome) {
    case SignInOutcome::ok: break;
    case SignInOutcome::two_step_needed: co_return go_to_two_step(ctx, result.two_step_token);
    case SignInOutcome::wrong:
      co_return render_sign_in(ctx, deps, form, {{"email", std::string(t("sign_in.error.wrong"))}},
                               http::Status::bad_request);
    case SignInOutcome::too_many_for_account:
      co_return render_sign_in(ctx, deps, form, {{"email", std::string(t("sign_in.error.too_many_account"))}},
                               http::Status::too_many_requests);
    case SignInOutcome::too_many_for_address:
      co_return render_sign_in(ctx, deps, form, {{"email", std::string(t("sign_in.error.too_many_address"))}},
                               http::Status::too_many_requests);
  }
  ctx.sign_in(result.user_id);
  // Pages follow the person's preferred language unless they chose one with the switcher in this browser.
  if (!ctx.session->lang) ctx.session->lang = result.lang;
  co_return http::redirect(ctx.request, form.next.empty() ? "/account" : form.next);
}

namespace {

Response forgot_page(RequestContext& ctx, const PagesDeps& deps, const std::string& email,
                     const std::vector<view::FieldError>& errors, bool sent) {
  auto t = ctx.t();
  if (sent) {
    auto page = page_builder(ctx, deps, std::string(t("reset.sent_title")));
    Html& h = page.body();
    govuk::paragraph(h, core::format(t("reset.sent_body"), {{"email", email}}));
    govuk::paragraph(h, t("reset.sent_next"));
    govuk::link_paragraph(h, "/sign-in", t("reset.back_to_sign_in"));
    return page.respond();
  }
  auto page = page_builder(ctx, deps, std::string(t("reset.title")));
  page.errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("reset.lead"));
  govuk::form_start(h, {.action = "/forgot-password", .csrf_token = ctx.csrf_token});
  govuk::input(h, {.id = "email",
                   .name = "email",
                   .type = "email",
                   .value = email,
                   .label = small_label(std::string(t("sign_in.email"))),
                   .error_message = field_error_message(t, errors, "email"),
                   .autocomplete = "email",
                   .spellcheck = false});
  submit_button(h, t("reset.send_button"));
  govuk::form_end(h);
  return page.respond();
}

Response reset_page(RequestContext& ctx, const PagesDeps& deps, const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, std::string(t("reset.new_title")));
  page.errors(t, errors);
  Html& h = page.body();
  govuk::form_start(h, {.action = "/reset-password/" + std::string(ctx.param("token")), .csrf_token = ctx.csrf_token});
  new_password_fields(h, t, t("reset.new_password"), errors);
  submit_button(h, t("reset.save_button"));
  govuk::form_end(h);
  return page.respond();
}

/// A link that is unknown, used or too old: say so, and how to get a new one.
Response expired_link_page(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, std::string(t("reset.expired_title")));
  govuk::paragraph(page.body(), t("reset.expired_body"));
  govuk::link_paragraph(page.body(), "/forgot-password", t("reset.expired_next"));
  return page.respond(http::Status::gone);
}

}  // namespace

awaitable<Response> forgot_password_form(RequestContext& ctx, const PagesDeps& deps) {
  co_return forgot_page(ctx, deps, "", {}, false);
}

awaitable<Response> forgot_password(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  std::string email = normalise_email(ctx.form.value("email"));
  std::vector<view::FieldError> errors;
  if (auto p = check_email(email)) errors = field_errors(t, {*p});
  if (!errors.empty()) co_return forgot_page(ctx, deps, std::string(ctx.form.value("email")), errors, false);
  auto op = deps.service->request_password_reset(email);
  co_await std::move(op);
  co_return forgot_page(ctx, deps, email, {}, true);
}

awaitable<Response> reset_password_form(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->password_reset_user(std::string(ctx.param("token")));
  auto user = co_await std::move(op);
  if (!user) co_return expired_link_page(ctx, deps);
  co_return reset_page(ctx, deps, {});
}

awaitable<Response> reset_password(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const std::string token(ctx.param("token"));
  auto check = deps.service->password_reset_user(token);
  auto user = co_await std::move(check);
  if (!user) co_return expired_link_page(ctx, deps);
  auto load = deps.service->person(*user);
  auto person = co_await std::move(load);
  auto problems = check_new_password(ctx.form.value("password"), ctx.form.value("confirm_password"),
                                     person ? person->user.email : std::string());
  if (!problems.empty()) co_return reset_page(ctx, deps, field_errors(t, problems));
  auto op = deps.service->reset_password(token, std::string(ctx.form.value("password")));
  auto done = co_await std::move(op);
  if (!done.user_id) co_return expired_link_page(ctx, deps);
  ctx.set_flash("reset.changed");
  if (!done.two_step_token.empty()) co_return go_to_two_step(ctx, done.two_step_token);
  ctx.sign_in(*done.user_id);
  co_return http::redirect(ctx.request, "/account");
}

awaitable<Response> sign_out(RequestContext& ctx, const PagesDeps& deps) {
  const bool everywhere = ctx.form.value("everywhere") == "yes";
  if (ctx.principal) {
    auto op = deps.service->record_sign_out(ctx.principal->user_id, everywhere);
    co_await std::move(op);
  }
  ctx.sign_out(everywhere);
  ctx.set_flash(everywhere ? "sign_in.signed_out_everywhere" : "sign_in.signed_out");
  co_return http::redirect(ctx.request, "/sign-in");
}

awaitable<Response> account(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  // The person and their memberships came with the session (ctx.principal); the profile is the page's one read.
  const http::Principal& person = *ctx.principal;
  auto page = page_builder(ctx, deps, std::string(t("account.title")));
  Html& h = page.body();
  govuk::paragraph(h, core::format(t("account.signed_in_as"), {{"email", person.email}}));
  auto op_profile = deps.service->profile(ctx.principal->user_id);
  auto profile = co_await std::move(op_profile);
  profile_cards(h, t, *profile);
  for (const auto& section : deps.account_sections) {
    govuk::heading(h, 2, "m", t(section.title_key));
    govuk::paragraph(h, t(section.lead_key));
    govuk::link_paragraph(h, section.href, t(section.link_key));
  }
  govuk::heading(h, 2, "m", t("account.organisations"));
  if (person.memberships.empty()) {
    govuk::paragraph(h, t("account.no_organisations"));
  } else {
    govuk::List orgs;
    for (auto& m : person.memberships) {
      Html item;
      govuk::link(item, "/o/" + m.org_slug, m.org_name);
      item.text(" – ").text(role_name(t, m.role));
      orgs.items.emplace_back(std::move(item));
    }
    govuk::list(h, orgs);
  }
  if (person.platform_admin) {
    govuk::heading(h, 2, "m", t("account.platform_title"));
    govuk::link_paragraph(h, "/admin/organisations", t("account.manage_organisations"));
  }
  govuk::heading(h, 2, "m", t("two_step.title"));
  govuk::link_paragraph(h, "/account/two-step", t("account.two_step_link"));
  govuk::heading(h, 2, "m", t("data.title"));
  govuk::link_paragraph(h, "/account/data", t("account.data_link"));
  govuk::heading(h, 2, "m", t("account.sign_out_title"));
  govuk::paragraph(h, t("account.sign_out_everywhere_lead"));
  govuk::button_form(
      h, {.form = {.action = "/sign-out", .csrf_token = ctx.csrf_token},
          .hidden = {{"everywhere", "yes"}},
          .button = {.text = std::string(t("account.sign_out_everywhere")), .classes = "govuk-button--secondary"}});
  co_return page.respond();
}

}  // namespace roundtable::people::pages
