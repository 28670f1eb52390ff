/// The privacy module as the application sees it (module::Module): downloading your data and deleting your account.
#pragma once

#include "module/module.hpp"
#include "privacy/privacy_pages.hpp"

namespace roundtable::privacy {

/// The module: its routes, and the platform's tables (which belong to no module) in the register.
module::Module make_module(PagesDeps deps);

}  // namespace roundtable::privacy
