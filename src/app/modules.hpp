/// The one list of feature modules. Each module lives in its own folder and says what it brings (module::Module:
/// routes, personal-data tables, retention, demo data, account-page sections, start-up hooks); the rest of app/
/// works from this list and names no module.
#pragma once

#include <vector>

#include "app/services.hpp"
#include "module/module.hpp"

namespace roundtable::app {

/// The modules, in order (a module's demo data may rely on the ones before it). Services may be empty (listing
/// routes): modules then only describe themselves.
std::vector<module::Module> make_modules(Services& services);

/// What every module registered for the others to see (account-page sections).
module::Shared shared_of(const std::vector<module::Module>& modules);
/// The places every organisation page links to: the organisation's page, the modules' places for every member
/// (groups...), its people, and its settings for its admins.
std::vector<http::OrgNavItem> org_navigation(const std::vector<module::Module>& modules);
/// Every module's tables with personal data, in module order.
std::vector<module::PersonalTable> personal_tables(const std::vector<module::Module>& modules);

}  // namespace roundtable::app
