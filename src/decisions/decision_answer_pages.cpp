// Answering a proposal: a vote in a simple poll, a ranked-choice, dot or score ballot, a consent answer, and resolving
// or withdrawing an objection. The proposal's page they come back to with an error: decision_pages.cpp.
#include "accounts/form_checks.hpp"
#include "decisions/decision_form.hpp"
#include "decisions/decision_pages.hpp"
#include "decisions/results.hpp"
#include "http/form.hpp"
#include "meetings/time_poll_form.hpp"

namespace roundtable::decisions::pages {

using policy::Action;

awaitable<Response> vote(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  // Seeing it is checked here; whether votes are still taken is the service's to say (closing by time).
  auto loaded_op = load(req, deps, Action::see_decisions);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<DecisionPage>(loaded);
  const auto& p = page.view.proposal;
  if (p.details.process != Process::simple_poll || !page.view.may_take_part()) co_return deps.not_found(ctx);
  Typed typed{std::string(ctx.form.trimmed("option")), {}, std::nullopt};
  if (p.closed(deps.service->now())) co_return refused(req, deps, page, VoteOutcome::closed, typed, "option");
  const auto option = http::parse_id(typed.option);
  if (!option || !p.option(*option)) {
    co_return render(req, deps, page, typed, field_errors(t, {{"option", "decisions.error.option_missing"}}));
  }
  auto op = deps.service->vote(req.membership.org_id, p.id, req.principal.user_id, *option);
  const auto outcome = co_await std::move(op);
  if (outcome != VoteOutcome::done) co_return refused(req, deps, page, outcome, typed, "option");
  ctx.set_flash("decisions.done.voted");
  co_return http::redirect(ctx.request, decision_url(req, p.id));
}

namespace {

/// A meeting-time ballot: each time answered yes, if need be or no, read and checked as the "find a time" poll's.
awaitable<Response> answer_times(OrgRequest& req, const PagesDeps& deps, const DecisionPage& page) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& p = page.view.proposal;
  meetings::TimePoll poll;
  poll.options = time_options(p.details.options);
  Typed typed;
  typed.times = meetings::read_poll_answers(ctx.form, poll);
  const std::string first = poll.options.empty() ? "o-0" : "o-" + std::to_string(poll.options.front().id);
  if (p.closed(deps.service->now())) co_return refused(req, deps, page, VoteOutcome::closed, typed, first.c_str());
  if (const auto problems = meetings::check_poll_answers(*typed.times, poll); !problems.empty()) {
    co_return render(req, deps, page, typed, field_errors(t, problems));
  }
  std::vector<std::pair<long long, long long>> rows;
  for (const auto& a : *typed.times) rows.emplace_back(a.option_id, answer_value(a.answer));
  auto op = deps.service->cast(req.membership.org_id, p.id, req.principal.user_id, rows);
  const auto outcome = co_await std::move(op);
  if (outcome != VoteOutcome::done) co_return refused(req, deps, page, outcome, typed, first.c_str());
  ctx.set_flash("decisions.done.answered_times");
  co_return http::redirect(ctx.request, decision_url(req, p.id));
}

}  // namespace

awaitable<Response> cast(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::see_decisions);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<DecisionPage>(loaded);
  const auto& p = page.view.proposal;
  const Process process = p.details.process;
  if (process == Process::simple_poll || process == Process::consent || !page.view.may_take_part()) {
    co_return deps.not_found(ctx);
  }
  if (process == Process::meeting_time) {
    auto times_op = answer_times(req, deps, page);
    co_return co_await std::move(times_op);
  }
  Typed typed{"", {}, read_ballot(ctx.form, p.details.options)};
  const std::string first = p.details.options.empty() ? "option" : "option-" + std::to_string(p.details.options[0].id);
  if (p.closed(deps.service->now())) co_return refused(req, deps, page, VoteOutcome::closed, typed, first.c_str());
  auto rows = ballot_rows(p.details, *typed.ballot);
  if (auto* problem = std::get_if<FormProblem>(&rows)) {
    co_return render(req, deps, page, typed, field_errors(t, std::vector<FormProblem>{*problem}));
  }
  const auto& ballot = std::get<std::vector<std::pair<long long, long long>>>(rows);
  if (const auto key = check_ballot(p.details, ballot); !key.empty()) {
    // On the field of the first option the ballot names (or the first option).
    std::string field = first;
    if (!ballot.empty()) field = "option-" + std::to_string(ballot.front().first);
    co_return render(req, deps, page, typed, field_errors(t, std::vector<FormProblem>{{field, std::string(key)}}));
  }
  auto op = deps.service->cast(req.membership.org_id, p.id, req.principal.user_id, ballot);
  const auto outcome = co_await std::move(op);
  if (outcome != VoteOutcome::done) co_return refused(req, deps, page, outcome, typed, first.c_str());
  ctx.set_flash("decisions.done.voted");
  co_return http::redirect(ctx.request, decision_url(req, p.id));
}

awaitable<Response> respond(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::see_decisions);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<DecisionPage>(loaded);
  const auto& p = page.view.proposal;
  if (p.details.process != Process::consent || !page.view.may_take_part()) co_return deps.not_found(ctx);
  Typed typed{"", read_response(ctx.form), std::nullopt};
  if (p.closed(deps.service->now())) co_return refused(req, deps, page, VoteOutcome::closed, typed, "answer");
  if (const auto problems = check_response(typed.response); !problems.empty()) {
    co_return render(req, deps, page, typed, field_errors(t, problems));
  }
  auto op = deps.service->respond(req.membership.org_id, p.id, req.principal.user_id,
                                  *parse_consent_answer(typed.response.answer), typed.response.reason);
  const auto outcome = co_await std::move(op);
  if (outcome != VoteOutcome::done) co_return refused(req, deps, page, outcome, typed, "answer");
  ctx.set_flash("decisions.done.answered");
  co_return http::redirect(ctx.request, decision_url(req, p.id));
}

awaitable<Response> resolve_objection(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::resolve_objection);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<DecisionPage>(loaded);
  const auto objection = http::parse_id(ctx.param("objection"));
  if (!objection) co_return deps.not_found(ctx);
  const std::string how = ctx.form.trimmed("how");
  std::vector<FormProblem> problems;
  accounts::check_required(problems, how, kMaxReason, "how", "decisions.error.");
  if (!problems.empty()) {
    problems[0].field = "how-" + std::to_string(*objection);
    co_return render(req, deps, page, {}, field_errors(t, problems));
  }
  auto op = deps.service->resolve_objection(who_of(req), req.membership.org_id, page.view.proposal.id, *objection, how);
  co_return after(req, deps, co_await std::move(op), decision_url(req, page.view.proposal.id),
                  "decisions.done.resolved");
}

awaitable<Response> withdraw_objection(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::see_decisions);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<DecisionPage>(loaded);
  const auto objection = http::parse_id(req.ctx.param("objection"));
  if (!objection) co_return deps.not_found(req.ctx);
  auto op =
      deps.service->withdraw_objection(req.membership.org_id, page.view.proposal.id, req.principal.user_id, *objection);
  co_return after(req, deps, co_await std::move(op), decision_url(req, page.view.proposal.id),
                  "decisions.done.objection_withdrawn");
}

}  // namespace roundtable::decisions::pages
