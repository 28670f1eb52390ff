#include "groups/group_routes.hpp"

#include "groups/group_policy.hpp"
#include "groups/group_service.hpp"
#include "http/route_list.hpp"

namespace roundtable::groups {

namespace {

/// The route guard for an organisation-wide action (the list, starting a group): the groups policy decides, and
/// anyone it does not allow gets 404.
http::Policy guard(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [action](const http::Principal& p, const http::Membership& m) {
                           return policy::allows({m.role, p.two_step, std::nullopt}, action);
                         });
}

/// The route guard for an action on one group: any member of the organisation passes here, and the page asks the
/// same policy again with the group and the person's role in it (pages::load), answering 404 when it says no. The
/// route table names the action.
http::Policy on_group(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [](const http::Principal&, const http::Membership&) { return policy::Verdict::allow; });
}

}  // namespace

void add_group_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  // A public group's summary: anyone may read it (404 unless the group is public).
  r.get("/groups/{org}/{group}", "group_public", http::policy::public_access(), bind(deps, pages::public_summary));
  auto org = r.scope("/o/{org}");
  org.get("/groups", "groups", guard(Action::list_groups), bind(deps, pages::groups));
  org.get("/groups.csv", "groups_csv", guard(Action::list_groups), bind(deps, pages::groups_csv))
      .with_session()
      .not_html();
  org.get("/groups/new", "group_new", guard(Action::create_group), bind(deps, pages::new_group));
  org.post("/groups", "group_create", guard(Action::create_group), bind(deps, pages::create_group));
  auto group = org.scope("/groups/{group}");
  group.get("", "group", on_group(Action::see_group), bind(deps, pages::group_home));
  group.get("/edit", "group_edit", on_group(Action::edit_group), bind(deps, pages::edit_group));
  group.post("/edit", "group_save", on_group(Action::edit_group), bind(deps, pages::save_group));
  // Its picture, for the people who change its details.
  group.get("/picture", "group_picture", on_group(Action::edit_group), bind(deps, pages::picture_form));
  group.post("/picture", "group_picture_save", on_group(Action::edit_group), bind(deps, pages::save_picture))
      .accepts_uploads(uploads::body_limit_for(GroupService::picture_rules()));
  group.post("/picture/remove", "group_picture_remove", on_group(Action::edit_group),
             bind(deps, pages::remove_picture));
  group.post("/archive", "group_archive", on_group(Action::archive_group), bind(deps, pages::archive_group));
  group.post("/restore", "group_restore", on_group(Action::restore_group), bind(deps, pages::restore_group));
  group.get("/stage", "group_stage", on_group(Action::see_group), bind(deps, pages::stage));
  group.post("/stage", "group_stage_move", on_group(Action::move_stage), bind(deps, pages::move_stage));
  group.get("/join", "group_join", on_group(Action::ask_to_join), bind(deps, pages::ask_form));
  group.post("/join", "group_join_send", on_group(Action::ask_to_join), bind(deps, pages::ask));
  group.get("/requests", "group_requests", on_group(Action::answer_requests), bind(deps, pages::requests));
  group.post("/requests", "group_requests_answer", on_group(Action::answer_requests), bind(deps, pages::answer));
  group.get("/leave", "group_leave", on_group(Action::leave), bind(deps, pages::leave_form));
  group.post("/leave", "group_leave_confirm", on_group(Action::leave), bind(deps, pages::leave));
  group.get("/members", "group_members", on_group(Action::see_members), bind(deps, pages::members));
  group.get("/members/{user}", "group_member", on_group(Action::manage_members), bind(deps, pages::member_form));
  group.post("/members/{user}", "group_member_role_save", on_group(Action::manage_members),
             bind(deps, pages::change_role));
  group.post("/members/{user}/remove", "group_member_remove", on_group(Action::manage_members),
             bind(deps, pages::remove_member));
  group.get("/invite", "group_invite", on_group(Action::invite), bind(deps, pages::invite_form));
  group.post("/invite", "group_invite_send", on_group(Action::invite), bind(deps, pages::invite));
  group.post("/invitation", "group_invitation_answer", on_group(Action::answer_invitation),
             bind(deps, pages::answer_invitation));
  // The same tables as spreadsheet files, for the same people.
  group.get("/members.csv", "group_members_csv", on_group(Action::see_members), bind(deps, pages::members_csv))
      .with_session()
      .not_html();
  group.get("/stage.csv", "group_stage_csv", on_group(Action::see_group), bind(deps, pages::stage_csv))
      .with_session()
      .not_html();
  group.get("/activity.csv", "group_activity_csv", on_group(Action::see_members), bind(deps, pages::activity_csv))
      .with_session()
      .not_html();
  group.get("/support.csv", "group_support_csv", on_group(Action::see_support_needs), bind(deps, pages::support_csv))
      .with_session()
      .not_html();
  group.get("/support", "group_support", on_group(Action::see_support_needs), bind(deps, pages::support));
  group.get("/activity", "group_activity", on_group(Action::see_members), bind(deps, pages::activity));
}

}  // namespace roundtable::groups
