#include <string>
#include <variant>

#include "people/pages_common.hpp"
#include "people/people_pages.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"

namespace roundtable::people::pages {

namespace {

using view::Html;

Response photo_page(RequestContext& ctx, const PagesDeps& deps, const Profile& p,
                    const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  Html h;
  h.raw("<a href=\"/account\" class=\"govuk-back-link\">").text(t("profile.back")).raw("</a>\n");
  open_column(h);
  view::error_summary(h, t, errors);
  if (ctx.query_params().value("removed") == "1") success_banner(h, t, t("photo.removed"));
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("photo.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("photo.lead")).raw("</p>\n");
  if (!p.photo_url.empty()) {
    h.raw("<img class=\"rt-profile-photo govuk-!-margin-bottom-4\" src=\"").text(p.photo_url).raw("\" alt=\"");
    h.text(t("photo.yours_alt")).raw("\">\n");
  }
  h.raw("<form method=\"post\" action=\"/account/photo\" enctype=\"multipart/form-data\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  const std::string error(view::error_for(errors, "photo"));
  h.raw("<div class=\"govuk-form-group").raw(error.empty() ? "" : " govuk-form-group--error").raw("\">\n");
  h.raw("<label class=\"govuk-label govuk-label--s\" for=\"photo\">");
  h.text(t(p.photo_url.empty() ? "photo.choose" : "photo.choose_new")).raw("</label>\n");
  h.raw("<div id=\"photo-hint\" class=\"govuk-hint\">").text(t("photo.hint")).raw("</div>\n");
  if (!error.empty()) {
    h.raw("<p id=\"photo-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">");
    h.text(t("form.error_prefix")).raw("</span> ").text(error).raw("</p>\n");
  }
  h.raw("<input class=\"govuk-file-upload").raw(error.empty() ? "" : " govuk-file-upload--error");
  h.raw("\" id=\"photo\" name=\"photo\" type=\"file\" accept=\"image/jpeg,image/png,image/gif,image/webp\"");
  h.raw(" aria-describedby=\"photo-hint").raw(error.empty() ? "" : " photo-error").raw("\">\n</div>\n");
  view::button(h, t("photo.save"));
  h.raw("</form>\n");
  if (!p.photo_url.empty()) {
    h.raw("<h2 class=\"govuk-heading-m\">").text(t("photo.remove_title")).raw("</h2>\n");
    h.raw("<form method=\"post\" action=\"/account/photo/remove\" novalidate>\n");
    view::csrf_field(h, ctx.csrf_token);
    view::button(h, t("photo.remove"), "warning");
    h.raw("</form>\n");
  }
  close_column(h);
  return respond_form(ctx, deps, std::string(t("photo.title")), h, !errors.empty());
}

awaitable<std::optional<Profile>> own(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->profile(ctx.principal->user_id);
  auto p = co_await std::move(op);
  if (!p) throw std::runtime_error("signed-in account has no profile");
  co_return p;
}

}  // namespace

awaitable<Response> photo_form(RequestContext& ctx, const PagesDeps& deps) {
  auto p = co_await own(ctx, deps);
  co_return photo_page(ctx, deps, *p, {});
}

awaitable<Response> save_photo(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const http::UploadedFile* chosen = nullptr;
  for (const auto& f : ctx.files) {
    if (f.field == "photo" && !f.data.empty()) chosen = &f;
  }
  auto* uploads = deps.service->uploads();
  if (!chosen || !uploads) {
    auto p = co_await own(ctx, deps);
    co_return photo_page(ctx, deps, *p, {{"photo", std::string(t("photo.error.missing"))}});
  }
  const auto rules = PeopleService::photo_rules();
  auto check = uploads->prepare(std::string(chosen->data), chosen->filename, rules);
  auto prepared = co_await std::move(check);
  if (auto* refusal = std::get_if<uploads::Refusal>(&prepared)) {
    auto p = co_await own(ctx, deps);
    co_return photo_page(ctx, deps, *p, {{"photo", uploads::refusal_message(t, *refusal, rules)}});
  }
  auto save = deps.service->set_photo(ctx.principal->user_id, std::move(std::get<uploads::Prepared>(prepared)));
  co_await std::move(save);
  co_return http::redirect(ctx.request, "/account?photo=saved");
}

awaitable<Response> remove_photo(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->remove_photo(ctx.principal->user_id);
  co_await std::move(op);
  co_return http::redirect(ctx.request, "/account/photo?removed=1");
}

namespace {

Response logo_page(RequestContext& ctx, const PagesDeps& deps, const Organisation& org,
                   const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  const std::string base = "/o/" + org.slug;
  Html h;
  h.raw("<a href=\"").text(base).raw("\" class=\"govuk-back-link\">").text(t("logo.back")).raw("</a>\n");
  open_column(h);
  view::error_summary(h, t, errors);
  const auto done = ctx.query_params().value("done");
  if (done == "saved") success_banner(h, t, t("logo.saved"));
  if (done == "removed") success_banner(h, t, t("logo.removed"));
  h.raw("<span class=\"govuk-caption-l\">").text(org.name).raw("</span>\n");
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("logo.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t("logo.lead")).raw("</p>\n");
  if (!org.logo_url.empty()) {
    h.raw("<img class=\"rt-org-logo govuk-!-margin-bottom-4\" src=\"").text(org.logo_url).raw("\" alt=\"");
    h.text(core::format(t("logo.alt"), {{"org", org.name}})).raw("\">\n");
  }
  h.raw("<form method=\"post\" action=\"").text(base).raw("/logo\" enctype=\"multipart/form-data\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  const std::string error(view::error_for(errors, "logo"));
  h.raw("<div class=\"govuk-form-group").raw(error.empty() ? "" : " govuk-form-group--error").raw("\">\n");
  h.raw("<label class=\"govuk-label govuk-label--s\" for=\"logo\">");
  h.text(t(org.logo_url.empty() ? "logo.choose" : "logo.choose_new")).raw("</label>\n");
  h.raw("<div id=\"logo-hint\" class=\"govuk-hint\">").text(t("logo.hint")).raw("</div>\n");
  if (!error.empty()) {
    h.raw("<p id=\"logo-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">");
    h.text(t("form.error_prefix")).raw("</span> ").text(error).raw("</p>\n");
  }
  h.raw("<input class=\"govuk-file-upload").raw(error.empty() ? "" : " govuk-file-upload--error");
  h.raw("\" id=\"logo\" name=\"logo\" type=\"file\" accept=\"image/jpeg,image/png,image/gif,image/webp\"");
  h.raw(" aria-describedby=\"logo-hint").raw(error.empty() ? "" : " logo-error").raw("\">\n</div>\n");
  view::button(h, t("logo.save"));
  h.raw("</form>\n");
  if (!org.logo_url.empty()) {
    h.raw("<h2 class=\"govuk-heading-m\">").text(t("logo.remove_title")).raw("</h2>\n");
    h.raw("<form method=\"post\" action=\"").text(base).raw("/logo/remove\" novalidate>\n");
    view::csrf_field(h, ctx.csrf_token);
    view::button(h, t("logo.remove"), "warning");
    h.raw("</form>\n");
  }
  close_column(h);
  return respond_form(ctx, deps, std::string(t("logo.title")), h, !errors.empty());
}

awaitable<Organisation> this_org(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->organisation(std::string(ctx.param("org")));
  auto org = co_await std::move(op);
  if (!org) throw std::runtime_error("organisation vanished between policy and page");
  co_return std::move(*org);
}

}  // namespace

awaitable<Response> org_logo_form(RequestContext& ctx, const PagesDeps& deps) {
  auto org = co_await this_org(ctx, deps);
  co_return logo_page(ctx, deps, org, {});
}

awaitable<Response> save_org_logo(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const http::UploadedFile* chosen = nullptr;
  for (const auto& f : ctx.files) {
    if (f.field == "logo" && !f.data.empty()) chosen = &f;
  }
  auto* uploads = deps.service->uploads();
  if (!chosen || !uploads) {
    auto org = co_await this_org(ctx, deps);
    co_return logo_page(ctx, deps, org, {{"logo", std::string(t("logo.error.missing"))}});
  }
  const auto rules = PeopleService::logo_rules();
  auto check = uploads->prepare(std::string(chosen->data), chosen->filename, rules);
  auto prepared = co_await std::move(check);
  if (auto* refusal = std::get_if<uploads::Refusal>(&prepared)) {
    auto org = co_await this_org(ctx, deps);
    co_return logo_page(ctx, deps, org, {{"logo", uploads::refusal_message(t, *refusal, rules)}});
  }
  const auto* m = ctx.principal->membership(ctx.param("org"));
  auto save =
      deps.service->set_org_logo(ctx.principal->user_id, m->org_id, std::move(std::get<uploads::Prepared>(prepared)));
  co_await std::move(save);
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/logo?done=saved");
}

awaitable<Response> remove_org_logo(RequestContext& ctx, const PagesDeps& deps) {
  const auto* m = ctx.principal->membership(ctx.param("org"));
  auto op = deps.service->remove_org_logo(ctx.principal->user_id, m->org_id);
  const bool removed = co_await std::move(op);
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/logo" + (removed ? "?done=removed" : ""));
}

}  // namespace roundtable::people::pages
