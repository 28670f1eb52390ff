/// The organisations module as the application sees it (module::Module): organisations, memberships, invitations
/// and open sign-up.
#pragma once

#include <vector>

#include "module/module.hpp"
#include "organisations/organisation_pages.hpp"

namespace roundtable::organisations {

/// How long rows of the organisations module are kept once they are no use, in seconds.
struct RetentionTimes {
  long long invitations = 30 * 24 * 60 * 60;  // after they are accepted, cancelled or expire
};

/// Its housekeeping rules: finished invitations.
std::vector<module::Retention> retention(const RetentionTimes& keep = {});

/// Its tables with personal data (for download and erasure), and those without.
const std::vector<module::PersonalTable>& personal_tables();
const std::vector<module::TableWithout>& tables_without_personal_data();

/// The module: its routes, personal-data tables, retention and demo organisations.
module::Module make_module(PagesDeps deps);

}  // namespace roundtable::organisations
