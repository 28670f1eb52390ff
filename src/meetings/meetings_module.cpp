#include "meetings/meetings_module.hpp"

#include <algorithm>

#include "meetings/calendar_routes.hpp"
#include "meetings/follow_ups.hpp"
#include "meetings/meeting_invitation.hpp"
#include "meetings/meeting_reminders.hpp"
#include "meetings/meeting_routes.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/meetings_demo.hpp"
#include "meetings/meetings_loop.hpp"
#include "meetings/series_service.hpp"
#include "meetings/time_poll_service.hpp"
#include "organisations/organisation_service.hpp"

namespace roundtable::meetings {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "meetings";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<MeetingService> service;
  std::shared_ptr<TimePollService> polls;
  MailHooks mail;
  if (const auto* orgs = deps.organisations) {
    mail = {[orgs] { return orgs->base_url(); }, [orgs] { orgs->mail_queued(); },
            [from = deps.mail_from] { return from; }};
  }
  std::shared_ptr<CalendarService> calendars;
  std::shared_ptr<SeriesService> series;
  if (deps.db) {
    calendars = std::make_shared<CalendarService>(*deps.db, clock, mail.base_url);
    polls = std::make_shared<TimePollService>(*deps.db, clock, mail);
    series = std::make_shared<SeriesService>(*deps.db, clock, mail);
    service = std::make_shared<MeetingService>(*deps.db, clock, std::move(mail), deps.uploads);
  }
  if (service && deps.uploads) m.start = [uploads = deps.uploads, &clock] { register_paper_access(*uploads, clock); };
  m.add_routes = [service, polls, series, calendars, deps](std::vector<http::Route>& routes, const module::Shared&) {
    // Each handler's copy of the dependencies keeps the services alive.
    pages::PagesDeps pages_deps{service, deps.assets, deps.not_found};
    pages_deps.polls = polls;
    pages_deps.series = series;
    add_meeting_routes(routes, pages_deps);
    add_calendar_routes(routes, {calendars, deps.assets, deps.not_found});
  };
  using module::Erasure;
  m.personal_tables = {
      {"meeting_rsvps", "user_id", Erasure::remove,
       "the person's replies to meetings: whether they are coming, what they need to take part (interpreters, "
       "papers, expenses, diet, a supporter) and their note"},
      {"meeting_attendance", "user_id", Erasure::remove,
       "whether the person came to a meeting, sent apologies or was absent"},
      {"meeting_agenda_items", "proposed_by", Erasure::keep_as_former_member,
       "agenda items the person proposed, or discussion topics they put on an agenda (the agenda stays; they show as "
       "\"former member\")"},
      {"meeting_actions", "owner_id", Erasure::keep_as_former_member,
       "actions a meeting gave the person: what, by when and whether it is done (the record stays; they show as "
       "\"former member\")"},
      {"meeting_time_poll_answers", "user_id", Erasure::remove,
       "the person's answers to \"find a time\" polls: whether each time offered suits them"},
      {"meeting_reminders", "user_id", Erasure::remove,
       "which meetings the person was reminded of the day before (so they are reminded once)"},
      {"meeting_support_arranged", "user_id", Erasure::remove,
       "which of the things the person asked for to take part in a meeting the people who run the group have "
       "arranged (arranged_by names who ticked it)"},
  };
  m.personal_tables.push_back({"calendar_feeds", "user_id", Erasure::remove,
                               "when the person's calendar feed address was made, and a scrambled copy of its secret "
                               "(never the address itself)"});
  m.tables_without_personal_data = {
      {"meeting_papers",
       "a meeting's papers and their easy-read or large-print versions, files owned by the organisation (added_by is "
       "kept as \"former member\")"},
      {"meeting_time_polls",
       "a group's \"find a time\" polls: title, what the meeting is for and when it closes (created_by is kept as "
       "\"former member\")"},
      {"meeting_time_poll_options", "the times a \"find a time\" poll offers"},
      {"meetings",
       "a group's meetings: when, where, why and the venue's access details, written for the group (created_by is "
       "kept as \"former member\")"},
      {"meeting_series",
       "a group's series of open sessions: when, where, why, who may come and the attendance rule, written for the "
       "organisation (created_by is kept as \"former member\")"}};
  // The account page leads to the person's calendar feed of all their groups' meetings.
  m.account_sections = {{"meetings.calendar.account.title", "meetings.calendar.account.lead",
                         "meetings.calendar.account.link", "/account/calendar"}};
  // Each group's home page leads to the group's own meetings.
  m.group_tools = {{"meetings.group_tool.title", "meetings.group_tool.lead", "meetings.group_tool.link", "/meetings"},
                   {"meetings.series.group_tool.title", "meetings.series.group_tool.lead",
                    "meetings.series.group_tool.link", "/series"}};
  // Every member finds the organisation's open sessions (coffee mornings) from its page.
  m.org_member_links = {{"meetings.series.open.title", "meetings.series.open.org_lead", "meetings.series.open.org_link",
                         "/open-sessions"}};
  // A discussion topic's page says which meetings took it up and what they decided.
  m.follow_up_reader = topic_follow_ups;
  m.contribution_kinds = contribution_kinds();
  // Someone who joins, or gets the member type a series' rule covers, after its sessions were made is asked to the
  // sessions to come (meeting_invitation.hpp); the organisations service wakes the mail worker after its commit.
  if (deps.organisations) {
    m.membership_changed = [orgs = deps.organisations, from = deps.mail_from, &clock](
                               soci::session& s, long long org_id, long long user_id,
                               const std::vector<std::string>& types_before) {
      invite_newly_covered(s, org_id, user_id, types_before, orgs->base_url(), from, clock.now_seconds());
    };
  }
  // Reminders the day before, to everyone coming (meeting_reminders.hpp): run by the due worker every minute.
  if (deps.db && deps.organisations) {
    m.due_jobs.push_back({"meeting_reminders", [db = deps.db, orgs = deps.organisations, &clock](long long now) {
                            // run-due --at may name a later time: its email still goes now.
                            const long long queue_at = std::min(now, clock.now_seconds());
                            const int emails = db->run_sync(
                                [&](soci::session& s) { return send_reminders(s, now, orgs->base_url(), queue_at); });
                            if (emails > 0) orgs->mail_queued();
                            return emails;
                          }});
  }
  if (service) {
    m.load_demo = [db = deps.db, service, polls, series, &clock] {
      return load_demo(*db, *service, *polls, clock.now_seconds()) +
             load_series_demo(*db, *series, clock.now_seconds());
    };
  }
  return m;
}

}  // namespace roundtable::meetings
