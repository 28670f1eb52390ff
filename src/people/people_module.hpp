/// The people module as the application sees it (module::Module): accounts, organisations, profiles and privacy.
#pragma once

#include <vector>

#include "module/module.hpp"
#include "people/people_pages.hpp"

namespace roundtable::people {

/// How long rows of the people module are kept once they are no use, in seconds.
struct RetentionTimes {
  long long sign_in_failures = 60 * 60;  // the limits look back 15 minutes
  long long used_links = 24 * 60 * 60;   // reset and sign-in links and waiting two-step sign-ins, after they expire
  long long invitations = 30 * 24 * 60 * 60;  // after they are accepted, cancelled or expire
};

/// Its housekeeping rules: old sign-in failures, expired links and waiting two-step sign-ins, finished invitations.
std::vector<module::Retention> retention(const RetentionTimes& keep = {});

/// The module: its routes (deps.account_sections are filled from the other modules), personal-data tables,
/// retention and demo data.
module::Module make_module(PagesDeps deps);

}  // namespace roundtable::people
