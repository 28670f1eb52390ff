// A group's boards (by stage of its project's double diamond when it has stages) and the form for a new board.
#include "accounts/form_checks.hpp"
#include "boards/board_pages.hpp"
#include "http/form.hpp"
#include "security/tokens.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::boards::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

struct NewBoard {
  /// stage: a stage's code or "none", as chosen.
  std::string title, purpose, create_key, stage = "none";
};
/// One board as a summary card: its name (a link), purpose and number of cards.
void board_card(Html& h, const core::Translator& t, const OrgRequest& req, const store::BoardListed& b, int level) {
  govuk::SummaryList rows;
  if (!b.board.purpose.empty()) {
    rows.rows.push_back({.key = {.text = s(t("boards.form.purpose"))}, .value = {.text = b.board.purpose}});
  }
  rows.rows.push_back(
      {.key = {.text = s(t("boards.list.cards"))}, .value = {.text = t.plural("boards.list.card_count", b.cards)}});
  Html title;
  govuk::link(title, board_url(req, b.board.id), b.board.title);
  rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.html = std::move(title), .heading_level = level}};
  govuk::summary_list(h, rows);
}

Response render_boards(OrgRequest& req, const PagesDeps& deps, const groups::GroupForViewer& g,
                       const std::vector<store::BoardListed>& all, const NewBoard& form,
                       const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t("boards.list.title")));
  page.caption(g.group.details.name)
      .back_link("/o/" + req.membership.org_slug + "/groups/" + std::to_string(g.group.id),
                 s(t("boards.back_to_group")))
      .errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("boards.list.lead"));
  bool any = false;
  bool staged = g.group.details.stage.has_value();
  for (const auto& b : all) {
    if (b.board.archived_at) continue;
    any = true;
    staged = staged || b.board.stage.has_value();
  }
  if (!staged) {
    for (const auto& b : all) {
      if (!b.board.archived_at) board_card(h, t, req, b, 2);
    }
  } else if (any) {
    // By stage of the double diamond: the stage the project is at now first (marked), then the others in order, then
    // the boards for no stage under their own heading.
    std::vector<std::optional<groups::Stage>> order;
    if (g.group.details.stage) order.emplace_back(g.group.details.stage);
    for (auto stage : groups::kAllStages) {
      if (stage != g.group.details.stage) order.emplace_back(stage);
    }
    order.emplace_back(std::nullopt);
    for (const auto& stage : order) {
      std::vector<const store::BoardListed*> in;
      for (const auto& b : all) {
        if (!b.board.archived_at && b.board.stage == stage) in.push_back(&b);
      }
      const bool now = stage && stage == g.group.details.stage;
      if (in.empty() && !now) continue;
      std::string heading = s(t("boards.list.no_stage"));
      if (stage) {
        heading = now ? core::format(t("boards.list.stage_now"), {{"stage", stage_words(t, *stage)}})
                      : stage_words(t, *stage);
      }
      govuk::heading(h, 2, "m", heading);
      if (in.empty()) govuk::paragraph(h, t("boards.list.none_for_stage"));
      for (const auto* b : in) board_card(h, t, req, *b, 3);
    }
  }
  if (!any) govuk::paragraph(h, t("boards.list.none"));
  std::vector<govuk::Content> archived;
  for (const auto& b : all) {
    if (!b.board.archived_at) continue;
    Html link;
    govuk::link(link, board_url(req, b.board.id), b.board.title);
    archived.emplace_back(std::move(link));
  }
  if (!archived.empty()) {
    govuk::heading(h, 2, "m", t("boards.list.archived"));
    govuk::list(h, {.items = std::move(archived), .bullet = true});
  }
  const policy::Facts facts{g.group.details.visibility, g.group.archived(), false};
  if (policy::allows(actor_of(req, g.role), Action::run_boards, facts) == policy::Verdict::allow) {
    govuk::heading(h, 2, "m", t("boards.new.title"));
    govuk::form_start(h, {.action = group_boards_url(req, g.group.id), .csrf_token = ctx.csrf_token});
    govuk::hidden(h, "create_key", form.create_key);
    govuk::input(h, {.id = "title",
                     .name = "title",
                     .value = form.title,
                     .label = small_label(s(t("boards.form.title"))),
                     .error_message = field_error_message(t, errors, "title")});
    govuk::textarea(h, {.id = "purpose",
                        .name = "purpose",
                        .rows = 3,
                        .value = form.purpose,
                        .label = small_label(s(t("boards.form.purpose"))),
                        .hint = {.text = s(t("boards.form.purpose_hint"))},
                        .error_message = field_error_message(t, errors, "purpose")});
    stage_field(h, t, g.group.details.stage, form.stage, errors);
    govuk::button(h, {.text = s(t("boards.new.button")), .prevent_double_click = true});
    govuk::form_end(h);
  }
  return page.respond();
}
}  // namespace

awaitable<Response> boards(OrgRequest& req, const PagesDeps& deps) {
  std::vector<store::BoardListed> all;
  auto loaded_op = load_group(req, deps, Action::see_boards, BoardService::boards_along(all));
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded);
  co_return render_boards(req, deps, g, all, {"", "", security::random_token(16), "none"}, {});
}

awaitable<Response> create_board(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps, Action::run_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded);
  NewBoard form{ctx.form.trimmed("title"), ctx.form.trimmed("purpose"), ctx.form.trimmed("create_key"),
                ctx.form.trimmed("stage")};
  if (form.create_key.empty()) form.create_key = security::random_token(16);
  auto problems = check_title(form.title, form.purpose);
  const auto stage = read_stage(form.stage, problems);
  if (!problems.empty()) {
    auto op = deps.service->group_boards(g.group.id);
    const auto all = co_await std::move(op);
    co_return render_boards(req, deps, g, all, form, field_errors(t, problems));
  }
  std::vector<std::string> lists{s(t("boards.default_list.ideas")), s(t("boards.default_list.doing")),
                                 s(t("boards.default_list.done"))};
  auto op = deps.service->create_board(who_of(req), req.membership.org_id, g.group.id, form.title, form.purpose,
                                       std::move(lists), form.create_key, stage);
  const long long id = co_await std::move(op);
  if (id == 0) co_return deps.not_found(ctx);
  ctx.set_flash("boards.done.created");
  co_return http::redirect(ctx.request, board_url(req, id));
}

}  // namespace roundtable::boards::pages
