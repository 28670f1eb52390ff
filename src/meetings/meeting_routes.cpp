#include "meetings/meeting_routes.hpp"

#include "http/route_list.hpp"
#include "meetings/meeting_policy.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/series_pages.hpp"
#include "meetings/time_poll_routes.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::meetings {

namespace {

/// The route guard: any member of the organisation passes here, and the page asks the meetings policy with the
/// meeting (or group) and the person's role in the group (pages::load, pages::load_group), answering 404 when it
/// says no. The route table names the action.
http::Policy on_meeting(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [](const http::Principal&, const http::Membership&) { return policy::Verdict::allow; });
}

}  // namespace

void add_meeting_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  auto org = r.scope("/o/{org}");
  auto group = org.scope("/groups/{group}/meetings");
  group.get("", "group_meetings", on_meeting(Action::list_meetings), bind(deps, pages::group_list));
  group.get("/new", "meeting_new", on_meeting(Action::schedule_meeting), bind(deps, pages::new_meeting));
  group.post("", "meeting_create", on_meeting(Action::schedule_meeting), bind(deps, pages::create_meeting));
  auto one = org.scope("/meetings/{meeting}");
  one.get("", "meeting", on_meeting(Action::see_meeting), bind(deps, pages::meeting));
  // For calendar programs: the meeting as an iCalendar file.
  one.get("/calendar.ics", "meeting_calendar", on_meeting(Action::see_meeting), bind(deps, pages::calendar))
      .with_session()
      .not_html();
  one.get("/edit", "meeting_edit", on_meeting(Action::edit_meeting), bind(deps, pages::edit_meeting));
  one.post("/edit", "meeting_save", on_meeting(Action::edit_meeting), bind(deps, pages::save_meeting));
  one.get("/cancel", "meeting_cancel_form", on_meeting(Action::cancel_meeting), bind(deps, pages::cancel_form));
  one.post("/cancel", "meeting_cancel", on_meeting(Action::cancel_meeting), bind(deps, pages::cancel_meeting));
  one.get("/reply", "meeting_reply", on_meeting(Action::reply), bind(deps, pages::reply_form));
  one.post("/reply", "meeting_reply_save", on_meeting(Action::reply), bind(deps, pages::save_reply));
  one.get("/checklist", "meeting_checklist", on_meeting(Action::see_checklist), bind(deps, pages::checklist));
  // A tick on the checklist: one person's need arranged (or not yet).
  one.post("/checklist/arranged", "meeting_arranged_save", on_meeting(Action::see_checklist),
           bind(deps, pages::save_arranged));
  // The agenda: proposals, raised topics, order (buttons, not dragging), and the papers sent.
  one.get("/agenda", "meeting_agenda", on_meeting(Action::see_agenda), bind(deps, pages::agenda));
  one.post("/agenda/items", "agenda_item_create", on_meeting(Action::propose_item), bind(deps, pages::propose_item));
  one.post("/agenda/topics", "agenda_topic_create", on_meeting(Action::run_agenda), bind(deps, pages::promote_topic));
  auto item = one.scope("/agenda/items/{item}");
  item.post("/accept", "agenda_item_accept_save", on_meeting(Action::run_agenda), bind(deps, pages::accept_item));
  item.post("/move", "agenda_item_move_save", on_meeting(Action::run_agenda), bind(deps, pages::move_item));
  item.get("/edit", "agenda_item_edit", on_meeting(Action::run_agenda), bind(deps, pages::edit_item));
  item.post("/edit", "agenda_item_save", on_meeting(Action::run_agenda), bind(deps, pages::save_item));
  item.post("/remove", "agenda_item_remove", on_meeting(Action::run_agenda), bind(deps, pages::remove_item));
  item.post("/decision", "agenda_decision_save", on_meeting(Action::record_meeting), bind(deps, pages::save_decision));
  one.post("/papers", "meeting_paper_create", on_meeting(Action::run_agenda), bind(deps, pages::add_paper))
      .accepts_uploads(uploads::body_limit_for(paper_allowed()));
  one.post("/papers/{paper}/remove", "meeting_paper_remove", on_meeting(Action::run_agenda),
           bind(deps, pages::remove_paper));
  one.post("/papers/send", "meeting_papers_send", on_meeting(Action::run_agenda), bind(deps, pages::send_papers));
  // What came of it: who came, minutes, decisions and actions.
  one.get("/minutes", "meeting_minutes", on_meeting(Action::see_agenda), bind(deps, pages::minutes));
  one.post("/minutes", "meeting_minutes_save", on_meeting(Action::record_meeting), bind(deps, pages::save_minutes));
  one.post("/minutes/publish", "meeting_minutes_send", on_meeting(Action::record_meeting),
           bind(deps, pages::publish_minutes));
  one.post("/attendance", "meeting_attendance_save", on_meeting(Action::record_meeting),
           bind(deps, pages::save_attendance));
  one.post("/actions", "meeting_action_create", on_meeting(Action::record_meeting), bind(deps, pages::create_action));
  one.post("/actions/{action}/status", "meeting_action_save", on_meeting(Action::record_meeting),
           bind(deps, pages::save_action_status));
  // "Find a time" polls.
  add_time_poll_routes(routes, deps);
  // Series of open sessions (coffee mornings): the pages ask the policy with the series' facts (open to the
  // organisation or not): seeing it is see_meeting, making and changing it schedule_meeting, its report
  // see_checklist.
  auto group_series = org.scope("/groups/{group}/series");
  group_series.get("", "group_series", on_meeting(Action::list_meetings), bind(deps, pages::group_series));
  group_series.get("/new", "series_new", on_meeting(Action::schedule_meeting), bind(deps, pages::new_series));
  group_series.post("", "series_create", on_meeting(Action::schedule_meeting), bind(deps, pages::create_series));
  auto series = org.scope("/series/{series}");
  series.get("", "series", on_meeting(Action::see_meeting), bind(deps, pages::series_page));
  series.get("/edit", "series_edit", on_meeting(Action::schedule_meeting), bind(deps, pages::edit_series));
  series.post("/edit", "series_save", on_meeting(Action::schedule_meeting), bind(deps, pages::save_series));
  series.post("/dates", "series_dates_create", on_meeting(Action::schedule_meeting),
              bind(deps, pages::add_series_dates));
  series.get("/report", "series_report", on_meeting(Action::see_checklist), bind(deps, pages::series_report));
  series
      .get("/report.csv", "series_report_csv", on_meeting(Action::see_checklist), bind(deps, pages::series_report_csv))
      .with_session()
      .not_html();
  org.get("/open-sessions", "open_sessions", on_meeting(Action::see_meeting), bind(deps, pages::open_sessions));
}

}  // namespace roundtable::meetings
