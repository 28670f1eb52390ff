// A public group's summary, for anyone: what it is for, how deep the co-production goes, its stage and its
// principles, and how to take part. Nobody's name is on it.
#include "groups/group_pages.hpp"
#include "markdown/markdown.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::groups::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

using view::s;

}  // namespace

awaitable<Response> public_summary(RequestContext& ctx, const PagesDeps& deps) {
  const auto id = ctx.id_param("group");
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->public_group(std::string(ctx.param("org")), *id);
  const auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  auto t = ctx.t();
  const auto& g = found->group;
  auto page = page_builder(ctx, deps, g.details.name);
  page.caption(found->org_name);
  Html& h = page.body();
  group_picture(h, g);
  govuk::paragraph(h, g.details.purpose, "govuk-body-l rt-pre-line");
  govuk::SummaryList about;
  about.rows.push_back({.key = {.text = s(t("groups.home.kind"))}, .value = {.text = kind_name(t, g.details.kind)}});
  about.rows.push_back({.key = {.text = s(t("groups.home.level"))}, .value = {.text = level_name(t, g.details.level)}});
  about.rows.push_back({.key = {.text = s(t("groups.public.people"))},
                        .value = {.text = t.plural("groups.list.people_count", g.member_count)}});
  govuk::summary_list(h, about);
  if (g.details.stage) {
    govuk::heading(h, 2, "m", t("groups.home.stage_title"));
    stage_picture(h, t, g.details.stage);
  }
  const auto& principles = g.details.principles;
  if (!principles.empty()) {
    govuk::heading(h, 2, "m", t("groups.home.principles_title"));
    markdown::render(h, principles.easy_read.empty() ? principles.standard : principles.easy_read);
  }
  govuk::heading(h, 2, "m", t("groups.public.take_part_title"));
  const std::string group_page = "/o/" + found->org_slug + "/groups/" + std::to_string(g.id);
  if (ctx.principal && ctx.principal->membership(found->org_slug)) {
    govuk::link_paragraph(h, group_page, t("groups.public.open_group"));
  } else {
    govuk::paragraph(h, core::format(t("groups.public.members_ask"), {{"org", found->org_name}}));
    if (!ctx.principal)
      govuk::link_paragraph(h, "/sign-in?next=" + view::url_encode(group_page), t("groups.public.sign_in"));
    if (found->org_open) {
      govuk::link_paragraph(h, "/o/" + found->org_slug + "/join", t("groups.public.join_org"));
    } else {
      govuk::paragraph(h, t("groups.public.by_invitation"));
    }
  }
  co_return page.respond();
}

}  // namespace roundtable::groups::pages
