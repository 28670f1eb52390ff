// What the groups pages share: loading a group for the person asking and asking the policy, the words for kinds,
// stages and roles, and the double diamond.
#include "groups/group_pages.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::groups::pages {

namespace govuk = view::govuk;
using view::Html;

namespace {

std::string key_name(const core::Translator& t, std::string_view prefix, std::string_view code) {
  // The key built on the stack (these names are looked up on every line of a list).
  char buf[96];
  if (prefix.size() + code.size() > sizeof buf) return std::string(t(std::string(prefix) + std::string(code)));
  size_t n = prefix.copy(buf, prefix.size());
  n += code.copy(buf + n, code.size());
  return std::string(t(std::string_view(buf, n)));
}

}  // namespace

policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> group_role, bool invited) {
  return {req.membership.role, req.principal.two_step, group_role, invited};
}

policy::Actor actor_of(const OrgRequest& req, const GroupForViewer& g) {
  return actor_of(req, g.role, g.request == RequestState::invited);
}

policy::GroupFacts facts_of(const Group& g) { return {g.details.visibility, g.archived()}; }

bool may(const OrgRequest& req, const GroupForViewer& g, policy::Action action) {
  return policy::allows(actor_of(req, g), action, facts_of(g.group)) != policy::Verdict::deny;
}

bool allowed(const OrgRequest& req, const GroupForViewer& g, policy::Action action) {
  return policy::allows(actor_of(req, g), action, facts_of(g.group)) == policy::Verdict::allow;
}

bool sees_every_group(const OrgRequest& req) {
  return policy::allows(actor_of(req, std::nullopt), policy::Action::see_group, {Visibility::members, false}) ==
         policy::Verdict::allow;
}

awaitable<std::variant<GroupForViewer, Response>> load(OrgRequest& req, const PagesDeps& deps, policy::Action action,
                                                       Documents documents, AlongWithGroup along) {
  auto& ctx = req.ctx;
  const auto id = ctx.id_param("group");
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->group_for(req.membership.org_id, *id, req.principal.user_id, documents, std::move(along));
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  switch (policy::allows(actor_of(req, *found), action, facts_of(found->group))) {
    case policy::Verdict::allow: co_return std::move(*found);
    case policy::Verdict::need_two_step: co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  co_return deps.not_found(ctx);
}

std::string groups_url(const OrgRequest& req) { return "/o/" + req.membership.org_slug + "/groups"; }

std::string group_url(const OrgRequest& req, long long group_id) {
  return groups_url(req) + "/" + std::to_string(group_id);
}

std::string kind_name(const core::Translator& t, Kind k) { return key_name(t, "groups.kind.", kind_code(k)); }
std::string level_name(const core::Translator& t, Level l) { return key_name(t, "groups.level.", level_code(l)); }
std::string visibility_name(const core::Translator& t, Visibility v) {
  return key_name(t, "groups.visibility.", visibility_code(v));
}
std::string stage_name(const core::Translator& t, Stage s) { return key_name(t, "groups.stage.", stage_code(s)); }
std::string group_role_name(const core::Translator& t, GroupRole r) {
  return key_name(t, "groups.role.", group_role_code(r));
}

void group_picture(Html& h, const Group& g) {
  if (g.picture_url.empty()) return;
  // No component shows a picture.
  h.raw("<img class=\"rt-group-picture govuk-!-margin-bottom-6\" src=\"").text(g.picture_url).raw("\" alt=\"");
  h.text(g.picture_alt).raw("\">\n");
}

std::string person_name(const core::Translator& t, const std::string& name) {
  return name.empty() ? std::string(t("groups.former_member")) : name;
}

void stage_picture(Html& h, const core::Translator& t, std::optional<Stage> stage) {
  if (!stage) {
    govuk::paragraph(h, t("groups.stage.none_sentence"));
    return;
  }
  const int current = static_cast<int>(*stage);
  // The picture repeats the sentence after it, so screen readers skip it.
  h.raw("<svg class=\"rt-diamond\" viewBox=\"0 0 404 114\" aria-hidden=\"true\" focusable=\"false\">\n");
  static constexpr view::Markup kParts[] = {
      "points=\"2,57 102,2 102,112\"",
      "points=\"102,2 202,57 102,112\"",
      "points=\"202,57 302,2 302,112\"",
      "points=\"302,2 402,57 302,112\"",
  };
  static constexpr view::Markup kLabelAt[] = {"x=\"66\" y=\"62\"", "x=\"138\" y=\"62\"", "x=\"266\" y=\"62\"",
                                              "x=\"338\" y=\"62\""};
  for (int i = 0; i < 4; ++i) {
    h.raw("<polygon class=\"rt-diamond__part")
        .raw_if(i < current, " rt-diamond__part--done")
        .raw_if(i == current, " rt-diamond__part--current")
        .raw("\" ")
        .raw(kParts[i])
        .raw("/>\n");
  }
  for (int i = 0; i < 4; ++i) {
    h.raw("<text class=\"rt-diamond__label").raw_if(i == current, " rt-diamond__label--current").raw("\" ");
    h.raw(kLabelAt[i]).raw(">").text(stage_name(t, kAllStages[i])).raw("</text>\n");
  }
  h.raw("</svg>\n");
  const std::string name = stage_name(t, *stage);
  govuk::paragraph(h, core::format(t("groups.stage.sentence"), {{"n", std::to_string(current + 1)}, {"stage", name}}));
  govuk::paragraph(h, t(std::string("groups.stage.about.") + std::string(stage_code(*stage))));
}

void stage_table(Html& h, const core::Translator& t, const std::vector<StageChange>& changes) {
  if (changes.empty()) {
    govuk::paragraph(h, t("groups.stage.no_history"));
    return;
  }
  const std::string caption(t("groups.stage.history_title"));
  view::scroll_region_start(h, t, caption);
  govuk::TableWriter table(h, {.head = {{.text = std::string(t("groups.stage.col_when"))},
                                        {.text = std::string(t("groups.stage.col_change"))},
                                        {.text = std::string(t("groups.stage.col_who"))},
                                        {.text = std::string(t("groups.stage.col_why"))}},
                               .caption = caption,
                               .caption_classes = "govuk-table__caption--m"});
  for (const auto& c : changes) {
    table.begin_row();
    table.cell(view::format_date(t, c.moved_at));
    std::string change;
    if (!c.to) {
      change = std::string(t("groups.stage.stopped"));
    } else if (!c.from) {
      change = core::format(t("groups.stage.started_in"), {{"stage", stage_name(t, *c.to)}});
    } else {
      change = core::format(t("groups.stage.moved_from_to"),
                            {{"from", stage_name(t, *c.from)}, {"to", stage_name(t, *c.to)}});
    }
    table.cell(change);
    table.cell(person_name(t, c.moved_by));
    table.cell(c.reason.empty() ? std::string(t("groups.stage.no_reason")) : c.reason);
    table.end_row();
  }
  table.end();
  view::scroll_region_end(h);
}

}  // namespace roundtable::groups::pages
