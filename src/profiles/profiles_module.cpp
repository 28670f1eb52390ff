#include "profiles/profiles_module.hpp"

#include "profiles/profile_routes.hpp"
#include "profiles/profiles_demo.hpp"

namespace roundtable::profiles {

using module::Erasure;
using module::PersonKey;

const std::vector<module::PersonalTable>& personal_tables() {
  static const std::vector<module::PersonalTable> tables{
      {"profiles", "user_id", Erasure::remove, "what the person brings and needs, and how to reach them"},
      {"profile_interests", "user_id", Erasure::remove, "interests"},
      {"search_documents", "ref", Erasure::remove, "the person's directory entries (kind 'member')",
       PersonKey::member_ref, false},
  };
  return tables;
}

const std::vector<module::TableWithout>& tables_without_personal_data() {
  static const std::vector<module::TableWithout> tables{
      {"search_fts", "the full-text index of search_documents (registered above)"},
  };
  return tables;
}

module::Module make_module(PagesDeps deps) {
  module::Module m;
  m.name = "profiles";
  m.add_routes = [deps](std::vector<http::Route>& routes, const module::Shared& shared) {
    PagesDeps with_sections = deps;
    with_sections.account_sections = shared.account_sections;
    add_profile_routes(routes, std::move(with_sections));
  };
  m.personal_tables = personal_tables();
  m.tables_without_personal_data = tables_without_personal_data();
  if (deps.service) m.load_demo = [service = deps.service] { return load_demo(*service); };
  return m;
}

}  // namespace roundtable::profiles
