#include "privacy/privacy_module.hpp"

#include "privacy/personal_data.hpp"
#include "privacy/privacy_routes.hpp"

namespace roundtable::privacy {

module::Module make_module(PagesDeps deps) {
  module::Module m;
  m.name = "privacy";
  m.add_routes = [deps](std::vector<http::Route>& routes, const module::Shared&) { add_privacy_routes(routes, deps); };
  m.personal_tables = personal_tables();
  m.tables_without_personal_data = tables_without_personal_data();
  return m;
}

}  // namespace roundtable::privacy
