#include "organisations/organisations_module.hpp"

#include "organisations/invitation_store.hpp"
#include "organisations/organisation_routes.hpp"
#include "organisations/organisations_demo.hpp"

namespace roundtable::organisations {

using module::Erasure;
using module::PersonKey;

std::vector<module::Retention> retention(const RetentionTimes& keep) {
  return {
      {"invitations", [t = keep.invitations](soci::session& s,
                                             long long now) { return store::purge_finished_invitations(s, now - t); }},
  };
}

const std::vector<module::PersonalTable>& personal_tables() {
  static const std::vector<module::PersonalTable> tables{
      {"memberships", "user_id", Erasure::remove, "organisations and roles"},
      {"member_types", "user_id", Erasure::remove, "how the person takes part"},
      {"invitations", "email", Erasure::remove, "invitations sent to the person's address", PersonKey::email},
  };
  return tables;
}

const std::vector<module::TableWithout>& tables_without_personal_data() {
  static const std::vector<module::TableWithout> tables{
      {"organisations", "organisations, not people"},
      {"members_versions",
       "a number per organisation that goes up when anyone joins or leaves it or their member types change (migration "
       "0065)"},
      {"member_type_counts", "how many members of each type an organisation has, not who (migration 0074)"},
  };
  return tables;
}

module::Module make_module(PagesDeps deps) {
  module::Module m;
  m.name = "organisations";
  m.add_routes = [deps](std::vector<http::Route>& routes, const module::Shared& shared) {
    auto with_links = deps;
    with_links.admin_links = shared.org_admin_links;
    with_links.member_links = shared.org_member_links;
    add_organisation_routes(routes, with_links);
    // Once every module is made: what each drops when a membership ends (module::MembershipEnded).
    if (deps.service) deps.service->set_membership_ended(shared.membership_ended);
    if (deps.service) deps.service->set_membership_changed(shared.membership_changed);
  };
  m.personal_tables = personal_tables();
  m.tables_without_personal_data = tables_without_personal_data();
  m.retention = retention();
  m.newcomer_sections = {{"organisations.open.find_title", "organisations.open.find_lead",
                          "organisations.open.find_link", "/organisations"}};
  if (deps.service) m.load_demo = [service = deps.service] { return load_demo(*service); };
  return m;
}

}  // namespace roundtable::organisations
