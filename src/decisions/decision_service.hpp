/// The decisions use cases: propose (and tell the group), vote or answer until it closes (changing it replaces it),
/// objections resolved or withdrawn, close early, withdraw, close at the closing time (the due worker), and the
/// decision record. Each use case is one database visit in one transaction, and each change asks the policy again
/// inside it with the person's role in the group at that moment.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "decisions/decision.hpp"
#include "decisions/decision_policy.hpp"
#include "decisions/decision_store.hpp"
#include "decisions/results.hpp"
#include "groups/group.hpp"
#include "module/follow_up.hpp"
#include "module/module.hpp"

namespace roundtable::decisions {

using boost::asio::awaitable;

/// The person changing something, for the policy.
struct Who {
  long long user_id = 0;
  core::Role org_role = core::Role::member;
  bool two_step = false;
};

/// Where links in email point and who wakes the mail worker.
struct MailHooks {
  std::function<std::string()> base_url;
  std::function<void()> mail_queued;
};

/// Who chose what, on a named poll's page: shown there when it has at most this many ballot rows; a larger poll's page
/// links to its own pages of who chose what instead (who_chose).
inline constexpr int kWhoChoseOnPage = 60;
/// Who answered what, on a named meeting-time decision's page: at most this many rows (12 times for 41 people).
inline constexpr int kWhoAnsweredLimit = 500;

/// A proposal's page, read in one visit, in a fixed number of queries however many took part. A poll's counts are
/// read only once it has closed (no live counts: ADR 0029); consent answers and objections are read always (objections
/// are talked through while it is open).
struct DecisionPage {
  ProposalForViewer view;
  /// Once closed (not withdrawn): a simple poll's votes by option, as kept when it closed (ADR 0037).
  std::vector<OptionTotal> totals;
  /// A named poll's choices by name, once it has closed; none when it has more than kWhoChoseOnPage rows (then
  /// named_more).
  std::vector<BallotRow> named;
  bool named_more = false;
  /// Who took part by member types: counted while open; as kept when it closed or was withdrawn (ADR 0037).
  std::vector<std::pair<std::vector<MemberType>, long long>> types;
  std::vector<Response> responses;
  std::vector<Objection> objections;
  /// Once closed (not withdrawn), as kept when it closed (ADR 0037): a dot vote's or score poll's rows added up by
  /// option and value (a simple poll's are `totals`).
  std::vector<OptionSum> sums;
  /// Once closed (not withdrawn): a ranked-choice poll's rounds, as kept when it closed (ADR 0037).
  std::optional<RankedCount> ranked;
  /// The ranked count was not kept yet, so it was counted from every ballot for this view: page() keeps it.
  bool ranked_to_keep = false;
  /// Support requests for the meeting the record names that are still unmet (read when its rules say so).
  long long unmet_support = 0;
  /// Who took part was not kept yet (closed before migration 0055, or in SQL), so it was counted: page() keeps it.
  bool types_to_keep = false;
  /// A simple poll's totals or a dot vote's or score poll's sums were not kept yet, so they were added up: page() keeps
  /// them.
  bool counts_to_keep = false;
  /// What other modules did with it (a card on a board, ...), by date; and where the viewer may take it next.
  std::vector<module::FollowUp> follow_ups;
};

/// A page of who chose what, with the proposal it belongs to.
struct WhoChoseView {
  ProposalForViewer view;
  WhoChosePage page;
};

/// Whether a decision met the power-sharing rules it opened under: who took part (by member types, as stored) and
/// the unmet support requests of the meeting it came from.
power::Verdict verdict_of(const power::Rules& rules,
                          const std::vector<std::pair<std::vector<MemberType>, long long>>& types,
                          long long unmet_support);
/// How many of those who took part count as lived-experience members under these rules.
long long lived_experience_count(const power::Rules& rules,
                                 const std::vector<std::pair<std::vector<MemberType>, long long>>& types);

enum class Change { done, already, refused };

/// How voting or answering went.
enum class VoteOutcome { done, closed, not_allowed };

/// When a membership of the organisation ends (module::MembershipEnded): the person's votes, answers and open
/// objections leave the organisation's open proposals (who took part in decided ones stays as it was).
void membership_ended(soci::session& s, long long org_id, long long user_id, long long now);

class DecisionService {
 public:
  DecisionService(db::Database& db, const core::Clock& clock, MailHooks mail = {})
      : db_(db), clock_(clock), mail_(std::move(mail)) {}

  /// The group with the viewer's role there (for the list and the new proposal form).
  awaitable<std::optional<groups::GroupForViewer>> group_for(long long org_id, long long group_id, long long viewer,
                                                             groups::AlongWithGroup along = {});
  /// The group's proposals (newest first) and its power-sharing rules, read along with the group (group_for).
  static groups::AlongWithGroup list_along(std::vector<ProposalListed>& proposals,
                                           std::optional<store::GroupRules>& rules);
  awaitable<std::vector<ProposalListed>> group_decisions(long long group_id);
  /// Puts a proposal forward (opening now) and tells the group's people. The same create_key twice makes one: the
  /// second call returns the first one's id (0: refused).
  awaitable<long long> propose(Who who, long long org_id, long long group_id, ProposalDetails details,
                               std::string create_key);
  awaitable<std::optional<DecisionPage>> page(long long org_id, long long id, long long viewer);
  /// A page of a closed named poll's "who chose what" with the proposal; none when it is not found or shows no names
  /// (shows_who_chose).
  awaitable<std::optional<WhoChoseView>> who_chose(long long org_id, long long id, long long viewer, WhoChoseQuery q);
  /// A simple poll's vote: replaces the person's earlier one; sent twice, one vote.
  awaitable<VoteOutcome> vote(long long org_id, long long id, long long user, long long option_id);
  /// A ranked-choice, dot or score ballot (option, rank/dots/score), checked again here; replaces the person's earlier
  /// one; sent twice, one ballot.
  awaitable<VoteOutcome> cast(long long org_id, long long id, long long user,
                              std::vector<std::pair<long long, long long>> rows);
  /// The group's power-sharing rules (none set: the defaults, no rule).
  awaitable<std::optional<store::GroupRules>> rules(long long group_id);
  /// The people who run the group set its rules; proposals opened from now on carry them.
  awaitable<Change> save_rules(Who who, long long org_id, long long group_id, power::Rules rules);
  /// A consent answer (with the reason of an objection).
  awaitable<VoteOutcome> respond(long long org_id, long long id, long long user, ConsentAnswer answer,
                                 std::string reason);
  /// The proposer or the people who run the group mark an objection resolved, saying how.
  awaitable<Change> resolve_objection(Who who, long long org_id, long long id, long long objection_id, std::string how);
  /// The person who objected withdraws their objection.
  awaitable<Change> withdraw_objection(long long org_id, long long id, long long user, long long objection_id);
  awaitable<Change> close_early(Who who, long long org_id, long long id);
  awaitable<Change> withdraw(Who who, long long org_id, long long id);
  /// The record: why, and what led to it (a topic and a meeting of the proposal's group; refused otherwise).
  awaitable<Change> record(Who who, long long org_id, long long id, std::string rationale,
                           std::optional<long long> topic, std::optional<long long> meeting);
  /// What the record may name as leading to it: the group's 50 most recently active topics and its meetings.
  awaitable<std::pair<std::vector<LedFromChoice>, std::vector<LedFromChoice>>> led_from_choices(long long group_id,
                                                                                                long long viewer);

  /// The due worker's job: closes every proposal whose time has come, each in its own transaction that claims it
  /// (closed_at IS NULL), and tells the group; returns how many emails it queued.
  int close_due(long long now);

  /// For demo data and tests, on the calling thread (no email, no policy).
  long long propose_now(long long org_id, long long group_id, long long actor, const ProposalDetails& d,
                        const std::string& key, long long at);
  void vote_now(long long org_id, long long id, long long user, long long option_id, long long at);
  void cast_now(long long org_id, long long id, long long user,
                const std::vector<std::pair<long long, long long>>& rows, long long at);
  void save_rules_now(long long group_id, const power::Rules& rules, long long by, long long at);
  void respond_now(long long org_id, long long id, long long user, ConsentAnswer a, const std::string& reason,
                   long long at);
  void resolve_now(long long id, long long objection_id, long long by, const std::string& how, long long at);
  void close_now(long long id, long long at);
  void record_now(long long id, long long by, const std::string& rationale, long long at,
                  std::optional<long long> topic = std::nullopt);

  long long now() const { return clock_.now_seconds(); }

  /// Where the page asks other modules what they did with a proposal (module::Shared::follow_ups, set when the
  /// routes are added).
  void set_follow_ups(std::vector<module::FollowUpReader> sources) { follow_ups_ = std::move(sources); }

 private:
  /// The installation's ballot secret when it has been made (empty before the first anonymous poll).
  std::string known_ballot_secret(soci::session& s) const;

  db::Database& db_;
  const core::Clock& clock_;
  MailHooks mail_;
  std::vector<module::FollowUpReader> follow_ups_;
  mutable std::mutex secret_mutex_;
  mutable std::string secret_;
};

}  // namespace roundtable::decisions
