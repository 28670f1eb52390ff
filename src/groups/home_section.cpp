// The groups module's section of a signed-in person's home page: their groups, what is new in each since they last
// opened it, and requests to join waiting for the people who run it.
#include "groups/home_section.hpp"

#include "groups/group_pages.hpp"
#include "view/govuk/govuk.hpp"
#include "view/govuk/summary_writer.hpp"

namespace roundtable::groups {

namespace {

namespace govuk = view::govuk;
using view::Html;

boost::asio::awaitable<void> render(std::shared_ptr<GroupService> service, Html& h, const http::RequestContext& ctx) {
  auto t = ctx.t();
  const auto& me = *ctx.principal;
  std::vector<OrgName> orgs;
  orgs.reserve(me.memberships.size());
  for (const auto& m : me.memberships) orgs.push_back({m.org_id, m.org_slug, m.org_name});
  auto op = service->home(me.user_id, std::move(orgs));
  const auto home = co_await std::move(op);
  const auto& invitations = home.invitations;
  if (!invitations.empty()) {
    govuk::heading(h, 2, "m", t("groups.yours.invitations_title"));
    std::vector<govuk::Content> items;
    for (const auto& i : invitations) {
      Html item;
      govuk::link(item, "/o/" + i.org_slug + "/groups/" + std::to_string(i.group_id),
                  core::format(t("groups.yours.invitation"), {{"name", i.group_name}}));
      items.emplace_back(std::move(item));
    }
    govuk::list(h, {.items = std::move(items), .bullet = true});
  }
  const auto& groups = home.groups;
  govuk::heading(h, 2, "m", t("groups.yours.title"));
  if (groups.empty()) {
    if (me.memberships.empty()) co_return;
    govuk::paragraph(h, t("groups.yours.none"));
    std::vector<govuk::Content> places;
    for (const auto& m : me.memberships) {
      Html item;
      govuk::link(item, "/o/" + m.org_slug + "/groups",
                  core::format(t("groups.yours.see_groups_of"), {{"org", m.org_name}}));
      places.emplace_back(std::move(item));
    }
    govuk::list(h, {.items = std::move(places), .bullet = true});
    co_return;
  }
  const bool several_orgs = me.memberships.size() > 1;
  govuk::SummaryListWriter list(h);
  for (const auto& g : groups) {
    const std::string url = "/o/" + g.org_slug + "/groups/" + std::to_string(g.id);
    govuk::link(list.key(), url, g.name);
    Html& what = list.value();
    std::string where = g.stage ? core::format(t("groups.yours.at_stage"), {{"stage", pages::stage_name(t, *g.stage)}})
                                : pages::kind_name(t, g.kind);
    if (several_orgs) where = g.org_name + " · " + where;
    govuk::paragraph(what, where, "govuk-body govuk-!-margin-bottom-1");
    govuk::paragraph(
        what,
        g.new_things > 0 ? t.plural("groups.yours.new_things", g.new_things)
                         : std::string(t("groups.yours.nothing_new")),
        g.waiting_requests > 0 ? "govuk-body govuk-!-margin-bottom-1" : "govuk-body govuk-!-margin-bottom-0");
    if (g.waiting_requests > 0) {
      Html waiting;
      govuk::link(waiting, url + "/requests", t.plural("groups.home.requests_waiting", g.waiting_requests));
      govuk::paragraph(what, std::move(waiting), "govuk-body govuk-!-margin-bottom-0");
    }
    list.end_row();
  }
  list.end();
}

}  // namespace

module::HomeSection home_section(std::shared_ptr<GroupService> service) {
  return {"groups", [service](Html& h, const http::RequestContext& ctx) { return render(service, h, ctx); }};
}

}  // namespace roundtable::groups
