// Everyone's support needs for a group, for the people who run it: what to arrange (each need with who needs it),
// then each member with what they shared. Only needs people agreed to share with facilitators are shown, and each
// look is recorded against them in the organisation's audit log.
#include <map>

#include "groups/group_pages.hpp"
#include "profiles/profile_cards.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::groups::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

using view::s;

}  // namespace

awaitable<Response> support(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, policy::Action::see_support_needs, Documents::left_out);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  auto op = deps.service->support_needs(req.membership.org_id, g.id, req.principal.user_id);
  const auto people = co_await std::move(op);
  auto page = page_builder(ctx, deps, s(t("groups.support.title")));
  page.caption(g.details.name).back_link(group_url(req, g.id), s(t("groups.back"))).full_width();
  Html& h = page.body();
  govuk::paragraph(h, t("groups.support.lead"));

  // What to arrange: each need, with the people who need it.
  std::map<profiles::Need, std::vector<std::string>> by_need;
  std::vector<std::string> meeting_support;
  long long not_shared = 0;
  for (const auto& p : people) {
    if (!p.shared) {
      ++not_shared;
      continue;
    }
    for (auto n : p.needs) by_need[n].push_back(p.member.name);
    if (!p.meeting_support.empty()) meeting_support.push_back(p.member.name);
  }
  govuk::heading(h, 2, "m", t("groups.support.arrange_title"));
  if (by_need.empty() && meeting_support.empty()) {
    govuk::paragraph(h, t("groups.support.nothing_to_arrange"));
  } else {
    std::vector<govuk::Content> items;
    for (const auto& [need, names] : by_need) {
      std::string who;
      for (const auto& n : names) who += (who.empty() ? "" : ", ") + n;
      items.emplace_back(
          core::format(t("groups.support.need_for"), {{"need", profiles::pages::need_name(t, need)}, {"people", who}}));
    }
    if (!meeting_support.empty()) {
      std::string who;
      for (const auto& n : meeting_support) who += (who.empty() ? "" : ", ") + n;
      items.emplace_back(core::format(t("groups.support.meeting_support_for"), {{"people", who}}));
    }
    govuk::list(h, {.items = std::move(items), .bullet = true});
  }
  if (not_shared > 0) govuk::inset_text(h, {.text = t.plural("groups.support.not_shared", not_shared)});

  govuk::heading(h, 2, "m", t("groups.support.people_title"));
  const std::string caption(t("groups.support.people_title"));
  view::scroll_region_start(h, t, caption);
  govuk::TableWriter table(h, {.head = {{.text = s(t("groups.members.col_name"))},
                                        {.text = s(t("groups.support.col_needs"))},
                                        {.text = s(t("groups.support.col_meetings"))}},
                               .caption = caption,
                               .caption_classes = "govuk-visually-hidden",
                               .first_cell_is_header = true});
  for (const auto& p : people) {
    table.begin_row();
    table.cell(p.member.name);
    if (!p.shared) {
      table.cell(t("groups.support.not_shared_cell"));
      table.cell("");
    } else {
      std::string needs;
      for (auto n : p.needs) needs += (needs.empty() ? "" : ", ") + profiles::pages::need_name(t, n);
      if (!p.needs_other.empty()) needs += (needs.empty() ? "" : ", ") + p.needs_other;
      table.cell(needs.empty() ? s(t("groups.support.none_needed")) : needs);
      table.cell(p.meeting_support);
    }
    table.end_row();
  }
  table.end();
  view::scroll_region_end(h);
  govuk::link_paragraph(h, group_url(req, g.id) + "/support.csv", t("groups.csv.support_link"));
  co_return page.respond();
}

}  // namespace roundtable::groups::pages
