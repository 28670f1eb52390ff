#pragma once

namespace roundtable::core::build_paths {

// Folders of the source tree this build was configured from. Only build_paths.cpp is compiled with these absolute
// paths. A path in a file's compile flags makes it a new file to ccache in every clone, so each fresh clone compiled
// every file of such a target again (see src/core/CMakeLists.txt).

/// The project's root folder (tests read their fixtures from under it).
const char* source_dir();
/// Where `serve` looks for the built stylesheet, script and fonts when --public-dir is not given.
const char* default_public_dir();
/// GOV.UK Frontend's components, whose fixtures the component tests compare with (web/node_modules).
const char* govuk_components_dir();

}  // namespace roundtable::core::build_paths
