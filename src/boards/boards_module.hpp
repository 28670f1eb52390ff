/// The boards module (issue #16): a group's shared boards of ordered lists and cards, moved without dragging and
/// prioritised with dots.
#pragma once

#include <functional>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "module/module.hpp"
#include "view/layout.hpp"

namespace roundtable::live {
class Live;
}
namespace roundtable::uploads {
class UploadService;
}

namespace roundtable::boards {

struct Deps {
  db::Database* db = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
  const core::Clock* clock = nullptr;
  /// The live channel: changes to boards are told there, and boards may be listened to (nullptr: neither).
  live::Live* live = nullptr;
  /// Files on cards (nullptr: cards take no files).
  uploads::UploadService* uploads = nullptr;
};

/// The module owns its service; without a database (route listings) it brings its routes only.
module::Module make_module(Deps deps);

}  // namespace roundtable::boards
