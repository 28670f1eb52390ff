#include "decisions/decisions_module.hpp"

#include "decisions/decision_routes.hpp"
#include "decisions/decision_service.hpp"
#include "decisions/decision_store.hpp"
#include "decisions/decisions_demo.hpp"
#include "decisions/decisions_loop.hpp"
#include "organisations/organisation_service.hpp"

namespace roundtable::decisions {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "decisions";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<DecisionService> service;
  if (deps.db) {
    MailHooks mail;
    if (const auto* orgs = deps.organisations) {
      mail = {[orgs] { return orgs->base_url(); }, [orgs] { orgs->mail_queued(); }};
    }
    service = std::make_shared<DecisionService>(*deps.db, clock, std::move(mail));
  }
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared& shared) {
    if (service) service->set_follow_ups(shared.follow_ups);
    add_decision_routes(routes, {service, deps.assets, deps.not_found});
  };
  using module::Erasure;
  m.personal_tables = {
      {"decision_voters", "user_id", Erasure::remove,
       "that the person took part in a group's decision, with their member types then (never what they chose)"},
      {"decision_ballots", "voter_id", Erasure::remove,
       "what the person chose in named polls (an anonymous poll's ballots name nobody and are not here)"},
      {"decision_responses", "user_id", Erasure::remove,
       "the person's answers to proposals decided by consent: agree, stand aside or object"},
      {"decision_objections", "user_id", Erasure::remove,
       "the person's objections to proposals, with their reasons and how each was resolved"},
  };
  m.tables_without_personal_data = {
      {"decisions",
       "a group's proposals: what is proposed, how and by whom it is decided, when it closes, what came of it and the "
       "decision record (created_by and recorded_by are kept as \"former member\")"},
      {"decision_options", "the options of a poll, with their easy-read wording"},
      {"decision_group_rules",
       "a group's power-sharing rules for its decisions (updated_by is kept as \"former member\")"},
      {"decision_ranked_results", "a closed ranked-choice poll's count: how many ballots, and which option won"},
      {"decision_rounds", "the rounds of a closed ranked-choice poll's count: ballots no longer counted, and why"},
      {"decision_round_counts", "the votes each option had in each round of a closed ranked-choice poll's count"},
      {"decision_type_counts",
       "how many people took part in a closed or withdrawn decision with each set of member types (counts only)"},
      {"decision_option_counts",
       "a closed poll's counts by option: votes, or how many gave each number of dots or each score (counts only)"}};
  // Someone who leaves the organisation no longer counts in its open proposals.
  m.membership_ended = [&clock](soci::session& s, long long org_id, long long user_id) {
    membership_ended(s, org_id, user_id, clock.now_seconds());
  };
  // A discussion topic's page says which decisions it led to, and what came of them.
  m.follow_up_reader = store::topic_follow_ups;
  m.contribution_kinds = contribution_kinds();
  // Each group's home page leads to the group's decisions.
  m.group_tools = {
      {"decisions.group_tool.title", "decisions.group_tool.lead", "decisions.group_tool.link", "/decisions"}};
  if (service) {
    // Proposals close at their time without anyone visiting: the due worker runs this every minute on every server,
    // and each proposal is claimed by the transaction that closes it (closed_at IS NULL), so it closes once.
    m.due_jobs.push_back({"decisions_close", [service](long long now) { return service->close_due(now); }});
    m.load_demo = [db = deps.db, service, &clock] { return load_demo(*db, *service, clock.now_seconds()); };
  }
  return m;
}

}  // namespace roundtable::decisions
