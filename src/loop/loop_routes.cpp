#include "loop/loop_routes.hpp"

#include "http/route_list.hpp"

namespace roundtable::loop {

namespace {

/// As for meetings and decisions: any member of the organisation passes the route guard, and the page asks the loop
/// policy with the contribution (or group) and the person's role in its group, answering 404 when it says no.
http::Policy on(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [](const http::Principal&, const http::Membership&) { return policy::Verdict::allow; });
}

}  // namespace

void add_loop_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  // A public group's "You said, we did": anyone may read it (404 unless the group is public).
  r.get("/groups/{org}/{group}/you-said-we-did", "loop_group_public", http::policy::public_access(),
        bind(deps, pages::public_group_page));
  r.get("/groups/{org}/{group}/you-said-we-did/easy-read", "loop_group_public_easy_read", http::policy::public_access(),
        bind(deps, pages::public_group_page_easy_read));
  r.get("/account/what-happened", "loop_mine", http::policy::signed_in(), bind(deps, pages::mine));
  r.get("/account/what-happened/easy-read", "loop_mine_easy_read", http::policy::signed_in(),
        bind(deps, pages::mine_easy_read));
  auto org = r.scope("/o/{org}");
  org.get("/groups/{group}/you-said-we-did", "loop_group", on(Action::see_group_page), bind(deps, pages::group_page));
  org.get("/groups/{group}/you-said-we-did/easy-read", "loop_group_easy_read", on(Action::see_group_page),
          bind(deps, pages::group_page_easy_read));
  auto one = org.scope("/loop/{kind}/{id}");
  one.get("", "loop_timeline", on(Action::see_timeline), bind(deps, pages::timeline));
  one.get("/status", "loop_status", on(Action::set_status), bind(deps, pages::status_form));
  one.post("/status", "loop_status_save", on(Action::set_status), bind(deps, pages::save_status));
}

}  // namespace roundtable::loop
