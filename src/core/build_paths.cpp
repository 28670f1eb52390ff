#include "core/build_paths.hpp"

namespace roundtable::core::build_paths {

const char* source_dir() { return ROUNDTABLE_SOURCE_DIR; }
const char* default_public_dir() { return ROUNDTABLE_SOURCE_DIR "/public"; }
const char* govuk_components_dir() {
  return ROUNDTABLE_SOURCE_DIR "/web/node_modules/govuk-frontend/dist/govuk/components";
}

}  // namespace roundtable::core::build_paths
