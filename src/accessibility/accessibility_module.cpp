#include "accessibility/accessibility_module.hpp"

#include "accessibility/accessibility_routes.hpp"
#include "accessibility/statement_service.hpp"

namespace roundtable::accessibility {

namespace {

/// The demo organisation's statement: partly compliant, with a problem and a date to fix it by.
int load_demo(StatementService& service) {
  Statement st;
  st.compliance = Compliance::partial;
  st.known_problems =
      "Some notes from meetings before 2026 are scanned pages. A screen reader cannot read them. We are typing them "
      "up and will finish by March 2027.\n\nSome of our older videos have no captions yet.";
  st.contact_email = "access@demo.example";
  st.contact_phone = "0300 123 4567";
  st.reply_days = 5;
  st.published = true;
  return service.save_statement_now("demo", st) ? 1 : 0;
}

}  // namespace

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "accessibility";
  std::shared_ptr<StatementService> service;
  if (deps.db) service = std::make_shared<StatementService>(*deps.db, deps.clock ? *deps.clock : core::system_clock());
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared&) {
    // Each handler's copy of the dependencies keeps the service alive.
    add_accessibility_routes(routes, {service, deps.assets, deps.not_found});
  };
  m.tables_without_personal_data = {{"accessibility_statements",
                                     "an organisation's accessibility statement; its contact details are the "
                                     "organisation's, not a person's"}};
  // Its form is for the organisation's admins, who find it on the organisation's page.
  m.org_admin_links = {{"accessibility.edit.title", "/accessibility"}};
  if (service) m.load_demo = [service] { return load_demo(*service); };
  return m;
}

}  // namespace roundtable::accessibility
