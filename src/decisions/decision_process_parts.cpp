// Ranked choice, dot vote and score on a proposal's page: their ballot forms (plain HTML fields, no script: a select
// of "1st choice", "2nd choice", … per option; a number of dots per option; a row of score radios per option) and
// their results once closed (every ranked round as a table and in words; dots and scores as a chart with a table of
// the same numbers). The group's power-sharing rules: as they apply to a proposal, its verdict, and the rules page.
#include "accounts/form_checks.hpp"
#include "core/text.hpp"
#include "decisions/decision_form.hpp"
#include "decisions/decision_pages.hpp"
#include "decisions/decision_words.hpp"
#include "http/form.hpp"
#include "meetings/time_poll_page_parts.hpp"
#include "view/govuk/govuk.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::decisions::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

std::string field_of(long long option_id) { return "option-" + std::to_string(option_id); }

std::string ordinal(const core::Translator& t, long long n) {
  if (n < 1 || n > static_cast<long long>(kMaxOptions)) return std::to_string(n);
  return s(t("decisions.ranked.choice." + std::to_string(n)));
}

/// What the person typed (after a problem) or their stored ballot, for one option.
std::string shown_value(const ProposalForViewer& v, const BallotForm* typed, long long option_id) {
  if (typed) {
    if (const auto* x = typed->of(option_id)) return *x;
    return "";
  }
  for (const auto& [option, value] : v.my_ballot) {
    if (option == option_id) return std::to_string(value);
  }
  return "";
}

const Option* find_option(const Proposal& p, long long id) { return p.option(id); }

}  // namespace

void ballot_form(Html& h, const core::Translator& t, const OrgRequest& req, const ProposalForViewer& v,
                 const BallotForm* typed, const std::vector<view::FieldError>& errors) {
  const auto& p = v.proposal;
  const auto& d = p.details;
  govuk::heading(h, 2, "m", t("decisions.vote.title"));
  if (v.voted) govuk::paragraph(h, t("decisions.ballot.yours"));
  govuk::form_start(h, {.action = decision_url(req, p.id) + "/ballot", .csrf_token = req.ctx.csrf_token});
  Html inner;
  const std::string privacy = s(t(d.anonymous ? "decisions.ballot.hint_anonymous" : "decisions.ballot.hint_named"));
  if (d.process == Process::ranked_choice) {
    govuk::paragraph(inner, t("decisions.ranked.lead"));
    for (const auto& o : d.options) {
      const std::string id = field_of(o.id);
      govuk::Select select{.id = id,
                           .name = id,
                           .value = shown_value(v, typed, o.id),
                           .label = small_label(o.text),
                           .hint = {.text = o.easy_read},
                           .error_message = field_error_message(t, errors, id)};
      select.items.push_back({.value = "", .text = s(t("decisions.ranked.not_ranked"))});
      for (std::size_t n = 1; n <= d.options.size(); ++n) {
        select.items.push_back({.value = std::to_string(n), .text = ordinal(t, static_cast<long long>(n))});
      }
      govuk::select(inner, select);
    }
    govuk::fieldset(h, {.legend = {.text = s(t("decisions.ranked.legend")), .classes = "govuk-fieldset__legend--s"},
                        .html = std::move(inner)});
  } else if (d.process == Process::dot_vote) {
    std::string lead = core::format(t("decisions.dots.lead"), {{"budget", std::to_string(d.dot_budget)}});
    if (d.dot_most > 0) {
      lead += " " + core::format(t("decisions.dots.lead_most"), {{"most", std::to_string(d.dot_most)}});
    }
    govuk::paragraph(inner, lead);
    for (const auto& o : d.options) {
      const std::string id = field_of(o.id);
      govuk::input(inner, {.id = id,
                           .name = id,
                           .inputmode = "numeric",
                           .value = shown_value(v, typed, o.id),
                           .label = small_label(o.text),
                           .hint = {.text = o.easy_read},
                           .error_message = field_error_message(t, errors, id),
                           .suffix = {.text = s(t("decisions.dots.suffix"))},
                           .classes = "govuk-input--width-3",
                           .autocomplete = "off",
                           .spellcheck = false});
    }
    govuk::fieldset(h, {.legend = {.text = s(t("decisions.dots.legend")), .classes = "govuk-fieldset__legend--s"},
                        .html = std::move(inner)});
  } else if (d.process == Process::score) {
    govuk::paragraph(h, core::format(t("decisions.scores.lead"), {{"highest", std::to_string(d.score_highest)}}));
    for (const auto& o : d.options) {
      const std::string id = field_of(o.id);
      govuk::Radios radios{.name = id,
                           .value = shown_value(v, typed, o.id),
                           .fieldset = small_legend(o.text),
                           .hint = {.text = o.easy_read},
                           .error_message = field_error_message(t, errors, id),
                           .classes = "govuk-radios--inline govuk-radios--small"};
      for (int n = 0; n <= d.score_highest; ++n)
        radios.items.push_back({.text = std::to_string(n), .value = std::to_string(n)});
      govuk::radios(h, radios);
    }
  }
  govuk::paragraph(h, privacy, "govuk-hint");
  submit_button(h, t(v.voted ? "decisions.vote.change" : "decisions.vote.button"));
  govuk::form_end(h);
}

void ranked_results(Html& h, const core::Translator& t, const Proposal& p, const tally::RankedResult& r,
                    long long ballots) {
  govuk::heading(h, 2, "m", t("decisions.results.title"));
  govuk::paragraph(h, t.plural("decisions.results.ballots", ballots));
  Proposal shown = p;
  PollResult leaders = r.winner ? leaders_only({*r.winner}) : leaders_only({r.tied.begin(), r.tied.end()});
  if (!shown.outcome) shown.outcome = outcome_of(leaders);
  govuk::paragraph(h, outcome_words(t, shown, leaders), "govuk-body govuk-!-font-weight-bold");
  if (r.rounds.empty()) return;
  // Every round as a column: the votes each option still in had, "Out" once it was knocked out.
  view::scroll_region_start(h, t, t("decisions.ranked.caption"));
  std::vector<govuk::TableCell> head{{.text = s(t("decisions.results.option"))}};
  for (std::size_t i = 0; i < r.rounds.size(); ++i) {
    head.push_back(
        {.text = core::format(t("decisions.ranked.round"), {{"n", std::to_string(i + 1)}}), .format = "numeric"});
  }
  govuk::TableWriter table(h, {.head = head,
                               .caption = s(t("decisions.ranked.caption")),
                               .caption_classes = "govuk-table__caption--s",
                               .first_cell_is_header = true});
  for (const auto& o : p.details.options) {
    table.begin_row();
    table.cell(option_words(o));
    for (const auto& round : r.rounds) {
      std::string cell = s(t("decisions.ranked.out"));
      for (const auto& c : round.counts) {
        if (c.option == o.id) cell = std::to_string(c.value);
      }
      table.cell({.text = cell, .format = "numeric"});
    }
    table.end_row();
  }
  table.begin_row();
  table.cell(s(t("decisions.ranked.exhausted_row")));
  for (const auto& round : r.rounds) table.cell({.text = std::to_string(round.exhausted), .format = "numeric"});
  table.end_row();
  table.end();
  view::scroll_region_end(h);

  // The same story in words, round by round.
  govuk::heading(h, 3, "s", t("decisions.ranked.story_title"));
  govuk::List story{.number = true};
  auto names = [&](const std::vector<tally::OptionId>& ids) {
    std::string out;
    for (auto id : ids) {
      if (const auto* o = find_option(p, id)) out += (out.empty() ? "" : "; ") + o->text;
    }
    return out;
  };
  for (std::size_t i = 0; i < r.rounds.size(); ++i) {
    const auto& round = r.rounds[i];
    std::string line;
    if (!round.eliminated.empty()) {
      const char* key = round.why == tally::Elimination::earlier_round ? "decisions.ranked.out_earlier"
                        : round.why == tally::Elimination::all_tied    ? "decisions.ranked.out_all_tied"
                                                                       : "decisions.ranked.out_fewest";
      line = core::format(t(key), {{"options", names(round.eliminated)}});
    } else if (r.winner) {
      line = core::format(t("decisions.ranked.won"), {{"option", names({*r.winner})}});
    } else {
      line = core::format(t("decisions.ranked.tied"), {{"options", names(r.tied)}});
    }
    if (round.exhausted > 0) line += " " + t.plural("decisions.ranked.exhausted", round.exhausted);
    story.items.push_back(core::format(t("decisions.ranked.story_round"), {{"n", std::to_string(i + 1)}}) + " " + line);
  }
  govuk::list(h, story);
}

void dot_results(Html& h, const core::Translator& t, const Proposal& p, const tally::DotResult& r, long long people) {
  govuk::heading(h, 2, "m", t("decisions.results.title"));
  govuk::paragraph(h, t.plural("decisions.results.ballots", people));
  Proposal shown = p;
  const PollResult leaders = leaders_only({r.top.begin(), r.top.end()});
  if (!shown.outcome) shown.outcome = outcome_of(leaders);
  govuk::paragraph(h, outcome_words(t, shown, leaders), "govuk-body govuk-!-font-weight-bold");
  long long most = 0;
  for (const auto& c : r.totals) most = std::max(most, c.value);
  std::vector<ChartBar> bars;
  for (const auto& o : p.details.options) {
    long long dots = 0;
    for (const auto& c : r.totals) {
      if (c.option == o.id) dots = c.value;
    }
    const bool top = std::find(r.top.begin(), r.top.end(), o.id) != r.top.end();
    std::string label = core::format(t.plural("decisions.dots.bar", dots), {{"option", o.text}});
    if (top) label += " (" + s(t("decisions.results.most")) + ")";
    bars.push_back({o, dots, most, std::move(label), top});
  }
  bar_chart(h, t, "chart-" + std::to_string(p.id), s(t("decisions.dots.chart_title")), bars);
  view::scroll_region_start(h, t, t("decisions.dots.caption"));
  govuk::TableWriter table(h, {.head = {{.text = s(t("decisions.results.option"))},
                                        {.text = s(t("decisions.dots.heading")), .format = "numeric"}},
                               .caption = s(t("decisions.dots.caption")),
                               .caption_classes = "govuk-table__caption--s",
                               .first_cell_is_header = true});
  for (const auto& b : bars) {
    table.begin_row();
    Html words;
    words.text(option_words(b.option));
    if (b.leading) {
      words.text(" ");
      govuk::tag(words, {.text = s(t("decisions.results.most"))});
    }
    table.cell(words);
    table.cell({.text = std::to_string(b.value), .format = "numeric"});
    table.end_row();
  }
  table.end();
  view::scroll_region_end(h);
}

void score_results(Html& h, const core::Translator& t, const Proposal& p, const tally::ScoreResult& r,
                   long long people) {
  govuk::heading(h, 2, "m", t("decisions.results.title"));
  govuk::paragraph(h, t.plural("decisions.results.ballots", people));
  Proposal shown = p;
  const PollResult leaders = leaders_only({r.top.begin(), r.top.end()});
  if (!shown.outcome) shown.outcome = outcome_of(leaders);
  govuk::paragraph(h, outcome_words(t, shown, leaders), "govuk-body govuk-!-font-weight-bold");
  const int highest = p.details.score_highest;
  auto tenths = [](long long x) { return std::to_string(x / 10) + "." + std::to_string(x % 10); };
  std::vector<ChartBar> bars;
  for (const auto& x : r.options) {
    const auto* o = find_option(p, x.option);
    if (!o) continue;
    const bool top = std::find(r.top.begin(), r.top.end(), x.option) != r.top.end();
    bars.push_back({*o, x.average_tenths(), highest * 10LL,
                    core::format(t("decisions.scores.bar"), {{"option", o->text},
                                                             {"average", tenths(x.average_tenths())},
                                                             {"highest", std::to_string(highest)},
                                                             {"people", std::to_string(x.people)}}) +
                        (top ? " (" + s(t("decisions.scores.highest_tag")) + ")" : std::string()),
                    top});
  }
  bar_chart(h, t, "chart-" + std::to_string(p.id), s(t("decisions.scores.chart_title")), bars);
  view::scroll_region_start(h, t, t("decisions.scores.caption"));
  std::vector<govuk::TableCell> head{{.text = s(t("decisions.results.option"))},
                                     {.text = s(t("decisions.scores.average")), .format = "numeric"},
                                     {.text = s(t("decisions.scores.people")), .format = "numeric"}};
  for (int n = 0; n <= highest; ++n) {
    head.push_back(
        {.text = core::format(t("decisions.scores.gave"), {{"score", std::to_string(n)}}), .format = "numeric"});
  }
  govuk::TableWriter table(h, {.head = head,
                               .caption = s(t("decisions.scores.caption")),
                               .caption_classes = "govuk-table__caption--s",
                               .first_cell_is_header = true});
  for (std::size_t i = 0; i < bars.size() && i < r.options.size(); ++i) {
    const auto& b = bars[i];
    const auto& x = r.options[i];
    table.begin_row();
    Html words;
    words.text(option_words(b.option));
    if (b.leading) {
      words.text(" ");
      govuk::tag(words, {.text = s(t("decisions.scores.highest_tag"))});
    }
    table.cell(words);
    table.cell(
        {.text = x.people > 0 ? tenths(x.average_tenths()) : s(t("decisions.scores.none_yet")), .format = "numeric"});
    table.cell({.text = std::to_string(x.people), .format = "numeric"});
    for (long long n : x.how_many) table.cell({.text = std::to_string(n), .format = "numeric"});
    table.end_row();
  }
  table.end();
  view::scroll_region_end(h);
}

std::string ballot_value_words(const core::Translator& t, Process process, long long value) {
  switch (process) {
    case Process::ranked_choice: return ordinal(t, value);
    case Process::dot_vote: return t.plural("decisions.dots.count", value);
    case Process::score: return core::format(t("decisions.scores.given"), {{"score", std::to_string(value)}});
    case Process::meeting_time:
      if (const auto a = answer_of_value(value)) return meetings::pages::answer_words(t, *a);
      break;
    case Process::simple_poll:
    case Process::consent: break;
  }
  return std::to_string(value);
}

// ---- Power-sharing rules ----

std::vector<std::string> rules_words(const core::Translator& t, const power::Rules& r) {
  std::vector<std::string> out;
  if (r.at_least_lived_experience) out.push_back(t.plural("decisions.rules.at_least", *r.at_least_lived_experience));
  if (r.lived_experience_half) out.emplace_back(t("decisions.rules.half"));
  if (r.no_unmet_support) out.emplace_back(t("decisions.rules.support"));
  if (r.at_least_lived_experience || r.lived_experience_half) {
    out.emplace_back(t(r.carers_count ? "decisions.rules.carers_count" : "decisions.rules.carers_not"));
  }
  return out;
}

bool any_rule(const power::Rules& r) {
  return r.at_least_lived_experience || r.lived_experience_half || r.no_unmet_support;
}

void proposal_rules(Html& h, const core::Translator& t, const DecisionPage& page, long long now) {
  const auto& p = page.view.proposal;
  const auto& r = p.details.rules;
  if (!any_rule(r) || p.withdrawn_at) return;
  govuk::heading(h, 2, "m", t("decisions.rules.title"));
  long long people = 0;
  for (const auto& [types, n] : page.types) people += n;
  const long long lived = lived_experience_count(r, page.types);
  if (p.closed(now)) {
    const auto verdict = verdict_of(r, page.types, page.unmet_support);
    if (verdict.valid()) {
      govuk::inset_text(h, {.text = s(t("decisions.rules.met"))});
    } else {
      govuk::warning_text(
          h, {.text = s(t("decisions.rules.not_valid")), .icon_fallback_text = s(t("decisions.rules.warning_word"))});
      govuk::List why{.bullet = true};
      for (const auto& b : verdict.breaches) {
        why.items.push_back(
            core::format(t("decisions.rules.broken." +
                           std::string(b.key.substr(std::string_view("decisions.rules.broken.").size()))),
                         {{"needed", std::to_string(b.needed)}, {"had", std::to_string(b.had)}}));
      }
      govuk::list(h, why);
    }
  } else {
    govuk::paragraph(h, t("decisions.rules.lead_open"));
  }
  // Each rule, with how it stands.
  govuk::List rules{.bullet = true};
  if (r.at_least_lived_experience) {
    rules.items.push_back(t.plural("decisions.rules.needs_at_least", *r.at_least_lived_experience) + " " +
                          core::format(t("decisions.rules.so_far"), {{"n", std::to_string(lived)}}));
  }
  if (r.lived_experience_half) {
    rules.items.push_back(s(t("decisions.rules.needs_half")) + " " +
                          core::format(t("decisions.rules.so_far_of"),
                                       {{"n", std::to_string(lived)}, {"people", std::to_string(people)}}));
  }
  if (r.no_unmet_support) {
    std::string line = s(t("decisions.rules.needs_support"));
    if (p.led_from_meeting_id) {
      line += " " + core::format(t("decisions.rules.unmet_now"), {{"n", std::to_string(page.unmet_support)}});
    } else {
      line += " " + s(t("decisions.rules.no_meeting"));
    }
    rules.items.push_back(line);
  }
  if (r.at_least_lived_experience || r.lived_experience_half) {
    rules.items.push_back(s(t(r.carers_count ? "decisions.rules.carers_count" : "decisions.rules.carers_not")));
  }
  govuk::list(h, rules);
}

void group_rules_summary(Html& h, const core::Translator& t, const OrgRequest& req, long long group_id,
                         const std::optional<store::GroupRules>& rules, bool may_change) {
  govuk::heading(h, 2, "m", t("decisions.rules.title"));
  const power::Rules r = rules ? rules->rules : power::Rules{};
  if (!any_rule(r)) {
    govuk::paragraph(h, t("decisions.rules.none"));
  } else {
    govuk::paragraph(h, t("decisions.rules.lead_group"));
    govuk::List list{.bullet = true};
    for (auto& line : rules_words(t, r)) list.items.push_back(std::move(line));
    govuk::list(h, list);
  }
  if (may_change) govuk::link_paragraph(h, group_decisions_url(req, group_id) + "/rules", t("decisions.rules.change"));
}

namespace {

struct RulesForm {
  std::string at_least, half, support, carers = "yes";
};

Response render_rules(OrgRequest& req, const PagesDeps& deps, const groups::Group& g, const RulesForm& form,
                      const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t("decisions.rules.form_title")));
  page.caption(g.details.name)
      .back_link(group_decisions_url(req, g.id), s(t("decisions.back_to_list")))
      .errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("decisions.rules.form_lead"));
  govuk::inset_text(h, {.text = s(t("decisions.rules.form_later"))});
  govuk::form_start(h, {.action = group_decisions_url(req, g.id) + "/rules", .csrf_token = ctx.csrf_token});
  govuk::input(h, {.id = "at_least",
                   .name = "at_least",
                   .inputmode = "numeric",
                   .value = form.at_least,
                   .label = small_label(s(t("decisions.rules.form_at_least"))),
                   .hint = {.text = s(t("decisions.rules.form_at_least_hint"))},
                   .error_message = field_error_message(t, errors, "at_least"),
                   .classes = "govuk-input--width-3",
                   .autocomplete = "off",
                   .spellcheck = false});
  govuk::checkboxes(h, {.name = "rules",
                        .items = {{.text = s(t("decisions.rules.form_half")),
                                   .value = "half",
                                   .name = "half",
                                   .hint = {.text = s(t("decisions.rules.form_half_hint"))},
                                   .checked = form.half == "half"},
                                  {.text = s(t("decisions.rules.form_support")),
                                   .value = "support",
                                   .name = "support",
                                   .hint = {.text = s(t("decisions.rules.form_support_hint"))},
                                   .checked = form.support == "support"}},
                        .fieldset = small_legend(s(t("decisions.rules.form_more")))});
  govuk::radios(h, {.name = "carers",
                    .items = {{.text = s(t("decisions.rules.form_carers_yes")), .value = "yes"},
                              {.text = s(t("decisions.rules.form_carers_no")), .value = "no"}},
                    .value = form.carers,
                    .fieldset = small_legend(s(t("decisions.rules.form_carers"))),
                    .hint = {.text = s(t("decisions.rules.form_carers_hint"))},
                    .error_message = field_error_message(t, errors, "carers")});
  submit_button(h, t("decisions.rules.form_button"));
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> rules_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Action::set_rules);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  auto op = deps.service->rules(g.id);
  const auto rules = co_await std::move(op);
  RulesForm form;
  if (rules) {
    const auto& r = rules->rules;
    if (r.at_least_lived_experience) form.at_least = std::to_string(*r.at_least_lived_experience);
    form.half = r.lived_experience_half ? "half" : "";
    form.support = r.no_unmet_support ? "support" : "";
    form.carers = r.carers_count ? "yes" : "no";
  }
  co_return render_rules(req, deps, g, form, {});
}

awaitable<Response> save_rules(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps, Action::set_rules);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  const RulesForm form{ctx.form.trimmed("at_least"), ctx.form.trimmed("half"), ctx.form.trimmed("support"),
                       ctx.form.trimmed("carers")};
  std::vector<FormProblem> problems;
  power::Rules rules;
  if (!form.at_least.empty()) {
    const auto n = core::small_number(form.at_least);
    if (!n || *n < 1 || *n > kMaxLivedExperienceRule) {
      problems.push_back({"at_least", "decisions.error.rules_at_least"});
    } else {
      rules.at_least_lived_experience = *n;
    }
  }
  if (form.carers != "yes" && form.carers != "no") problems.push_back({"carers", "decisions.error.rules_carers"});
  if (!problems.empty()) co_return render_rules(req, deps, g, form, field_errors(t, problems));
  rules.lived_experience_half = form.half == "half";
  rules.no_unmet_support = form.support == "support";
  rules.carers_count = form.carers == "yes";
  auto op = deps.service->save_rules(who_of(req), req.membership.org_id, g.id, rules);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c == Change::already ? Change::done : c, group_decisions_url(req, g.id),
                  "decisions.done.rules");
}

}  // namespace roundtable::decisions::pages
