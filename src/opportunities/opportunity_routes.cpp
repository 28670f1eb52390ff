#include "opportunities/opportunity_routes.hpp"

#include "http/route_list.hpp"
#include "opportunities/opportunity_policy.hpp"

namespace roundtable::opportunities {

namespace {

/// The route guard for the organisation-wide list: the opportunities policy decides, and anyone it does not allow
/// gets 404.
http::Policy guard(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [action](const http::Principal& p, const http::Membership& m) {
                           return policy::allows({m.role, p.two_step, std::nullopt}, action);
                         });
}

/// The route guard for an action on a group or one opportunity: any member of the organisation passes here, and the
/// page asks the same policy again with the opportunity and the person's role in its group (pages::load), answering
/// 404 when it says no. The route table names the action.
http::Policy on_opportunity(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [](const http::Principal&, const http::Membership&) { return policy::Verdict::allow; });
}

}  // namespace

void add_opportunity_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  // Anyone may read an opportunity advertised to everyone; expressing interest needs signing in as a member.
  r.get("/opportunities/{org}/{opportunity}", "opportunity_public", http::policy::public_access(),
        bind(deps, pages::public_opportunity));
  auto org = r.scope("/o/{org}");
  org.get("/opportunities", "opportunities", guard(Action::list_opportunities), bind(deps, pages::list));
  auto group = org.scope("/groups/{group}/opportunities");
  // Whoever may see the group sees its opportunities: the page asks the groups policy.
  group.get("", "group_opportunities", on_opportunity(Action::list_opportunities), bind(deps, pages::group_list));
  group.get("/new", "opportunity_new", on_opportunity(Action::create_opportunity), bind(deps, pages::new_opportunity));
  group.post("", "opportunity_create", on_opportunity(Action::create_opportunity),
             bind(deps, pages::create_opportunity));
  auto one = org.scope("/opportunities/{opportunity}");
  one.get("", "opportunity", on_opportunity(Action::see_opportunity), bind(deps, pages::opportunity));
  one.get("/edit", "opportunity_edit", on_opportunity(Action::edit_opportunity), bind(deps, pages::edit_opportunity));
  one.post("/edit", "opportunity_save", on_opportunity(Action::edit_opportunity), bind(deps, pages::save_opportunity));
  one.post("/open", "opportunity_open", on_opportunity(Action::open_opportunity), bind(deps, pages::open_opportunity));
  one.post("/close", "opportunity_close", on_opportunity(Action::close_opportunity),
           bind(deps, pages::close_opportunity));
  one.get("/interest", "opportunity_interest", on_opportunity(Action::express_interest),
          bind(deps, pages::interest_form));
  // The form may carry a recording (or a video): the body may be as big as the biggest file allowed.
  one.post("/interest", "opportunity_interest_save", on_opportunity(Action::express_interest),
           bind(deps, pages::save_interest))
      .accepts_uploads(uploads::body_limit_for(recording_allowed()));
  one.post("/interest/withdraw", "opportunity_interest_withdraw", on_opportunity(Action::express_interest),
           bind(deps, pages::withdraw_interest));
  one.get("/applicants", "opportunity_applicants", on_opportunity(Action::see_applicants),
          bind(deps, pages::applicants));
  // The same list as a spreadsheet file, for the same people.
  one.get("/applicants.csv", "opportunity_applicants_csv", on_opportunity(Action::see_applicants),
          bind(deps, pages::applicants_csv))
      .with_session()
      .not_html();
  one.post("/applicants", "opportunity_applicants_mark", on_opportunity(Action::select), bind(deps, pages::mark));
  one.get("/outcome", "opportunity_outcome", on_opportunity(Action::tell_outcome), bind(deps, pages::outcome_form));
  one.post("/outcome", "opportunity_outcome_send", on_opportunity(Action::tell_outcome),
           bind(deps, pages::tell_outcome));
}

}  // namespace roundtable::opportunities
