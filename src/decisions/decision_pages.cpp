// A group's decisions, a proposal's page with its vote or consent form, results once it has closed, objections, and
// closing early or withdrawing. A new proposal and the decision record: decision_form_pages.cpp.
#include "decisions/decision_pages.hpp"

#include "accounts/form_checks.hpp"
#include "decisions/decision_form.hpp"
#include "decisions/decision_words.hpp"
#include "http/form.hpp"
#include "markdown/markdown.hpp"
#include "module/follow_ups_section.hpp"
#include "view/govuk/govuk.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::decisions::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

std::string status_words(const core::Translator& t, const Proposal& p, long long now) {
  if (p.withdrawn_at) return core::format(t("decisions.page.withdrawn"), {{"when", when_words(t, *p.withdrawn_at)}});
  if (p.closed(now)) {
    return core::format(t("decisions.page.closed"),
                        {{"when", when_words(t, p.closed_at.value_or(p.details.closes_at))}});
  }
  return core::format(t("decisions.page.closes"), {{"when", when_words(t, p.details.closes_at)}});
}

void about(Html& h, const core::Translator& t, const Proposal& p) {
  govuk::SummaryList rows;
  rows.rows.push_back(
      {.key = {.text = s(t("decisions.page.process"))}, .value = {.text = process_words(t, p.details.process)}});
  rows.rows.push_back(
      {.key = {.text = s(t("decisions.page.who"))},
       .value = {.text = s(t("decisions.eligibility." + std::string(eligibility_code(p.details.eligibility))))}});
  if (p.details.process == Process::dot_vote) {
    std::string dots = t.plural("decisions.dots.count", p.details.dot_budget);
    if (p.details.dot_most > 0) {
      dots += " " + core::format(t("decisions.dots.most_words"), {{"most", std::to_string(p.details.dot_most)}});
    }
    rows.rows.push_back({.key = {.text = s(t("decisions.dots.each"))}, .value = {.text = dots}});
  }
  if (p.details.process == Process::score) {
    rows.rows.push_back({.key = {.text = s(t("decisions.scores.scale"))},
                         .value = {.text = core::format(t("decisions.scores.scale_words"),
                                                        {{"highest", std::to_string(p.details.score_highest)}})}});
  }
  if (has_options(p.details.process)) {
    rows.rows.push_back(
        {.key = {.text = s(t("decisions.page.votes"))},
         .value = {.text = s(t(p.details.anonymous ? "decisions.page.anonymous" : "decisions.page.named"))}});
  }
  rows.rows.push_back({.key = {.text = s(t("decisions.page.proposed_by"))},
                       .value = {.text = p.proposer_name.empty() ? s(t("decisions.former_member")) : p.proposer_name}});
  govuk::summary_list(h, rows);
}

void vote_form(Html& h, const core::Translator& t, const OrgRequest& req, const ProposalForViewer& v,
               const Typed& typed, const std::vector<view::FieldError>& errors) {
  const auto& p = v.proposal;
  govuk::heading(h, 2, "m", t("decisions.vote.title"));
  if (v.my_option) {
    if (const auto* o = p.option(*v.my_option)) {
      govuk::paragraph(h, core::format(t("decisions.vote.yours"), {{"option", o->text}}));
    }
  }
  govuk::form_start(h, {.action = decision_url(req, p.id) + "/vote", .csrf_token = req.ctx.csrf_token});
  govuk::Radios radios{
      .name = "option",
      .value = !typed.option.empty() ? typed.option
               : v.my_option         ? std::to_string(*v.my_option)
                                     : std::string(),
      .fieldset = small_legend(s(t("decisions.vote.legend"))),
      .hint = {.text = s(t(p.details.anonymous ? "decisions.vote.hint_anonymous" : "decisions.vote.hint_named"))},
      .error_message = field_error_message(t, errors, "option")};
  for (const auto& o : p.details.options) {
    radios.items.push_back({.text = o.text, .value = std::to_string(o.id), .hint = {.text = o.easy_read}});
  }
  govuk::radios(h, radios);
  submit_button(h, t(v.my_option ? "decisions.vote.change" : "decisions.vote.button"));
  govuk::form_end(h);
}

void consent_form(Html& h, const core::Translator& t, const OrgRequest& req, const ProposalForViewer& v,
                  const Typed& typed, const std::vector<view::FieldError>& errors) {
  govuk::heading(h, 2, "m", t("decisions.consent.title"));
  govuk::paragraph(h, t("decisions.consent.lead"));
  if (v.my_answer) {
    govuk::paragraph(h,
                     core::format(t("decisions.consent.yours"), {{"answer", consent_answer_words(t, *v.my_answer)}}));
  }
  govuk::form_start(h, {.action = decision_url(req, v.proposal.id) + "/answer", .csrf_token = req.ctx.csrf_token});
  Html reason;
  govuk::textarea(reason, {.id = "reason",
                           .name = "reason",
                           .rows = 3,
                           .value = typed.response.reason,
                           .label = small_label(s(t("decisions.consent.reason"))),
                           .hint = {.text = s(t("decisions.consent.reason_hint"))},
                           .error_message = field_error_message(t, errors, "reason")});
  govuk::Radios radios{.name = "answer",
                       .value = !typed.response.answer.empty() ? typed.response.answer
                                : v.my_answer                  ? std::string(consent_answer_code(*v.my_answer))
                                                               : std::string(),
                       .fieldset = small_legend(s(t("decisions.consent.legend"))),
                       .error_message = field_error_message(t, errors, "answer")};
  for (ConsentAnswer a : kAllConsentAnswers) {
    govuk::ChoiceItem item{.text = consent_answer_words(t, a),
                           .value = s(consent_answer_code(a)),
                           .hint = {.text = s(t("decisions.consent.hint." + std::string(consent_answer_code(a))))}};
    if (a == ConsentAnswer::object) item.conditional = std::move(reason);
    radios.items.push_back(std::move(item));
  }
  govuk::radios(h, radios);
  submit_button(h, t(v.my_answer ? "decisions.consent.change" : "decisions.consent.button"));
  govuk::form_end(h);
}

void objections(Html& h, const core::Translator& t, const OrgRequest& req, const DecisionPage& page, bool resolves,
                long long now, const std::vector<view::FieldError>& errors) {
  const auto& p = page.view.proposal;
  govuk::heading(h, 2, "m", t("decisions.objections.title"));
  if (page.objections.empty()) {
    govuk::paragraph(h, t("decisions.objections.none"));
    return;
  }
  const bool open = !p.closed(now) && !p.group_archived;
  for (const auto& o : page.objections) {
    govuk::SummaryList rows;
    rows.rows.push_back({.key = {.text = s(t("decisions.objections.reason"))}, .value = {.text = o.reason}});
    rows.rows.push_back(
        {.key = {.text = s(t("decisions.objections.state"))},
         .value = {.text = s(t("decisions.objections.state." + std::string(objection_state_code(o.state))))}});
    if (o.state == ObjectionState::resolved) {
      rows.rows.push_back({.key = {.text = s(t("decisions.objections.how"))}, .value = {.text = o.resolution}});
    }
    rows.card = govuk::SummaryCard{
        .title = govuk::SummaryCardTitle{
            .text = core::format(t("decisions.objections.from"),
                                 {{"name", o.name.empty() ? s(t("decisions.former_member")) : o.name}}),
            .heading_level = 3}};
    govuk::summary_list(h, rows);
    if (!open || o.state != ObjectionState::open) continue;
    const std::string base = decision_url(req, p.id) + "/objections/" + std::to_string(o.id);
    if (resolves) {
      const std::string field = "how-" + std::to_string(o.id);
      govuk::form_start(h, {.action = base + "/resolve", .csrf_token = req.ctx.csrf_token});
      govuk::textarea(h, {.id = field,
                          .name = "how",
                          .rows = 2,
                          .label = small_label(s(t("decisions.objections.how_label"))),
                          .error_message = field_error_message(t, errors, field)});
      submit_button(h, t("decisions.objections.resolve"), "govuk-button--secondary");
      govuk::form_end(h);
    }
    if (o.user_id == req.principal.user_id) {
      govuk::button_form(
          h, {.form = {.action = base + "/withdraw", .csrf_token = req.ctx.csrf_token},
              .button = {.text = s(t("decisions.objections.withdraw")), .classes = "govuk-button--secondary"}});
    }
  }
}

void listed(Html& h, const core::Translator& t, const OrgRequest& req, const ProposalListed& d, long long now) {
  govuk::SummaryList rows;
  rows.rows.push_back(
      {.key = {.text = s(t("decisions.page.process"))}, .value = {.text = process_words(t, d.process)}});
  std::string status;
  if (d.withdrawn_at) {
    status = s(t("decisions.outcome.withdrawn"));
  } else if (d.closed(now)) {
    status = s(t("decisions.list.status." + std::string(outcome_code(d.outcome.value_or(Outcome::no_votes)))));
    if (!d.outcome) status = s(t("decisions.list.closing"));
  } else {
    status = core::format(t("decisions.page.closes"), {{"when", when_words(t, d.closes_at)}});
  }
  rows.rows.push_back({.key = {.text = s(t("decisions.list.status"))}, .value = {.text = status}});
  rows.rows.push_back({.key = {.text = s(t("decisions.list.took_part"))},
                       .value = {.text = t.plural("decisions.took_part.people", d.took_part)}});
  Html title;
  govuk::link(title, decision_url(req, d.id), d.title);
  rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.html = std::move(title), .heading_level = 3}};
  govuk::summary_list(h, rows);
}

}  // namespace

Response render(OrgRequest& req, const PagesDeps& deps, const DecisionPage& page, const Typed& typed,
                const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& v = page.view;
  const auto& p = v.proposal;
  const long long now = deps.service->now();
  const bool closed = p.closed(now);
  auto pb = page_builder(ctx, deps, p.details.title);
  pb.caption(p.group_name)
      .back_link(group_decisions_url(req, p.group_id), s(t("decisions.back_to_list")))
      .errors(t, errors);
  Html& h = pb.body();
  govuk::inset_text(h, {.text = status_words(t, p, now)});
  about(h, t, p);
  govuk::heading(h, 2, "m", t("decisions.page.proposal"));
  markdown::render(h, p.details.body, {.top_heading_level = 3});
  if (!p.details.easy_read.empty()) {
    Html easy;
    markdown::render(easy, p.details.easy_read, {.top_heading_level = 3});
    govuk::details(h, {.summary_text = s(t("decisions.page.easy_read")), .html = std::move(easy)});
  }

  const Process process = p.details.process;
  const bool poll = has_options(process);
  if (may(req, v, Action::take_part, now)) {
    if (process == Process::simple_poll) {
      vote_form(h, t, req, v, typed, errors);
    } else if (process == Process::consent) {
      consent_form(h, t, req, v, typed, errors);
    } else if (process == Process::meeting_time) {
      time_form(h, t, req, v, typed.times ? &*typed.times : nullptr, errors);
    } else {
      ballot_form(h, t, req, v, typed.ballot ? &*typed.ballot : nullptr, errors);
    }
  } else if (!closed && v.role == GroupRole::observer) {
    govuk::paragraph(h, t("decisions.page.observer"));
  } else if (!closed && v.role) {
    govuk::paragraph(h, t("decisions.page.not_eligible"));
  }

  if (poll) {
    if (p.withdrawn_at) {
      // Nothing to count.
    } else if (closed) {
      long long people = 0;
      for (const auto& [types, n] : page.types) people += n;
      if (process == Process::simple_poll) {
        const auto result = count_poll(p.details.options, page.totals);
        // Between its closing time and the due worker's next minute the outcome is not stored yet: the same count.
        Proposal shown = p;
        if (!shown.outcome) shown.outcome = outcome_of(result);
        poll_results(h, t, shown, result);
      } else if (process == Process::ranked_choice) {
        // As kept when it closed (ADR 0037): no ballot is counted again here.
        const RankedCount none{};
        const RankedCount& ranked = page.ranked ? *page.ranked : none;
        ranked_results(h, t, p, ranked.result, ranked.ballots);
      } else if (process == Process::dot_vote) {
        dot_results(h, t, p, dots_of(p.details.options, page.sums), people);
      } else if (process == Process::meeting_time) {
        time_results(h, t, page, people);  // with who answered what, by person
      } else {
        score_results(h, t, p, scores_of(p.details.options, p.details.score_highest, page.sums), people);
      }
      who_chose_what(h, t, req, page, now);
    } else {
      govuk::heading(h, 2, "m", t("decisions.results.title"));
      govuk::paragraph(h, t("decisions.results.after_closing"));
    }
  } else {
    const auto result = count_consent(page.responses, page.objections);
    govuk::heading(h, 2, "m", t("decisions.consent.results_title"));
    if (closed && !p.withdrawn_at) {
      Proposal shown = p;
      if (!shown.outcome) shown.outcome = outcome_of(result);
      govuk::paragraph(h, outcome_words(t, shown, {}), "govuk-body govuk-!-font-weight-bold");
    }
    if (!closed)
      govuk::paragraph(h, t(result.passes ? "decisions.consent.would_pass" : "decisions.consent.would_not_pass"));
    consent_results(h, t, result);
    objections(h, t, req, page, may(req, v, Action::resolve_objection, now), now, errors);
  }
  who_took_part(h, t, count_types(page.types));
  proposal_rules(h, t, page, now);

  if (closed && !p.withdrawn_at) {
    govuk::heading(h, 2, "m", t("decisions.record.title"));
    if (process == Process::meeting_time) {
      long long people = 0;
      for (const auto& [types, n] : page.types) people += n;
      time_record(h, t, req, page, people);
    }
    if (p.recorded_at) {
      markdown::render(h, p.rationale, {.top_heading_level = 3});
    } else {
      govuk::paragraph(h, t("decisions.record.none"));
    }
    if (!p.led_from_topic_title.empty()) {
      Html led;
      led.text(s(t("decisions.record.led_from_topic_shown"))).text(" ");
      govuk::link(led, "/o/" + req.membership.org_slug + "/topics/" + std::to_string(*p.led_from_topic_id),
                  p.led_from_topic_title);
      govuk::paragraph(h, std::move(led));
    }
    if (!p.led_from_meeting_title.empty()) {
      Html led;
      led.text(s(t("decisions.record.led_from_meeting_shown"))).text(" ");
      govuk::link(led, "/o/" + req.membership.org_slug + "/meetings/" + std::to_string(*p.led_from_meeting_id),
                  p.led_from_meeting_title);
      govuk::paragraph(h, std::move(led));
    }
    if (may(req, v, Action::record_decision, now)) {
      govuk::link_paragraph(h, decision_url(req, p.id) + "/record",
                            t(p.recorded_at ? "decisions.record.change_link" : "decisions.record.link"));
    }
  }

  // What became of it: the loop's timeline of the proposal (decisions_loop.cpp registers proposals with the loop).
  // Only the group's own lead facilitators and facilitators say what happened next (the loop's rule).
  govuk::heading(h, 2, "m", t("decisions.loop.title"));
  const std::string loop = "/o/" + req.membership.org_slug + "/loop/proposal/" + std::to_string(p.id);
  govuk::link_paragraph(h, loop, t("decisions.loop.link"));
  if (v.role == GroupRole::lead || v.role == GroupRole::facilitator) {
    govuk::link_paragraph(h, loop + "/status", t("decisions.loop.say"));
  }
  // The cards made from it and "Put it on the board" (module::FollowUpReader, boards_module.cpp), under the same
  // heading.
  module::follow_ups_section(h, t, "", req.membership.org_slug, page.follow_ups);

  if (may(req, v, Action::run_decision, now)) {
    govuk::heading(h, 2, "m", t("decisions.run.title"));
    govuk::paragraph(h, t("decisions.run.lead"));
    govuk::button_group_start(h);
    govuk::button_form(h, {.form = {.action = decision_url(req, p.id) + "/close", .csrf_token = ctx.csrf_token},
                           .button = {.text = s(t("decisions.run.close")), .classes = "govuk-button--secondary"}});
    govuk::button(h, {.text = s(t("decisions.run.withdraw")),
                      .href = decision_url(req, p.id) + "/withdraw",
                      .classes = "govuk-button--warning"});
    govuk::button_group_end(h);
  }
  return pb.respond();
}

/// After a vote or answer was refused by the service.
Response refused(OrgRequest& req, const PagesDeps& deps, const DecisionPage& page, VoteOutcome outcome,
                 const Typed& typed, const char* field) {
  auto t = req.ctx.t();
  if (outcome == VoteOutcome::not_allowed) return deps.not_found(req.ctx);
  return render(req, deps, page, typed, field_errors(t, {{field, "decisions.error.closed"}}));
}

awaitable<Response> list(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  std::vector<ProposalListed> all;
  std::optional<store::GroupRules> rules;
  auto loaded_op = load_group(req, deps, Action::see_decisions, DecisionService::list_along(all, rules));
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded);
  const long long now = deps.service->now();
  auto page = page_builder(ctx, deps, s(t("decisions.list.title")));
  page.caption(g.group.details.name)
      .back_link("/o/" + req.membership.org_slug + "/groups/" + std::to_string(g.group.id),
                 s(t("decisions.back_to_group")));
  Html& h = page.body();
  govuk::paragraph(h, t("decisions.list.lead"));
  const policy::Facts facts{g.group.details.visibility, g.group.archived(), false, false, false};
  if (policy::allows(actor_of(req, g.role), Action::propose, facts) == policy::Verdict::allow) {
    govuk::button(h, {.text = s(t("decisions.list.new")), .href = group_decisions_url(req, g.group.id) + "/new"});
  }
  govuk::heading(h, 2, "m", t("decisions.list.open"));
  bool any = false;
  for (const auto& d : all) {
    if (d.closed(now)) continue;
    any = true;
    listed(h, t, req, d, now);
  }
  if (!any) govuk::paragraph(h, t("decisions.list.none_open"));
  govuk::heading(h, 2, "m", t("decisions.list.closed"));
  any = false;
  for (const auto& d : all) {
    if (!d.closed(now)) continue;
    any = true;
    listed(h, t, req, d, now);
  }
  if (!any) govuk::paragraph(h, t("decisions.list.none_closed"));
  group_rules_summary(h, t, req, g.group.id, rules,
                      policy::allows(actor_of(req, g.role), Action::set_rules, facts) == policy::Verdict::allow);
  co_return page.respond();
}

awaitable<Response> decision(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::see_decisions);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render(req, deps, std::get<DecisionPage>(loaded), {}, {});
}

awaitable<Response> close_early(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::see_decisions);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const long long id = std::get<DecisionPage>(loaded).view.proposal.id;
  auto op = deps.service->close_early(who_of(req), req.membership.org_id, id);
  co_return after(req, deps, co_await std::move(op), decision_url(req, id), "decisions.done.closed");
}

awaitable<Response> withdraw_form(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::run_decision);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& p = std::get<DecisionPage>(loaded).view.proposal;
  const std::string base = decision_url(req, p.id);
  auto page = page_builder(ctx, deps, s(t("decisions.withdraw.title")));
  page.caption(p.details.title).back_link(base, s(t("decisions.back_to_proposal")));
  Html& h = page.body();
  govuk::paragraph(h, t("decisions.withdraw.lead"));
  govuk::button_form(h, {.form = {.action = base + "/withdraw", .csrf_token = ctx.csrf_token},
                         .button = {.text = s(t("decisions.withdraw.button")), .classes = "govuk-button--warning"}});
  govuk::link_paragraph(h, base, t("decisions.withdraw.keep"));
  co_return page.respond();
}

awaitable<Response> withdraw(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::see_decisions);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const long long id = std::get<DecisionPage>(loaded).view.proposal.id;
  auto op = deps.service->withdraw(who_of(req), req.membership.org_id, id);
  co_return after(req, deps, co_await std::move(op), decision_url(req, id), "decisions.done.withdrawn");
}

}  // namespace roundtable::decisions::pages
