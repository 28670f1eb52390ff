#include "measures/measures_module.hpp"

#include "measures/measures_routes.hpp"
#include "measures/measures_service.hpp"

namespace roundtable::measures {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "measures";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<MeasuresService> service;
  if (deps.db) service = std::make_shared<MeasuresService>(*deps.db, clock);
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared& shared) {
    // Every module's kinds of contribution are known once all are made.
    if (service) service->set_kinds(shared.contribution_kinds);
    add_measures_routes(routes, {service, deps.assets, deps.not_found});
  };
  // It counts other modules' rows; of its own it keeps only a number per organisation that the triggers of migration
  // 0054 move on when anything counted changes (ADR 0038).
  m.tables_without_personal_data = {
      {"measures_versions", "a number per organisation that goes up when anything the measures count changes"}};
  // Each group's home page leads to its measures; the organisation's page, for its admins, to the organisation's.
  m.group_tools = {{"measures.group_tool.title", "measures.group_tool.lead", "measures.group_tool.link", "/measures"}};
  m.org_admin_links = {{"measures.org.title", "/measures"}};
  return m;
}

}  // namespace roundtable::measures
