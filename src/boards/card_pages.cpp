// A card's page (its details, Markdown description, the forms that move it, dots, and its history); a new card (from
// a list's quick form or the full form); editing; moving up, down or to a list and position; archiving and restoring;
// giving and taking back dots.
#include <algorithm>
#include <cstdio>

#include "accounts/form_checks.hpp"
#include "boards/board_pages.hpp"
#include "core/london_time.hpp"
#include "core/text.hpp"
#include "http/form.hpp"
#include "markdown/markdown.hpp"
#include "security/tokens.hpp"
#include "view/govuk/govuk.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::boards::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

/// What the card form holds, as typed.
struct CardForm {
  std::string title, description, day, month, year, list, create_key;
  std::vector<std::string> labels, people;
  /// Where a new card comes from, as the link to the form said it: "topic-12" ("": nowhere).
  std::string from;
};

/// "topic-12" as a kind and an id; nothing when it is not one.
std::optional<std::pair<std::string, long long>> parse_from(std::string_view from) {
  const auto dash = from.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  const auto kind = from.substr(0, dash);
  for (char c : kind) {
    if (!(c >= 'a' && c <= 'z') && c != '_') return std::nullopt;
  }
  const auto id = http::parse_id(from.substr(dash + 1));
  if (!id) return std::nullopt;
  return std::pair{std::string(kind), *id};
}

/// The first `most` characters of UTF-8 text (a contribution's title as a card's title).
std::string first_characters(std::string_view text, std::size_t most) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == most) return std::string(text.substr(0, i));
  }
  return std::string(text);
}

CardForm form_of(const Card& c) {
  CardForm f;
  f.title = c.title;
  f.description = c.description;
  if (c.due_date.size() == 10) {
    f.year = c.due_date.substr(0, 4);
    f.month = std::to_string(std::stoi(c.due_date.substr(5, 2)));
    f.day = std::to_string(std::stoi(c.due_date.substr(8, 2)));
  }
  f.list = std::to_string(c.list_id);
  for (long long id : c.label_ids) f.labels.push_back(std::to_string(id));
  for (const auto& p : c.people) f.people.push_back(std::to_string(p.user_id));
  return f;
}

CardForm read_form(const http::FormData& form) {
  CardForm f;
  f.title = form.trimmed("title");
  f.description = std::string(form.value("description"));
  f.day = form.trimmed("due-day");
  f.month = form.trimmed("due-month");
  f.year = form.trimmed("due-year");
  f.list = form.trimmed("list");
  f.create_key = form.trimmed("create_key");
  f.from = form.trimmed("from");
  for (auto v : form.all("labels")) f.labels.emplace_back(v);
  for (auto v : form.all("people")) f.people.emplace_back(v);
  return f;
}

std::vector<long long> ids_of(const std::vector<std::string>& typed) {
  std::vector<long long> out;
  for (const auto& v : typed) {
    if (auto id = http::parse_id(v)) out.push_back(*id);
  }
  return out;
}

/// The form's problems, and the card it describes when there are none.
std::vector<FormProblem> check(const CardForm& f, CardInput& out) {
  std::vector<FormProblem> problems;
  accounts::check_required(problems, f.title, kMaxTitle, "title", "boards.error.");
  accounts::check_at_most(problems, f.description, kMaxDescription, "description", "boards.error.");
  const auto due = parse_due_date(f.day, f.month, f.year);
  if (!due) problems.push_back({"due-day", "boards.error.due"});
  out = {f.title, f.description, due.value_or(""), ids_of(f.labels), ids_of(f.people)};
  return problems;
}

Response render_form(OrgRequest& req, const PagesDeps& deps, const BoardPage& page, const CardForm& f,
                     std::optional<long long> card_id, const std::vector<view::FieldError>& errors,
                     const std::optional<CardSource>& source = std::nullopt) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& b = page.view.board;
  auto pb = page_builder(ctx, deps, s(t(card_id ? "boards.card.edit_title" : "boards.card.new_title")));
  pb.caption(b.title)
      .back_link(card_id ? card_url(req, *card_id) : board_url(req, b.id),
                 s(t(card_id ? "boards.back_to_card" : "boards.back_to_board")))
      .errors(t, errors);
  Html& h = pb.body();
  govuk::form_start(h, {.action = card_id ? card_url(req, *card_id) + "/edit" : board_url(req, b.id) + "/cards",
                        .csrf_token = ctx.csrf_token});
  if (!card_id) {
    govuk::hidden(h, "create_key", f.create_key);
    if (source) {
      govuk::hidden(h, "from", f.from);
      govuk::inset_text(h, {.text = core::format(t("boards.card.from_notice"),
                                                 {{"kind", t(source->name_key)}, {"title", source->title}})});
    }
    govuk::Select list{.id = "list", .name = "list", .value = f.list, .label = small_label(s(t("boards.card.list")))};
    for (const auto& l : page.lists) list.items.push_back({.value = std::to_string(l.id), .text = l.title});
    govuk::select(h, list);
  }
  govuk::input(h, {.id = "title",
                   .name = "title",
                   .value = f.title,
                   .label = small_label(s(t("boards.card.title"))),
                   .error_message = field_error_message(t, errors, "title")});
  govuk::textarea(h, {.id = "description",
                      .name = "description",
                      .rows = 6,
                      .value = f.description,
                      .label = small_label(s(t("boards.card.description"))),
                      .hint = {.text = s(t("boards.card.description_hint"))},
                      .error_message = field_error_message(t, errors, "description")});
  if (!page.labels.empty()) {
    govuk::Checkboxes labels{.name = "labels",
                             .values = f.labels,
                             .fieldset = small_legend(s(t("boards.card.labels_legend"))),
                             .classes = "govuk-checkboxes--small"};
    for (const auto& l : page.labels) {
      Html tag;
      label_tag(tag, l);
      labels.items.push_back({.html = std::move(tag), .value = std::to_string(l.id)});
    }
    govuk::checkboxes(h, labels);
  }
  if (!page.people.empty()) {
    govuk::Checkboxes people{.name = "people",
                             .values = f.people,
                             .fieldset = small_legend(s(t("boards.card.people_legend"))),
                             .hint = {.text = s(t("boards.card.people_hint"))},
                             .classes = "govuk-checkboxes--small"};
    for (const auto& p : page.people) people.items.push_back({.text = p.name, .value = std::to_string(p.user_id)});
    govuk::checkboxes(h, people);
  }
  govuk::date_input(
      h,
      {.id = "due",
       .name_prefix = "due",
       .day =
           govuk::DateInputItem{
               .name = "day", .label = s(t("boards.form.day")), .value = f.day, .classes = "govuk-input--width-2"},
       .month = govuk::DateInputItem{.name = "month",
                                     .label = s(t("boards.form.month")),
                                     .value = f.month,
                                     .classes = "govuk-input--width-2"},
       .year =
           govuk::DateInputItem{
               .name = "year", .label = s(t("boards.form.year")), .value = f.year, .classes = "govuk-input--width-4"},
       .fieldset = small_legend(s(t("boards.card.due"))),
       .hint = {.text = s(t("boards.card.due_hint"))},
       .error_message = field_error_message(t, errors, "due-day")});
  govuk::button(h, {.text = s(t(card_id ? "boards.card.save" : "boards.card.add")), .prevent_double_click = true});
  govuk::form_end(h);
  return pb.respond();
}

std::string when_words(const core::Translator& t, long long at) {
  const auto w = core::to_london(at);
  char date[16], time[8];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", w.year, w.month, w.day);
  std::snprintf(time, sizeof time, "%02d:%02d", w.hour, w.minute);
  return core::format(t("boards.history.when"), {{"date", due_words(t, date)}, {"time", time}});
}

std::string what_words(const core::Translator& t, const HistoryEntry& e) {
  return core::format(t("boards.history.what." + e.what), {{"list", e.detail}, {"position", std::to_string(e.number)}});
}

Response render_card(OrgRequest& req, const PagesDeps& deps, const CardPage& cp, const std::string& typed_position,
                     const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& page = cp.board;
  const auto& c = cp.card;
  const auto& b = page.view.board;
  const bool works = may(req, page.view, Action::work_on_cards);
  auto pb = page_builder(ctx, deps, c.title);
  pb.caption(b.title)
      .back_link(board_url(req, b.id) + "#card-" + std::to_string(c.id), s(t("boards.back_to_board")))
      .errors(t, errors);
  Html& h = pb.body();
  const auto* list = page.list(c.list_id);
  if (c.archived_at) {
    govuk::inset_text(h, {.text = s(t("boards.card.archived"))});
  } else if (list) {
    govuk::paragraph(
        h, core::format(t("boards.card.where"), {{"list", list->title}, {"position", std::to_string(c.position)}}));
  }
  govuk::SummaryList rows;
  Html tags;
  for (long long id : c.label_ids) {
    if (const auto* l = page.label(id)) {
      label_tag(tags, *l);
      tags.text(" ");
    }
  }
  rows.rows.push_back({.key = {.text = s(t("boards.card.labels_legend"))},
                       .value = tags.empty() ? govuk::SummaryListCell{.text = s(t("boards.card.none"))}
                                             : govuk::SummaryListCell{.html = std::move(tags)}});
  std::string names;
  for (const auto& p : c.people)
    names += (names.empty() ? "" : ", ") + (p.name.empty() ? s(t("boards.card.left_group")) : p.name);
  rows.rows.push_back({.key = {.text = s(t("boards.card.people_legend"))},
                       .value = {.text = names.empty() ? s(t("boards.card.none")) : names}});
  rows.rows.push_back({.key = {.text = s(t("boards.card.due"))},
                       .value = {.text = c.due_date.empty() ? s(t("boards.card.none")) : due_words(t, c.due_date)}});
  rows.rows.push_back({.key = {.text = s(t("boards.results.dots"))}, .value = {.text = std::to_string(c.dots)}});
  if (!c.source_kind.empty()) {
    // Where it came from, when the viewer may see that (a deleted topic, or one they cannot see, is not named).
    Html from;
    if (cp.source) {
      from.text(t(cp.source->name_key)).text(": ");
      govuk::link(from, "/o/" + req.membership.org_slug + cp.source->href, cp.source->title);
    } else {
      from.text(t("boards.card.from_gone"));
    }
    rows.rows.push_back({.key = {.text = s(t("boards.card.from"))}, .value = {.html = std::move(from)}});
  }
  govuk::summary_list(h, rows);
  govuk::heading(h, 2, "m", t("boards.card.description"));
  if (c.description.empty()) {
    govuk::paragraph(h, t("boards.card.no_description"));
  } else {
    markdown::render(h, c.description, {.top_heading_level = 3});
  }
  const std::string base = card_url(req, c.id);
  if (works && !c.archived_at) {
    govuk::link_paragraph(h, base + "/edit", t("boards.card.edit_link"));
    govuk::heading(h, 2, "m", t("boards.move.title"), "move");
    govuk::form_start(h, {.action = base + "/move", .csrf_token = ctx.csrf_token});
    govuk::Select to{.id = "move-list",
                     .name = "list",
                     .value = std::to_string(c.list_id),
                     .label = small_label(s(t("boards.move.list")))};
    for (const auto& l : page.lists) to.items.push_back({.value = std::to_string(l.id), .text = l.title});
    govuk::select(h, to);
    govuk::input(h, {.id = "move-position",
                     .name = "position",
                     .inputmode = "numeric",
                     .value = typed_position.empty() ? std::to_string(c.position) : typed_position,
                     .label = small_label(s(t("boards.move.position"))),
                     .hint = {.text = s(t("boards.move.position_any"))},
                     .error_message = field_error_message(t, errors, "move-position"),
                     .classes = "govuk-input--width-3",
                     .spellcheck = false});
    submit_button(h, t("boards.move.button"), "govuk-button--secondary");
    govuk::form_end(h);
    govuk::button_form(h, {.form = {.action = base + "/archive", .csrf_token = ctx.csrf_token},
                           .button = {.text = s(t("boards.card.archive")), .classes = "govuk-button--warning"}});
  } else if (works && c.archived_at) {
    govuk::button_form(h, {.form = {.action = base + "/restore", .csrf_token = ctx.csrf_token},
                           .button = {.text = s(t("boards.card.restore"))}});
  }
  // What became of it: the loop's timeline of the card (the card is a contribution the loop knows, boards_loop.cpp).
  govuk::heading(h, 2, "m", t("boards.card.loop_title"));
  const std::string loop = "/o/" + req.membership.org_slug + "/loop/card/" + std::to_string(c.id);
  govuk::link_paragraph(h, loop, t("boards.card.loop_link"));
  // Only the group's own lead facilitators and facilitators say what happened next (the loop's rule).
  if (page.view.role == GroupRole::lead || page.view.role == GroupRole::facilitator) {
    govuk::link_paragraph(h, loop + "/status", t("boards.card.loop_say"));
  }
  govuk::heading(h, 2, "m", t("boards.history.title"));
  view::scroll_region_start(h, t, t("boards.history.title"));
  govuk::TableWriter table(h, {.head = {{.text = s(t("boards.history.col_when"))},
                                        {.text = s(t("boards.history.col_who"))},
                                        {.text = s(t("boards.history.col_what"))}},
                               .caption = s(t("boards.history.caption")),
                               .caption_classes = "govuk-visually-hidden"});
  for (const auto& e : cp.history) {
    table.row({{.text = when_words(t, e.at)},
               {.text = e.who.empty() ? s(t("boards.card.left_group")) : e.who},
               {.text = what_words(t, e)}});
  }
  table.end();
  view::scroll_region_end(h);
  return pb.respond();
}

/// To the card on its board, with the focus on it (its heading is the anchor's target).
Response to_card_on_board(OrgRequest& req, long long board_id, long long card_id) {
  return http::redirect(req.ctx.request, board_url(req, board_id) + "#card-" + std::to_string(card_id));
}

}  // namespace

awaitable<Response> card(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_card(req, deps, Action::see_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_card(req, deps, std::get<CardPage>(loaded), "", {});
}

awaitable<Response> new_card(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_board(req, deps, Action::work_on_cards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  CardForm f;
  f.create_key = security::random_token(16);
  const auto q = req.ctx.query_params();
  f.list = std::string(q.value("list"));
  if (!page.lists.empty() && !page.list(http::parse_id(f.list).value_or(0))) f.list = std::to_string(page.lists[0].id);
  // From a contribution's page ("Put it on the board"): the card links to it, and starts with its title.
  std::optional<CardSource> source;
  if (const auto from = q.value("from"); !from.empty()) {
    const auto parsed = parse_from(from);
    if (!parsed) co_return deps.not_found(req.ctx);
    auto op = deps.service->card_source(req.membership.org_id, page.view.board.id, parsed->first, parsed->second,
                                        req.principal.user_id);
    source = co_await std::move(op);
    if (!source) co_return deps.not_found(req.ctx);
    f.from = std::string(from);
    f.title = first_characters(source->title, kMaxTitle);
  }
  co_return render_form(req, deps, page, f, std::nullopt, {}, source);
}

awaitable<Response> create_card(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_board(req, deps, Action::work_on_cards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  CardForm f = read_form(ctx.form);
  if (f.create_key.empty()) f.create_key = security::random_token(16);
  // A list that is not the board's (or none): the first list, as the form shows it.
  if (page.lists.empty()) co_return deps.not_found(ctx);
  if (!page.list(http::parse_id(f.list).value_or(0))) f.list = std::to_string(page.lists[0].id);
  const auto list = http::parse_id(f.list);
  CardInput in;
  const auto problems = check(f, in);
  // Where it comes from: checked again when the card is written (gone, or no longer for them: refused).
  std::optional<CardSource> source;
  if (!f.from.empty()) {
    const auto parsed = parse_from(f.from);
    if (!parsed) co_return deps.not_found(ctx);
    in.source_kind = parsed->first;
    in.source_id = parsed->second;
    if (!problems.empty()) {
      auto op = deps.service->card_source(req.membership.org_id, page.view.board.id, parsed->first, parsed->second,
                                          req.principal.user_id);
      source = co_await std::move(op);
      if (!source) co_return deps.not_found(ctx);
    }
  }
  if (!problems.empty()) {
    co_return render_form(req, deps, page, f, std::nullopt, field_errors(t, problems), source);
  }
  auto op = deps.service->create_card(who_of(req), req.membership.org_id, page.view.board.id, *list, std::move(in),
                                      f.create_key);
  const long long id = co_await std::move(op);
  if (id == 0) co_return deps.not_found(ctx);
  ctx.set_flash("boards.done.card_added", {{"card", f.title}, {"list", page.list(*list)->title}});
  co_return to_card_on_board(req, page.view.board.id, id);
}

awaitable<Response> edit_card(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_card(req, deps, Action::work_on_cards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& cp = std::get<CardPage>(loaded);
  if (cp.card.archived_at) co_return deps.not_found(req.ctx);
  co_return render_form(req, deps, cp.board, form_of(cp.card), cp.card.id, {});
}

awaitable<Response> save_card(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_card(req, deps, Action::work_on_cards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& cp = std::get<CardPage>(loaded);
  if (cp.card.archived_at) co_return deps.not_found(ctx);
  const CardForm f = read_form(ctx.form);
  CardInput in;
  if (const auto problems = check(f, in); !problems.empty()) {
    co_return render_form(req, deps, cp.board, f, cp.card.id, field_errors(t, problems));
  }
  auto op = deps.service->save_card(who_of(req), req.membership.org_id, cp.card.id, std::move(in));
  co_return after(req, deps, co_await std::move(op), card_url(req, cp.card.id), "boards.done.card_saved");
}

awaitable<Response> move_card(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_card(req, deps, Action::work_on_cards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& cp = std::get<CardPage>(loaded);
  if (cp.card.archived_at) co_return deps.not_found(ctx);
  MoveTo to;
  const std::string direction = ctx.form.trimmed("direction");
  const std::string typed = ctx.form.trimmed("position");
  if (direction == "up") {
    to.kind = MoveTo::Kind::up;
  } else if (direction == "down") {
    to.kind = MoveTo::Kind::down;
  } else {
    // No list (or not the board's): the card's own.
    auto list = http::parse_id(ctx.form.trimmed("list"));
    if (!list || !cp.board.list(*list)) list = cp.card.list_id;
    const auto position = core::small_number(typed);
    if (!position || *position < 1) {
      co_return render_card(req, deps, cp, typed, field_errors(t, {{"move-position", "boards.error.position"}}));
    }
    to.list_id = *list;
    to.position = *position;
  }
  auto op = deps.service->move_card(who_of(req), req.membership.org_id, cp.card.id, to);
  const auto moved = co_await std::move(op);
  if (moved.change == Change::refused) co_return deps.not_found(ctx);
  ctx.set_flash("boards.done.moved",
                {{"card", moved.card_title}, {"list", moved.list_title}, {"position", std::to_string(moved.position)}});
  co_return to_card_on_board(req, moved.board_id, cp.card.id);
}

awaitable<Response> archive_card(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_card(req, deps, Action::work_on_cards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& cp = std::get<CardPage>(loaded);
  auto op = deps.service->archive_card(who_of(req), req.membership.org_id, cp.card.id, true);
  co_return after(req, deps, co_await std::move(op), card_url(req, cp.card.id), "boards.done.card_archived");
}

awaitable<Response> restore_card(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_card(req, deps, Action::work_on_cards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& cp = std::get<CardPage>(loaded);
  auto op = deps.service->archive_card(who_of(req), req.membership.org_id, cp.card.id, false);
  co_return after(req, deps, co_await std::move(op), card_url(req, cp.card.id), "boards.done.card_restored");
}

awaitable<Response> dots(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load_card(req, deps, Action::work_on_cards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& cp = std::get<CardPage>(loaded);
  const std::string change = ctx.form.trimmed("change");
  if (change != "give" && change != "take") co_return deps.not_found(ctx);
  auto op = deps.service->dots(who_of(req), req.membership.org_id, cp.card.id, change == "give" ? 1 : -1);
  switch (co_await std::move(op)) {
    case Dots::done:
      ctx.set_flash(change == "give" ? "boards.done.dot_given" : "boards.done.dot_taken", {{"card", cp.card.title}});
      break;
    case Dots::out_of_dots:
      // Not a success: an "Important" banner.
      ctx.next_flash =
          http::Flash{"boards.done.out_of_dots",
                      {{"budget", std::to_string(cp.board.view.board.dot_budget)}, {"card", cp.card.title}},
                      true};
      break;
    case Dots::none_to_take: ctx.set_flash("boards.done.no_dot_to_take", {{"card", cp.card.title}}); break;
    case Dots::refused: co_return deps.not_found(ctx);
  }
  co_return to_card_on_board(req, cp.board.view.board.id, cp.card.id);
}

}  // namespace roundtable::boards::pages
