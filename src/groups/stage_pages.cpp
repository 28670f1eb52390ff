// A project's stage of the double diamond: the picture, the history of moves, and the form to move it.
#include "groups/group_form.hpp"
#include "groups/group_pages.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::groups::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

using view::s;

/// A coroutine: form and errors are copies, since the caller's temporaries are gone when it runs. The stage changes
/// are read here unless they came with the group.
awaitable<Response> render(OrgRequest& req, const PagesDeps& deps, const GroupForViewer& v, StageForm form,
                           std::vector<view::FieldError> errors,
                           std::optional<std::vector<StageChange>> read_with_group = std::nullopt) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& g = v.group;
  std::vector<StageChange> changes;
  if (read_with_group) {
    changes = std::move(*read_with_group);
  } else {
    auto op = deps.service->stage_changes(g.id);
    changes = co_await std::move(op);
  }
  const std::string base = group_url(req, g.id);
  auto page = page_builder(ctx, deps, s(t("groups.stage.title")));
  page.caption(g.details.name).back_link(base, s(t("groups.back"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("groups.stage.lead"));
  stage_picture(h, t, g.details.stage);
  if (may(req, v, Action::move_stage)) {
    govuk::heading(h, 2, "m", t("groups.stage.move_title"));
    govuk::form_start(h, {.action = base + "/stage", .csrf_token = ctx.csrf_token});
    govuk::Radios to{.name = "stage",
                     .value = form.stage,
                     .fieldset = small_legend(s(t("groups.stage.move_to"))),
                     .error_message = field_error_message(t, errors, "stage")};
    for (Stage st : kAllStages) {
      if (g.details.stage == st) continue;
      to.items.push_back({.text = stage_name(t, st),
                          .value = s(stage_code(st)),
                          .hint = {.text = s(t("groups.stage.about." + s(stage_code(st))))}});
    }
    govuk::radios(h, to);
    govuk::textarea(h, {.id = "reason",
                        .name = "reason",
                        .rows = 3,
                        .value = form.reason,
                        .label = small_label(s(t("groups.stage.reason"))),
                        .hint = {.text = s(t("groups.stage.reason_hint"))},
                        .error_message = field_error_message(t, errors, "reason")});
    submit_button(h, t("groups.stage.move_button"));
    govuk::form_end(h);
  }
  stage_table(h, t, changes);
  if (!changes.empty()) govuk::link_paragraph(h, base + "/stage.csv", t("groups.csv.stage_link"));
  co_return page.respond();
}

}  // namespace

awaitable<Response> stage(OrgRequest& req, const PagesDeps& deps) {
  std::vector<StageChange> changes;
  auto loaded_op = load(req, deps, Action::see_group, Documents::left_out, GroupService::stage_changes_along(changes));
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto op = render(req, deps, std::get<GroupForViewer>(loaded), {}, {}, std::move(changes));
  co_return co_await std::move(op);
}

awaitable<Response> move_stage(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::move_stage);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<GroupForViewer>(loaded);
  const auto form = read_stage(ctx.form);
  const auto errors = field_errors(t, check_stage(form, v.group.details.stage));
  if (errors.empty()) {
    const Stage to = *parse_stage(form.stage);
    auto op = deps.service->move_stage(req.membership.org_id, v.group.id, req.principal.user_id, to, form.reason);
    if (co_await std::move(op)) {
      ctx.set_flash("groups.done.stage_moved", {{"stage", stage_name(t, to)}});
      co_return http::redirect(ctx.request, group_url(req, v.group.id));
    }
    // Someone else moved it there a moment ago: show the page as it is now.
    co_return http::redirect(ctx.request, group_url(req, v.group.id) + "/stage");
  }
  auto op = render(req, deps, v, form, errors);
  co_return co_await std::move(op);
}

}  // namespace roundtable::groups::pages
