#include "decisions/decision_service.hpp"

#include <algorithm>

#include "db/transaction.hpp"
#include "decisions/decision_mail.hpp"
#include "decisions/decision_store.hpp"
#include "discussions/discussion_store.hpp"
#include "groups/group_store.hpp"
#include "meetings/meeting.hpp"
#include "meetings/meeting_store.hpp"
#include "security/tokens.hpp"

namespace roundtable::decisions {

namespace {

using policy::Action;

constexpr int kCloseBatch = 50;
constexpr int kTopicChoices = 50;

/// A topic of this group, when it is one.
std::optional<std::string> topic_title(soci::session& s, long long org_id, long long group_id, long long topic,
                                       long long viewer) {
  const auto t = discussions::store::find_topic(s, org_id, topic, viewer);
  if (!t || t->second.group_id != group_id) return std::nullopt;
  return t->second.title;
}

/// A meeting of this group, when it is one.
std::optional<std::string> meeting_title(soci::session& s, long long org_id, long long group_id, long long meeting) {
  const auto m = meetings::store::find_for_viewer(s, org_id, meeting, 0);
  if (!m || m->meeting.group_id != group_id) return std::nullopt;
  return m->meeting.details.title;
}

policy::Facts facts_of(const ProposalForViewer& v, long long user, long long now) {
  const auto& p = v.proposal;
  return {p.group_visibility, p.group_archived, p.closed(now), v.may_take_part(),
          p.created_by && *p.created_by == user};
}

bool allowed(const Who& who, const ProposalForViewer& v, Action action, long long now) {
  const policy::Actor actor{who.org_role, who.two_step, v.role};
  return policy::allows(actor, action, facts_of(v, who.user_id, now)) == policy::Verdict::allow;
}

/// A person's ballot: "u<id>" in a named poll; in an anonymous one a keyed hash of the proposal and the person, so
/// the stored rows do not name them ("" while no key exists: no anonymous vote has been cast yet).
std::string ballot_of(const Proposal& p, const std::string& secret, long long user) {
  if (!p.details.anonymous) return "u" + std::to_string(user);
  if (secret.empty()) return "";
  return "a" + security::keyed_hash(secret, "decision:" + std::to_string(p.id) + ":user:" + std::to_string(user));
}

/// The proposal as the person sees it, with their own vote (in an anonymous poll, found by their ballot key).
std::optional<ProposalForViewer> find(soci::session& s, long long org_id, long long id, long long user,
                                      const std::string& secret) {
  Proposal anonymous;
  anonymous.id = id;
  anonymous.details.anonymous = true;
  return store::find_for_viewer(s, org_id, id, user, user ? ballot_of(anonymous, secret, user) : std::string());
}

std::vector<long long> ids_of(const std::vector<tally::OptionId>& v) { return {v.begin(), v.end()}; }

/// A simple poll's votes as counts by option and value (value 1), as decision_option_counts keeps them, and back.
std::vector<OptionSum> sums_of(const std::vector<OptionTotal>& totals) {
  std::vector<OptionSum> out;
  for (const auto& t : totals) out.push_back({t.option_id, 1, t.ballots});
  return out;
}
std::vector<OptionTotal> totals_of(const std::vector<OptionSum>& sums) {
  std::vector<OptionTotal> out;
  for (const auto& c : sums) out.push_back({c.option_id, c.rows});
  return out;
}

/// The counts a poll's page shows, kept when it closes (ADR 0037): a ranked-choice poll's rounds; the others' counts
/// by option and value.
struct PollCounts {
  std::optional<RankedCount> ranked;
  std::optional<std::vector<OptionSum>> by_option;
};

/// What came out on top, for the outcome and its words (a simple poll's counts; the leaders of the others), counted
/// from every ballot: the counts go into `counts`, to be kept when it closes.
PollResult poll_of(soci::session& s, const Proposal& p, PollCounts& counts) {
  const auto& d = p.details;
  switch (d.process) {
    case Process::simple_poll: {
      const auto totals = store::option_totals(s, p.id);
      counts.by_option = sums_of(totals);
      return count_poll(d.options, totals);
    }
    case Process::ranked_choice: {
      counts.ranked = ranked_count(d.options, store::ranked_ballots(s, p.id));
      const auto& r = counts.ranked->result;
      if (r.winner) return leaders_only({*r.winner});
      return leaders_only(ids_of(r.tied));
    }
    case Process::dot_vote:
      counts.by_option = store::option_sums(s, p.id);
      return leaders_only(ids_of(dots_of(d.options, *counts.by_option).top));
    case Process::score:
      counts.by_option = store::option_sums(s, p.id);
      return leaders_only(ids_of(scores_of(d.options, d.score_highest, *counts.by_option).top));
    case Process::meeting_time: {
      counts.by_option = store::option_sums(s, p.id);
      auto tallies = time_tallies(d.options, *counts.by_option, 0);
      const auto chosen = chosen_time(tallies);
      return chosen ? leaders_only({*chosen}) : leaders_only({});
    }
    case Process::consent: break;
  }
  return {};
}

/// Keeps a just-closed poll's counts (ADR 0037): its ballots can no longer change, and its page reads these.
void keep_counts(soci::session& s, long long id, const PollCounts& counts, long long now) {
  if (counts.ranked) store::keep_ranked(s, id, *counts.ranked, now);
  if (counts.by_option) store::keep_option_counts(s, id, *counts.by_option, now);
}

/// Unmet support requests of the meeting the record names, when the rules ask.
long long unmet_of(soci::session& s, const Proposal& p) {
  if (!p.details.rules.no_unmet_support || !p.led_from_meeting_id) return 0;
  // The meeting's own group's people (the record offers only the group's meetings); none when it is gone.
  const auto people = meetings::store::checklist(s, p.org_id, *p.led_from_meeting_id);
  return people ? meetings::unmet_support(*people) : 0;
}

/// Judges the just-closed proposal under the rules it opened under and keeps the verdict for the measures
/// (decisions.lived_took_part, rules_met: who took part is fixed now), and who took part by member types for its page
/// (ADR 0037).
power::Verdict keep_verdict(soci::session& s, const Proposal& p, long long now) {
  const auto types = store::participant_types(s, p.id);
  store::keep_types(s, p.id, types, now);
  auto verdict = verdict_of(p.details.rules, types, unmet_of(s, p));
  store::keep_verdict(s, p.id, lived_experience_count(p.details.rules, types), verdict.valid());
  return verdict;
}

/// Closes it at `at` with its outcome, unlinks anonymous ballots and tells the group (base_url: where links point).
/// False when it was already closed or withdrawn (by another server, or a second click).
bool close_in(soci::session& s, long long id, long long at, const std::string& base_url, long long now) {
  const auto org = store::org_of(s, id);
  if (!org) return false;
  auto v = store::find_for_viewer(s, *org, id, 0, "");
  if (!v || v->proposal.closed_at || v->proposal.withdrawn_at) return false;
  auto& p = v->proposal;
  PollCounts counts;
  const PollResult poll = poll_of(s, p, counts);
  const Outcome outcome = p.details.process == Process::consent
                              ? outcome_of(count_consent(store::responses(s, id), store::objections(s, id)))
                              : outcome_of(poll);
  if (!store::close(s, id, outcome, at)) return false;
  // Its ballots can no longer change: they are counted once, now, and its page reads the counts (ADR 0037).
  keep_counts(s, id, counts, now);
  if (p.details.anonymous) store::rekey_ballots(s, id);
  p.closed_at = at;
  p.outcome = outcome;
  // Who took part is fixed now: the group is told at once when it broke the rules it opened under.
  send_closed(s, p, poll, base_url, now, keep_verdict(s, p, now));
  return true;
}

}  // namespace

long long lived_experience_count(const power::Rules& rules,
                                 const std::vector<std::pair<std::vector<MemberType>, long long>>& types) {
  long long lived = 0;
  for (const auto& [t, people] : types) {
    if (power::counts_as_lived_experience(rules, {t})) lived += people;
  }
  return lived;
}

power::Verdict verdict_of(const power::Rules& rules,
                          const std::vector<std::pair<std::vector<MemberType>, long long>>& types,
                          long long unmet_support) {
  long long people = 0;
  for (const auto& [t, n] : types) people += n;
  return power::check_counts(rules, people, lived_experience_count(rules, types), unmet_support);
}

std::string DecisionService::known_ballot_secret(soci::session& s) const {
  // Made once for the installation and never changed (store::ballot_secret): once it is known, this server keeps it
  // rather than reading it on every decision's page.
  {
    std::lock_guard lock(secret_mutex_);
    if (!secret_.empty()) return secret_;
  }
  std::string secret = store::existing_ballot_secret(s);
  if (!secret.empty()) {
    std::lock_guard lock(secret_mutex_);
    secret_ = secret;
  }
  return secret;
}

void membership_ended(soci::session& s, long long org_id, long long user_id, long long now) {
  const auto open = store::open_taken_part(s, org_id, user_id);
  if (open.empty()) return;
  const std::string secret = store::existing_ballot_secret(s);
  for (const auto& [id, anonymous] : open) {
    Proposal p;
    p.id = id;
    p.details.anonymous = true;
    store::drop_from_open(s, id, user_id, anonymous ? ballot_of(p, secret, user_id) : std::string(), now);
  }
}

awaitable<std::optional<groups::GroupForViewer>> DecisionService::group_for(long long org_id, long long group_id,
                                                                            long long viewer,
                                                                            groups::AlongWithGroup along) {
  auto op = db_.read([=, along = std::move(along)](soci::session& s) {
    return groups::store::find_for_viewer(s, org_id, group_id, viewer, groups::Documents::left_out, along);
  });
  co_return co_await std::move(op);
}

groups::AlongWithGroup DecisionService::list_along(std::vector<ProposalListed>& proposals,
                                                   std::optional<store::GroupRules>& rules) {
  return [&proposals, &rules](db::Batch& b, long long group_id) {
    store::list_for_group(b, group_id, proposals);
    store::group_rules(b, group_id, rules);
  };
}

awaitable<std::vector<ProposalListed>> DecisionService::group_decisions(long long group_id) {
  auto op = db_.read([=](soci::session& s) { return store::list_for_group(s, group_id); });
  co_return co_await std::move(op);
}

awaitable<long long> DecisionService::propose(Who who, long long org_id, long long group_id, ProposalDetails details,
                                              std::string create_key) {
  const std::string base = mail_.base_url ? mail_.base_url() : std::string("http://127.0.0.1:8080");
  auto op = db_.run(
      [=, this, d = std::move(details), key = std::move(create_key)](soci::session& s) -> std::pair<long long, bool> {
        db::WriteTransaction tx(s);
        if (auto existing = store::find_by_create_key(s, org_id, key)) return {*existing, false};
        const auto g = groups::store::find_for_viewer(s, org_id, group_id, who.user_id, groups::Documents::left_out);
        if (!g) return {0, false};
        const policy::Actor actor{who.org_role, who.two_step, g->role};
        const policy::Facts facts{g->group.details.visibility, g->group.archived(), false, false, false};
        if (policy::allows(actor, Action::propose, facts) != policy::Verdict::allow) return {0, false};
        const bool poll = has_options(d.process);
        if (poll && (d.options.size() < kMinOptions || d.options.size() > max_options(d.process))) return {0, false};
        // Every option of a meeting-time poll is a time that ends after it starts, and only its options are times.
        for (const auto& o : d.options) {
          const bool time = d.process == Process::meeting_time;
          if (o.is_time() != time || (time && o.ends_at <= o.starts_at)) return {0, false};
        }
        if (d.process == Process::dot_vote &&
            (d.dot_budget < 1 || d.dot_budget > kMaxDotBudget || d.dot_most < 0 || d.dot_most > d.dot_budget)) {
          return {0, false};
        }
        if (d.process == Process::score && (d.score_highest < 1 || d.score_highest > kMaxScore)) return {0, false};
        const long long at = now();
        if (d.closes_at <= at) return {0, false};
        ProposalDetails kept = d;
        if (!poll) {
          kept.options.clear();
          kept.anonymous = false;  // objections are talked through with the person who made them
        }
        if (kept.process != Process::dot_vote) kept.dot_budget = kept.dot_most = 0;
        if (kept.process != Process::score) kept.score_highest = 0;
        // The rules in force now go with it: changing them later does not change this decision's verdict.
        kept.rules = store::group_rules(s, group_id).value_or(store::GroupRules{}).rules;
        const long long id = store::insert(s, org_id, group_id, kept, key, who.user_id, at);
        // Two copies of the form at once: the insert's ON CONFLICT lets one through and the other finds it.
        if (id == 0) return {store::find_by_create_key(s, org_id, key).value_or(0), false};
        if (kept.anonymous) store::ballot_secret(s);
        const auto v = store::find_for_viewer(s, org_id, id, 0, "");
        send_opened(s, v->proposal, base, at);
        tx.commit();
        return {id, true};
      });
  const auto [id, sent] = co_await std::move(op);
  if (sent && mail_.mail_queued) mail_.mail_queued();
  co_return id;
}

awaitable<std::optional<DecisionPage>> DecisionService::page(long long org_id, long long id, long long viewer) {
  const long long at = now();
  auto op = db_.read([=, this](soci::session& s) -> std::optional<DecisionPage> {
    const std::string secret = known_ballot_secret(s);
    auto v = find(s, org_id, id, viewer, secret);
    if (!v) return std::nullopt;
    DecisionPage page;
    page.view = std::move(*v);
    const auto& p = page.view.proposal;
    const Process process = p.details.process;
    // What the page shows besides the proposal, read together (one round trip on PostgreSQL); what was not kept when
    // it closed is counted after, this once.
    db::Batch b(s);
    std::optional<std::vector<OptionSum>> kept_counts;
    const bool polled = process != Process::consent && p.closed(at) && !p.withdrawn_at;
    if (process == Process::consent) {
      store::responses(b, id, page.responses);
      store::objections(b, id, page.objections);
    } else if (polled) {
      if (process == Process::ranked_choice) {
        store::kept_ranked(b, id, page.ranked);
      } else if (p.closed_at) {
        store::kept_option_counts(b, id, kept_counts);
      }
      const bool who_chose_shown = shows_who_chose(p, at);
      if (!p.details.anonymous && process == Process::meeting_time) {
        // Who answered what: a row of answers per person, on the page itself.
        store::named_ballots(b, id, kWhoAnsweredLimit, page.named);
      } else if (who_chose_shown && p.closed_at && p.took_part > kWhoChoseOnPage) {
        // More people than rows shown, as kept when it closed: nothing to read, the page links to who_chose's pages.
        page.named_more = true;
      } else if (who_chose_shown) {
        // One row more than is shown: then the page links to who_chose's pages instead.
        store::named_ballots(b, id, kWhoChoseOnPage + 1, page.named);
        b.then([&page] {
          page.named_more = page.named.size() > static_cast<std::size_t>(kWhoChoseOnPage);
          if (page.named_more) page.named.clear();
        });
      }
    } else if (process != Process::simple_poll && page.view.voted && viewer) {
      Proposal key;
      key.id = id;
      key.details.anonymous = p.details.anonymous;
      store::my_ballot(b, id, ballot_of(key, secret, viewer), page.view.my_ballot);
    }
    // Once nobody can take part any more, who did is read as kept when it closed (ADR 0037); while it is open (or not
    // yet closed by the due worker), from its few, changing voters.
    const bool ended = p.closed_at || p.withdrawn_at;
    std::optional<std::vector<std::pair<std::vector<MemberType>, long long>>> kept_types;
    if (ended) {
      store::kept_types(b, id, kept_types);
    } else {
      store::participant_types(b, id, page.types);
    }
    // What other modules did with it (a card on one of the group's boards), and where the viewer may take it.
    const module::FollowUpAsk ask{
        "proposal", org_id, id, viewer, p.group_id, p.group_archived, groups::group_role_code(page.view.role)};
    module::read_follow_ups(b, follow_ups_, ask, page.follow_ups);
    b.run();
    if (polled && process == Process::ranked_choice && !page.ranked) {
      // None kept (closed before migration 0053, or made in SQL): counted from every ballot this once, and kept
      // below once it has really closed (between its closing time and the due worker's minute it is not yet).
      page.ranked = ranked_count(p.details.options, store::ranked_ballots(s, id));
      page.ranked_to_keep = p.closed_at.has_value();
    } else if (polled && process != Process::ranked_choice) {
      // As kept when it closed (ADR 0037). None kept (closed before migration 0055, or made in SQL): added up from
      // every ballot this once, and kept below once it has really closed (not yet in the due worker's minute).
      page.counts_to_keep = p.closed_at && !kept_counts;
      const bool simple = process == Process::simple_poll;
      if (!kept_counts) kept_counts = simple ? sums_of(store::option_totals(s, id)) : store::option_sums(s, id);
      if (simple) page.totals = totals_of(*kept_counts);
      if (!simple) page.sums = std::move(*kept_counts);
    }
    if (ended) {
      // None kept (closed before migration 0055, or made in SQL): counted from every voter this once, and kept below.
      page.types_to_keep = !kept_types;
      page.types = kept_types ? std::move(*kept_types) : store::participant_types(s, id);
    }
    page.unmet_support = unmet_of(s, p);
    // What led to it, named only while it is the group's (the record is read by the group's own people).
    auto& q = page.view.proposal;
    if (q.led_from_topic_id) {
      q.led_from_topic_title = topic_title(s, org_id, q.group_id, *q.led_from_topic_id, viewer).value_or("");
    }
    if (q.led_from_meeting_id) {
      q.led_from_meeting_title = meeting_title(s, org_id, q.group_id, *q.led_from_meeting_id).value_or("");
    }
    return page;
  });
  auto loaded = co_await std::move(op);
  if (loaded && (loaded->ranked_to_keep || loaded->types_to_keep || loaded->counts_to_keep)) {
    // A short write after the read, so later views on every server read the kept rows. Another server doing the same
    // at once is no failure: the first to write keeps it, and the other finds it kept and writes nothing.
    PollCounts counts;
    if (loaded->ranked_to_keep) counts.ranked = loaded->ranked;
    if (loaded->counts_to_keep) {
      counts.by_option =
          loaded->view.proposal.details.process == Process::simple_poll ? sums_of(loaded->totals) : loaded->sums;
    }
    std::optional<std::vector<std::pair<std::vector<MemberType>, long long>>> types;
    if (loaded->types_to_keep) types = loaded->types;
    auto keep = db_.run([=, this](soci::session& s) {
      db::WriteTransaction tx(s);
      bool wrote = false;
      if (counts.ranked && store::keep_ranked(s, id, *counts.ranked, now())) wrote = true;
      if (counts.by_option && store::keep_option_counts(s, id, *counts.by_option, now())) wrote = true;
      if (types && store::keep_types(s, id, *types, now())) wrote = true;
      if (wrote) tx.commit();
      return true;
    });
    co_await std::move(keep);
  }
  co_return loaded;
}

awaitable<std::optional<WhoChoseView>> DecisionService::who_chose(long long org_id, long long id, long long viewer,
                                                                  WhoChoseQuery q) {
  const long long at = now();
  auto op = db_.read([=, this](soci::session& s) -> std::optional<WhoChoseView> {
    auto v = find(s, org_id, id, viewer, known_ballot_secret(s));
    if (!v || !shows_who_chose(v->proposal, at)) return std::nullopt;
    WhoChoseView out{std::move(*v), {}};
    db::Batch b(s);
    const auto& p = out.view.proposal;
    // A simple poll's ballot is one row; the others' at most one an option.
    const bool simple = p.details.process == Process::simple_poll;
    store::who_chose_page(b, id, p.group_id, simple ? 1 : static_cast<int>(p.details.options.size()), q, out.page);
    b.run();
    return out;
  });
  co_return co_await std::move(op);
}

awaitable<VoteOutcome> DecisionService::vote(long long org_id, long long id, long long user, long long option_id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const std::string secret = store::ballot_secret(s);
    const auto v = find(s, org_id, id, user, secret);
    if (!v || v->proposal.details.process != Process::simple_poll) return VoteOutcome::not_allowed;
    const auto& p = v->proposal;
    if (p.closed(at) || p.group_archived) return VoteOutcome::closed;
    const Who who{user, core::Role::member, false};
    if (!allowed(who, *v, Action::take_part, at) || !p.option(option_id)) return VoteOutcome::not_allowed;
    store::record_vote(s, id, org_id, user, ballot_of(p, secret, user), !p.details.anonymous, option_id,
                       member_types_code(v->member_types), at);
    tx.commit();
    return VoteOutcome::done;
  });
  co_return co_await std::move(op);
}

awaitable<VoteOutcome> DecisionService::cast(long long org_id, long long id, long long user,
                                             std::vector<std::pair<long long, long long>> rows) {
  auto op = db_.run([=, this, rows = std::move(rows)](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const std::string secret = store::ballot_secret(s);
    const auto v = find(s, org_id, id, user, secret);
    if (!v) return VoteOutcome::not_allowed;
    const auto& p = v->proposal;
    const Process process = p.details.process;
    if (process == Process::simple_poll || process == Process::consent) return VoteOutcome::not_allowed;
    if (p.closed(at) || p.group_archived) return VoteOutcome::closed;
    const Who who{user, core::Role::member, false};
    if (!allowed(who, *v, Action::take_part, at) || !check_ballot(p.details, rows).empty()) {
      return VoteOutcome::not_allowed;
    }
    std::vector<std::pair<long long, long long>> kept;
    for (const auto& r : rows) {
      if (process != Process::dot_vote || r.second > 0) kept.push_back(r);
    }
    store::record_ballot(s, id, org_id, user, ballot_of(p, secret, user), !p.details.anonymous, kept,
                         member_types_code(v->member_types), at);
    tx.commit();
    return VoteOutcome::done;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<store::GroupRules>> DecisionService::rules(long long group_id) {
  auto op = db_.read([=](soci::session& s) { return store::group_rules(s, group_id); });
  co_return co_await std::move(op);
}

awaitable<Change> DecisionService::save_rules(Who who, long long org_id, long long group_id, power::Rules rules) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto g = groups::store::find_for_viewer(s, org_id, group_id, who.user_id, groups::Documents::left_out);
    if (!g) return Change::refused;
    const policy::Actor actor{who.org_role, who.two_step, g->role};
    const policy::Facts facts{g->group.details.visibility, g->group.archived(), false, false, false};
    if (policy::allows(actor, Action::set_rules, facts) != policy::Verdict::allow) return Change::refused;
    if (rules.at_least_lived_experience && *rules.at_least_lived_experience < 1) return Change::refused;
    if (const auto old = store::group_rules(s, group_id)) {
      const auto& o = old->rules;
      if (o.at_least_lived_experience == rules.at_least_lived_experience &&
          o.lived_experience_half == rules.lived_experience_half && o.no_unmet_support == rules.no_unmet_support &&
          o.carers_count == rules.carers_count) {
        return Change::already;
      }
    }
    store::save_group_rules(s, group_id, rules, who.user_id, now());
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<VoteOutcome> DecisionService::respond(long long org_id, long long id, long long user, ConsentAnswer answer,
                                                std::string reason) {
  auto op = db_.run([=, this, reason = std::move(reason)](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const auto v = store::find_for_viewer(s, org_id, id, user, "");
    if (!v || v->proposal.details.process != Process::consent) return VoteOutcome::not_allowed;
    if (v->proposal.closed(at) || v->proposal.group_archived) return VoteOutcome::closed;
    const Who who{user, core::Role::member, false};
    if (!allowed(who, *v, Action::take_part, at)) return VoteOutcome::not_allowed;
    if (answer == ConsentAnswer::object && reason.empty()) return VoteOutcome::not_allowed;
    store::record_response(s, id, org_id, user, answer, answer == ConsentAnswer::object ? reason : std::string(),
                           member_types_code(v->member_types), at);
    tx.commit();
    return VoteOutcome::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> DecisionService::resolve_objection(Who who, long long org_id, long long id, long long objection_id,
                                                     std::string how) {
  auto op = db_.run([=, this, how = std::move(how)](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const auto v = store::find_for_viewer(s, org_id, id, who.user_id, "");
    if (!v || !allowed(who, *v, Action::resolve_objection, at)) return Change::refused;
    if (!store::open_objection(s, id, objection_id)) return Change::already;
    store::end_objection(s, objection_id, ObjectionState::resolved, how, who.user_id, at);
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> DecisionService::withdraw_objection(long long org_id, long long id, long long user,
                                                      long long objection_id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const auto v = store::find_for_viewer(s, org_id, id, user, "");
    if (!v || !v->role || v->proposal.closed(at) || v->proposal.group_archived) return Change::refused;
    const auto o = store::open_objection(s, id, objection_id);
    if (!o) return Change::already;
    if (o->user_id != user) return Change::refused;
    store::end_objection(s, objection_id, ObjectionState::withdrawn, "", user, at);
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> DecisionService::close_early(Who who, long long org_id, long long id) {
  const std::string base = mail_.base_url ? mail_.base_url() : std::string("http://127.0.0.1:8080");
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const auto v = store::find_for_viewer(s, org_id, id, who.user_id, "");
    if (!v || !allowed(who, *v, Action::run_decision, at)) return Change::refused;
    if (!close_in(s, id, at, base, at)) return Change::already;
    tx.commit();
    return Change::done;
  });
  const auto c = co_await std::move(op);
  if (c == Change::done && mail_.mail_queued) mail_.mail_queued();
  co_return c;
}

awaitable<Change> DecisionService::withdraw(Who who, long long org_id, long long id) {
  const std::string base = mail_.base_url ? mail_.base_url() : std::string("http://127.0.0.1:8080");
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    auto v = store::find_for_viewer(s, org_id, id, who.user_id, "");
    if (!v || !allowed(who, *v, Action::run_decision, at)) return Change::refused;
    if (!store::withdraw(s, id, at)) return Change::already;
    // Nobody can take part any more: who did is kept for its page, as when one closes (ADR 0037).
    store::keep_types(s, id, store::participant_types(s, id), at);
    // The group is told it will not be decided, as they are told when one closes.
    v->proposal.withdrawn_at = at;
    send_closed(s, v->proposal, {}, base, at);
    tx.commit();
    return Change::done;
  });
  const auto c = co_await std::move(op);
  if (c == Change::done && mail_.mail_queued) mail_.mail_queued();
  co_return c;
}

awaitable<Change> DecisionService::record(Who who, long long org_id, long long id, std::string rationale,
                                          std::optional<long long> topic, std::optional<long long> meeting) {
  auto op = db_.run([=, this, rationale = std::move(rationale)](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const auto v = store::find_for_viewer(s, org_id, id, who.user_id, "");
    if (!v || v->proposal.withdrawn_at || !allowed(who, *v, Action::record_decision, at)) return Change::refused;
    const auto& p = v->proposal;
    if (topic && !topic_title(s, org_id, p.group_id, *topic, who.user_id)) return Change::refused;
    if (meeting && !meeting_title(s, org_id, p.group_id, *meeting)) return Change::refused;
    if (p.rationale == rationale && p.recorded_at && p.led_from_topic_id == topic && p.led_from_meeting_id == meeting) {
      return Change::already;
    }
    store::set_record(s, id, rationale, topic, meeting, who.user_id, at);
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<std::pair<std::vector<LedFromChoice>, std::vector<LedFromChoice>>> DecisionService::led_from_choices(
    long long group_id, long long viewer) {
  const long long at = now();
  auto op = db_.read([=](soci::session& s) {
    std::pair<std::vector<LedFromChoice>, std::vector<LedFromChoice>> out;
    for (const auto& [t, key] :
         discussions::store::list_topics(s, group_id, viewer, discussions::Filter::all, std::nullopt, kTopicChoices)) {
      if (out.first.size() < static_cast<std::size_t>(kTopicChoices)) out.first.push_back({t.id, t.title});
    }
    for (const auto& m : meetings::store::list_for_group(s, group_id, viewer, at)) {
      if (!m.cancelled) out.second.push_back({m.id, m.title});
    }
    return out;
  });
  co_return co_await std::move(op);
}

int DecisionService::close_due(long long now_at) {
  const std::string base = mail_.base_url ? mail_.base_url() : std::string("http://127.0.0.1:8080");
  const auto ids = db_.run_sync([&](soci::session& s) { return store::due(s, now_at, kCloseBatch); });
  int closed = 0;
  for (long long id : ids) {
    // Each in its own transaction: the conditional UPDATE claims it, so a second server's finds it closed.
    const bool done = db_.run_sync([&](soci::session& s) {
      db::WriteTransaction tx(s);
      long long closes_at = now_at;
      if (const auto org = store::org_of(s, id)) {
        if (const auto v = store::find_for_viewer(s, *org, id, 0, "")) closes_at = v->proposal.details.closes_at;
      }
      if (!close_in(s, id, closes_at, base, std::min(now_at, now()))) return false;
      tx.commit();
      return true;
    });
    if (done) ++closed;
  }
  if (closed > 0 && mail_.mail_queued) mail_.mail_queued();
  return closed;
}

long long DecisionService::propose_now(long long org_id, long long group_id, long long actor, const ProposalDetails& d,
                                       const std::string& key, long long at) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    if (auto existing = store::find_by_create_key(s, org_id, key)) return *existing;
    ProposalDetails kept = d;
    kept.rules = store::group_rules(s, group_id).value_or(store::GroupRules{}).rules;
    const long long id = store::insert(s, org_id, group_id, kept, key, actor, at);
    if (d.anonymous) store::ballot_secret(s);
    tx.commit();
    return id;
  });
}

void DecisionService::vote_now(long long org_id, long long id, long long user, long long option_id, long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const std::string secret = store::ballot_secret(s);
    const auto v = find(s, org_id, id, user, secret);
    if (!v) return;
    store::record_vote(s, id, org_id, user, ballot_of(v->proposal, secret, user), !v->proposal.details.anonymous,
                       option_id, member_types_code(v->member_types), at);
    tx.commit();
  });
}

void DecisionService::cast_now(long long org_id, long long id, long long user,
                               const std::vector<std::pair<long long, long long>>& rows, long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const std::string secret = store::ballot_secret(s);
    const auto v = find(s, org_id, id, user, secret);
    if (!v) return;
    store::record_ballot(s, id, org_id, user, ballot_of(v->proposal, secret, user), !v->proposal.details.anonymous,
                         rows, member_types_code(v->member_types), at);
    tx.commit();
  });
}

void DecisionService::save_rules_now(long long group_id, const power::Rules& rules, long long by, long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    store::save_group_rules(s, group_id, rules, by, at);
    tx.commit();
  });
}

void DecisionService::respond_now(long long org_id, long long id, long long user, ConsentAnswer a,
                                  const std::string& reason, long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto v = store::find_for_viewer(s, org_id, id, user, "");
    if (!v) return;
    store::record_response(s, id, org_id, user, a, reason, member_types_code(v->member_types), at);
    tx.commit();
  });
}

void DecisionService::resolve_now(long long id, long long objection_id, long long by, const std::string& how,
                                  long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    (void)id;
    store::end_objection(s, objection_id, ObjectionState::resolved, how, by, at);
    tx.commit();
  });
}

void DecisionService::close_now(long long id, long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto org = store::org_of(s, id);
    if (!org) return;
    const auto v = store::find_for_viewer(s, *org, id, 0, "");
    if (!v || v->proposal.closed_at) return;
    const auto& p = v->proposal;
    PollCounts counts;
    const Outcome outcome = p.details.process == Process::consent
                                ? outcome_of(count_consent(store::responses(s, id), store::objections(s, id)))
                                : outcome_of(poll_of(s, p, counts));
    if (!store::close(s, id, outcome, at)) return;
    keep_counts(s, id, counts, at);
    if (p.details.anonymous) store::rekey_ballots(s, id);
    keep_verdict(s, p, at);
    tx.commit();
  });
}

void DecisionService::record_now(long long id, long long by, const std::string& rationale, long long at,
                                 std::optional<long long> topic) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    store::set_record(s, id, rationale, topic, std::nullopt, by, at);
    tx.commit();
  });
}

}  // namespace roundtable::decisions
