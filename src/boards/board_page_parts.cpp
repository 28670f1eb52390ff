// What the boards pages share: finding the board, card or group, who may do what, addresses, labels and dates.
#include <cstdio>

#include "boards/board_pages.hpp"
#include "core/london_time.hpp"
#include "http/form.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::boards::pages {

namespace {

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

awaitable<std::variant<BoardPage, Response>> load_board(OrgRequest& req, const PagesDeps& deps, policy::Action action,
                                                        std::optional<long long> only_list) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("board"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = only_list ? deps.service->list_page(req.membership.org_id, *id, *only_list, req.principal.user_id)
                      : deps.service->board_page(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict = policy::allows(actor_of(req, found->view.role), action, policy::facts_of(found->view.board));
  co_return decide(req, deps, verdict, std::move(*found));
}

awaitable<std::variant<BoardPage, Response>> load_shown_board(OrgRequest& req, const PagesDeps& deps,
                                                              policy::Action action, bool by_dots) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("board"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->shown_board_page(req.membership.org_id, *id, req.principal.user_id, by_dots);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict = policy::allows(actor_of(req, found->view.role), action, policy::facts_of(found->view.board));
  co_return decide(req, deps, verdict, std::move(*found));
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
                                                                     policy::Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("group"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->group_for(req.membership.org_id, *id, req.principal.user_id);
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

void label_tag(view::Html& h, const Label& l) {
  view::govuk::tag(h, {.text = l.name, .classes = "govuk-tag--" + l.colour});
}

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

}  // namespace roundtable::boards::pages
