// A group's tables as spreadsheet files (CSV): its members, its stage history, what happened in it and everyone's
// support needs, for the same people who may see each page.
#include "groups/group_pages.hpp"
#include "organisations/organisation_pages.hpp"
#include "profiles/profile_cards.hpp"
#include "view/csv.hpp"
#include "view/dates.hpp"

namespace roundtable::groups::pages {

namespace {

/// The most entries of the activity feed one file holds (the newest), and the most groups.
constexpr int kMaxActivityRows = 10000;
constexpr int kMaxGroupRows = 10000;

std::string file_name(const Group& g, std::string_view what) {
  return "group-" + std::to_string(g.id) + "-" + std::string(what) + ".csv";
}

}  // namespace

awaitable<Response> groups_csv(OrgRequest& req, const PagesDeps& deps) {
  auto t = req.ctx.t();
  // The same groups as the list shows this person (an organisation's admins: all of them).
  const bool all = sees_every_group(req);
  auto op = deps.service->list_groups(req.membership.org_id, req.principal.user_id, all, std::nullopt, kMaxGroupRows);
  const auto list = co_await std::move(op);
  view::Csv csv;
  csv.row({t("groups.form.name"), t("groups.home.kind"), t("groups.home.stage_title"), t("groups.home.visibility"),
           t("groups.list.you"), t("groups.list.people"), t("groups.archived_tag")});
  std::vector<const GroupListed*> rows;
  for (const auto& g : list.mine) rows.push_back(&g);
  for (const auto& g : list.others) rows.push_back(&g);
  for (const auto* row : rows) {
    const auto& g = *row;
    const auto kind = kind_name(t, g.kind);
    const auto stage = g.stage ? stage_name(t, *g.stage) : std::string();
    const auto visibility = visibility_name(t, g.visibility);
    const auto role = g.role ? group_role_name(t, *g.role) : std::string();
    const auto people = std::to_string(g.member_count);
    const std::string archived = g.archived ? std::string(t("groups.archived_tag")) : std::string();
    csv.row({g.name, kind, stage, visibility, role, people, archived});
  }
  co_return view::csv_download(req.ctx, req.membership.org_slug + "-groups.csv", csv);
}

awaitable<Response> members_csv(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, policy::Action::see_members, Documents::left_out);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  auto op = deps.service->members(g.id);
  const auto people = co_await std::move(op);
  auto t = req.ctx.t();
  view::Csv csv;
  csv.row({t("groups.members.col_name"), t("groups.members.col_role"), t("groups.members.col_types"),
           t("groups.members.col_joined")});
  for (const auto& p : people) {
    std::string types;
    for (auto type : p.member_types) {
      types += (types.empty() ? "" : ", ") + organisations::pages::member_type_name(t, type);
    }
    const auto role = group_role_name(t, p.role);
    const auto joined = view::format_date(t, p.joined_at);
    csv.row({p.name, role, types, joined});
  }
  co_return view::csv_download(req.ctx, file_name(g, "members"), csv);
}

awaitable<Response> stage_csv(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, policy::Action::see_group, Documents::left_out);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  auto op = deps.service->stage_changes(g.id);
  const auto changes = co_await std::move(op);
  auto t = req.ctx.t();
  view::Csv csv;
  csv.row({t("groups.stage.col_when"), t("groups.csv.from"), t("groups.csv.to"), t("groups.stage.col_who"),
           t("groups.stage.col_why")});
  for (const auto& c : changes) {
    const auto when = view::format_date(t, c.moved_at);
    const auto from = c.from ? stage_name(t, *c.from) : std::string();
    const auto to = c.to ? stage_name(t, *c.to) : std::string();
    const auto who = person_name(t, c.moved_by);
    csv.row({when, from, to, who, c.reason});
  }
  co_return view::csv_download(req.ctx, file_name(g, "stages"), csv);
}

awaitable<Response> activity_csv(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, policy::Action::see_members, Documents::left_out);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  auto op = deps.service->activity(g.id, std::nullopt, kMaxActivityRows);
  const auto feed = co_await std::move(op);
  auto t = req.ctx.t();
  view::Csv csv;
  csv.row({t("groups.activity.col_when"), t("groups.activity.col_what")});
  for (const auto& a : feed.items) {
    const auto when = view::format_datetime(t, a.at);
    const auto what = describe_activity(t, a);
    csv.row({when, what});
  }
  co_return view::csv_download(req.ctx, file_name(g, "activity"), csv);
}

awaitable<Response> support_csv(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, policy::Action::see_support_needs, Documents::left_out);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  // The same read as the page, so the same look is recorded in the audit log against each person shown.
  auto op = deps.service->support_needs(req.membership.org_id, g.id, req.principal.user_id);
  const auto people = co_await std::move(op);
  auto t = req.ctx.t();
  view::Csv csv;
  csv.row({t("groups.members.col_name"), t("groups.members.col_role"), t("groups.support.col_needs"),
           t("groups.support.col_meetings")});
  for (const auto& p : people) {
    const auto role = group_role_name(t, p.member.role);
    if (!p.shared) {
      csv.row({p.member.name, role, t("groups.support.not_shared_cell"), ""});
      continue;
    }
    std::string needs;
    for (auto n : p.needs) needs += (needs.empty() ? "" : ", ") + profiles::pages::need_name(t, n);
    if (!p.needs_other.empty()) needs += (needs.empty() ? "" : ", ") + p.needs_other;
    if (needs.empty()) needs = t("groups.support.none_needed");
    csv.row({p.member.name, role, needs, p.meeting_support});
  }
  co_return view::csv_download(req.ctx, file_name(g, "support"), csv);
}

}  // namespace roundtable::groups::pages
