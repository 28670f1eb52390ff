#include "meetings/time_poll_routes.hpp"

#include "http/route_list.hpp"
#include "meetings/meeting_policy.hpp"
#include "meetings/time_poll_pages.hpp"

namespace roundtable::meetings {

namespace {

/// As for meetings: any member of the organisation passes the route guard, and the page asks the meetings policy
/// with the poll (or group) and the person's role in the group, answering 404 when it says no.
http::Policy on_poll(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [](const http::Principal&, const http::Membership&) { return policy::Verdict::allow; });
}

}  // namespace

void add_time_poll_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  auto org = r.scope("/o/{org}");
  auto group = org.scope("/groups/{group}/polls");
  group.get("/new", "poll_new", on_poll(Action::run_poll), bind(deps, pages::poll_new));
  // Opens the poll, or (its other buttons) shows the form again with more rows or suggested times.
  group.post("", "poll_create", on_poll(Action::run_poll), bind(deps, pages::poll_create));
  auto one = org.scope("/polls/{poll}");
  one.get("", "poll", on_poll(Action::see_polls), bind(deps, pages::poll));
  one.post("/answers", "poll_answer_save", on_poll(Action::answer_poll), bind(deps, pages::poll_answer));
  one.get("/edit", "poll_edit", on_poll(Action::run_poll), bind(deps, pages::poll_edit));
  one.post("/edit", "poll_save", on_poll(Action::run_poll), bind(deps, pages::poll_save));
  one.post("/close", "poll_close_save", on_poll(Action::run_poll), bind(deps, pages::poll_close));
  one.post("/reopen", "poll_reopen_save", on_poll(Action::run_poll), bind(deps, pages::poll_reopen));
  one.get("/delete", "poll_delete_form", on_poll(Action::run_poll), bind(deps, pages::poll_delete_form));
  one.post("/delete", "poll_delete", on_poll(Action::run_poll), bind(deps, pages::poll_delete));
}

}  // namespace roundtable::meetings
