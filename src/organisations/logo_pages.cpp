/// An organisation's logo: showing, replacing and removing it (organisation admins).
#include <string>
#include <variant>

#include "organisations/organisation_pages.hpp"
#include "organisations/picture_page.hpp"

namespace roundtable::organisations::pages {

namespace {

const PicturePage kLogo{.key = "organisations.logo", .field = "logo"};

awaitable<PicturePage> logo_of(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto op = deps.service->organisation(std::string(ctx.param("org")));
  auto org = co_await std::move(op);
  if (!org) throw std::runtime_error("organisation vanished between policy and page");
  const std::string base = "/o/" + org->slug;
  co_return PicturePage{kLogo.key,
                        kLogo.field,
                        base + "/logo",
                        base,
                        org->name,
                        org->logo_url,
                        core::format(ctx.t()("organisations.logo.alt"), {{"org", org->name}}),
                        "rt-org-logo"};
}

}  // namespace

awaitable<Response> org_logo_form(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto page = co_await logo_of(req, deps);
  co_return picture_page(ctx, *deps.assets, page, {});
}

awaitable<Response> save_org_logo(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  auto checked = co_await checked_picture(ctx, deps.service->uploads(), kLogo, OrganisationService::logo_rules());
  if (auto* problem = std::get_if<std::string>(&checked)) {
    auto page = co_await logo_of(req, deps);
    co_return picture_page(ctx, *deps.assets, page, {{"logo", *problem}});
  }
  const http::Membership* m = &req.membership;
  auto save =
      deps.service->set_org_logo(ctx.principal->user_id, m->org_id, std::move(std::get<uploads::Prepared>(checked)));
  co_await std::move(save);
  ctx.set_flash("organisations.logo.saved");
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/logo");
}

awaitable<Response> remove_org_logo(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  const http::Membership* m = &req.membership;
  auto op = deps.service->remove_org_logo(ctx.principal->user_id, m->org_id);
  const bool removed = co_await std::move(op);
  if (removed) ctx.set_flash("organisations.logo.removed");
  co_return http::redirect(ctx.request, "/o/" + m->org_slug + "/logo");
}

}  // namespace roundtable::organisations::pages
