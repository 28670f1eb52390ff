/// The meetings module: a group's meetings, when (Europe/London time) and where with the venue's access details,
/// replies with what each person needs to take part, the facilitators' checklist, and a calendar file per meeting.
#pragma once

#include <functional>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "module/module.hpp"
#include "view/layout.hpp"

namespace roundtable::organisations {
class OrganisationService;
}
namespace roundtable::uploads {
class UploadService;
}

namespace roundtable::meetings {

struct Deps {
  db::Database* db = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
  const core::Clock* clock = nullptr;
  /// Where links in email point, and who wakes the mail worker (nullptr: links to loopback, nobody woken).
  const organisations::OrganisationService* organisations = nullptr;
  /// Where papers are kept (nullptr: none can be added).
  uploads::UploadService* uploads = nullptr;
  /// The --mail-from address, which meeting invitations name as their organizer.
  std::string mail_from = "roundtable@localhost";
};

/// The module owns its service; without a database (route listings) it brings its routes only.
module::Module make_module(Deps deps);

}  // namespace roundtable::meetings
