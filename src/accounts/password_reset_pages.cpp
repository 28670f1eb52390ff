/// Forgotten passwords: asking for a reset link, and setting a new password with it.
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

Response forgot_page(RequestContext& ctx, const PagesDeps& deps, const std::string& email,
                     const std::vector<view::FieldError>& errors, bool sent) {
  auto t = ctx.t();
  if (sent) {
    auto page = page_builder(ctx, deps, std::string(t("accounts.reset.sent_title")));
    Html& h = page.body();
    govuk::paragraph(h, core::format(t("accounts.reset.sent_body"), {{"email", email}}));
    govuk::paragraph(h, t("accounts.reset.sent_next"));
    govuk::link_paragraph(h, "/sign-in", t("accounts.reset.back_to_sign_in"));
    return page.respond();
  }
  auto page = page_builder(ctx, deps, std::string(t("accounts.reset.title")));
  page.errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("accounts.reset.lead"));
  govuk::form_start(h, {.action = "/forgot-password", .csrf_token = ctx.csrf_token});
  govuk::input(h, {.id = "email",
                   .name = "email",
                   .type = "email",
                   .value = email,
                   .label = small_label(std::string(t("accounts.sign_in.email"))),
                   .error_message = field_error_message(t, errors, "email"),
                   .autocomplete = "email",
                   .spellcheck = false});
  submit_button(h, t("accounts.reset.send_button"));
  govuk::form_end(h);
  return page.respond();
}

Response reset_page(RequestContext& ctx, const PagesDeps& deps, const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, std::string(t("accounts.reset.new_title")));
  page.errors(t, errors);
  Html& h = page.body();
  govuk::form_start(h, {.action = "/reset-password/" + std::string(ctx.param("token")), .csrf_token = ctx.csrf_token});
  new_password_fields(h, t, t("accounts.reset.new_password"), errors);
  submit_button(h, t("accounts.reset.save_button"));
  govuk::form_end(h);
  return page.respond();
}

/// A link that is unknown, used or too old: say so, and how to get a new one.
Response expired_link_page(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, std::string(t("accounts.reset.expired_title")));
  govuk::paragraph(page.body(), t("accounts.reset.expired_body"));
  govuk::link_paragraph(page.body(), "/forgot-password", t("accounts.reset.expired_next"));
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
  auto load = deps.service->user(*user);
  auto account = co_await std::move(load);
  auto problems = check_new_password(ctx.form.value("password"), ctx.form.value("confirm_password"),
                                     account ? account->email : std::string());
  if (!problems.empty()) co_return reset_page(ctx, deps, field_errors(t, problems));
  auto op = deps.service->reset_password(token, std::string(ctx.form.value("password")));
  auto done = co_await std::move(op);
  if (!done.user_id) co_return expired_link_page(ctx, deps);
  ctx.set_flash("accounts.reset.changed");
  auto open = open_session(ctx, *deps.service, {.user_id = *done.user_id, .two_step_token = done.two_step_token});
  co_return co_await std::move(open);
}

}  // namespace roundtable::accounts::pages
