// A statement: the person's answer and the buttons to give or change it; hiding it, with a reason, for the people who
// run the group.
#include "accounts/form_checks.hpp"
#include "consensus/consensus_pages.hpp"
#include "core/text.hpp"
#include "http/form.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::consensus::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

Response render_statement(OrgRequest& req, const PagesDeps& deps, const StatementPage& page, const std::string& reason,
                          const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& c = page.view.conversation;
  const auto& st = page.statement;
  auto pb = page_builder(ctx, deps, s(t("consensus.statement.title")));
  pb.caption(c.question)
      .back_link(conversation_url(req, c.id), s(t("consensus.back_to_conversation")))
      .errors(t, errors);
  Html& h = pb.body();
  if (st.hidden_at) {
    // A hidden statement's words stay with the people who run the group; everyone sees why it was hidden.
    if (may(req, page.view, Action::run)) govuk::inset_text(h, {.text = st.body});
    govuk::paragraph(h, core::format(t("consensus.hidden.reason"), {{"reason", st.hidden_reason}}));
    return pb.respond();
  }
  govuk::inset_text(h, {.text = st.body});
  govuk::paragraph(h, st.mine
                          ? core::format(t("consensus.statement.your_answer"), {{"answer", answer_words(t, *st.mine)}})
                          : s(t("consensus.statement.not_answered")));
  if (policy::allows(actor_of(req, page.view.role), Action::take_part, facts_of(c)) == policy::Verdict::allow) {
    govuk::form_start(h, {.action = statement_url(req, st.id) + "/answer", .csrf_token = ctx.csrf_token});
    govuk::Radios answers{
        .name = "answer",
        .value = st.mine ? s(answer_code(*st.mine)) : "",
        .fieldset = small_legend(s(t(st.mine ? "consensus.statement.change" : "consensus.statement.give"))),
        .error_message = field_error_message(t, errors, "answer")};
    for (Answer a : {Answer::agree, Answer::disagree, Answer::pass}) {
      answers.items.push_back({.text = answer_words(t, a), .value = s(answer_code(a))});
    }
    govuk::radios(h, answers);
    submit_button(h, t("consensus.statement.save"));
    govuk::form_end(h);
  }
  if (may(req, page.view, Action::run)) {
    govuk::heading(h, 2, "m", t("consensus.hide.title"));
    govuk::paragraph(h, t("consensus.hide.lead"));
    govuk::form_start(h, {.action = statement_url(req, st.id) + "/hide", .csrf_token = ctx.csrf_token});
    govuk::textarea(h, {.id = "reason",
                        .name = "reason",
                        .rows = 2,
                        .value = reason,
                        .label = small_label(s(t("consensus.hide.reason"))),
                        .hint = {.text = s(t("consensus.hide.reason_hint"))},
                        .error_message = field_error_message(t, errors, "reason")});
    submit_button(h, t("consensus.hide.button"), "govuk-button--warning");
    govuk::form_end(h);
  }
  return pb.respond();
}

}  // namespace

awaitable<Response> statement(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_statement(req, deps, Action::see);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_statement(req, deps, std::get<StatementPage>(loaded), "", {});
}

awaitable<Response> answer(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_statement(req, deps, Action::take_part);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<StatementPage>(loaded);
  const auto a = parse_answer(ctx.form.trimmed("answer"));
  if (!a) co_return render_statement(req, deps, page, "", field_errors(t, {{"answer", "consensus.error.answer"}}));
  auto op = deps.service->answer(who_of(req), req.membership.org_id, page.statement.id, *a);
  co_return after(req, deps, co_await std::move(op), conversation_url(req, page.view.conversation.id),
                  "consensus.done.answered");
}

awaitable<Response> hide_statement(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_statement(req, deps, Action::run);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<StatementPage>(loaded);
  const std::string reason = ctx.form.trimmed("reason");
  std::vector<FormProblem> problems;
  accounts::check_required(problems, reason, kMaxReason, "reason", "consensus.error.");
  if (!problems.empty()) co_return render_statement(req, deps, page, reason, field_errors(t, problems));
  auto op = deps.service->hide(who_of(req), req.membership.org_id, page.statement.id, reason);
  co_return after(req, deps, co_await std::move(op), conversation_url(req, page.view.conversation.id),
                  "consensus.done.hidden");
}

}  // namespace roundtable::consensus::pages
