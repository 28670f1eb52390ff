/// The groups module: groups and projects inside an organisation, their stages, membership and activity.
#pragma once

#include <functional>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "module/module.hpp"
#include "organisations/organisation_service.hpp"
#include "uploads/uploads.hpp"
#include "view/layout.hpp"

namespace roundtable::groups {

struct Deps {
  db::Database* db = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
  const core::Clock* clock = nullptr;
  /// For emails: the site's address, and waking the mail worker (nullptr: none are sent, as in route listings).
  organisations::OrganisationService* organisations = nullptr;
  /// Where groups' pictures are kept (nullptr: route listings).
  uploads::UploadService* uploads = nullptr;
};

/// The module owns its service; without a database (route listings) it brings its routes only.
module::Module make_module(Deps deps);

}  // namespace roundtable::groups
