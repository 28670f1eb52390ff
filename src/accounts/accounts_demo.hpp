/// The accounts module's demo data for `roundtable serve --demo`: a platform admin and people for every role in the
/// demo organisations (organisations/ makes them members).
#pragma once

#include "accounts/account_service.hpp"

namespace roundtable::accounts {

/// The password of every demo account (only ever set by --demo).
inline constexpr const char* kDemoPassword = "roundtable-demo";
/// The demo organisation admins have two-step sign-in on with this key (add it to an authenticator app to sign
/// in as them). Only demo data uses it.
inline constexpr const char* kDemoTwoStepSecret = "ROUNDTABLEDEMOADMINSTWOSTEPKEYAA";

/// Makes the demo accounts (those already there are left alone); returns how many it made.
int load_demo(AccountService& accounts);

}  // namespace roundtable::accounts
