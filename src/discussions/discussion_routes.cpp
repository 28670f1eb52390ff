#include "discussions/discussion_routes.hpp"

#include "http/route_list.hpp"

namespace roundtable::discussions {

namespace {

/// The route guard: any member of the organisation passes here, and the page asks the discussions policy again with
/// the group, topic or post and the person's role in the group (pages::load_group, pages::load_post), answering 404
/// when it says no. The route table names the action.
http::Policy on(policy::Action action) { return http::policy::org_member(std::string(policy::action_name(action))); }

}  // namespace

void add_discussion_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  auto org = r.scope("/o/{org}");
  auto group = org.scope("/groups/{group}/discussion");
  group.get("", "discussion", on(Action::see_discussion), bind(deps, pages::discussion));
  group.get("/new", "topic_new", on(Action::start_topic), bind(deps, pages::new_topic));
  // A topic's form can bring its attachment (a picture, recording or video).
  const size_t with_file = uploads::body_limit_for(topic_file_allowed());
  group.post("", "topic_create", on(Action::start_topic), bind(deps, pages::create_topic)).accepts_uploads(with_file);
  group.get("/reports", "discussion_reports", on(Action::see_reports), bind(deps, pages::reports));
  group.post("/reports/{report}/dismiss", "discussion_report_dismiss", on(Action::dismiss_report),
             bind(deps, pages::dismiss_report));
  auto topic = org.scope("/topics/{topic}");
  topic.get("", "topic", on(Action::see_discussion), bind(deps, pages::topic));
  // Not a page: the stream a topic page's script listens to for new replies (it needs the session all the same).
  topic.get("/live", "topic_live", on(Action::see_discussion), bind(deps, pages::live)).not_html().with_session();
  topic.post("/replies", "topic_reply_send", on(Action::reply), bind(deps, pages::reply));
  topic.post("/follow", "topic_follow_save", on(Action::follow), bind(deps, pages::follow));
  topic.post("/raise", "topic_raise_save", on(Action::raise_at_meeting), bind(deps, pages::raise));
  topic.get("/easy-read", "topic_easy_read", on(Action::write_easy_read), bind(deps, pages::easy_read_form));
  topic.post("/easy-read", "topic_easy_read_save", on(Action::write_easy_read), bind(deps, pages::save_easy_read));
  auto post = topic.scope("/posts/{number}");
  post.post("/react", "post_react_save", on(Action::react), bind(deps, pages::react));
  post.get("/edit", "post_edit", on(Action::edit_post), bind(deps, pages::edit_post));
  post.post("/edit", "post_save", on(Action::edit_post), bind(deps, pages::save_post)).accepts_uploads(with_file);
  post.get("/delete", "post_delete_form", on(Action::delete_post), bind(deps, pages::delete_form));
  post.post("/delete", "post_delete", on(Action::delete_post), bind(deps, pages::delete_post));
  post.get("/history", "post_history", on(Action::see_history), bind(deps, pages::history));
  post.get("/report", "post_report", on(Action::report_post), bind(deps, pages::report_form));
  post.post("/report", "post_report_send", on(Action::report_post), bind(deps, pages::report_post));
  post.get("/hide", "post_hide", on(Action::hide_post), bind(deps, pages::hide_form));
  post.post("/hide", "post_hide_save", on(Action::hide_post), bind(deps, pages::hide_post));
  post.post("/show", "post_show_save", on(Action::unhide_post), bind(deps, pages::unhide_post));
}

}  // namespace roundtable::discussions
