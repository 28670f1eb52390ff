// A group's boards and a new board; a board's settings: its name, purpose and dot budget, its lists (add, rename,
// move, remove an empty one), its labels, and archiving or restoring it.
#include "accounts/form_checks.hpp"
#include "boards/board_pages.hpp"
#include "core/text.hpp"
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

/// "Which stage of the project is this board for?": offered only in a group that has stages (now: the group's).
void stage_field(Html& h, const core::Translator& t, std::optional<groups::Stage> now, const std::string& chosen,
                 const std::vector<view::FieldError>& errors) {
  if (!now) return;
  govuk::Radios radios{.name = "stage",
                       .value = chosen,
                       .fieldset = small_legend(s(t("boards.stage.legend"))),
                       .hint = {.text = core::format(t("boards.stage.hint"), {{"stage", stage_words(t, *now)}})},
                       .error_message = field_error_message(t, errors, "stage"),
                       .classes = "govuk-radios--small"};
  for (auto stage : groups::kAllStages) {
    radios.items.push_back({.text = stage_words(t, stage), .value = s(groups::stage_code(stage))});
  }
  radios.items.push_back({.divider = s(t("boards.stage.or"))});
  radios.items.push_back({.text = s(t("boards.stage.none")), .value = "none"});
  govuk::radios(h, radios);
}

/// The stage chosen on the form ("none": no stage); a problem when it is neither a stage nor "none".
std::optional<groups::Stage> read_stage(const std::string& typed, std::vector<FormProblem>& problems) {
  if (typed.empty() || typed == "none") return std::nullopt;
  const auto stage = groups::parse_stage(typed);
  if (!stage) problems.push_back({"stage", "boards.error.stage"});
  return stage;
}

std::string stage_value(std::optional<groups::Stage> stage) {
  return stage ? s(groups::stage_code(*stage)) : std::string("none");
}

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

/// What the settings form holds, as typed.
struct BoardSettings {
  std::string title, purpose, budget, stage;
};

BoardSettings settings_of(const Board& b) {
  return {b.title, b.purpose, std::to_string(b.dot_budget), stage_value(b.stage)};
}

void settings_form(Html& h, const core::Translator& t, const OrgRequest& req, const Board& b, const BoardSettings& f,
                   const std::vector<view::FieldError>& errors) {
  const auto& title = f.title;
  const auto& purpose = f.purpose;
  const auto& budget = f.budget;
  govuk::form_start(h, {.action = board_url(req, b.id) + "/settings", .csrf_token = req.ctx.csrf_token});
  govuk::input(h, {.id = "title",
                   .name = "title",
                   .value = title,
                   .label = small_label(s(t("boards.form.title"))),
                   .error_message = field_error_message(t, errors, "title")});
  govuk::textarea(h, {.id = "purpose",
                      .name = "purpose",
                      .rows = 3,
                      .value = purpose,
                      .label = small_label(s(t("boards.form.purpose"))),
                      .hint = {.text = s(t("boards.form.purpose_hint"))},
                      .error_message = field_error_message(t, errors, "purpose")});
  govuk::input(h, {.id = "budget",
                   .name = "budget",
                   .inputmode = "numeric",
                   .value = budget,
                   .label = small_label(s(t("boards.form.budget"))),
                   .hint = {.text = s(t("boards.form.budget_hint"))},
                   .error_message = field_error_message(t, errors, "budget"),
                   .classes = "govuk-input--width-3",
                   .spellcheck = false});
  stage_field(h, t, b.group_stage, f.stage, errors);
  submit_button(h, t("boards.settings.save"));
  govuk::form_end(h);
}

Response render_settings(OrgRequest& req, const PagesDeps& deps, const BoardPage& page, const BoardSettings& form,
                         const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& b = page.view.board;
  const std::string base = board_url(req, b.id);
  auto pb = page_builder(ctx, deps, s(t("boards.settings.title")));
  pb.caption(b.title).back_link(base, s(t("boards.back_to_board"))).errors(t, errors);
  Html& h = pb.body();
  if (b.archived_at) {
    govuk::paragraph(h, t("boards.settings.archived"));
    if (may(req, page.view, Action::restore_board)) {
      govuk::button_form(h, {.form = {.action = base + "/restore", .csrf_token = ctx.csrf_token},
                             .button = {.text = s(t("boards.settings.restore"))}});
    }
    return pb.respond();
  }
  settings_form(h, t, req, b, form, errors);

  govuk::heading(h, 2, "m", t("boards.lists.title"));
  govuk::paragraph(h, t("boards.lists.lead"));
  for (std::size_t i = 0; i < page.lists.size(); ++i) {
    const auto& l = page.lists[i];
    const std::string field = "list-" + std::to_string(l.id);
    const std::string at = base + "/lists/" + std::to_string(l.id);
    govuk::form_start(h, {.action = at + "/rename", .csrf_token = ctx.csrf_token});
    govuk::input(h, {.id = field,
                     .name = "title",
                     .value = l.title,
                     .label = small_label(core::format(t("boards.lists.name_n"), {{"n", std::to_string(i + 1)}})),
                     .error_message = field_error_message(t, errors, field)});
    submit_button(h, core::format(t("boards.lists.rename"), {{"list", l.title}}), "govuk-button--secondary");
    govuk::form_end(h);
    govuk::button_group_start(h);
    if (i > 0) {
      govuk::button_form(h, {.form = {.action = at + "/move", .csrf_token = ctx.csrf_token},
                             .hidden = {{"by", "-1"}},
                             .button = {.text = core::format(t("boards.lists.earlier"), {{"list", l.title}}),
                                        .classes = "govuk-button--secondary"}});
    }
    if (i + 1 < page.lists.size()) {
      govuk::button_form(h, {.form = {.action = at + "/move", .csrf_token = ctx.csrf_token},
                             .hidden = {{"by", "1"}},
                             .button = {.text = core::format(t("boards.lists.later"), {{"list", l.title}}),
                                        .classes = "govuk-button--secondary"}});
    }
    govuk::button_form(h, {.form = {.action = at + "/remove", .csrf_token = ctx.csrf_token},
                           .button = {.text = core::format(t("boards.lists.remove"), {{"list", l.title}}),
                                      .classes = "govuk-button--warning"}});
    govuk::button_group_end(h);
  }
  if (page.lists.size() < static_cast<std::size_t>(kMaxLists)) {
    govuk::form_start(h, {.action = base + "/lists", .csrf_token = ctx.csrf_token});
    govuk::input(h, {.id = "new-list",
                     .name = "title",
                     .label = small_label(s(t("boards.lists.new"))),
                     .error_message = field_error_message(t, errors, "new-list")});
    submit_button(h, t("boards.lists.add"), "govuk-button--secondary");
    govuk::form_end(h);
  }

  govuk::heading(h, 2, "m", t("boards.labels.title"));
  if (page.labels.empty()) {
    govuk::paragraph(h, t("boards.labels.none"));
  } else {
    Html tags;
    for (const auto& l : page.labels) {
      label_tag(tags, l);
      tags.text(" ");
    }
    govuk::paragraph(h, std::move(tags));
  }
  if (page.labels.size() < static_cast<std::size_t>(kMaxLabels)) {
    govuk::form_start(h, {.action = base + "/labels", .csrf_token = ctx.csrf_token});
    govuk::input(h, {.id = "label-name",
                     .name = "name",
                     .label = small_label(s(t("boards.labels.name"))),
                     .error_message = field_error_message(t, errors, "label-name")});
    govuk::Radios colours{.name = "colour",
                          .value = "blue",
                          .fieldset = small_legend(s(t("boards.labels.colour"))),
                          .hint = {.text = s(t("boards.labels.colour_hint"))},
                          .classes = "govuk-radios--small"};
    for (auto c : kColours) {
      Html item;
      govuk::tag(item, {.text = s(t("boards.colour." + std::string(c))), .classes = "govuk-tag--" + std::string(c)});
      colours.items.push_back({.html = std::move(item), .value = s(c)});
    }
    govuk::radios(h, colours);
    submit_button(h, t("boards.labels.add"), "govuk-button--secondary");
    govuk::form_end(h);
  }

  govuk::heading(h, 2, "m", t("boards.settings.archive_title"));
  govuk::paragraph(h, t("boards.settings.archive_lead"));
  govuk::button_form(h, {.form = {.action = base + "/archive", .csrf_token = ctx.csrf_token},
                         .button = {.text = s(t("boards.settings.archive")), .classes = "govuk-button--warning"}});
  return pb.respond();
}

std::vector<FormProblem> check_title(std::string_view title, std::string_view purpose) {
  std::vector<FormProblem> problems;
  accounts::check_required(problems, title, kMaxTitle, "title", "boards.error.");
  accounts::check_at_most(problems, purpose, kMaxPurpose, "purpose", "boards.error.");
  return problems;
}

}  // namespace

awaitable<Response> boards(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Action::see_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded);
  auto op = deps.service->group_boards(g.group.id);
  const auto all = co_await std::move(op);
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

awaitable<Response> settings(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_board(req, deps, Action::see_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  if (!may(req, page.view, Action::run_boards) && !may(req, page.view, Action::restore_board)) {
    co_return deps.not_found(req.ctx);
  }
  const auto& b = page.view.board;
  co_return render_settings(req, deps, page, settings_of(b), {});
}

awaitable<Response> save_settings(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_board(req, deps, Action::run_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  const BoardSettings form{ctx.form.trimmed("title"), ctx.form.trimmed("purpose"), ctx.form.trimmed("budget"),
                           ctx.form.trimmed("stage")};
  auto problems = check_title(form.title, form.purpose);
  const auto n = core::small_number(form.budget);
  if (!n || *n < 0 || *n > kMaxBudget) problems.push_back({"budget", "boards.error.budget"});
  const auto stage = read_stage(form.stage, problems);
  if (!problems.empty()) co_return render_settings(req, deps, page, form, field_errors(t, problems));
  auto op = deps.service->save_board(who_of(req), req.membership.org_id, page.view.board.id, form.title, form.purpose,
                                     *n, stage);
  co_return after(req, deps, co_await std::move(op), board_url(req, page.view.board.id), "boards.done.saved");
}

awaitable<Response> archive_board(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_board(req, deps, Action::run_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const long long id = std::get<BoardPage>(loaded).view.board.id;
  auto op = deps.service->archive_board(who_of(req), req.membership.org_id, id, true);
  co_return after(req, deps, co_await std::move(op), board_url(req, id), "boards.done.archived");
}

awaitable<Response> restore_board(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_board(req, deps, Action::restore_board);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const long long id = std::get<BoardPage>(loaded).view.board.id;
  auto op = deps.service->archive_board(who_of(req), req.membership.org_id, id, false);
  co_return after(req, deps, co_await std::move(op), board_url(req, id), "boards.done.restored");
}

awaitable<Response> add_list(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_board(req, deps, Action::run_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  const auto& b = page.view.board;
  const std::string title = ctx.form.trimmed("title");
  std::vector<FormProblem> problems;
  accounts::check_required(problems, title, kMaxTitle, "list", "boards.error.");
  if (!problems.empty()) {
    problems[0].field = "new-list";
    co_return render_settings(req, deps, page, settings_of(b), field_errors(t, problems));
  }
  auto op = deps.service->add_list(who_of(req), req.membership.org_id, b.id, title);
  co_return after(req, deps, co_await std::move(op), board_url(req, b.id) + "/settings", "boards.done.list_added");
}

awaitable<Response> rename_list(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_board(req, deps, Action::run_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  const auto& b = page.view.board;
  const auto list = http::parse_id(ctx.param("list"));
  if (!list || !page.list(*list)) co_return deps.not_found(ctx);
  const std::string title = ctx.form.trimmed("title");
  std::vector<FormProblem> problems;
  accounts::check_required(problems, title, kMaxTitle, "list", "boards.error.");
  if (!problems.empty()) {
    problems[0].field = "list-" + std::to_string(*list);
    co_return render_settings(req, deps, page, settings_of(b), field_errors(t, problems));
  }
  auto op = deps.service->rename_list(who_of(req), req.membership.org_id, b.id, *list, title);
  co_return after(req, deps, co_await std::move(op), board_url(req, b.id) + "/settings", "boards.done.list_renamed");
}

awaitable<Response> shift_list(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load_board(req, deps, Action::run_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& b = std::get<BoardPage>(loaded).view.board;
  const auto list = http::parse_id(ctx.param("list"));
  const std::string by = ctx.form.trimmed("by");
  if (!list || (by != "1" && by != "-1")) co_return deps.not_found(ctx);
  auto op = deps.service->shift_list(who_of(req), req.membership.org_id, b.id, *list, by == "1" ? 1 : -1);
  co_return after(req, deps, co_await std::move(op), board_url(req, b.id) + "/settings", "boards.done.list_moved");
}

awaitable<Response> remove_list(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_board(req, deps, Action::run_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  const auto& b = page.view.board;
  const auto list = http::parse_id(ctx.param("list"));
  if (!list || !page.list(*list)) co_return deps.not_found(ctx);
  auto op = deps.service->remove_list(who_of(req), req.membership.org_id, b.id, *list);
  const auto removed = co_await std::move(op);
  if (removed == ListRemoval::not_empty) {
    co_return render_settings(req, deps, page, settings_of(b),
                              field_errors(t, {{"list-" + std::to_string(*list), "boards.error.list_not_empty"}}));
  }
  if (removed == ListRemoval::refused) co_return deps.not_found(ctx);
  ctx.set_flash("boards.done.list_removed");
  co_return http::redirect(ctx.request, board_url(req, b.id) + "/settings");
}

awaitable<Response> add_label(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_board(req, deps, Action::run_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  const auto& b = page.view.board;
  const std::string name = ctx.form.trimmed("name");
  std::string colour = ctx.form.trimmed("colour");
  if (!known_colour(colour)) colour = "blue";
  std::vector<FormProblem> problems;
  accounts::check_required(problems, name, kMaxLabel, "label", "boards.error.");
  if (!problems.empty()) {
    problems[0].field = "label-name";
    co_return render_settings(req, deps, page, settings_of(b), field_errors(t, problems));
  }
  auto op = deps.service->add_label(who_of(req), req.membership.org_id, b.id, name, colour);
  co_return after(req, deps, co_await std::move(op), board_url(req, b.id) + "/settings", "boards.done.label_added");
}

}  // namespace roundtable::boards::pages
