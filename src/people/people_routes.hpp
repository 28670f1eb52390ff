/// The people routes and the loader that turns a session's user id into the signed-in person.
#pragma once

#include <memory>
#include <vector>

#include "http/pipeline.hpp"
#include "people/people_pages.hpp"

namespace roundtable::people {

void add_people_routes(std::vector<http::Route>& routes, PagesDeps deps);

/// Loads the signed-in person for the pipeline.
std::shared_ptr<http::PrincipalLoader> make_principal_loader(PeopleService& service);

}  // namespace roundtable::people
