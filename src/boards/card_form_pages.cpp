// The card form: a new card (from a list's quick form, the full form, or a contribution's "Put it on the board",
// which the card then links back to) and editing a card.
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

}  // namespace

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

}  // namespace roundtable::boards::pages
