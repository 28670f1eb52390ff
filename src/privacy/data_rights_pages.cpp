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

Response delete_page(RequestContext& ctx, const PagesDeps& deps, const std::optional<std::string>& sole_admin_of,
                     const std::vector<view::FieldError>& errors) {
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
  govuk::form_start(h, {.action = "/account/delete", .csrf_token = ctx.csrf_token});
  govuk::checkboxes(h, {.name = "confirm",
                        .items = {{.text = std::string(t("privacy.data.delete.confirm")), .value = "yes"}},
                        .fieldset = small_legend(std::string(t("privacy.data.delete.confirm_legend"))),
                        .error_message = field_error_message(t, errors, "confirm")});
  govuk::button(h, {.text = std::string(t("privacy.data.delete.button")), .classes = "govuk-button--warning"});
  govuk::form_end(h);
  return page.respond();
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
  co_return delete_page(ctx, deps, co_await std::move(op), {});
}

awaitable<Response> account_delete(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  if (ctx.form.value("confirm") != "yes") {
    auto op = deps.service->sole_admin_of(ctx.principal->user_id);
    auto sole = co_await std::move(op);
    co_return delete_page(ctx, deps, sole, {{"confirm", std::string(t("privacy.data.delete.error.confirm"))}});
  }
  auto op = deps.service->erase_account(ctx.principal->user_id);
  auto result = co_await std::move(op);
  if (result.outcome == EraseOutcome::last_admin) {
    co_return delete_page(ctx, deps, result.org_name,
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
