// Your data: download everything Roundtable holds about you, or delete your account.
#include <ctime>

#include "accounts/pages_common.hpp"
#include "privacy/privacy_pages.hpp"
#include "view/govuk/govuk.hpp"
#include "view/govuk/typography.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"

namespace roundtable::privacy::pages {

namespace {

namespace govuk = view::govuk;

std::string today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

/// What the delete form was sent with, to show again when something was wrong (never the password).
struct DeleteForm {
  bool confirmed = false;
  std::string code;
};

Response delete_page(RequestContext& ctx, const PagesDeps& deps, const std::optional<std::string>& sole_admin_of,
                     bool has_password, const DeleteForm& form, const std::vector<view::FieldError>& errors,
                     http::Status status = http::Status::ok) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t("privacy.data.delete.title")));
  page.errors(t, errors);
  auto& h = page.body();
  if (sole_admin_of) {
    govuk::inset_text(h, {.text = core::format(t("privacy.data.delete.last_admin"), {{"org", *sole_admin_of}})});
    govuk::link_paragraph(h, "/account", t("privacy.data.back_to_account"));
    return page.respond(errors.empty() ? http::Status::ok : http::Status::conflict);
  }
  govuk::paragraph(h, t("privacy.data.delete.p1"));
  govuk::list(
      h, {.items = {t("privacy.data.delete.goes1"), t("privacy.data.delete.goes2"), t("privacy.data.delete.goes3")},
          .bullet = true});
  govuk::paragraph(h, t("privacy.data.delete.p2"));
  govuk::warning_text(h, {.text = std::string(t("privacy.data.delete.cannot_undo")),
                          .icon_fallback_text = std::string(t("privacy.data.warning"))});
  govuk::link_paragraph(h, "/account/data", t("privacy.data.delete.download_first"));
  if (!has_password) {
    // Without a password, a code sent to the person's email shows it is them.
    govuk::heading(h, 2, "m", t("privacy.data.delete.code_title"));
    govuk::paragraph(h, t("privacy.data.delete.code_intro"));
    govuk::form_start(h, {.action = "/account/delete/code", .csrf_token = ctx.csrf_token});
    govuk::button(h, {.text = std::string(t("privacy.data.delete.send_code")), .classes = "govuk-button--secondary"});
    govuk::form_end(h);
  }
  govuk::form_start(h, {.action = "/account/delete", .csrf_token = ctx.csrf_token});
  govuk::checkboxes(h, {.name = "confirm",
                        .items = {{.text = std::string(t("privacy.data.delete.confirm")), .value = "yes"}},
                        .values = form.confirmed ? std::vector<std::string>{"yes"} : std::vector<std::string>{},
                        .fieldset = small_legend(std::string(t("privacy.data.delete.confirm_legend"))),
                        .error_message = field_error_message(t, errors, "confirm")});
  if (has_password) {
    govuk::input(h, {.id = "password",
                     .name = "password",
                     .type = "password",
                     .label = small_label(std::string(t("privacy.data.delete.password"))),
                     .hint = {.text = std::string(t("privacy.data.delete.password_hint"))},
                     .error_message = field_error_message(t, errors, "password"),
                     .autocomplete = "current-password"});
  } else {
    govuk::input(h, {.id = "code",
                     .name = "code",
                     .value = form.code,
                     .label = small_label(std::string(t("privacy.data.delete.code"))),
                     .hint = {.text = std::string(t("privacy.data.delete.code_hint"))},
                     .error_message = field_error_message(t, errors, "code"),
                     .classes = "govuk-input--width-10",
                     .autocomplete = "one-time-code",
                     .spellcheck = false});
  }
  govuk::button(h, {.text = std::string(t("privacy.data.delete.button")), .classes = "govuk-button--warning"});
  govuk::form_end(h);
  return page.respond(status);
}

}  // namespace

awaitable<Response> account_data(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t("privacy.data.title")));
  auto& h = page.body();
  govuk::paragraph(h, t("privacy.data.lead"));
  govuk::heading(h, 2, "m", t("privacy.data.download.title"));
  govuk::paragraph(h, t("privacy.data.download.p1"));
  govuk::list(
      h, {.items = {t("privacy.data.download.html"), t("privacy.data.download.json"), t("privacy.data.download.files")},
          .bullet = true});
  govuk::button_form(h, {.form = {.action = "/account/data/download", .csrf_token = ctx.csrf_token},
                         .button = {.text = std::string(t("privacy.data.download.button"))}});
  govuk::heading(h, 2, "m", t("privacy.data.delete.title"));
  govuk::paragraph(h, t("privacy.data.delete.lead"));
  govuk::link_paragraph(h, "/account/delete", t("privacy.data.delete.title"));
  co_return page.respond();
}

awaitable<Response> account_data_download(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->export_data(ctx.principal->user_id, ctx.lang);
  auto zip = co_await std::move(op);
  auto res = http::make_response(ctx.request, http::Status::ok, std::move(zip), "application/zip");
  res.set(boost::beast::http::field::content_disposition,
          "attachment; filename=\"roundtable-data-" + today() + ".zip\"");
  res.set(boost::beast::http::field::cache_control, "no-store");
  co_return res;
}

awaitable<Response> account_delete_form(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->sole_admin_of(ctx.principal->user_id);
  auto sole = co_await std::move(op);
  auto has = deps.accounts->has_password(ctx.principal->user_id);
  const bool has_password = co_await std::move(has);
  co_return delete_page(ctx, deps, sole, has_password, {}, {});
}

awaitable<Response> account_delete_code(RequestContext& ctx, const PagesDeps& deps) {
  // Accounts with a password are asked for it instead.
  auto has = deps.accounts->has_password(ctx.principal->user_id);
  if (co_await std::move(has)) co_return http::redirect(ctx.request, "/account/delete");
  auto op = deps.accounts->send_proof_code(ctx.principal->user_id);
  const bool sent = co_await std::move(op);
  ctx.set_flash(sent ? "privacy.data.delete.code_sent" : "privacy.data.delete.code_not_sent");
  co_return http::redirect(ctx.request, "/account/delete");
}

awaitable<Response> account_delete(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const long long me = ctx.principal->user_id;
  auto sole_op = deps.service->sole_admin_of(me);
  auto sole = co_await std::move(sole_op);
  auto has = deps.accounts->has_password(me);
  const bool has_password = co_await std::move(has);
  const DeleteForm form{.confirmed = ctx.form.value("confirm") == "yes", .code = std::string(ctx.form.value("code"))};
  const std::string proof(ctx.form.value(has_password ? "password" : "code"));
  const char* proof_field = has_password ? "password" : "code";
  std::vector<view::FieldError> errors;
  if (!form.confirmed) errors.push_back({"confirm", std::string(t("privacy.data.delete.error.confirm"))});
  if (sole) {
    co_return delete_page(ctx, deps, sole, has_password, form,
                          {{"confirm", std::string(t("privacy.data.delete.error.last_admin"))}});
  }
  if (proof.empty()) {
    errors.push_back({proof_field, std::string(t(has_password ? "privacy.data.delete.error.password_missing"
                                                              : "privacy.data.delete.error.code_missing"))});
  }
  if (!errors.empty()) co_return delete_page(ctx, deps, sole, has_password, form, errors, http::Status::bad_request);
  // Fresh proof that it is the person, not someone at a computer they left signed in.
  auto check = deps.accounts->check_proof(me, proof, ctx.remote_address);
  switch (co_await std::move(check)) {
    case accounts::ProofOutcome::ok: break;
    case accounts::ProofOutcome::wrong:
      co_return delete_page(ctx, deps, sole, has_password, form,
                            {{proof_field, std::string(t(has_password ? "privacy.data.delete.error.password_wrong"
                                                                      : "privacy.data.delete.error.code_wrong"))}},
                            http::Status::bad_request);
    case accounts::ProofOutcome::too_many:
      co_return delete_page(ctx, deps, sole, has_password, form,
                            {{proof_field, std::string(t("privacy.data.delete.error.too_many"))}},
                            http::Status::too_many_requests);
  }
  auto op = deps.service->erase_account(me);
  auto result = co_await std::move(op);
  if (result.outcome == EraseOutcome::last_admin) {
    co_return delete_page(ctx, deps, result.org_name, has_password, form,
                          {{"confirm", std::string(t("privacy.data.delete.error.last_admin"))}});
  }
  ctx.sign_out(true);
  co_return http::redirect(ctx.request, "/account-deleted");
}

awaitable<Response> account_deleted(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t("privacy.data.deleted.title")));
  page.no_heading();
  auto& h = page.body();
  govuk::panel(h, {.title_text = std::string(t("privacy.data.deleted.title"))});
  govuk::paragraph(h, t("privacy.data.deleted.p1"));
  govuk::paragraph(h, t("privacy.data.deleted.p2"));
  govuk::link_paragraph(h, "/", t("privacy.data.deleted.home"));
  co_return page.respond();
}

}  // namespace roundtable::privacy::pages
