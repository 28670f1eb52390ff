#include "discussions/discussions_module.hpp"

#include "discussions/discussion_routes.hpp"
#include "discussions/discussion_service.hpp"
#include "discussions/discussions_demo.hpp"
#include "discussions/discussions_loop.hpp"
#include "live/live.hpp"

namespace roundtable::discussions {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "discussions";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<DiscussionService> service;
  if (deps.db) {
    service = std::make_shared<DiscussionService>(*deps.db, deps.search, clock, deps.organisations,
                                                  deps.reply_addresses, deps.uploads);
    service->set_live(deps.live);
  }
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared& shared) {
    if (service) service->set_follow_ups(shared.follow_ups);
    // Each handler's copy of the dependencies keeps the service alive.
    add_discussion_routes(routes, {service, deps.assets, deps.not_found, deps.live});
  };
  using module::Erasure;
  m.personal_tables = {
      {"discussion_topics", "author_id", Erasure::keep_as_former_member,
       "the topics the person started in group discussions (the conversation stays; they show as \"former member\")"},
      {"discussion_posts", "author_id", Erasure::keep_as_former_member,
       "what the person wrote in group discussions, opening posts and replies (the conversation stays; they show as "
       "\"former member\")"},
      {"discussion_post_versions", "author_id", Erasure::keep_as_former_member,
       "earlier versions of the person's posts, kept when they changed or deleted them"},
      {"discussion_reactions", "user_id", Erasure::remove, "the person's reactions to posts (agree, thanks, me too)"},
      {"discussion_follows", "user_id", Erasure::remove, "the topics the person follows, or chose to stop following"},
      {"discussion_raises", "user_id", Erasure::remove, "the topics the person asked to be raised at the next meeting"},
      {"discussion_reports", "reporter_id", Erasure::remove, "posts the person reported, with their reasons"},
      {"discussion_rules_agreed", "user_id", Erasure::remove,
       "when the person said they would keep each group's ground rules"},
      {"seen_discussion_topics", "user_id", Erasure::remove, "how far the person has read each topic"},
  };
  // Each group's home page leads to its discussion.
  m.group_tools = {
      {"discussions.group_tool.title", "discussions.group_tool.lead", "discussions.group_tool.link", "/discussion"}};
  m.contribution_kinds = contribution_kinds();
  if (service && deps.uploads) m.start = [uploads = deps.uploads] { register_topic_file_access(*uploads); };
  if (service) {
    m.load_demo = [db = deps.db, service, &clock] { return load_demo(*db, *service, clock.now_seconds()); };
  }
  return m;
}

}  // namespace roundtable::discussions
