#include "opportunities/opportunities_module.hpp"

#include "opportunities/opportunities_demo.hpp"
#include "opportunities/opportunity_routes.hpp"
#include "opportunities/opportunity_service.hpp"

namespace roundtable::opportunities {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "opportunities";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<OpportunityService> service;
  if (deps.db) service = std::make_shared<OpportunityService>(*deps.db, clock, deps.organisations, deps.uploads);
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared&) {
    // Each handler's copy of the dependencies keeps the service alive.
    add_opportunity_routes(routes, {service, deps.assets, deps.not_found});
  };
  using module::Erasure;
  m.personal_tables = {
      {"opportunity_interest", "user_id", Erasure::remove,
       "the person's expressions of interest in opportunities, in their own words, what would help them take part, "
       "and whether they were shortlisted, selected and told; recording_upload_id points at their recording (an "
       "upload of theirs, removed with their uploads)"},
  };
  m.tables_without_personal_data = {
      {"opportunities",
       "places in groups advertised to the organisation or to everyone, written for the group (created_by is kept as "
       "\"former member\")"}};
  m.org_member_links = {
      {"opportunities.list.title", "opportunities.org_link_lead", "opportunities.org_link", "/opportunities"}};
  // Each group's home page leads to the group's own opportunities.
  m.group_tools = {{"opportunities.group_tool.title", "opportunities.group_tool.lead", "opportunities.group_tool.link",
                    "/opportunities"}};
  if (service) {
    m.load_demo = [db = deps.db, service, &clock] { return load_demo(*db, *service, clock.now_seconds()); };
    // Recordings whose interest went with its person's membership: their rows go a day on (the sweep of files no row
    // refers to then removes the files).
    m.retention = {{"opportunity interest recordings no interest holds",
                    [](soci::session& s, long long now) { return store::purge_unused_recordings(s, now - 86400); }}};
  }
  if (service && deps.uploads)
    m.start = [uploads = deps.uploads, &clock] { register_recording_access(*uploads, clock); };
  return m;
}

}  // namespace roundtable::opportunities
