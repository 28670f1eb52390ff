/// The notifications module: each person's choice per group (straight away, once a day, once a week or never), the
/// notices every feature leaves through notify() (notify.hpp), the list of them in the app, and the one-click stop
/// from any notification email.
#pragma once

#include <functional>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "module/module.hpp"
#include "view/layout.hpp"

namespace roundtable::organisations {
class OrganisationService;
}

namespace roundtable::notifications {

struct Deps {
  db::Database* db = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
  const core::Clock* clock = nullptr;
  /// Where email links point and how to wake the mail worker (the digests); without it, no due jobs.
  const organisations::OrganisationService* organisations = nullptr;
};

/// The module owns its service; without a database (route listings) it brings its routes only.
module::Module make_module(Deps deps);

}  // namespace roundtable::notifications
