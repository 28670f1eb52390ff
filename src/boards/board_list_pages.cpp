// A board's settings: its name, purpose and dot budget, its lists (add, rename, move, remove an empty one), its
// labels, and archiving or restoring it. (A group's boards and the new board form are in group_boards_pages.cpp.)
#include "accounts/form_checks.hpp"
#include "boards/board_pages.hpp"
#include "core/text.hpp"
#include "http/form.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::boards::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

std::string stage_value(std::optional<groups::Stage> stage) {
  return stage ? s(groups::stage_code(*stage)) : std::string("none");
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
}  // namespace

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
