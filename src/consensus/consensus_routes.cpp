#include "consensus/consensus_routes.hpp"

#include "http/route_list.hpp"

namespace roundtable::consensus {

namespace {

/// As for boards: any member of the organisation passes the route guard, and the page asks the consensus policy with
/// the conversation (or group) and the person's role in the group, answering 404 when it says no.
http::Policy on(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [](const http::Principal&, const http::Membership&) { return policy::Verdict::allow; });
}

}  // namespace

void add_consensus_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  auto org = r.scope("/o/{org}");
  auto group = org.scope("/groups/{group}/conversations");
  group.get("", "conversations", on(Action::see), bind(deps, pages::conversations));
  group.post("", "conversation_create", on(Action::run), bind(deps, pages::create_conversation));
  auto conversation = org.scope("/conversations/{conversation}");
  conversation.get("", "conversation", on(Action::see), bind(deps, pages::conversation));
  conversation.get("/results", "conversation_results", on(Action::see), bind(deps, pages::results));
  conversation.post("/statements", "statement_create", on(Action::take_part), bind(deps, pages::create_statement));
  conversation.post("/close", "conversation_close_save", on(Action::run), bind(deps, pages::close_conversation));
  conversation.post("/reopen", "conversation_reopen_save", on(Action::run), bind(deps, pages::reopen_conversation));
  auto statement = org.scope("/statements/{statement}");
  statement.get("", "statement", on(Action::see), bind(deps, pages::statement));
  statement.post("/answer", "statement_answer_save", on(Action::take_part), bind(deps, pages::answer));
  statement.post("/hide", "statement_hide_save", on(Action::run), bind(deps, pages::hide_statement));
}

}  // namespace roundtable::consensus
