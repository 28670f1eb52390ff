/// The measures module (issue #15 item 7): group and organisation dashboards of how well contributions get a response
/// and how decisions share power, from every module's registered kinds of contribution (module::ContributionKind) and
/// the decisions' kept verdicts.
#pragma once

#include <functional>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "module/module.hpp"
#include "view/layout.hpp"

namespace roundtable::measures {

struct Deps {
  db::Database* db = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
  const core::Clock* clock = nullptr;
};

/// The module owns its service; without a database (route listings) it brings its routes only.
module::Module make_module(Deps deps);

}  // namespace roundtable::measures
