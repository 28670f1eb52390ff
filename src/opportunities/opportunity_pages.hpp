/// The opportunities pages' handlers (see opportunity_routes.cpp for the addresses) and what they share: loading an
/// opportunity (or its group) for the person asking and asking the policy, the words for states and audiences.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "accounts/pages_common.hpp"
#include "http/types.hpp"
#include "opportunities/opportunity_policy.hpp"
#include "opportunities/opportunity_service.hpp"
#include "view/govuk/summary_list.hpp"
#include "view/layout.hpp"

namespace roundtable::opportunities::pages {

using boost::asio::awaitable;
using http::OrgRequest;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;

struct PagesDeps {
  /// Shared by every route's copy of these dependencies (the module owns the service through them).
  std::shared_ptr<OpportunityService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
  /// Where an organisation admin turns two-step sign-in on (the pipeline's own page).
  std::string two_step_path = "/account/two-step";
};

// Shared by the page files (opportunity_page_parts.cpp).

/// The person asking, for the policy, with their role in the group (nullopt: not in it).
policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> group_role);
policy::Facts facts_of(const Opportunity& o);
/// Whether the person may do this, or could once two-step sign-in is on (so links to it are shown).
bool may(const OrgRequest& req, const OpportunityForViewer& v, policy::Action action);
/// The opportunity named by {opportunity} in the address, when the person may do this to it; otherwise the answer
/// to send instead (404, or to two-step sign-in for an organisation admin without it).
awaitable<std::variant<OpportunityForViewer, Response>> load(OrgRequest& req, const PagesDeps& deps,
                                                             policy::Action action);
/// The group named by {group}, when the person may advertise a place in it.
awaitable<std::variant<groups::GroupForViewer, Response>> load_group(OrgRequest& req, const PagesDeps& deps);
std::optional<long long> parse_id(std::string_view s);
/// "/o/{org}/opportunities"
std::string list_url(const OrgRequest& req);
/// "/o/{org}/opportunities/{id}"
std::string opportunity_url(const OrgRequest& req, long long id);
/// "/o/{org}/groups/{group}/opportunities"
std::string group_opportunities_url(const OrgRequest& req, long long group_id);

std::string state_name(const core::Translator& t, State s);
std::string audience_name(const core::Translator& t, Audience a);
/// The state as a coloured tag.
void state_tag(view::Html& h, const core::Translator& t, State s);
/// "31 December 2026" in the reader's language (the raw text if it is not a date).
std::string closing_date(const core::Translator& t, const std::string& closes_on);
/// What it is, time asked, payment, support, closing date and who may apply, as a summary list.
void about(view::Html& h, const core::Translator& t, const Opportunity& o);
/// "WebM", "MP3"... for a recording's type (the type itself when it is none of those).
std::string recording_type(std::string_view mime);
/// The summary-list rows of an expression of interest: their words (when they wrote any), their recording in a player
/// with a note that it is one and its file type, and what would help them. who: whose it is, for the player's label
/// ("Recording from Priya"); nullopt for the person's own ("Your recording").
void recording_row(view::govuk::SummaryList& rows, const core::Translator& t, const Recording& r,
                   const std::optional<std::string>& who);
void interest_rows(view::govuk::SummaryList& rows, const core::Translator& t, const Interest& i,
                   const std::optional<std::string>& who);

// opportunity_pages.cpp: the lists, advertising a place, its page, changing, publishing and closing it, and the
// public page.
awaitable<Response> list(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> group_list(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> new_opportunity(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_opportunity(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> opportunity(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> edit_opportunity(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_opportunity(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> open_opportunity(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> close_opportunity(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> public_opportunity(RequestContext& ctx, const PagesDeps& deps);

// interest_pages.cpp: expressing interest, the applicants, shortlisting and selecting, and telling the outcome.
// The applicants as a spreadsheet (CSV) is applicants_csv.
awaitable<Response> interest_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_interest(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> withdraw_interest(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> applicants(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> applicants_csv(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> mark(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> outcome_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> tell_outcome(OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::opportunities::pages
