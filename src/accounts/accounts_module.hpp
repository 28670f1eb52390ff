/// The accounts module as the application sees it (module::Module): sign-in (password, email, second step), password
/// reset, two-step settings and signing out.
#pragma once

#include <vector>

#include "accounts/account_pages.hpp"
#include "module/module.hpp"

namespace roundtable::accounts {

/// How long rows of the accounts module are kept once they are no use, in seconds.
struct RetentionTimes {
  long long sign_in_failures = 60 * 60;  // the limits look back 15 minutes
  long long used_links = 24 * 60 * 60;   // reset and sign-in links and waiting two-step sign-ins, after they expire
};

/// Its housekeeping rules: old sign-in failures, expired links and waiting two-step sign-ins.
std::vector<module::Retention> retention(const RetentionTimes& keep = {});

/// Its tables with personal data (for download and erasure), and those without.
const std::vector<module::PersonalTable>& personal_tables();
const std::vector<module::TableWithout>& tables_without_personal_data();

/// The module: its routes, personal-data tables, retention and demo accounts.
module::Module make_module(PagesDeps deps);

}  // namespace roundtable::accounts
