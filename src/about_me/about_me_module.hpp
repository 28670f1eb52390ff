/// The About Me module as the application sees it (module::Module).
#pragma once

#include "about_me/about_me_routes.hpp"
#include "module/module.hpp"
#include "profiles/profile_service.hpp"

namespace roundtable::about_me {

/// Its routes, its three tables of personal data, its section of the account page, its demo pages, and (start) who
/// may see its files.
module::Module make_module(Deps deps, profiles::ProfileService* profiles);

}  // namespace roundtable::about_me
