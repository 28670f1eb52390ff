// What the boards pages share: finding the board, card or group, who may do what, addresses, labels and dates.
#include <algorithm>
#include <cstdio>

#include "accounts/form_checks.hpp"
#include "boards/board_pages.hpp"
#include "core/london_time.hpp"
#include "http/form.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::boards::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

template <class T>
std::variant<T, Response> decide(OrgRequest& req, const PagesDeps& deps, policy::Verdict verdict, T found) {
  switch (verdict) {
    case policy::Verdict::allow: return found;
    case policy::Verdict::need_two_step: return http::redirect(req.ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  return deps.not_found(req.ctx);
}

}  // namespace

policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> role) {
  return {req.membership.role, req.principal.two_step, role};
}

bool may(const OrgRequest& req, const BoardForViewer& v, policy::Action action) {
  return policy::allows(actor_of(req, v.role), action, policy::facts_of(v.board)) != policy::Verdict::deny;
}

namespace {

/// The board named by {board}, read by `read` (a BoardService use case given the board's id), when the person may do
/// `action` to it.
template <class Read>
awaitable<std::variant<BoardPage, Response>> load_with(OrgRequest& req, const PagesDeps& deps, policy::Action action,
                                                       Read read) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("board"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = read(*id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict = policy::allows(actor_of(req, found->view.role), action, policy::facts_of(found->view.board));
  co_return decide(req, deps, verdict, std::move(*found));
}

}  // namespace

awaitable<std::variant<BoardPage, Response>> load_board(OrgRequest& req, const PagesDeps& deps, policy::Action action,
                                                        std::optional<long long> only_list, bool with_details) {
  const long long org = req.membership.org_id, viewer = req.principal.user_id;
  auto op = load_with(req, deps, action, [&](long long id) {
    return only_list ? deps.service->list_page(org, id, *only_list, viewer)
                     : deps.service->board_page(org, id, viewer, with_details);
  });
  co_return co_await std::move(op);
}

awaitable<std::variant<BoardPage, Response>> load_shown_board(OrgRequest& req, const PagesDeps& deps,
                                                              policy::Action action, bool by_dots) {
  const long long org = req.membership.org_id, viewer = req.principal.user_id;
  auto op = load_with(req, deps, action,
                      [&](long long id) { return deps.service->shown_board_page(org, id, viewer, by_dots); });
  co_return co_await std::move(op);
}

awaitable<std::variant<BoardPage, Response>> load_voted_board(OrgRequest& req, const PagesDeps& deps,
                                                              policy::Action action) {
  const long long org = req.membership.org_id, viewer = req.principal.user_id;
  auto op = load_with(req, deps, action, [&](long long id) { return deps.service->voted_board_page(org, id, viewer); });
  co_return co_await std::move(op);
}

awaitable<std::variant<CardPage, Response>> load_card(OrgRequest& req, const PagesDeps& deps, policy::Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("card"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->card_page(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto& v = found->board.view;
  const auto verdict = policy::allows(actor_of(req, v.role), action, policy::facts_of(v.board, &found->card));
  co_return decide(req, deps, verdict, std::move(*found));
}

awaitable<std::variant<groups::GroupForViewer, Response>> load_group(OrgRequest& req, const PagesDeps& deps,
                                                                     policy::Action action,
                                                                     groups::AlongWithGroup along) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("group"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->group_for(req.membership.org_id, *id, req.principal.user_id, std::move(along));
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const policy::Facts facts{found->group.details.visibility, found->group.archived(), false};
  const auto verdict = policy::allows(actor_of(req, found->role), action, facts);
  co_return decide(req, deps, verdict, std::move(*found));
}

Who who_of(const OrgRequest& req) { return {req.principal.user_id, req.membership.role, req.principal.two_step}; }

std::string board_url(const OrgRequest& req, long long id) {
  return "/o/" + req.membership.org_slug + "/boards/" + std::to_string(id);
}

std::string card_url(const OrgRequest& req, long long id) {
  return "/o/" + req.membership.org_slug + "/cards/" + std::to_string(id);
}

Response to_card_on_board(OrgRequest& req, long long board_id, long long card_id) {
  return http::redirect(req.ctx.request, board_url(req, board_id) + "#card-" + std::to_string(card_id));
}

std::string list_url(const OrgRequest& req, long long board_id, long long list_id) {
  return board_url(req, board_id) + "/lists/" + std::to_string(list_id);
}

Response to_card_in_list(OrgRequest& req, long long board_id, long long list_id, long long card_id) {
  return http::redirect(req.ctx.request, list_url(req, board_id, list_id) + "#card-" + std::to_string(card_id));
}

std::string group_boards_url(const OrgRequest& req, long long group_id) {
  return "/o/" + req.membership.org_slug + "/groups/" + std::to_string(group_id) + "/boards";
}

Response after(OrgRequest& req, const PagesDeps& deps, Change c, const std::string& to, const char* done_key) {
  if (c == Change::refused) return deps.not_found(req.ctx);
  req.ctx.set_flash(done_key);
  return http::redirect(req.ctx.request, to);
}

std::string stage_words(const core::Translator& t, groups::Stage stage) {
  return s(t("boards.stage_name." + std::string(groups::stage_code(stage))));
}

void label_tag(view::Html& h, const Label& l) { govuk::tag(h, {.text = l.name, .classes = "govuk-tag--" + l.colour}); }

std::string due_words(const core::Translator& t, std::string_view due) {
  if (due.size() != 10) return std::string(due);
  const std::string year(due.substr(0, 4));
  const int month = std::stoi(std::string(due.substr(5, 2)));
  const int day = std::stoi(std::string(due.substr(8, 2)));
  return core::format(
      t("date.date"),
      {{"day", std::to_string(day)}, {"month", s(t("date.month." + std::to_string(month)))}, {"year", year}});
}

std::string when_words(const core::Translator& t, long long at) {
  const auto w = core::to_london(at);
  char date[16], time[8];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", w.year, w.month, w.day);
  std::snprintf(time, sizeof time, "%02d:%02d", w.hour, w.minute);
  return core::format(t("boards.history.when"), {{"date", due_words(t, date)}, {"time", time}});
}

Around::Around(std::string_view pattern, std::string_view placeholder) {
  const auto at = pattern.find(placeholder);
  if (at == std::string_view::npos) {
    before = pattern;
    return;
  }
  before = pattern.substr(0, at);
  after = pattern.substr(at + placeholder.size());
}

CardWriter::CardWriter(const OrgRequest& req, const BoardPage& page)
    : req_(req),
      t_(req.ctx.t()),
      page_(page),
      card_prefix_("/o/" + req.membership.org_slug + "/cards/"),
      labels_(t_("boards.card.labels")),
      left_group_(t_("boards.card.left_group")),
      move_up_(t_("boards.move.up")),
      move_down_(t_("boards.move.down")),
      move_to_(t_("boards.move.to")),
      give_(t_("boards.dots.give")),
      take_(t_("boards.dots.take")),
      position_(t_("boards.card.position"), "{n}"),
      people_(t_("boards.card.people_list"), "{people}"),
      due_(t_("boards.card.due_on"), "{date}"),
      new_card_{.name = "title", .label = small_label("")},
      add_button_{
          .text = s(t_("boards.card.add")), .classes = "govuk-button--secondary", .prevent_double_click = true} {}

void CardWriter::card(Html& h, const Card& c, bool on_list_page, bool with_forms, bool dots_on, bool drag) const {
  h.raw("<div class=\"govuk-summary-card\"");
  if (drag) h.raw(" data-rt-card=\"").number(c.id).raw("\"");
  h.raw("><div class=\"govuk-summary-card__title-wrapper\">").raw_if(on_list_page, "<h2", "<h3");
  h.raw(" class=\"govuk-summary-card__title\" id=\"card-").number(c.id).raw("\" tabindex=\"-1\">");
  h.raw("<a class=\"govuk-link\" href=\"").text(card_prefix_).number(c.id).raw("\">").text(c.title).raw("</a>");
  h.raw(" <span class=\"govuk-caption-s\">").text(position_.before).number(c.position).text(position_.after);
  h.raw("</span>").raw_if(on_list_page, "</h2>", "</h3>").raw("</div><div class=\"govuk-summary-card__content\">");
  facts(h, c);
  if (with_forms) forms(h, c, dots_on);
  h.raw("</div></div>\n");
}

void CardWriter::facts(Html& h, const Card& c) const {
  if (!c.label_ids.empty()) {
    h.raw("<p class=\"govuk-body-s\">").text(labels_).raw(" ");
    for (long long id : c.label_ids) {
      if (const auto* l = page_.label(id)) {
        label_tag(h, *l);
        h.raw(" ");
      }
    }
    h.raw("</p>\n");
  }
  if (!c.people.empty()) {
    h.raw("<p class=\"govuk-body-s\">").text(people_.before);
    for (std::size_t i = 0; i < c.people.size(); ++i) {
      if (i > 0) h.raw(", ");
      h.text(c.people[i].name.empty() ? left_group_ : std::string_view(c.people[i].name));
    }
    h.text(people_.after).raw("</p>\n");
  }
  if (!c.due_date.empty()) {
    h.raw("<p class=\"govuk-body-s\">").text(due_.before).text(due_words(t_, c.due_date)).text(due_.after);
    h.raw("</p>\n");
  }
  if (c.dots > 0) h.raw("<p class=\"govuk-body-s\">").text(t_.plural("boards.card.dots", c.dots)).raw("</p>\n");
  if (c.comments > 0) {
    h.raw("<p class=\"govuk-body-s\">").text(t_.plural("boards.card.comments", c.comments)).raw("</p>\n");
  }
}

void card_form_start(Html& h, std::string_view prefix, long long card, view::Markup what, std::string_view csrf) {
  h.raw("<form method=\"post\" action=\"").text(prefix).number(card).raw(what).raw("\" novalidate>\n");
  h.raw("<input type=\"hidden\" name=\"csrf_token\" value=\"")
      .text(csrf)
      .raw("\">\n<div class=\"govuk-button-group\">\n");
}

void card_button(Html& h, view::Markup name_and_value, std::string_view words, std::string_view card) {
  h.raw("<button type=\"submit\" ").raw(name_and_value);
  h.raw(" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">\n").text(words);
  h.raw("<span class=\"govuk-visually-hidden\"> ").text(card).raw("</span>\n</button>\n");
}

/// One form moves the card up or down; a link leads to the card's own form that moves it to a list and position (a
/// list picker on every card made a board of 500 cards weigh over a megabyte); one more form gives or takes back a
/// dot. Each button and link says which card it is for.
void CardWriter::forms(Html& h, const Card& c, bool dots_on) const {
  const auto& csrf = req_.ctx.csrf_token;
  card_form_start(h, card_prefix_, c.id, "/move", csrf);
  card_button(h, "value=\"up\" name=\"direction\"", move_up_, c.title);
  card_button(h, "value=\"down\" name=\"direction\"", move_down_, c.title);
  h.raw("<a class=\"govuk-link\" href=\"").text(card_prefix_).number(c.id).raw("#move\">").text(move_to_);
  h.raw("<span class=\"govuk-visually-hidden\"> ").text(c.title).raw("</span></a></div>\n</form>\n");
  if (!dots_on) return;
  card_form_start(h, card_prefix_, c.id, "/dots", csrf);
  card_button(h, "value=\"give\" name=\"change\"", give_, c.title);
  if (c.my_dots > 0) card_button(h, "value=\"take\" name=\"change\"", take_, c.title);
  h.raw("</div>\n</form>\n");
}

void CardWriter::add_card_form(Html& h, const BoardList& l, const std::string& page_key) {
  const std::string list = std::to_string(l.id);
  govuk::form_start(h, {.action = board_url(req_, page_.view.board.id) + "/cards", .csrf_token = req_.ctx.csrf_token});
  govuk::hidden(h, "create_key", page_key + "-" + list);
  govuk::hidden(h, "list", list);
  new_card_.id = "new-card-" + list;
  new_card_.label.text = core::format(t_("boards.card.add_to"), {{"list", l.title}});
  govuk::input(h, new_card_);
  govuk::button(h, add_button_);
  govuk::form_end(h);
}

void dots_left(Html& h, const core::Translator& t, const BoardPage& page) {
  const auto& b = page.view.board;
  govuk::paragraph(
      h, core::format(t("boards.dots.left"), {{"left", std::to_string(std::max(0LL, b.dot_budget - page.my_dots_used))},
                                              {"budget", std::to_string(b.dot_budget)}}));
}

void live_start(Html& h, const core::Translator& t, const OrgRequest& req, const PagesDeps& deps, const Board& b,
                const std::string& base, bool drag) {
  const bool live = deps.live && !b.archived_at;
  drag = drag && !b.archived_at;
  if (live || drag) {
    h.raw("<div class=\"govuk-body govuk-!-font-weight-bold\" aria-live=\"polite\" data-rt-live-status></div>\n");
  }
  h.raw("<div id=\"board-lists\"");
  if (live) {
    h.raw(" data-rt-board-live=\"").text(base + "/live").raw("\"");
    h.raw(" data-text-changed=\"").text(t("boards.live.changed")).raw("\"");
  }
  if (drag) {
    h.raw(" data-rt-board-drag data-rt-csrf=\"").text(req.ctx.csrf_token).raw("\"");
    h.raw(" data-text-moved=\"").text(t("boards.drag.moved")).raw("\"");
    h.raw(" data-text-move-failed=\"").text(t("boards.drag.failed")).raw("\"");
  }
  h.raw(">\n");
}

void list_cards_start(Html& h, const BoardList& l) {
  h.raw("<div class=\"rt-board-list\" data-rt-list=\"").number(l.id).raw("\" data-rt-list-title=\"").text(l.title);
  h.raw("\">\n");
}

void list_heading(Html& h, const core::Translator& t, const BoardList& l, long long in_list, const std::string& id) {
  govuk::heading(h, 2, "m",
                 core::format(t("boards.board.list_heading"),
                              {{"list", l.title}, {"count", t.plural("boards.list.card_count", in_list)}}),
                 id);
}

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

std::vector<FormProblem> check_title(std::string_view title, std::string_view purpose) {
  std::vector<FormProblem> problems;
  accounts::check_required(problems, title, kMaxTitle, "title", "boards.error.");
  accounts::check_at_most(problems, purpose, kMaxPurpose, "purpose", "boards.error.");
  return problems;
}

}  // namespace roundtable::boards::pages
