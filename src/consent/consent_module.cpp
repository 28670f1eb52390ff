#include "consent/consent_module.hpp"

#include "consent/consent_routes.hpp"

namespace roundtable::consent {

const std::vector<module::PersonalTable>& personal_tables() {
  static const std::vector<module::PersonalTable> tables{
      {"consents", "user_id", module::Erasure::remove, "consent decisions with the wording seen"},
  };
  return tables;
}

module::Module make_module(PagesDeps deps) {
  module::Module m;
  m.name = "consent";
  m.add_routes = [deps](std::vector<http::Route>& routes, const module::Shared&) { add_consent_routes(routes, deps); };
  m.personal_tables = personal_tables();
  return m;
}

}  // namespace roundtable::consent
