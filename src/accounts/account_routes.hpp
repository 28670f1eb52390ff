/// The accounts routes: sign-in (password, email, second step), password reset, two-step settings, sign-out.
#pragma once

#include <vector>

#include "accounts/account_pages.hpp"
#include "http/types.hpp"

namespace roundtable::accounts {

void add_account_routes(std::vector<http::Route>& routes, PagesDeps deps);

}  // namespace roundtable::accounts
