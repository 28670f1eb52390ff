#include <string>
#include <variant>

#include "people/pages_common.hpp"
#include "people/people_pages.hpp"
#include "view/govuk/govuk.hpp"
#include "view/govuk/typography.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"

namespace roundtable::people::pages {

namespace {

namespace govuk = view::govuk;

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
                      const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, *deps.assets, std::string(t(key_of(p, "title"))));
  page.back_link(p.back_href, std::string(t(key_of(p, "back")))).errors(t, errors);
  if (!p.caption.empty()) page.caption(p.caption);
  auto& h = page.body();
  govuk::paragraph(h, t(key_of(p, "lead")));
  const bool has = !p.current_url.empty();
  if (has) {
    // No component shows a picture: the current one, above the form that replaces it.
    h.raw("<img class=\"").text(p.img_class).raw(" govuk-!-margin-bottom-4\" src=\"").text(p.current_url);
    h.raw("\" alt=\"").text(p.current_alt).raw("\">\n");
  }
  govuk::form_start(h, {.action = p.base, .csrf_token = ctx.csrf_token, .multipart = true});
  govuk::file_upload(h, {.id = std::string(p.key),
                         .name = std::string(p.key),
                         .label = small_label(std::string(t(key_of(p, has ? "choose_new" : "choose")))),
                         .hint = {.text = std::string(t(key_of(p, "hint")))},
                         .error_message = field_error_message(t, errors, p.key),
                         .attributes = {{"accept", "image/jpeg,image/png,image/gif,image/webp"}}});
  govuk::button(h, {.text = std::string(t(key_of(p, "save")))});
  govuk::form_end(h);
  if (has) {
    govuk::heading(h, 2, "m", t(key_of(p, "remove_title")));
    govuk::button_form(h,
                       {.form = {.action = p.base + "/remove", .csrf_token = ctx.csrf_token},
                        .button = {.text = std::string(t(key_of(p, "remove"))), .classes = "govuk-button--warning"}});
  }
  return page.respond();
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
  co_return picture_page(ctx, deps, page, {});
}

awaitable<Response> save_photo(RequestContext& ctx, const PagesDeps& deps) {
  auto checked = co_await checked_picture(ctx, deps, "photo", PeopleService::photo_rules());
  if (auto* problem = std::get_if<std::string>(&checked)) {
    auto page = co_await photo_of(ctx, deps);
    co_return picture_page(ctx, deps, page, {{"photo", *problem}});
  }
  auto save = deps.service->set_photo(ctx.principal->user_id, std::move(std::get<uploads::Prepared>(checked)));
  co_await std::move(save);
  ctx.set_flash("photo.saved");
  co_return http::redirect(ctx.request, "/account");
}

awaitable<Response> remove_photo(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->remove_photo(ctx.principal->user_id);
  co_await std::move(op);
  ctx.set_flash("photo.removed");
  co_return http::redirect(ctx.request, "/account/photo");
}

awaitable<Response> org_logo_form(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto page = co_await logo_of(req, deps);
  co_return picture_page(ctx, deps, page, {});
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
  ctx.set_flash("logo.saved");
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/logo");
}

awaitable<Response> remove_org_logo(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  const http::Membership* m = &req.membership;
  auto op = deps.service->remove_org_logo(ctx.principal->user_id, m->org_id);
  const bool removed = co_await std::move(op);
  if (removed) ctx.set_flash("logo.removed");
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/logo");
}

}  // namespace roundtable::people::pages
