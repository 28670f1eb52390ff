// A group's conversations and a new one; a conversation: the next statement to answer (one at a time, no JavaScript
// needed), a new statement, the person's answers, hidden statements; closing and reopening.
#include "accounts/form_checks.hpp"
#include "consensus/consensus_pages.hpp"
#include "core/text.hpp"
#include "http/form.hpp"
#include "security/tokens.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::consensus::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

/// What was typed in a form with one text field, and the form's create key.
struct Typed {
  std::string text;
  std::string create_key;
};

Response render_conversations(OrgRequest& req, const PagesDeps& deps, const groups::GroupForViewer& g,
                              const std::vector<store::ConversationListed>& all, const Typed& form,
                              const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t("consensus.list.title")));
  page.caption(g.group.details.name)
      .back_link("/o/" + req.membership.org_slug + "/groups/" + std::to_string(g.group.id),
                 s(t("consensus.back_to_group")))
      .errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("consensus.list.lead"));
  if (all.empty()) govuk::paragraph(h, t("consensus.list.none"));
  for (const auto& c : all) {
    govuk::SummaryList rows;
    rows.rows.push_back(
        {.key = {.text = s(t("consensus.list.status"))},
         .value = {.text = s(t(c.conversation.closed_at ? "consensus.status.closed" : "consensus.status.open"))}});
    rows.rows.push_back({.key = {.text = s(t("consensus.list.statements"))},
                         .value = {.text = t.plural("consensus.statement_count", c.statements)}});
    Html title;
    govuk::link(title, conversation_url(req, c.conversation.id), c.conversation.question);
    rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.html = std::move(title), .heading_level = 2}};
    govuk::summary_list(h, rows);
  }
  const policy::Facts facts{g.group.details.visibility, g.group.archived(), false};
  if (policy::allows(actor_of(req, g.role), Action::run, facts) == policy::Verdict::allow) {
    govuk::heading(h, 2, "m", t("consensus.new.title"));
    govuk::form_start(h, {.action = group_conversations_url(req, g.group.id), .csrf_token = ctx.csrf_token});
    govuk::hidden(h, "create_key", form.create_key);
    govuk::input(h, {.id = "question",
                     .name = "question",
                     .value = form.text,
                     .label = small_label(s(t("consensus.new.question"))),
                     .hint = {.text = s(t("consensus.new.question_hint"))},
                     .error_message = field_error_message(t, errors, "question")});
    govuk::button(h, {.text = s(t("consensus.new.button")), .prevent_double_click = true});
    govuk::form_end(h);
  }
  return page.respond();
}

void answer_buttons(Html& h, const OrgRequest& req, const core::Translator& t, const Statement& st) {
  govuk::form_start(h, {.action = statement_url(req, st.id) + "/answer", .csrf_token = req.ctx.csrf_token});
  govuk::button_group_start(h);
  govuk::button(h, {.text = s(t("consensus.answer.agree")), .name = "answer", .value = "agree"});
  govuk::button(h, {.text = s(t("consensus.answer.disagree")), .name = "answer", .value = "disagree"});
  govuk::button(
      h,
      {.text = s(t("consensus.answer.pass")), .name = "answer", .value = "pass", .classes = "govuk-button--secondary"});
  govuk::button_group_end(h);
  govuk::form_end(h);
}

Response render_conversation(OrgRequest& req, const PagesDeps& deps, const ConversationPage& page, const Typed& form,
                             const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& c = page.view.conversation;
  const std::string base = conversation_url(req, c.id);
  auto pb = page_builder(ctx, deps, c.question);
  pb.caption(c.group_name)
      .back_link(group_conversations_url(req, c.group_id), s(t("consensus.back_to_conversations")))
      .errors(t, errors);
  Html& h = pb.body();
  if (c.closed_at) govuk::inset_text(h, {.text = s(t("consensus.conversation.closed"))});
  govuk::paragraph(h, t.plural("consensus.conversation.voters", page.voters) + " " +
                          t.plural("consensus.conversation.statements", page.in_play()));
  govuk::link_paragraph(h, base + "/results", t("consensus.conversation.see_results"));

  const bool takes_part =
      policy::allows(actor_of(req, page.view.role), Action::take_part, facts_of(c)) == policy::Verdict::allow;
  if (takes_part) {
    govuk::heading(h, 2, "m", t("consensus.next.title"));
    if (const Statement* next = page.next()) {
      govuk::paragraph(h, core::format(t("consensus.next.count"), {{"n", std::to_string(page.answered() + 1)},
                                                                   {"total", std::to_string(page.in_play())}}));
      govuk::inset_text(h, {.text = next->body, .id = "next-statement"});
      answer_buttons(h, req, t, *next);
      govuk::paragraph(h, t("consensus.next.pass_hint"), "govuk-body govuk-hint");
    } else if (page.in_play() == 0) {
      govuk::paragraph(h, t("consensus.next.none_yet"));
    } else {
      govuk::paragraph(h, t("consensus.next.all_done"));
    }
    govuk::heading(h, 2, "m", t("consensus.add.title"));
    govuk::form_start(h, {.action = base + "/statements", .csrf_token = ctx.csrf_token});
    govuk::hidden(h, "create_key", form.create_key);
    govuk::textarea(h, {.id = "statement",
                        .name = "statement",
                        .rows = 2,
                        .value = form.text,
                        .label = small_label(s(t("consensus.add.label"))),
                        .hint = {.text = s(t("consensus.add.hint"))},
                        .error_message = field_error_message(t, errors, "statement")});
    govuk::button(
        h, {.text = s(t("consensus.add.button")), .classes = "govuk-button--secondary", .prevent_double_click = true});
    govuk::form_end(h);
  } else if (!c.closed_at) {
    govuk::paragraph(h, t("consensus.conversation.read_along"));
  }

  govuk::heading(h, 2, "m", t("consensus.statements.title"));
  if (page.in_play() == 0) {
    govuk::paragraph(h, t("consensus.statements.none"));
  } else {
    govuk::TableWriter table(h, {.head = {{.text = s(t("consensus.statements.statement"))},
                                          {.text = s(t("consensus.statements.your_answer"))}},
                                 .caption = s(t("consensus.statements.caption")),
                                 .caption_classes = "govuk-visually-hidden"});
    for (const auto& st : page.statements) {
      if (st.hidden_at) continue;
      table.begin_row();
      Html link;
      govuk::link(link, statement_url(req, st.id), st.body);
      table.cell({.html = std::move(link)});
      table.cell({.text = st.mine ? answer_words(t, *st.mine) : s(t("consensus.statements.not_answered"))});
      table.end_row();
    }
    table.end();
  }
  const bool runs = may(req, page.view, Action::run);
  std::vector<govuk::Content> hidden;
  for (const auto& st : page.statements) {
    if (!st.hidden_at) continue;
    Html item;
    if (runs) {
      govuk::link(item, statement_url(req, st.id), st.body);
      item.text(" ");
    }
    item.text(core::format(t("consensus.hidden.reason"), {{"reason", st.hidden_reason}}));
    hidden.emplace_back(std::move(item));
  }
  if (!hidden.empty()) {
    govuk::heading(h, 2, "m", t("consensus.hidden.title"));
    govuk::list(h, {.items = std::move(hidden), .bullet = true});
  }
  if (runs) {
    govuk::heading(h, 2, "m", t("consensus.run.title"));
    if (c.closed_at) {
      govuk::paragraph(h, t("consensus.run.reopen_lead"));
      govuk::button_form(h, {.form = {.action = base + "/reopen", .csrf_token = ctx.csrf_token},
                             .button = {.text = s(t("consensus.run.reopen")), .classes = "govuk-button--secondary"}});
    } else {
      govuk::paragraph(h, t("consensus.run.close_lead"));
      govuk::button_form(h, {.form = {.action = base + "/close", .csrf_token = ctx.csrf_token},
                             .button = {.text = s(t("consensus.run.close")), .classes = "govuk-button--warning"}});
    }
  }
  return pb.respond();
}

}  // namespace

awaitable<Response> conversations(OrgRequest& req, const PagesDeps& deps) {
  std::vector<store::ConversationListed> all;
  auto loaded_op = load_group(req, deps, Action::see, ConsensusService::conversations_along(all));
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded);
  co_return render_conversations(req, deps, g, all, {"", security::random_token(16)}, {});
}

awaitable<Response> create_conversation(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps, Action::run);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded);
  Typed form{ctx.form.trimmed("question"), ctx.form.trimmed("create_key")};
  if (form.create_key.empty()) form.create_key = security::random_token(16);
  std::vector<FormProblem> problems;
  accounts::check_required(problems, form.text, kMaxQuestion, "question", "consensus.error.");
  if (!problems.empty()) {
    auto op = deps.service->group_conversations(g.group.id);
    const auto all = co_await std::move(op);
    co_return render_conversations(req, deps, g, all, form, field_errors(t, problems));
  }
  auto op =
      deps.service->create_conversation(who_of(req), req.membership.org_id, g.group.id, form.text, form.create_key);
  const long long id = co_await std::move(op);
  if (id == 0) co_return deps.not_found(ctx);
  ctx.set_flash("consensus.done.started");
  co_return http::redirect(ctx.request, conversation_url(req, id));
}

awaitable<Response> conversation(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_conversation(req, deps, Action::see);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_conversation(req, deps, std::get<ConversationPage>(loaded), {"", security::random_token(16)}, {});
}

awaitable<Response> create_statement(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_conversation(req, deps, Action::take_part);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<ConversationPage>(loaded);
  // One line of plain text: line breaks become spaces.
  std::string body = ctx.form.trimmed("statement");
  std::replace(body.begin(), body.end(), '\r', ' ');
  std::replace(body.begin(), body.end(), '\n', ' ');
  Typed form{body, ctx.form.trimmed("create_key")};
  if (form.create_key.empty()) form.create_key = security::random_token(16);
  std::vector<FormProblem> problems;
  accounts::check_required(problems, form.text, kMaxStatement, "statement", "consensus.error.");
  if (!problems.empty()) co_return render_conversation(req, deps, page, form, field_errors(t, problems));
  const long long id = page.view.conversation.id;
  auto op = deps.service->add_statement(who_of(req), req.membership.org_id, id, form.text, form.create_key);
  const auto added = co_await std::move(op);
  if (added.outcome == Added::Outcome::full) {
    co_return render_conversation(req, deps, page, form, field_errors(t, {{"statement", "consensus.error.full"}}));
  }
  if (added.outcome == Added::Outcome::refused) co_return deps.not_found(ctx);
  ctx.set_flash("consensus.done.statement_added");
  co_return http::redirect(ctx.request, conversation_url(req, id));
}

awaitable<Response> close_conversation(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_conversation(req, deps, Action::run);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const long long id = std::get<ConversationPage>(loaded).view.conversation.id;
  auto op = deps.service->set_open(who_of(req), req.membership.org_id, id, false);
  co_return after(req, deps, co_await std::move(op), conversation_url(req, id), "consensus.done.closed");
}

awaitable<Response> reopen_conversation(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_conversation(req, deps, Action::run);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const long long id = std::get<ConversationPage>(loaded).view.conversation.id;
  auto op = deps.service->set_open(who_of(req), req.membership.org_id, id, true);
  co_return after(req, deps, co_await std::move(op), conversation_url(req, id), "consensus.done.reopened");
}

}  // namespace roundtable::consensus::pages
