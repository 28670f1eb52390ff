// Your data: download everything Roundtable holds about you, or delete your account.
#include <ctime>

#include "people/pages_common.hpp"
#include "people/people_pages.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"

namespace roundtable::people::pages {

namespace {

using view::Html;

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
  Html h;
  open_column(h);
  view::error_summary(h, t, errors);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("data.delete.title")).raw("</h1>\n");
  if (sole_admin_of) {
    h.raw("<div class=\"govuk-inset-text\">")
        .text(core::format(t("data.delete.last_admin"), {{"org", *sole_admin_of}}))
        .raw("</div>\n");
    h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account\">").text(t("data.back_to_account"));
    h.raw("</a></p>\n");
    close_column(h);
    return respond(ctx, deps, std::string(t("data.delete.title")), h,
                   errors.empty() ? http::Status::ok : http::Status::conflict);
  }
  h.raw("<p class=\"govuk-body\">").text(t("data.delete.p1")).raw("</p>\n");
  h.raw("<ul class=\"govuk-list govuk-list--bullet\">\n");
  for (const char* key : {"data.delete.goes1", "data.delete.goes2", "data.delete.goes3"}) {
    h.raw("<li>").text(t(key)).raw("</li>\n");
  }
  h.raw("</ul>\n<p class=\"govuk-body\">").text(t("data.delete.p2")).raw("</p>\n");
  h.raw("<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>");
  h.raw("<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">")
      .text(t("data.warning"))
      .raw("</span>");
  h.text(t("data.delete.cannot_undo")).raw("</strong></div>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/data\">")
      .text(t("data.delete.download_first"));
  h.raw("</a></p>\n");
  h.raw("<form method=\"post\" action=\"/account/delete\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  view::ChoiceField confirm{.id = "confirm",
                            .name = "confirm",
                            .legend = std::string(t("data.delete.confirm_legend")),
                            .error = std::string(view::error_for(errors, "confirm"))};
  confirm.choices.push_back({"yes", std::string(t("data.delete.confirm")), "", false});
  view::checkboxes(h, t, confirm);
  view::button(h, t("data.delete.button"), "warning");
  h.raw("</form>\n");
  close_column(h);
  return respond_form(ctx, deps, std::string(t("data.delete.title")), h, !errors.empty());
}

}  // namespace

awaitable<Response> account_data(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("data.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("data.lead")).raw("</p>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("data.download.title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("data.download.p1")).raw("</p>\n");
  h.raw("<ul class=\"govuk-list govuk-list--bullet\">\n<li>").text(t("data.download.html")).raw("</li>\n<li>");
  h.text(t("data.download.json")).raw("</li>\n<li>").text(t("data.download.files")).raw("</li>\n</ul>\n");
  h.raw("<form method=\"post\" action=\"/account/data/download\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  view::button(h, t("data.download.button"));
  h.raw("</form>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("data.delete.title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("data.delete.lead")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/delete\">").text(t("data.delete.title"));
  h.raw("</a></p>\n");
  close_column(h);
  co_return respond(ctx, deps, std::string(t("data.title")), h);
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
    co_return delete_page(ctx, deps, sole, {{"confirm", std::string(t("data.delete.error.confirm"))}});
  }
  auto op = deps.service->erase_account(ctx.principal->user_id);
  auto result = co_await std::move(op);
  if (result.outcome == EraseOutcome::last_admin) {
    co_return delete_page(ctx, deps, result.org_name, {{"confirm", std::string(t("data.delete.error.last_admin"))}});
  }
  ctx.sign_out(true);
  co_return http::redirect(ctx.request, "/account-deleted");
}

awaitable<Response> account_deleted(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  Html h;
  open_column(h);
  h.raw("<div class=\"govuk-panel govuk-panel--confirmation\"><h1 class=\"govuk-panel__title\">")
      .text(t("data.deleted.title"))
      .raw("</h1></div>\n");
  h.raw("<p class=\"govuk-body\">").text(t("data.deleted.p1")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\">").text(t("data.deleted.p2")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">").text(t("data.deleted.home")).raw("</a></p>\n");
  close_column(h);
  co_return respond(ctx, deps, std::string(t("data.deleted.title")), h);
}

}  // namespace roundtable::people::pages
