// Putting a proposal forward, and the decision record written once it has closed.
#include "accounts/form_checks.hpp"
#include "decisions/decision_form.hpp"
#include "decisions/decision_pages.hpp"
#include "decisions/decision_words.hpp"
#include "http/form.hpp"
#include "meetings/time_poll_page_parts.hpp"
#include "security/tokens.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::decisions::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

Response render_new(OrgRequest& req, const PagesDeps& deps, const groups::Group& g, const ProposalForm& form,
                    const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t("decisions.new.title")));
  page.caption(g.details.name)
      .back_link(group_decisions_url(req, g.id), s(t("decisions.back_to_list")))
      .errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("decisions.new.lead"));
  govuk::form_start(h, {.action = group_decisions_url(req, g.id), .csrf_token = ctx.csrf_token});
  govuk::hidden(h, "create_key", form.create_key);
  govuk::input(h, {.id = "title",
                   .name = "title",
                   .value = form.title,
                   .label = small_label(s(t("decisions.form.title"))),
                   .hint = {.text = s(t("decisions.form.title_hint"))},
                   .error_message = field_error_message(t, errors, "title")});
  govuk::textarea(h, {.id = "body",
                      .name = "body",
                      .rows = 6,
                      .value = form.body,
                      .label = small_label(s(t("decisions.form.body"))),
                      .hint = {.text = s(t("decisions.form.body_hint"))},
                      .error_message = field_error_message(t, errors, "body")});
  govuk::textarea(h, {.id = "easy_read",
                      .name = "easy_read",
                      .rows = 4,
                      .value = form.easy_read,
                      .label = small_label(s(t("decisions.form.easy_read"))),
                      .hint = {.text = s(t("decisions.form.easy_read_hint"))},
                      .error_message = field_error_message(t, errors, "easy_read")});

  govuk::Radios process{.name = "process",
                        .value = form.process,
                        .fieldset = small_legend(s(t("decisions.form.process"))),
                        .error_message = field_error_message(t, errors, "process")};
  for (Process p : kAllProcesses) {
    const std::string code(process_code(p));
    process.items.push_back(
        {.text = process_words(t, p), .value = code, .hint = {.text = s(t("decisions.form.process_hint." + code))}});
  }
  govuk::radios(h, process);
  // A dot vote's and a score poll's settings, always shown (as the options are: a conditional reveal would hide them,
  // and a radio's aria-expanded is not allowed); the other processes ignore them.
  Html dots;
  govuk::input(dots, {.id = "dot_budget",
                      .name = "dot_budget",
                      .inputmode = "numeric",
                      .value = form.dot_budget,
                      .label = small_label(s(t("decisions.form.dot_budget"))),
                      .hint = {.text = s(t("decisions.form.dot_budget_hint"))},
                      .error_message = field_error_message(t, errors, "dot_budget"),
                      .classes = "govuk-input--width-3",
                      .autocomplete = "off",
                      .spellcheck = false});
  govuk::input(dots, {.id = "dot_most",
                      .name = "dot_most",
                      .inputmode = "numeric",
                      .value = form.dot_most,
                      .label = small_label(s(t("decisions.form.dot_most"))),
                      .hint = {.text = s(t("decisions.form.dot_most_hint"))},
                      .error_message = field_error_message(t, errors, "dot_most"),
                      .classes = "govuk-input--width-3",
                      .autocomplete = "off",
                      .spellcheck = false});
  govuk::fieldset(h, {.legend = {.text = s(t("decisions.form.dots_legend")), .classes = "govuk-fieldset__legend--s"},
                      .html = std::move(dots)});
  Html score;
  govuk::input(score, {.id = "score_highest",
                       .name = "score_highest",
                       .inputmode = "numeric",
                       .value = form.score_highest,
                       .label = small_label(s(t("decisions.form.score_highest"))),
                       .hint = {.text = s(t("decisions.form.score_highest_hint"))},
                       .error_message = field_error_message(t, errors, "score_highest"),
                       .classes = "govuk-input--width-3",
                       .autocomplete = "off",
                       .spellcheck = false});
  govuk::fieldset(h, {.legend = {.text = s(t("decisions.form.score_legend")), .classes = "govuk-fieldset__legend--s"},
                      .html = std::move(score)});

  // A simple poll's options (always shown: a revealed section would hide them from people without JavaScript's help
  // and from a second look at the form; consent ignores them).
  govuk::heading(h, 2, "s", t("decisions.form.options_title"));
  govuk::paragraph(h, t("decisions.form.options_lead"));
  for (std::size_t i = 0; i < form.options.size(); ++i) {
    const std::string id = "option-" + std::to_string(i);
    Html inner;
    govuk::input(inner, {.id = id,
                         .name = id,
                         .value = form.options[i].text,
                         .label = small_label(s(t("decisions.form.option_text"))),
                         .error_message = field_error_message(t, errors, id)});
    govuk::input(inner, {.id = id + "-easy",
                         .name = id + "-easy",
                         .value = form.options[i].easy_read,
                         .label = small_label(s(t("decisions.form.option_easy"))),
                         .error_message = field_error_message(t, errors, id + "-easy")});
    govuk::fieldset(h, {.legend = {.text = core::format(t("decisions.form.option_n"), {{"n", std::to_string(i + 1)}}),
                                   .classes = "govuk-fieldset__legend--s"},
                        .html = std::move(inner)});
  }
  // Finding a meeting time: the candidate times, as the "find a time" poll takes them (always shown, as the options
  // are; the other processes ignore them).
  govuk::heading(h, 2, "s", t("decisions.form.times_title"));
  govuk::paragraph(h, t("decisions.form.times_lead"));
  meetings::pages::candidate_fields(h, t, form.times, errors);

  govuk::checkboxes(h, {.name = "anonymous",
                        .items = {{.text = s(t("decisions.form.anonymous")),
                                   .value = "yes",
                                   .hint = {.text = s(t("decisions.form.anonymous_hint"))}}},
                        .values = {form.anonymous}});

  govuk::Radios who{.name = "eligibility",
                    .value = form.eligibility,
                    .fieldset = small_legend(s(t("decisions.form.who"))),
                    .error_message = field_error_message(t, errors, "eligibility")};
  for (Eligibility e : kAllEligibilities) {
    who.items.push_back(
        {.text = s(t("decisions.eligibility." + std::string(eligibility_code(e)))), .value = s(eligibility_code(e))});
  }
  govuk::radios(h, who);

  govuk::date_input(h, {.id = "closes",
                        .name_prefix = "closes",
                        .day = govuk::DateInputItem{.name = "day",
                                                    .label = s(t("decisions.form.day")),
                                                    .value = form.closes_day,
                                                    .classes = "govuk-input--width-2"},
                        .month = govuk::DateInputItem{.name = "month",
                                                      .label = s(t("decisions.form.month")),
                                                      .value = form.closes_month,
                                                      .classes = "govuk-input--width-2"},
                        .year = govuk::DateInputItem{.name = "year",
                                                     .label = s(t("decisions.form.year")),
                                                     .value = form.closes_year,
                                                     .classes = "govuk-input--width-4"},
                        .fieldset = small_legend(s(t("decisions.form.closes"))),
                        .hint = {.text = s(t("decisions.form.closes_hint"))},
                        .error_message = field_error_message(t, errors, "closes-day")});
  govuk::input(h, {.id = "closes-time",
                   .name = "closes-time",
                   .value = form.closes_time,
                   .label = small_label(s(t("decisions.form.closes_time"))),
                   .hint = {.text = s(t("decisions.form.closes_time_hint"))},
                   .classes = "govuk-input--width-5",
                   .autocomplete = "off",
                   .spellcheck = false});
  // The button that puts it forward comes first, so that Enter in a box sends it rather than adding times.
  govuk::button_group_start(h);
  govuk::button(h, {.text = s(t("decisions.new.button")), .prevent_double_click = true});
  meetings::pages::add_time_buttons(h, t, form.times.size());
  govuk::button_group_end(h);
  govuk::form_end(h);
  return page.respond();
}

/// What the record form holds, as typed.
struct RecordForm {
  std::string rationale, topic, meeting;
};

using Choices = std::pair<std::vector<LedFromChoice>, std::vector<LedFromChoice>>;

/// A select of the group's topics or meetings, "none" first.
void led_from_select(Html& h, const core::Translator& t, const char* name, const char* label,
                     const std::vector<LedFromChoice>& choices, const std::string& value) {
  govuk::Select select{.id = name, .name = name, .value = value, .label = small_label(s(t(label)))};
  select.items.push_back({.value = "", .text = s(t("decisions.record.led_from_none"))});
  for (const auto& c : choices) select.items.push_back({.value = std::to_string(c.id), .text = c.title});
  govuk::select(h, select);
}

Response render_record(OrgRequest& req, const PagesDeps& deps, const Proposal& p, const RecordForm& form,
                       const Choices& choices, const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t("decisions.record.form_title")));
  page.caption(p.details.title)
      .back_link(decision_url(req, p.id), s(t("decisions.back_to_proposal")))
      .errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("decisions.record.lead"));
  govuk::form_start(h, {.action = decision_url(req, p.id) + "/record", .csrf_token = ctx.csrf_token});
  govuk::textarea(h, {.id = "rationale",
                      .name = "rationale",
                      .rows = 6,
                      .value = form.rationale,
                      .label = small_label(s(t("decisions.record.rationale"))),
                      .hint = {.text = s(t("decisions.record.rationale_hint"))},
                      .error_message = field_error_message(t, errors, "rationale")});
  govuk::heading(h, 2, "s", t("decisions.record.led_from_title"));
  govuk::paragraph(h, t("decisions.record.led_from_lead"));
  led_from_select(h, t, "topic", "decisions.record.led_from_topic", choices.first, form.topic);
  led_from_select(h, t, "meeting", "decisions.record.led_from_meeting", choices.second, form.meeting);
  submit_button(h, t("decisions.record.button"));
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> new_proposal(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Action::propose);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  ProposalForm form;
  form.process = "simple_poll";
  form.eligibility = "members";
  form.closes_time = "5pm";
  form.create_key = security::random_token(16);
  co_return render_new(req, deps, std::get<groups::GroupForViewer>(loaded).group, form, {});
}

awaitable<Response> create_proposal(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps, Action::propose);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  auto form = read_proposal(ctx.form);
  if (!form.add.empty()) {
    // A button that adds candidate times: the form again, with them, and nothing saved.
    meetings::add_rows(form.times, form.add, deps.service->now());
    if (!parse_process(form.process)) form.process = std::string(process_code(Process::meeting_time));
    co_return render_new(req, deps, g, form, {});
  }
  if (const auto problems = check_proposal(form, deps.service->now()); !problems.empty()) {
    co_return render_new(req, deps, g, form, field_errors(t, problems));
  }
  auto op = deps.service->propose(who_of(req), req.membership.org_id, g.id, details_of(form), form.create_key);
  const long long id = co_await std::move(op);
  if (id == 0) co_return deps.not_found(ctx);
  ctx.set_flash("decisions.done.proposed");
  co_return http::redirect(ctx.request, decision_url(req, id));
}

awaitable<Response> record_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::record_decision);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& p = std::get<DecisionPage>(loaded).view.proposal;
  if (p.withdrawn_at) co_return deps.not_found(req.ctx);
  auto op = deps.service->led_from_choices(p.group_id, req.principal.user_id);
  const auto choices = co_await std::move(op);
  const RecordForm form{p.rationale, p.led_from_topic_id ? std::to_string(*p.led_from_topic_id) : std::string(),
                        p.led_from_meeting_id ? std::to_string(*p.led_from_meeting_id) : std::string()};
  co_return render_record(req, deps, p, form, choices, {});
}

awaitable<Response> save_record(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::record_decision);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& p = std::get<DecisionPage>(loaded).view.proposal;
  const RecordForm form{ctx.form.trimmed("rationale"), ctx.form.trimmed("topic"), ctx.form.trimmed("meeting")};
  std::vector<FormProblem> problems;
  accounts::check_required(problems, form.rationale, kMaxBody, "rationale", "decisions.error.");
  const auto topic = http::parse_id(form.topic);
  const auto meeting = http::parse_id(form.meeting);
  if (!problems.empty()) {
    auto choices_op = deps.service->led_from_choices(p.group_id, req.principal.user_id);
    const auto choices = co_await std::move(choices_op);
    co_return render_record(req, deps, p, form, choices, field_errors(t, problems));
  }
  auto op = deps.service->record(who_of(req), req.membership.org_id, p.id, form.rationale, topic, meeting);
  co_return after(req, deps, co_await std::move(op), decision_url(req, p.id), "decisions.done.recorded");
}

}  // namespace roundtable::decisions::pages
