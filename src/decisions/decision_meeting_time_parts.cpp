// Finding a meeting time on a proposal's page (ADR 0041), with the "find a time" poll's own parts
// (meetings/time_poll_page_parts.hpp): the answer form (a row of yes / if need be / no radios per time), and once
// closed the results: a chart of each time's answers with the same numbers in the poll's table, who answered what when
// it is named, the chosen time in words, and, for the people who may arrange the group's meetings, a link to the
// new-meeting form filled in with it.
#include "core/london_time.hpp"
#include "decisions/decision_pages.hpp"
#include "decisions/decision_words.hpp"
#include "meetings/meeting_form.hpp"
#include "meetings/meeting_policy.hpp"
#include "meetings/time_poll_page_parts.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::decisions::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

/// "/o/{org}/groups/{group}/meetings/new?title=…&date-day=…": the new-meeting form with the time filled in.
std::string arrange_url(const OrgRequest& req, const Proposal& p, const Option& o) {
  const auto from = core::to_london(o.starts_at), to = core::to_london(o.ends_at);
  return "/o/" + req.membership.org_slug + "/groups/" + std::to_string(p.group_id) +
         "/meetings/new?title=" + view::url_encode(p.details.title) + "&date-day=" + std::to_string(from.day) +
         "&date-month=" + std::to_string(from.month) + "&date-year=" + std::to_string(from.year) +
         "&start=" + view::url_encode(meetings::clock_time_code(from.hour, from.minute)) +
         "&end=" + view::url_encode(meetings::clock_time_code(to.hour, to.minute));
}

/// Whether the person may arrange the group's meetings (the meetings policy's own rule).
bool may_arrange(const OrgRequest& req, const ProposalForViewer& v) {
  const auto& p = v.proposal;
  const meetings::policy::Actor actor{req.membership.role, req.principal.two_step, v.role};
  const meetings::policy::Facts facts{p.group_visibility, p.group_archived, false, false};
  return meetings::policy::allows(actor, meetings::policy::Action::schedule_meeting, facts) !=
         meetings::policy::Verdict::deny;
}

/// A named poll's answers by person, from its ballot rows (read in name order).
std::vector<meetings::PollPerson> people_of(const std::vector<BallotRow>& rows) {
  std::vector<meetings::PollPerson> out;
  for (const auto& r : rows) {
    const auto a = answer_of_value(r.value);
    if (!a || !r.voter_id) continue;
    if (out.empty() || out.back().user_id != *r.voter_id) out.push_back({*r.voter_id, r.voter_name, {}});
    out.back().votes.push_back({r.option_id, *a});
  }
  return out;
}

}  // namespace

std::vector<meetings::PollVote> votes_of(const std::vector<std::pair<long long, long long>>& ballot) {
  std::vector<meetings::PollVote> out;
  for (const auto& [option, value] : ballot) {
    if (const auto a = answer_of_value(value)) out.push_back({option, *a});
  }
  return out;
}

void time_form(Html& h, const core::Translator& t, const OrgRequest& req, const ProposalForViewer& v,
               const std::vector<meetings::PollVote>* typed, const std::vector<view::FieldError>& errors) {
  const auto& p = v.proposal;
  govuk::heading(h, 2, "m", t("decisions.times.title"));
  govuk::paragraph(h, t(v.voted ? "decisions.times.lead_change" : "decisions.times.lead"));
  govuk::paragraph(h, t("decisions.times.uk_time"), "govuk-body-s");
  govuk::form_start(h, {.action = decision_url(req, p.id) + "/ballot", .csrf_token = req.ctx.csrf_token});
  meetings::pages::answer_radios(h, t, time_options(p.details.options), typed ? *typed : votes_of(v.my_ballot), errors);
  govuk::paragraph(h, t(p.details.anonymous ? "decisions.ballot.hint_anonymous" : "decisions.ballot.hint_named"),
                   "govuk-hint");
  submit_button(h, t(v.voted ? "decisions.vote.change" : "decisions.vote.button"));
  govuk::form_end(h);
}

void time_results(Html& h, const core::Translator& t, const DecisionPage& page, long long people) {
  const auto& v = page.view;
  const auto& p = v.proposal;
  auto tallies = time_tallies(p.details.options, page.sums, people);
  const auto chosen = chosen_time(tallies);
  govuk::heading(h, 2, "m", t("decisions.results.title"));
  govuk::paragraph(h, t.plural("decisions.results.ballots", people));
  const PollResult leaders = chosen ? leaders_only({*chosen}) : leaders_only({});
  Proposal shown = p;
  if (!shown.outcome) shown.outcome = outcome_of(leaders);
  govuk::paragraph(h, outcome_words(t, shown, leaders), "govuk-body govuk-!-font-weight-bold");
  std::vector<ChartBar> bars;
  for (const auto& x : tallies) {
    const auto* o = p.option(x.option.id);
    if (!o) continue;
    std::string label = core::format(t("decisions.times.bar"), {{"time", option_label(t, *o)},
                                                                {"yes", std::to_string(x.yes)},
                                                                {"if_need_be", std::to_string(x.if_need_be)},
                                                                {"no", std::to_string(x.no)}});
    if (x.best) label += " (" + s(t("decisions.times.chosen_tag")) + ")";
    bars.push_back({*o, x.yes, people, std::move(label), x.best});
  }
  bar_chart(h, t, "chart-" + std::to_string(p.id), s(t("decisions.times.chart_title")), bars);
  meetings::pages::answers_table(h, t, tallies, s(t("decisions.times.chosen_tag")), s(t("decisions.times.caption")));
  if (!p.details.anonymous && !page.named.empty()) {
    meetings::pages::who_answered_table(h, t, time_options(p.details.options), people_of(page.named));
  }
}

void time_record(Html& h, const core::Translator& t, const OrgRequest& req, const DecisionPage& page,
                 long long people) {
  const auto& v = page.view;
  const auto& p = v.proposal;
  auto tallies = time_tallies(p.details.options, page.sums, people);
  const auto chosen = chosen_time(tallies);
  const PollResult leaders = chosen ? leaders_only({*chosen}) : leaders_only({});
  Proposal shown = p;
  if (!shown.outcome) shown.outcome = outcome_of(leaders);
  govuk::paragraph(h, outcome_words(t, shown, leaders));
  if (!chosen || !may_arrange(req, v)) return;
  if (const auto* o = p.option(*chosen))
    govuk::link_paragraph(h, arrange_url(req, p, *o), t("decisions.times.arrange"));
}

}  // namespace roundtable::decisions::pages
