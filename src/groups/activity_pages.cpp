// What happened in a group, newest first, a page at a time (keyset: "older than" the last entry shown).
#include "groups/group_pages.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::groups::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

constexpr int kActivityPerPage = 50;

std::optional<long long> older_than(const RequestContext& ctx) {
  const auto query = ctx.query_params();
  const auto n = http::parse_id(query.value("before"));
  if (!n || *n <= 0) return std::nullopt;
  return n;
}

}  // namespace

awaitable<Response> activity(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto before = older_than(ctx);
  ActivityPage feed;
  auto loaded_op = load(req, deps, policy::Action::see_members, Documents::left_out,
                        GroupService::activity_along(before, kActivityPerPage, feed));
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  const std::string base = group_url(req, g.id);
  auto page = page_builder(ctx, deps, std::string(t("groups.activity.title")));
  page.caption(g.details.name).back_link(base, std::string(t("groups.back")));
  Html& h = page.body();
  if (feed.items.empty()) {
    govuk::paragraph(h, t(before ? "groups.activity.no_more" : "groups.activity.none"));
  } else {
    const std::string caption(t("groups.activity.title"));
    view::scroll_region_start(h, t, caption);
    govuk::TableWriter table(h, {.head = {{.text = std::string(t("groups.activity.col_when"))},
                                          {.text = std::string(t("groups.activity.col_what"))}},
                                 .caption = caption,
                                 .caption_classes = "govuk-visually-hidden"});
    for (const auto& a : feed.items) {
      table.begin_row();
      table.cell(view::format_datetime(t, a.at));
      table.cell(describe_activity(t, a));
      table.end_row();
    }
    table.end();
    view::scroll_region_end(h);
    govuk::link_paragraph(h, base + "/activity.csv", t("groups.csv.activity_link"));
  }
  if (before || feed.older_than) {
    govuk::Pagination pagination{.landmark_label = std::string(t("pagination.label"))};
    if (before) {
      pagination.previous =
          govuk::PaginationLink{.text = std::string(t("groups.activity.newest")), .href = base + "/activity"};
    }
    if (feed.older_than) {
      pagination.next = govuk::PaginationLink{.text = std::string(t("groups.activity.older")),
                                              .href = base + "/activity?before=" + std::to_string(*feed.older_than)};
    }
    govuk::pagination(h, pagination);
  }
  co_return page.respond();
}

}  // namespace roundtable::groups::pages
