#include "meetings/meetings_module.hpp"

#include "meetings/meeting_routes.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/meetings_demo.hpp"

namespace roundtable::meetings {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "meetings";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<MeetingService> service;
  if (deps.db) service = std::make_shared<MeetingService>(*deps.db, clock);
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared&) {
    // Each handler's copy of the dependencies keeps the service alive.
    add_meeting_routes(routes, {service, deps.assets, deps.not_found});
  };
  using module::Erasure;
  m.personal_tables = {
      {"meeting_rsvps", "user_id", Erasure::remove,
       "the person's replies to meetings: whether they are coming, what they need to take part (interpreters, "
       "papers, expenses, diet, a supporter) and their note"},
  };
  m.tables_without_personal_data = {
      {"meetings",
       "a group's meetings: when, where, why and the venue's access details, written for the group (created_by is "
       "kept as \"former member\")"}};
  // Each group's home page leads to the group's own meetings.
  m.group_tools = {{"meetings.group_tool.title", "meetings.group_tool.lead", "meetings.group_tool.link", "/meetings"}};
  if (service) {
    m.load_demo = [db = deps.db, service, &clock] { return load_demo(*db, *service, clock.now_seconds()); };
  }
  return m;
}

}  // namespace roundtable::meetings
