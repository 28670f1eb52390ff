#include "decisions/decision_routes.hpp"

#include "http/route_list.hpp"

namespace roundtable::decisions {

namespace {

/// As for meetings: any member of the organisation passes the route guard, and the page asks the decisions policy
/// with the proposal (or group) and the person's role in the group, answering 404 when it says no.
http::Policy on(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [](const http::Principal&, const http::Membership&) { return policy::Verdict::allow; });
}

}  // namespace

void add_decision_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  auto org = r.scope("/o/{org}");
  auto group = org.scope("/groups/{group}/decisions");
  group.get("", "decisions", on(Action::see_decisions), bind(deps, pages::list));
  group.get("/new", "decision_new", on(Action::propose), bind(deps, pages::new_proposal));
  group.post("", "decision_create", on(Action::propose), bind(deps, pages::create_proposal));
  group.get("/rules", "decision_rules", on(Action::set_rules), bind(deps, pages::rules_form));
  group.post("/rules", "decision_rules_save", on(Action::set_rules), bind(deps, pages::save_rules));
  auto one = org.scope("/decisions/{decision}");
  one.get("", "decision", on(Action::see_decisions), bind(deps, pages::decision));
  one.get("/who-chose-what", "decision_who_chose", on(Action::see_decisions), bind(deps, pages::who_chose));
  one.post("/vote", "decision_vote_save", on(Action::take_part), bind(deps, pages::vote));
  one.post("/ballot", "decision_ballot_save", on(Action::take_part), bind(deps, pages::cast));
  one.post("/answer", "decision_answer_save", on(Action::take_part), bind(deps, pages::respond));
  one.post("/objections/{objection}/resolve", "decision_objection_resolve_save", on(Action::resolve_objection),
           bind(deps, pages::resolve_objection));
  one.post("/objections/{objection}/withdraw", "decision_objection_withdraw_save", on(Action::take_part),
           bind(deps, pages::withdraw_objection));
  one.post("/close", "decision_close_save", on(Action::run_decision), bind(deps, pages::close_early));
  one.get("/withdraw", "decision_withdraw_form", on(Action::run_decision), bind(deps, pages::withdraw_form));
  one.post("/withdraw", "decision_withdraw_save", on(Action::run_decision), bind(deps, pages::withdraw));
  one.get("/record", "decision_record", on(Action::record_decision), bind(deps, pages::record_form));
  one.post("/record", "decision_record_save", on(Action::record_decision), bind(deps, pages::save_record));
}

}  // namespace roundtable::decisions
