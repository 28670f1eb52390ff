/// The opportunities module: recruitment into groups. Opportunities advertise a place in a group, people express
/// interest in their own words, and facilitators shortlist, select and tell everyone the outcome.
#pragma once

#include <functional>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "module/module.hpp"
#include "uploads/uploads.hpp"
#include "view/layout.hpp"

namespace roundtable::organisations {
class OrganisationService;
}

namespace roundtable::opportunities {

struct Deps {
  db::Database* db = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
  /// Where links in outcome emails point, and who wakes the mail worker.
  const organisations::OrganisationService* organisations = nullptr;
  const core::Clock* clock = nullptr;
  /// Where recordings given with expressions of interest are kept, and who may fetch them (nullptr: none can be
  /// given).
  uploads::UploadService* uploads = nullptr;
};

/// The module owns its service; without a database (route listings) it brings its routes only.
module::Module make_module(Deps deps);

}  // namespace roundtable::opportunities
