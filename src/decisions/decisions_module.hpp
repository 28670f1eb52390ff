/// The decisions module (issue #15): a group's proposals decided by a simple poll or by consent, closed at their time
/// by the due worker, with results and the decision record.
#pragma once

#include <functional>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "module/module.hpp"
#include "view/layout.hpp"

namespace roundtable::organisations {
class OrganisationService;
}

namespace roundtable::decisions {

struct Deps {
  db::Database* db = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
  const core::Clock* clock = nullptr;
  /// Where links in email point, and who wakes the mail worker (nullptr: links to loopback, nobody woken).
  const organisations::OrganisationService* organisations = nullptr;
};

/// The module owns its service; without a database (route listings) it brings its routes only.
module::Module make_module(Deps deps);

}  // namespace roundtable::decisions
