#include "meetings/meetings_module.hpp"

#include "meetings/follow_ups.hpp"
#include "meetings/meeting_routes.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/meetings_demo.hpp"
#include "organisations/organisation_service.hpp"

namespace roundtable::meetings {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "meetings";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<MeetingService> service;
  MailHooks mail;
  if (const auto* orgs = deps.organisations) {
    mail = {[orgs] { return orgs->base_url(); }, [orgs] { orgs->mail_queued(); }};
  }
  if (deps.db) service = std::make_shared<MeetingService>(*deps.db, clock, std::move(mail), deps.uploads);
  if (service && deps.uploads) m.start = [uploads = deps.uploads, &clock] { register_paper_access(*uploads, clock); };
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared&) {
    // Each handler's copy of the dependencies keeps the service alive.
    add_meeting_routes(routes, {service, deps.assets, deps.not_found});
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
  };
  m.tables_without_personal_data = {
      {"meeting_papers",
       "a meeting's papers and their easy-read or large-print versions, files owned by the organisation (added_by is "
       "kept as \"former member\")"},
      {"meetings",
       "a group's meetings: when, where, why and the venue's access details, written for the group (created_by is "
       "kept as \"former member\")"}};
  // Each group's home page leads to the group's own meetings.
  m.group_tools = {{"meetings.group_tool.title", "meetings.group_tool.lead", "meetings.group_tool.link", "/meetings"}};
  // A discussion topic's page says which meetings took it up and what they decided.
  m.follow_ups = topic_follow_ups;
  if (service) {
    m.load_demo = [db = deps.db, service, &clock] { return load_demo(*db, *service, clock.now_seconds()); };
  }
  return m;
}

}  // namespace roundtable::meetings
