/// The organisations routes, and the reader that turns a session's user id into the signed-in person.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "http/pipeline.hpp"
#include "organisations/organisation_pages.hpp"

namespace roundtable::organisations {

void add_organisation_routes(std::vector<http::Route>& routes, PagesDeps deps);

/// The signed-in person behind a user id, read on the caller's connection: the session store reads it in the same
/// database hop as the session (app::DbSessionStore).
std::optional<http::Principal> read_principal(soci::session& s, long long user_id);

}  // namespace roundtable::organisations
