#include "people/people_module.hpp"

#include "people/people_demo.hpp"
#include "people/people_routes.hpp"
#include "people/people_store.hpp"
#include "people/personal_data.hpp"

namespace roundtable::people {

std::vector<module::Retention> retention(const RetentionTimes& keep) {
  return {
      {"sign_in_failures",
       [t = keep.sign_in_failures](soci::session& s, long long now) { return store::purge_failures(s, now - t); }},
      {"password_resets",
       [t = keep.used_links](soci::session& s, long long now) { return store::purge_password_resets(s, now - t); }},
      {"sign_in_links",
       [t = keep.used_links](soci::session& s, long long now) { return store::purge_sign_in_links(s, now - t); }},
      {"two_step_challenges",
       [t = keep.used_links](soci::session& s, long long now) { return store::purge_two_step_challenges(s, now - t); }},
      {"invitations", [t = keep.invitations](soci::session& s,
                                             long long now) { return store::purge_finished_invitations(s, now - t); }},
  };
}

module::Module make_module(PagesDeps deps) {
  module::Module m;
  m.name = "people";
  m.add_routes = [deps](std::vector<http::Route>& routes, const module::Shared& shared) {
    PagesDeps with_sections = deps;
    with_sections.account_sections = shared.account_sections;
    add_people_routes(routes, std::move(with_sections));
  };
  m.personal_tables = personal_tables();
  m.tables_without_personal_data = tables_without_personal_data();
  m.retention = retention();
  if (deps.service) m.load_demo = [service = deps.service] { return load_demo(*service); };
  return m;
}

}  // namespace roundtable::people
