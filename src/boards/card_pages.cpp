// A card's page (its details, where it came from, Markdown description, the forms that move it, dots, its comments
// (card_comment_pages.cpp) and its history); moving up, down or to a list and position; archiving and restoring; giving
// and taking back dots. The card form is in card_form_pages.cpp.
#include <algorithm>

#include "accounts/form_checks.hpp"
#include "boards/board_pages.hpp"
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

std::string what_words(const core::Translator& t, const HistoryEntry& e) {
  return core::format(t("boards.history.what." + e.what), {{"list", e.detail}, {"position", std::to_string(e.number)}});
}

}  // namespace

Response render_card(OrgRequest& req, const PagesDeps& deps, const CardPage& cp, const std::string& typed_position,
                     const std::vector<view::FieldError>& errors, const std::string& typed_comment) {
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
  files_section(h, req, deps, cp, errors);
  comments_section(h, req, cp, typed_comment, errors);
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

awaitable<Response> card(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_card(req, deps, Action::see_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_card(req, deps, std::get<CardPage>(loaded), "", {});
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
  co_return to_card_in_list(req, moved.board_id, moved.list_id, cp.card.id);
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
  co_return to_card_in_list(req, cp.board.view.board.id, cp.card.list_id, cp.card.id);
}

}  // namespace roundtable::boards::pages
