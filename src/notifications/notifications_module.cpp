#include "notifications/notifications_module.hpp"

#include <algorithm>

#include "notifications/digest_run.hpp"
#include "notifications/notification_routes.hpp"
#include "notifications/notification_service.hpp"
#include "notifications/notifications_demo.hpp"
#include "organisations/organisation_service.hpp"

namespace roundtable::notifications {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "notifications";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<NotificationService> service;
  if (deps.db) service = std::make_shared<NotificationService>(*deps.db, clock);
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared&) {
    // Each handler's copy of the dependencies keeps the service alive.
    add_notification_routes(routes, {service, deps.assets, deps.not_found});
  };
  using module::Erasure;
  m.personal_tables = {
      {"notification_choices", "user_id", Erasure::remove,
       "how the person wants to hear about each of their groups: straight away, once a day, once a week or never"},
      {"notices", "user_id", Erasure::remove,
       "what the person was told about in their groups (what happened, a link to it, when, and whether they read "
       "it)"},
      {"unread_notices", "user_id", Erasure::remove,
       "how many of the person's notices in each organisation they have not read yet (the count beside "
       "\"Notifications\")"},
  };
  // Every member's own notices, in the organisation's navigation with how many are unread (ADR 0045); and in each
  // group, how the person hears about it.
  m.org_member_links = {
      {"notifications.nav.title", "notifications.nav.lead", "notifications.nav.link", "/notifications", true}};
  m.group_tools = {{"notifications.group_tool.title", "notifications.group_tool.lead", "notifications.group_tool.link",
                    "/notifications"}};
  m.tables_without_personal_data = {
      {"due_runs", "which due jobs (the daily and weekly digests) ran for which due time, so they run once"}};
  // The digests: 07:00 London time every day, and on Mondays for the weekly one (digest.hpp, ADR 0028).
  if (deps.db && deps.organisations) {
    for (DigestKind kind : {DigestKind::daily, DigestKind::weekly}) {
      m.due_jobs.push_back({kind == DigestKind::daily ? "digest_daily" : "digest_weekly",
                            [db = deps.db, orgs = deps.organisations, kind, &clock](long long now) {
                              // run-due --at may name a later time: its email still goes now.
                              const long long queue_at = std::min(now, clock.now_seconds());
                              const auto run = db->run_sync([&](soci::session& s) {
                                return run_digest(s, kind, now, orgs->base_url(), queue_at);
                              });
                              // After the commit: the outbox worker sends them now.
                              if (run.emails > 0) orgs->mail_queued();
                              return run.emails;
                            }});
    }
  }
  if (deps.db) m.load_demo = [db = deps.db, &clock] { return load_demo(*db, clock.now_seconds()); };
  return m;
}

}  // namespace roundtable::notifications
