#include "measures/measures_routes.hpp"

#include "http/route_list.hpp"

namespace roundtable::measures {

namespace {

/// As for loop and decisions: any member of the organisation passes the route guard, and the page asks the measures
/// policy with the group (or the organisation) and the person's roles, answering 404 when it says no.
http::Policy on(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [](const http::Principal&, const http::Membership&) { return policy::Verdict::allow; });
}

}  // namespace

void add_measures_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  auto org = r.scope("/o/{org}");
  org.get("/measures", "measures_org", on(Action::see_org_measures), bind(deps, pages::org_measures));
  org.get("/measures.csv", "measures_org_csv", on(Action::see_org_measures), bind(deps, pages::org_measures_csv))
      .with_session()
      .not_html();
  auto group = org.scope("/groups/{group}");
  group.get("/measures", "measures_group", on(Action::see_group_measures), bind(deps, pages::group_measures));
  group
      .get("/measures.csv", "measures_group_csv", on(Action::see_group_measures), bind(deps, pages::group_measures_csv))
      .with_session()
      .not_html();
}

}  // namespace roundtable::measures
