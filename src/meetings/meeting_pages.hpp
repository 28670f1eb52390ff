/// The meetings pages' handlers (see meeting_routes.cpp for the addresses) and what they share: loading a meeting (or
/// its group) for the person asking and asking the policy, addresses, and the words for times, places and needs.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "accounts/pages_common.hpp"
#include "http/types.hpp"
#include "meetings/agenda_form.hpp"
#include "meetings/london_words.hpp"
#include "meetings/meeting_policy.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/series_service.hpp"
#include "view/layout.hpp"

namespace roundtable::meetings {
class TimePollService;
}

namespace roundtable::meetings::pages {

using boost::asio::awaitable;
using http::OrgRequest;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;

struct PagesDeps {
  /// Shared by every route's copy of these dependencies (the module owns the service through them).
  std::shared_ptr<MeetingService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
  /// Where an organisation admin turns two-step sign-in on (the pipeline's own page).
  std::string two_step_path = "/account/two-step";
  /// "Find a time" polls (time_poll_pages.cpp); nullptr without a database.
  std::shared_ptr<TimePollService> polls;
  /// Series of open sessions (series_pages.cpp).
  std::shared_ptr<SeriesService> series;
};

// Shared by the page files (meeting_page_parts.cpp).

using view::s;
policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> group_role);
policy::Facts facts_of(const Meeting& m, long long now);
/// The facts of a group (for list_meetings and schedule_meeting).
policy::Facts group_facts(const groups::Group& g);
/// Whether the person may do this, or could once two-step sign-in is on (so links to it are shown).
bool may(const OrgRequest& req, const MeetingForViewer& v, policy::Action action, long long now);
/// The meeting named by {meeting} in the address, when the person may do this to it; otherwise the answer to send
/// instead (404, or to two-step sign-in for an organisation admin without it).
awaitable<std::variant<MeetingForViewer, Response>> load(OrgRequest& req, const PagesDeps& deps, policy::Action action);
/// The group named by {group}, when the person may do this in it (list_meetings or schedule_meeting).
awaitable<std::variant<groups::GroupForViewer, Response>> load_group(OrgRequest& req, const PagesDeps& deps,
                                                                     policy::Action action);
/// "/o/{org}/meetings/{id}"
std::string meeting_url(const OrgRequest& req, long long id);
/// "/o/{org}/groups/{group}/meetings"
std::string group_meetings_url(const OrgRequest& req, long long group_id);

// day_text, time_text and when_text: meetings/london_words.hpp.
std::string answer_name(const core::Translator& t, Answer a);
std::string need_name(const core::Translator& t, Need n);
std::string access_name(const core::Translator& t, Access a);
/// The needs of a reply in words, with the language and the diet ("BSL interpreter", "Interpreter: Polish", ...).
std::vector<std::string> needs_in_words(const core::Translator& t, const RsvpDetails& r);
/// When, where (the online link and the venue) and the access details, as a summary list.
void about(view::Html& h, const core::Translator& t, const Meeting& m);

/// What the "where" part of a form shows: the online link, the venue and its access details.
struct WhereValues {
  const std::string& online_url;
  const std::string& venue;
  const std::vector<std::string>& access;
  const std::string& access_notes;
};
/// The "where" fields of the meeting and series forms, with their problems.
void where_fields(view::Html& h, const core::Translator& t, const WhereValues& where,
                  const std::vector<view::FieldError>& errors);

/// What a date's boxes show: the day, month and year as typed.
struct DateValues {
  const std::string& day;
  const std::string& month;
  const std::string& year;
};
/// A date's day, month and year boxes, named "<prefix>-day" and so on, under a small `legend` with a `hint` (none
/// when empty) and the problem the form found with the field "<prefix>-day".
void date_fields(view::Html& h, const core::Translator& t, const std::string& prefix, const DateValues& date,
                 std::string legend, std::string hint, const std::vector<view::FieldError>& errors);

/// The meeting with its agenda and record, when the person may do this to it; otherwise the answer to send instead.
awaitable<std::variant<MeetingRecord, Response>> load_record(OrgRequest& req, const PagesDeps& deps,
                                                             policy::Action action);
/// The person changing something, for the service to ask the policy again.
Who who_of(const OrgRequest& req);
/// After a change: to `to` with the done message, or 404 when it was refused (not allowed, or not there).
Response after(OrgRequest& req, const PagesDeps& deps, Change c, const std::string& to, const char* done_key);
/// Where an agenda item came from: "Raised by 6 members in the discussion space" with a link to the topic, or
/// "Proposed by Gareth".
void item_source(view::Html& h, const core::Translator& t, const OrgRequest& req, const AgendaItem& i);
/// The agenda page, with what was typed into a form that failed (a proposal, or a paper) and its problems.
Response render_agenda(OrgRequest& req, const PagesDeps& deps, const MeetingRecord& r, const ItemForm& form,
                       const PaperForm& paper, const std::vector<view::FieldError>& errors);
/// The papers, with their easy-read or large-print versions, and for the people who run the group the form that
/// adds one and a button that removes each.
void papers_section(view::Html& h, const core::Translator& t, const OrgRequest& req, const MeetingRecord& r, bool runs,
                    const PaperForm& form, const std::vector<view::FieldError>& errors);
/// "What happened next: {what}", a link to the loop's timeline of an agenda item ("agenda_item") or an action
/// ("meeting_action").
void loop_link(view::Html& h, const core::Translator& t, const OrgRequest& req, std::string_view kind, long long id,
               const std::string& what);
/// "5 January 2027" from "2027-01-05".
std::string due_words(const core::Translator& t, const std::string& due_on);

// meeting_pages.cpp: a group's meetings, scheduling, a meeting's page, changing and calling it off, and its calendar
// file.
awaitable<Response> group_list(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> new_meeting(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_meeting(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> meeting(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> edit_meeting(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_meeting(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> calendar(OrgRequest& req, const PagesDeps& deps);

// reply_pages.cpp: replying, calling a meeting off, and the facilitators' checklist.
awaitable<Response> reply_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_reply(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> cancel_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> cancel_meeting(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> checklist(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_arranged(OrgRequest& req, const PagesDeps& deps);

// agenda_pages.cpp: the agenda, proposals, raised topics, ordering, changing and removing items, papers sent.
awaitable<Response> agenda(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> propose_item(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> promote_topic(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> accept_item(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> move_item(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> edit_item(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_item(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_item(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> send_papers(OrgRequest& req, const PagesDeps& deps);

// papers_pages.cpp: adding and removing papers.
awaitable<Response> add_paper(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_paper(OrgRequest& req, const PagesDeps& deps);

// minutes_pages.cpp: attendance, minutes, decisions, actions and publishing the minutes.
awaitable<Response> minutes(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_attendance(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_minutes(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_decision(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_action(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_action_status(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> publish_minutes(OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::meetings::pages
