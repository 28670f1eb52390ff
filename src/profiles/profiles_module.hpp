/// The profiles module as the application sees it (module::Module): the account page, profiles and photos, member
/// pages and the member directory.
#pragma once

#include <vector>

#include "module/module.hpp"
#include "profiles/profile_pages.hpp"

namespace roundtable::profiles {

/// Its tables with personal data (for download and erasure), and those without.
const std::vector<module::PersonalTable>& personal_tables();
const std::vector<module::TableWithout>& tables_without_personal_data();

/// The module: its routes (deps.account_sections are filled from the other modules), personal-data tables and demo
/// profiles.
module::Module make_module(PagesDeps deps);

}  // namespace roundtable::profiles
