/// The loop module (issue #15, ADR 0032): what happened next to the contributions other modules register
/// (module::ContributionKind), with a timeline, who is told, a group's "You said, we did" and each person's "What
/// happened to what I said".
#pragma once

#include <functional>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "module/module.hpp"
#include "view/layout.hpp"

namespace roundtable::organisations {
class OrganisationService;
}

namespace roundtable::loop {

struct Deps {
  db::Database* db = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
  const core::Clock* clock = nullptr;
  /// Where links in email point, and who wakes the mail worker (nullptr: links to loopback, nobody woken).
  const organisations::OrganisationService* organisations = nullptr;
  /// The kinds of contribution of the modules before it in the module list (its demo data needs them before the
  /// routes are added, which give it every module's).
  std::vector<module::ContributionKind> kinds;
};

/// The module owns its service; without a database (route listings) it brings its routes only.
module::Module make_module(Deps deps);

}  // namespace roundtable::loop
