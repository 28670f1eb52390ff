#include "consensus/consensus_module.hpp"

#include "consensus/consensus_demo.hpp"
#include "consensus/consensus_loop.hpp"
#include "consensus/consensus_routes.hpp"
#include "consensus/consensus_service.hpp"
#include "consensus/consensus_store.hpp"

namespace roundtable::consensus {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "consensus";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<ConsensusService> service;
  if (deps.db) service = std::make_shared<ConsensusService>(*deps.db, clock);
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared&) {
    add_consensus_routes(routes, {service, deps.assets, deps.not_found, "/account/two-step"});
  };
  using module::Erasure;
  m.personal_tables = {
      {"consensus_votes", "user_id", Erasure::remove,
       "the person's agree, disagree or pass on each statement of a group's conversations"},
      {"consensus_statements", "created_by", Erasure::keep_as_former_member,
       "the statements the person wrote in a group's conversations"},
  };
  m.tables_without_personal_data = {
      {"consensus_conversations",
       "a group's conversations: the question and whether it is open (created_by is kept as \"former member\")"}};
  // Votes go with the membership (their foreign key cascades); the results worked out before are then out of date.
  m.membership_ended = [](soci::session& s, long long org_id, long long) { store::bump_versions_of_org(s, org_id); };
  m.contribution_kinds = contribution_kinds();
  m.group_tools = {
      {"consensus.group_tool.title", "consensus.group_tool.lead", "consensus.group_tool.link", "/conversations"}};
  if (service) m.load_demo = [db = deps.db, service] { return load_demo(*db, *service); };
  return m;
}

}  // namespace roundtable::consensus
