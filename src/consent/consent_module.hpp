/// The consent module as the application sees it (module::Module): the person's consent decisions.
#pragma once

#include <vector>

#include "consent/consent_pages.hpp"
#include "module/module.hpp"

namespace roundtable::consent {

/// Its tables with personal data (for download and erasure).
const std::vector<module::PersonalTable>& personal_tables();

/// The module: its routes and personal-data table.
module::Module make_module(PagesDeps deps);

}  // namespace roundtable::consent
