#include "groups/groups_module.hpp"

#include "db/search.hpp"
#include "groups/group_routes.hpp"
#include "groups/group_service.hpp"
#include "groups/group_store.hpp"
#include "groups/groups_demo.hpp"
#include "groups/home_section.hpp"

namespace roundtable::groups {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "groups";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<GroupService> service;
  if (deps.db) service = std::make_shared<GroupService>(*deps.db, clock, deps.organisations);
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared& shared) {
    // Each handler's copy of the dependencies keeps the service alive.
    pages::PagesDeps pages{service, deps.assets, deps.not_found};
    pages.tools = shared.group_tools;
    add_group_routes(routes, pages);
  };
  using module::Erasure;
  m.personal_tables = {
      {"group_members", "user_id", Erasure::remove,
       "the groups the person is in, their role in each, and a copy of their name and member types there (kept "
       "up to date by the database)"},
      {"group_requests", "user_id", Erasure::remove, "the person's requests to join groups, with what they wrote"},
      {"group_stage_changes", "moved_by", Erasure::keep_as_former_member,
       "the stages of projects the person moved, and why"},
      {"group_activity", "actor_id", Erasure::keep_as_former_member, "what the person did in groups"},
      {"seen_groups", "user_id", Erasure::remove, "how far the person has read each group's news"},
  };
  m.tables_without_personal_data = {
      {"org_groups",
       "groups and projects: their purpose, rules and picture, written for the group (created_by is kept as "
       "\"former member\"; the picture's file belongs to the organisation)"}};
  m.org_member_links = {{"groups.list.title", "groups.org_link_lead", "groups.org_link", "/groups"}};
  // A signed-in person's search finds the documents of the groups they are in (a discussion's topics and replies).
  m.search_scope = [](soci::session& s, long long user_id, db::SearchQuery& query) {
    const auto ids = store::group_ids_of(s, user_id);
    query.group_ids.insert(query.group_ids.end(), ids.begin(), ids.end());
  };
  if (service) {
    m.home_sections = {home_section(service)};
    m.load_demo = [db = deps.db, service, &clock] { return load_demo(*db, *service, clock.now_seconds()); };
    // Who may see a group's picture is set before serving (and before the demo's pictures are hung).
    if (deps.uploads) m.start = [service, uploads = deps.uploads] { service->set_uploads(uploads); };
  }
  return m;
}

}  // namespace roundtable::groups
