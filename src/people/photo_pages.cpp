#include <string>
#include <variant>

#include "people/pages_common.hpp"
#include "people/people_pages.hpp"
#include "view/forms.hpp"
#include "view/html.hpp"

namespace roundtable::people::pages {

namespace {

using view::Html;

/// A page with one picture: a profile photo or an organisation's logo. key is the catalogue prefix ("photo",
/// "logo") and also the file field's name; base is the page's address (the forms post to it and base/remove).
struct PicturePage {
  std::string_view key;
  std::string base;
  std::string back_href;
  /// Above the heading (the organisation's name), or "".
  std::string caption;
  std::string current_url;
  std::string current_alt;
  std::string img_class;
};

std::string key_of(const PicturePage& p, std::string_view what) { return std::string(p.key) + "." + std::string(what); }

Response picture_page(RequestContext& ctx, const PagesDeps& deps, const PicturePage& p,
                      const std::vector<view::FieldError>& errors, std::string_view banner_key = {}) {
  auto t = ctx.t();
  Html h;
  h.raw("<a href=\"").text(p.back_href).raw("\" class=\"govuk-back-link\">").text(t(key_of(p, "back"))).raw("</a>\n");
  open_column(h);
  view::error_summary(h, t, errors);
  if (!banner_key.empty()) success_banner(h, t, t(banner_key));
  if (!p.caption.empty()) h.raw("<span class=\"govuk-caption-l\">").text(p.caption).raw("</span>\n");
  h.raw("<h1 class=\"govuk-heading-l\">").text(t(key_of(p, "title"))).raw("</h1>\n");
  h.raw("<p class=\"govuk-body\">").text(t(key_of(p, "lead"))).raw("</p>\n");
  const bool has = !p.current_url.empty();
  if (has) {
    h.raw("<img class=\"").text(p.img_class).raw(" govuk-!-margin-bottom-4\" src=\"").text(p.current_url);
    h.raw("\" alt=\"").text(p.current_alt).raw("\">\n");
  }
  h.raw("<form method=\"post\" action=\"").text(p.base).raw("\" enctype=\"multipart/form-data\" novalidate>\n");
  view::csrf_field(h, ctx.csrf_token);
  view::file_upload(h, t,
                    {.id = std::string(p.key),
                     .label = std::string(t(key_of(p, has ? "choose_new" : "choose"))),
                     .hint = std::string(t(key_of(p, "hint"))),
                     .error = std::string(view::error_for(errors, p.key)),
                     .accept = "image/jpeg,image/png,image/gif,image/webp"});
  view::button(h, t(key_of(p, "save")));
  h.raw("</form>\n");
  if (has) {
    h.raw("<h2 class=\"govuk-heading-m\">").text(t(key_of(p, "remove_title"))).raw("</h2>\n");
    h.raw("<form method=\"post\" action=\"").text(p.base).raw("/remove\" novalidate>\n");
    view::csrf_field(h, ctx.csrf_token);
    view::button(h, t(key_of(p, "remove")), "warning");
    h.raw("</form>\n");
  }
  close_column(h);
  return respond_form(ctx, deps, std::string(t(key_of(p, "title"))), h, !errors.empty());
}

/// The picture sent in the field named `field`, checked and cleaned; or the plain-words problem with it.
awaitable<std::variant<uploads::Prepared, std::string>> checked_picture(RequestContext& ctx, const PagesDeps& deps,
                                                                        std::string_view field,
                                                                        const uploads::Allowed& rules) {
  auto t = ctx.t();
  const auto* chosen = ctx.file(field);
  auto* uploads = deps.service->uploads();
  if (!chosen || !uploads) co_return std::string(t(std::string(field) + ".error.missing"));
  auto check = uploads->prepare(std::string(chosen->data), chosen->filename, rules);
  auto prepared = co_await std::move(check);
  if (auto* refusal = std::get_if<uploads::Refusal>(&prepared)) {
    co_return uploads::refusal_message(t, *refusal, rules);
  }
  co_return std::move(std::get<uploads::Prepared>(prepared));
}

awaitable<PicturePage> photo_of(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->profile(ctx.principal->user_id);
  auto p = co_await std::move(op);
  if (!p) throw std::runtime_error("signed-in account has no profile");
  co_return PicturePage{
      "photo",           "/account/photo", "/account", "", p->photo_url, std::string(ctx.t()("photo.yours_alt")),
      "rt-profile-photo"};
}

awaitable<PicturePage> logo_of(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto op = deps.service->organisation(std::string(ctx.param("org")));
  auto org = co_await std::move(op);
  if (!org) throw std::runtime_error("organisation vanished between policy and page");
  const std::string base = "/o/" + org->slug;
  co_return PicturePage{"logo",       base + "/logo", base,
                        org->name,    org->logo_url,  core::format(ctx.t()("logo.alt"), {{"org", org->name}}),
                        "rt-org-logo"};
}

}  // namespace

awaitable<Response> photo_form(RequestContext& ctx, const PagesDeps& deps) {
  auto page = co_await photo_of(ctx, deps);
  const bool removed = ctx.query_params().value("removed") == "1";
  co_return picture_page(ctx, deps, page, {}, removed ? "photo.removed" : "");
}

awaitable<Response> save_photo(RequestContext& ctx, const PagesDeps& deps) {
  auto checked = co_await checked_picture(ctx, deps, "photo", PeopleService::photo_rules());
  if (auto* problem = std::get_if<std::string>(&checked)) {
    auto page = co_await photo_of(ctx, deps);
    co_return picture_page(ctx, deps, page, {{"photo", *problem}});
  }
  auto save = deps.service->set_photo(ctx.principal->user_id, std::move(std::get<uploads::Prepared>(checked)));
  co_await std::move(save);
  co_return http::redirect(ctx.request, "/account?photo=saved");
}

awaitable<Response> remove_photo(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->remove_photo(ctx.principal->user_id);
  co_await std::move(op);
  co_return http::redirect(ctx.request, "/account/photo?removed=1");
}

awaitable<Response> org_logo_form(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto page = co_await logo_of(req, deps);
  const auto done = ctx.query_params().value("done");
  co_return picture_page(ctx, deps, page, {}, done == "saved" ? "logo.saved" : done == "removed" ? "logo.removed" : "");
}

awaitable<Response> save_org_logo(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto checked = co_await checked_picture(ctx, deps, "logo", PeopleService::logo_rules());
  if (auto* problem = std::get_if<std::string>(&checked)) {
    auto page = co_await logo_of(req, deps);
    co_return picture_page(ctx, deps, page, {{"logo", *problem}});
  }
  const http::Membership* m = &req.membership;
  auto save =
      deps.service->set_org_logo(ctx.principal->user_id, m->org_id, std::move(std::get<uploads::Prepared>(checked)));
  co_await std::move(save);
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/logo?done=saved");
}

awaitable<Response> remove_org_logo(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  const http::Membership* m = &req.membership;
  auto op = deps.service->remove_org_logo(ctx.principal->user_id, m->org_id);
  const bool removed = co_await std::move(op);
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/logo" + (removed ? "?done=removed" : ""));
}

}  // namespace roundtable::people::pages
