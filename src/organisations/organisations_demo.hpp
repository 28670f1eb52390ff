/// The organisations module's demo data for `roundtable serve --demo`: two organisations and the demo people in
/// every role and member type (their accounts come from accounts/, listed before this module).
#pragma once

#include "organisations/organisation_service.hpp"

namespace roundtable::organisations {

/// Loads (or refreshes) the demo organisations and memberships; safe to run on every start. Returns how many
/// organisations and memberships it wrote.
int load_demo(OrganisationService& organisations);

}  // namespace roundtable::organisations
