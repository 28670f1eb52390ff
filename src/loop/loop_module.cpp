#include "loop/loop_module.hpp"

#include "loop/loop_demo.hpp"
#include "loop/loop_routes.hpp"
#include "loop/loop_service.hpp"
#include "organisations/organisation_service.hpp"

namespace roundtable::loop {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "loop";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<LoopService> service;
  if (deps.db) {
    MailHooks mail;
    if (const auto* orgs = deps.organisations) {
      mail = {[orgs] { return orgs->base_url(); }, [orgs] { orgs->mail_queued(); }};
    }
    service = std::make_shared<LoopService>(*deps.db, clock, std::move(mail));
    service->set_kinds(deps.kinds);
  }
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared& shared) {
    // Every module's kinds of contribution are known once all are made.
    if (service) {
      service->set_kinds(shared.contribution_kinds);
      service->set_follow_ups(shared.follow_ups);
    }
    add_loop_routes(routes, {service, deps.assets, deps.not_found});
  };
  using module::Erasure;
  m.personal_tables = {
      {"loop_items", "author_id", Erasure::keep_as_former_member,
       "the person's contributions that a group said what happened next to, with their title then (the group's "
       "\"You said, we did\" stays; they show as \"former member\")"},
      {"loop_changes", "changed_by", Erasure::keep_as_former_member,
       "what the person, running a group, said happened next to a contribution (the timeline stays; they show as "
       "\"former member\")"},
  };
  // A discussion topic's page says what happened next, with a link to its timeline.
  m.follow_up_reader = topic_follow_ups;
  // Each group's home page leads to its "You said, we did".
  m.group_tools = {{"loop.group_tool.title", "loop.group_tool.lead", "loop.group_tool.link", "/you-said-we-did"}};
  // The account page leads to "What happened to what I said".
  m.account_sections = {{"loop.account.title", "loop.account.lead", "loop.account.link", "/account/what-happened"}};
  if (service) {
    m.load_demo = [db = deps.db, service, &clock] { return load_demo(*db, *service, clock.now_seconds()); };
  }
  return m;
}

}  // namespace roundtable::loop
