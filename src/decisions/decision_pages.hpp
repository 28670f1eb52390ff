/// The decisions pages' handlers (addresses in decision_routes.cpp) and what they share: loading a proposal (or its
/// group) for the person asking and asking the policy, and addresses.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <string>
#include <variant>

#include "accounts/pages_common.hpp"
#include "decisions/decision_form.hpp"
#include "decisions/decision_policy.hpp"
#include "decisions/decision_service.hpp"
#include "http/types.hpp"
#include "view/layout.hpp"

namespace roundtable::decisions::pages {

using boost::asio::awaitable;
using http::OrgRequest;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;

struct PagesDeps {
  std::shared_ptr<DecisionService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
  std::string two_step_path = "/account/two-step";
};

using view::s;

// decision_page_parts.cpp
policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> role);
/// Whether the person may do this (or could once two-step sign-in is on), to show its form or button.
bool may(const OrgRequest& req, const ProposalForViewer& v, policy::Action action, long long now);
/// The proposal named by {decision}, when the person may do this to it; otherwise the answer to send instead.
awaitable<std::variant<DecisionPage, Response>> load(OrgRequest& req, const PagesDeps& deps, policy::Action action);
/// A page of the closed named poll named by {decision}'s "who chose what", when the person may see the proposal.
awaitable<std::variant<WhoChoseView, Response>> load_who_chose(OrgRequest& req, const PagesDeps& deps, WhoChoseQuery q);
/// The group named by {group}, when the person may do this in it (see_decisions or propose), with a page's reads
/// along.
awaitable<std::variant<groups::GroupForViewer, Response>> load_group(OrgRequest& req, const PagesDeps& deps,
                                                                     policy::Action action,
                                                                     groups::AlongWithGroup along = {});
Who who_of(const OrgRequest& req);
/// "/o/{org}/decisions/{id}"
std::string decision_url(const OrgRequest& req, long long id);
/// "/o/{org}/groups/{group}/decisions"
std::string group_decisions_url(const OrgRequest& req, long long group_id);
/// After a change: to `to` with the done message, or 404 when it was refused.
Response after(OrgRequest& req, const PagesDeps& deps, Change c, const std::string& to, const char* done_key);

// decision_chart.cpp: a poll's results as an SVG bar chart (role="img", title and description, each bar labelled
// with its option and count) followed by a table of the same numbers; who took part by member type.
/// One bar: its option, its value against the chart's largest, and the words it carries (also the description's).
struct ChartBar {
  Option option;
  long long value = 0;
  long long max = 0;
  std::string label;
  bool leading = false;
};
void bar_chart(view::Html& h, const core::Translator& t, const std::string& id, const std::string& title,
               const std::vector<ChartBar>& bars);
void poll_results(view::Html& h, const core::Translator& t, const Proposal& p, const PollResult& r);
void consent_results(view::Html& h, const core::Translator& t, const ConsentResult& r);
void who_took_part(view::Html& h, const core::Translator& t, const TypeCounts& c);

/// What was typed into a form that failed, for showing again.
struct Typed {
  std::string option;
  ResponseForm response;
  /// A ranked-choice, dot or score ballot that had a problem.
  std::optional<BallotForm> ballot;
  /// A meeting-time ballot that had a problem.
  std::optional<std::vector<meetings::PollVote>> times;
};

// decision_pages.cpp: the group's list, a proposal's page, closing early and withdrawing; decision_answer_pages.cpp:
// voting, ballots, consent answers and objections.
awaitable<Response> list(OrgRequest& req, const PagesDeps& deps);

// decision_who_pages.cpp: who chose what in a closed named poll, on the proposal's page (a few people) or on pages of
// its own (by name, a page at a time).
void who_chose_what(view::Html& h, const core::Translator& t, const OrgRequest& req, const DecisionPage& page,
                    long long now);
awaitable<Response> who_chose(OrgRequest& req, const PagesDeps& deps);
/// A proposal's page, with what was typed into a form that failed and its errors.
Response render(OrgRequest& req, const PagesDeps& deps, const DecisionPage& page, const Typed& typed,
                const std::vector<view::FieldError>& errors);
/// After a vote or answer was refused by the service: 404 when not allowed, else the page saying it has closed.
Response refused(OrgRequest& req, const PagesDeps& deps, const DecisionPage& page, VoteOutcome outcome,
                 const Typed& typed, const char* field);
awaitable<Response> decision(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> vote(OrgRequest& req, const PagesDeps& deps);
/// A ranked-choice, dot or score ballot.
awaitable<Response> cast(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> respond(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> resolve_objection(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> withdraw_objection(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> close_early(OrgRequest& req, const PagesDeps& deps);
/// "Withdraw this proposal?", with the button that does it.
awaitable<Response> withdraw_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> withdraw(OrgRequest& req, const PagesDeps& deps);

// decision_process_parts.cpp: ranked choice, dot vote and score (ballot forms, results), and power-sharing rules.
void ballot_form(view::Html& h, const core::Translator& t, const OrgRequest& req, const ProposalForViewer& v,
                 const BallotForm* typed, const std::vector<view::FieldError>& errors);
void ranked_results(view::Html& h, const core::Translator& t, const Proposal& p, const tally::RankedResult& r,
                    long long ballots);
void dot_results(view::Html& h, const core::Translator& t, const Proposal& p, const tally::DotResult& r,
                 long long people);
void score_results(view::Html& h, const core::Translator& t, const Proposal& p, const tally::ScoreResult& r,
                   long long people);
/// "1st choice", "3 dots", "Score 4": one row of a named ballot.
std::string ballot_value_words(const core::Translator& t, Process process, long long value);
/// The rules a proposal opened under, how they stand while it is open, and its verdict once closed.
void proposal_rules(view::Html& h, const core::Translator& t, const DecisionPage& page, long long now);
/// The group's rules on its decisions list, with the link to change them for those who may.
void group_rules_summary(view::Html& h, const core::Translator& t, const OrgRequest& req, long long group_id,
                         const std::optional<store::GroupRules>& rules, bool may_change);
awaitable<Response> rules_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_rules(OrgRequest& req, const PagesDeps& deps);

// decision_meeting_time_parts.cpp: finding a meeting time (ADR 0041).
/// A meeting-time ballot (option, value) as answers.
std::vector<meetings::PollVote> votes_of(const std::vector<std::pair<long long, long long>>& ballot);
/// The answer form: a row of yes / if need be / no per time; `typed` after a problem, else the person's own answers.
void time_form(view::Html& h, const core::Translator& t, const OrgRequest& req, const ProposalForViewer& v,
               const std::vector<meetings::PollVote>* typed, const std::vector<view::FieldError>& errors);
/// Once closed: the chosen time in words, a chart and the table of every time's answers, and who answered what when
/// named. people: how many took part.
void time_results(view::Html& h, const core::Translator& t, const DecisionPage& page, long long people);

/// In the decision record: the chosen time in words and, for the people who may arrange the group's meetings, the link
/// to the new-meeting form filled in with it.
void time_record(view::Html& h, const core::Translator& t, const OrgRequest& req, const DecisionPage& page,
                 long long people);

// decision_form_pages.cpp: a new proposal, and the decision record.
awaitable<Response> new_proposal(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_proposal(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> record_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_record(OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::decisions::pages
