#include "decisions/decision_store.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "db/keyset.hpp"
#include "db/query.hpp"
#include "security/tokens.hpp"

namespace roundtable::decisions::store {

namespace {

std::optional<long long> optional_integer(const db::Row& r, int c) {
  if (r.null(c)) return std::nullopt;
  return r.integer(c);
}

constexpr std::string_view kBallotSecret = "decision_ballot_secret";

std::string_view elimination_code(tally::Elimination e) {
  switch (e) {
    case tally::Elimination::none: break;
    case tally::Elimination::fewest: return "fewest";
    case tally::Elimination::earlier_round: return "earlier_round";
    case tally::Elimination::all_tied: return "all_tied";
  }
  return "none";
}

tally::Elimination parse_elimination(std::string_view code) {
  if (code == "fewest") return tally::Elimination::fewest;
  if (code == "earlier_round") return tally::Elimination::earlier_round;
  if (code == "all_tied") return tally::Elimination::all_tied;
  return tally::Elimination::none;
}

bool has(const std::vector<tally::OptionId>& ids, tally::OptionId id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

long long insert(soci::session& s, long long org_id, long long group_id, const ProposalDetails& d,
                 std::string_view create_key, long long actor, long long now) {
  long long id = 0;
  db::Param at_least = nullptr;
  if (d.rules.at_least_lived_experience) at_least = static_cast<long long>(*d.rules.at_least_lived_experience);
  db::query(s,
            "INSERT INTO decisions (org_id, group_id, title, body, easy_read, process, anonymous, eligibility, "
            "opens_at, closes_at, create_key, created_by, created_at, updated_at, dot_budget, dot_most, "
            "score_highest, rule_at_least, rule_half, rule_support, rule_carers) VALUES ($1, $2, $3, $4, $5, $6, $7, "
            "$8, $9, $10, $11, $12, $9, $9, $13, $14, $15, $16, $17, $18, $19) ON CONFLICT (org_id, create_key) DO "
            "NOTHING RETURNING id",
            {org_id, group_id, d.title, d.body, d.easy_read, process_code(d.process), d.anonymous ? 1LL : 0LL,
             eligibility_code(d.eligibility), now, d.closes_at, create_key, actor, static_cast<long long>(d.dot_budget),
             static_cast<long long>(d.dot_most), static_cast<long long>(d.score_highest), at_least,
             d.rules.lived_experience_half ? 1LL : 0LL, d.rules.no_unmet_support ? 1LL : 0LL,
             d.rules.carers_count ? 1LL : 0LL},
            [&](const db::Row& r) { id = r.integer(0); });
  if (id == 0) return 0;
  long long position = 0;
  for (const auto& o : d.options) {
    db::Param starts = nullptr, ends = nullptr;
    if (o.is_time()) {
      starts = o.starts_at;
      ends = o.ends_at;
    }
    db::query(s,
              "INSERT INTO decision_options (decision_id, position, text, easy_read, starts_at, ends_at) VALUES ($1, "
              "$2, $3, $4, $5, $6)",
              {id, ++position, o.text, o.easy_read, starts, ends});
  }
  return id;
}

std::optional<long long> org_of(soci::session& s, long long id) {
  std::optional<long long> out;
  db::query(s, "SELECT org_id FROM decisions WHERE id = $1", {id}, [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM decisions WHERE org_id = $1 AND create_key = $2", {org_id, create_key},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

std::optional<ProposalForViewer> find_for_viewer(soci::session& s, long long org_id, long long id, long long viewer,
                                                 std::string_view ballot) {
  std::optional<ProposalForViewer> out;
  const std::string named = "u" + std::to_string(viewer);
  // The proposal and its options together (one round trip on PostgreSQL); the options of an id that is not this
  // organisation's are read and dropped.
  db::Batch b(s);
  std::vector<Option> options;
  b.add(
      "SELECT d.id, d.org_id, d.group_id, g.name, g.visibility, g.archived_at, d.title, d.body, d.easy_read, "
      "d.process, d.anonymous, d.eligibility, d.opens_at, d.closes_at, d.closed_at, d.withdrawn_at, d.outcome, "
      "d.created_by, COALESCE(p.name, ''), d.created_at, d.rationale, d.recorded_at, gm.role, gm.member_types, "
      "(SELECT 1 FROM decision_voters v WHERE v.decision_id = d.id AND v.user_id = $3), (SELECT b.option_id FROM "
      "decision_ballots b WHERE b.decision_id = d.id AND b.ballot IN ($4, $5) ORDER BY b.value DESC LIMIT 1), (SELECT "
      "r.answer FROM decision_responses r WHERE r.decision_id = d.id AND r.user_id = $3), d.led_from_topic_id, "
      "d.led_from_meeting_id, d.dot_budget, d.dot_most, d.score_highest, d.rule_at_least, d.rule_half, "
      "d.rule_support, d.rule_carers, d.took_part FROM decisions d JOIN "
      "org_groups g ON g.id = d.group_id LEFT JOIN group_members gm ON gm.group_id = d.group_id AND gm.user_id = $3 "
      "LEFT JOIN group_members p ON p.group_id = d.group_id AND p.user_id = d.created_by WHERE d.id = $2 AND "
      "d.org_id = $1",
      {org_id, id, viewer, ballot, named}, [&](const db::Row& r) {
        ProposalForViewer v;
        auto& p = v.proposal;
        p.id = r.integer(0);
        p.org_id = r.integer(1);
        p.group_id = r.integer(2);
        p.group_name = r.string(3);
        p.group_visibility = groups::parse_visibility(r.text(4)).value_or(groups::Visibility::members);
        p.group_archived = !r.null(5);
        p.details.title = r.string(6);
        p.details.body = r.string(7);
        p.details.easy_read = r.string(8);
        p.details.process = parse_process(r.text(9)).value_or(Process::simple_poll);
        p.details.anonymous = r.integer(10) != 0;
        p.details.eligibility = parse_eligibility(r.text(11)).value_or(Eligibility::members);
        p.opens_at = r.integer(12);
        p.details.closes_at = r.integer(13);
        p.closed_at = optional_integer(r, 14);
        p.withdrawn_at = optional_integer(r, 15);
        if (!r.null(16)) p.outcome = parse_outcome(r.text(16));
        p.created_by = optional_integer(r, 17);
        p.proposer_name = r.string(18);
        p.created_at = r.integer(19);
        p.rationale = r.string(20);
        p.recorded_at = optional_integer(r, 21);
        if (!r.null(22)) v.role = groups::parse_group_role(r.text(22));
        if (!r.null(23)) v.member_types = organisations::member_types_of(r.text(23));
        v.voted = !r.null(24);
        v.my_option = optional_integer(r, 25);
        if (!r.null(26)) v.my_answer = parse_consent_answer(r.text(26));
        p.led_from_topic_id = optional_integer(r, 27);
        p.led_from_meeting_id = optional_integer(r, 28);
        p.details.dot_budget = static_cast<int>(r.integer(29));
        p.details.dot_most = static_cast<int>(r.integer(30));
        p.details.score_highest = static_cast<int>(r.integer(31));
        if (!r.null(32)) p.details.rules.at_least_lived_experience = static_cast<int>(r.integer(32));
        p.details.rules.lived_experience_half = r.integer(33) != 0;
        p.details.rules.no_unmet_support = r.integer(34) != 0;
        p.details.rules.carers_count = r.integer(35) != 0;
        p.took_part = r.null(36) ? 0 : r.integer(36);
        out = std::move(v);
      });
  b.add(
      "SELECT id, text, easy_read, starts_at, ends_at FROM decision_options WHERE decision_id = $1 ORDER BY "
      "position, id",
      {id}, [&](const db::Row& r) {
        options.push_back(
            {r.integer(0), r.string(1), r.string(2), r.null(3) ? 0 : r.integer(3), r.null(4) ? 0 : r.integer(4)});
      });
  b.run();
  if (!out) return out;
  out->proposal.details.options = std::move(options);
  // A vote counts for its person only while they are in the group.
  if (!out->role) {
    out->voted = false;
    out->my_option.reset();
    out->my_answer.reset();
  }
  return out;
}

std::vector<BallotRow> ballots(soci::session& s, long long id) {
  std::vector<BallotRow> out;
  db::query(s,
            "SELECT b.ballot, b.option_id, b.value, b.voter_id, COALESCE(gm.name, '') FROM decision_ballots b JOIN "
            "decisions d ON d.id = b.decision_id LEFT JOIN group_members gm ON gm.group_id = d.group_id AND "
            "gm.user_id = b.voter_id WHERE b.decision_id = $1 ORDER BY b.ballot, b.option_id",
            {id}, [&](const db::Row& r) {
              out.push_back({r.string(0), r.integer(1), r.integer(2), optional_integer(r, 3), r.string(4)});
            });
  return out;
}

std::vector<OptionTotal> option_totals(soci::session& s, long long id) {
  std::vector<OptionTotal> out;
  db::query(s,
            "SELECT option_id, COUNT(*) FROM decision_ballots WHERE decision_id = $1 AND value > 0 GROUP BY option_id",
            {id}, [&](const db::Row& r) {
              out.push_back({r.integer(0), r.integer(1)});
            });
  return out;
}

/// Read by the decision's key: the "+" keeps SQLite off the partial index of named ballots by voter, which statistics
/// skewed by one poll of 40,000 voters made it prefer (it then read every named ballot of every decision for a poll of
/// nine; PostgreSQL reads "+x" as x).
void named_ballots(db::Batch& b, long long id, int limit, std::vector<BallotRow>& out) {
  // The first `limit` rows in the primary key's order (a named ballot's key is "u" and the voter's id), so the read
  // stops there: sorting every ballot by name in SQL read and sorted all 40,000 of a large poll on each view. Those
  // rows are then put in order by name here. A poll of up to `limit` rows (every group's, in practice) shows all of
  // them by name, as before; a larger one shows that many, by name, and says how many there are in all.
  // "+b.voter_id": the partial index on voter_id must not be chosen (it holds every decision's named ballots).
  b.add(
      "SELECT b.ballot, b.option_id, b.value, b.voter_id, COALESCE(gm.name, '') FROM decision_ballots b JOIN "
      "decisions d ON d.id = b.decision_id LEFT JOIN group_members gm ON gm.group_id = d.group_id AND "
      "gm.user_id = b.voter_id WHERE b.decision_id = $1 AND +b.voter_id IS NOT NULL ORDER BY b.ballot, "
      "b.option_id LIMIT $2",
      {id, static_cast<long long>(limit)}, [&out](const db::Row& r) {
        out.push_back({r.string(0), r.integer(1), r.integer(2), optional_integer(r, 3), r.string(4)});
      });
  b.then([&out] {
    std::stable_sort(out.begin(), out.end(), [](const BallotRow& x, const BallotRow& y) {
      return std::tie(x.voter_name, x.voter_id, x.option_id) < std::tie(y.voter_name, y.voter_id, y.option_id);
    });
  });
}

std::vector<BallotRow> named_ballots(soci::session& s, long long id, int limit) {
  return db::read_alone<std::vector<BallotRow>>(s, [&](db::Batch& b, auto& out) { named_ballots(b, id, limit, out); });
}

void who_chose_page(db::Batch& b, long long id, long long group_id, int rows_per_person, const WhoChoseQuery& q,
                    WhoChosePage& out) {
  // The group's members in name order along group_members_by_name (migration 0070), each joined to their ballot's
  // rows by voter (decision_ballots_voter), until the page has its people: nothing is sorted, however many took part.
  // limit + 1 people are within rows_per_person rows each (the one too many, if there is one, says there is another
  // page). People who have left the group are not in group_members, so not named.
  const db::KeysetCursor cursor{q.after, q.before};
  std::vector<db::Param> params{group_id, id};
  std::string sql =
      "SELECT gm.user_id, gm.name, b.ballot, b.option_id, b.value FROM group_members gm JOIN decision_ballots b ON "
      "b.voter_id = gm.user_id AND b.decision_id = $2 WHERE gm.group_id = $1";
  // The page starts after (or ends before) a member named by id only, so no name is in the address. Each person's
  // rows are put in their options' order below: in SQL that was a sort of every row read.
  sql += cursor.page_sql({"gm.name", "gm.user_id"},
                         "SELECT c.name, c.user_id FROM group_members c WHERE c.group_id = $1 AND c.user_id = ", params,
                         static_cast<long long>(q.limit + 1) * std::max(rows_per_person, 1));
  b.add(sql, params, [&out](const db::Row& r) {
    out.rows.push_back({r.string(2), r.integer(3), r.integer(4), r.integer(0), r.string(1)});
  });
  b.then([&out, cursor, limit = q.limit] {
    // The rows come nearest the cursor first (backwards: in reverse order). The first `limit` people are the page; one
    // more says there is another page that way.
    std::size_t people = 0;
    auto end = std::begin(out.rows);
    for (; end != out.rows.end(); ++end) {
      if (end == out.rows.begin() || end->voter_id != std::prev(end)->voter_id) ++people;
      if (people > static_cast<std::size_t>(limit)) break;
    }
    const bool more = end != out.rows.end();
    out.rows.erase(end, out.rows.end());
    if (cursor.backwards()) std::reverse(out.rows.begin(), out.rows.end());
    for (auto from = std::begin(out.rows); from != out.rows.end();) {
      const auto to =
          std::find_if(from, out.rows.end(), [&](const BallotRow& r) { return r.voter_id != from->voter_id; });
      std::sort(from, to, [](const BallotRow& x, const BallotRow& y) { return x.option_id < y.option_id; });
      from = to;
    }
    out.more_before = cursor.more_before(more);
    out.more_after = cursor.more_after(more);
  });
}

void participant_types(db::Batch& b, long long id, std::vector<std::pair<std::vector<MemberType>, long long>>& out) {
  b.add("SELECT member_types, COUNT(*) FROM decision_voters WHERE decision_id = $1 GROUP BY member_types", {id},
        [&out](const db::Row& r) { out.emplace_back(organisations::member_types_of(r.text(0)), r.integer(1)); });
}

std::vector<std::pair<std::vector<MemberType>, long long>> participant_types(soci::session& s, long long id) {
  return db::read_alone<std::vector<std::pair<std::vector<MemberType>, long long>>>(
      s, [&](db::Batch& b, auto& out) { participant_types(b, id, out); });
}

void kept_option_counts(db::Batch& b, long long id, std::optional<std::vector<OptionSum>>& out) {
  b.add(
      "SELECT d.options_kept_at, c.option_id, c.value, c.ballots FROM decisions d LEFT JOIN "
      "decision_option_counts c ON c.decision_id = d.id WHERE d.id = $1 ORDER BY c.option_id, c.value",
      {id}, [&out](const db::Row& r) {
        if (r.null(0)) return;
        if (!out) out.emplace();
        if (!r.null(1)) out->push_back({r.integer(1), r.integer(2), r.integer(3)});
      });
}

bool keep_option_counts(soci::session& s, long long id, const std::vector<OptionSum>& counts, long long now) {
  if (db::query(s, "UPDATE decisions SET options_kept_at = $2 WHERE id = $1 AND options_kept_at IS NULL", {id, now}) ==
      0) {
    return false;
  }
  for (const auto& c : counts) {
    db::query(s, "INSERT INTO decision_option_counts (decision_id, option_id, value, ballots) VALUES ($1, $2, $3, $4)",
              {id, c.option_id, c.value, c.rows});
  }
  return true;
}

void kept_types(db::Batch& b, long long id,
                std::optional<std::vector<std::pair<std::vector<MemberType>, long long>>>& out) {
  // The decision's mark with its kept rows (kept with nobody taking part: one row of NULLs after the mark).
  b.add(
      "SELECT d.types_kept_at, t.member_types, t.people FROM decisions d LEFT JOIN decision_type_counts t ON "
      "t.decision_id = d.id WHERE d.id = $1 ORDER BY t.member_types",
      {id}, [&out](const db::Row& r) {
        if (r.null(0)) return;
        if (!out) out.emplace();
        if (!r.null(1)) out->emplace_back(organisations::member_types_of(r.text(1)), r.integer(2));
      });
}

bool keep_types(soci::session& s, long long id, const std::vector<std::pair<std::vector<MemberType>, long long>>& types,
                long long now) {
  if (db::query(s, "UPDATE decisions SET types_kept_at = $2 WHERE id = $1 AND types_kept_at IS NULL", {id, now}) == 0) {
    return false;
  }
  // Sets stored alike come out of participant_types as one row each; the same set in two spellings is one row here.
  std::map<std::string, long long> people;
  for (const auto& [t, n] : types) people[member_types_code(t)] += n;
  for (const auto& [code, n] : people) {
    db::query(s, "INSERT INTO decision_type_counts (decision_id, member_types, people) VALUES ($1, $2, $3)",
              {id, code, n});
  }
  return true;
}

void responses(db::Batch& b, long long id, std::vector<Response>& out) {
  b.add(
      "SELECT x.user_id, COALESCE(gm.name, ''), x.answer, x.member_types FROM decision_responses x JOIN "
      "decisions d ON d.id = x.decision_id LEFT JOIN group_members gm ON gm.group_id = d.group_id AND "
      "gm.user_id = x.user_id WHERE x.decision_id = $1 ORDER BY gm.name, x.user_id",
      {id}, [&out](const db::Row& r) {
        out.push_back({r.integer(0), r.string(1), parse_consent_answer(r.text(2)).value_or(ConsentAnswer::agree),
                       organisations::member_types_of(r.text(3))});
      });
}

std::vector<Response> responses(soci::session& s, long long id) {
  return db::read_alone<std::vector<Response>>(s, [&](db::Batch& b, auto& out) { responses(b, id, out); });
}

void objections(db::Batch& b, long long id, std::vector<Objection>& out) {
  b.add(
      "SELECT o.id, o.user_id, COALESCE(gm.name, ''), o.reason, o.state, o.resolution, o.created_at FROM "
      "decision_objections o JOIN decisions d ON d.id = o.decision_id LEFT JOIN group_members gm ON gm.group_id "
      "= d.group_id AND gm.user_id = o.user_id WHERE o.decision_id = $1 ORDER BY o.id",
      {id}, [&out](const db::Row& r) {
        out.push_back({r.integer(0), r.integer(1), r.string(2), r.string(3),
                       parse_objection_state(r.text(4)).value_or(ObjectionState::open), r.string(5), r.integer(6)});
      });
}

std::vector<Objection> objections(soci::session& s, long long id) {
  return db::read_alone<std::vector<Objection>>(s, [&](db::Batch& b, auto& out) { objections(b, id, out); });
}

void record_vote(soci::session& s, long long id, long long org_id, long long user_id, std::string_view ballot,
                 bool named, long long option_id, std::string_view member_types, long long now) {
  // First the person's row (the update that changes nothing holds its lock on PostgreSQL), so that two copies of the
  // form sent at once replace the ballot one after the other.
  db::query(s,
            "INSERT INTO decision_voters (decision_id, org_id, user_id, member_types, voted_at) VALUES ($1, $2, $3, "
            "$4, $5) ON CONFLICT (decision_id, user_id) DO UPDATE SET member_types = decision_voters.member_types",
            {id, org_id, user_id, member_types, now});
  db::query(s, "DELETE FROM decision_ballots WHERE decision_id = $1 AND ballot = $2", {id, ballot});
  db::Param voter = nullptr;
  if (named) voter = user_id;
  db::query(s,
            "INSERT INTO decision_ballots (decision_id, ballot, voter_id, option_id, value) VALUES ($1, $2, $3, $4, 1) "
            "ON CONFLICT (decision_id, ballot, option_id) DO NOTHING",
            {id, ballot, voter, option_id});
}

void record_ballot(soci::session& s, long long id, long long org_id, long long user_id, std::string_view ballot,
                   bool named, const std::vector<std::pair<long long, long long>>& rows, std::string_view member_types,
                   long long now) {
  db::query(s,
            "INSERT INTO decision_voters (decision_id, org_id, user_id, member_types, voted_at) VALUES ($1, $2, $3, "
            "$4, $5) ON CONFLICT (decision_id, user_id) DO UPDATE SET member_types = decision_voters.member_types",
            {id, org_id, user_id, member_types, now});
  db::query(s, "DELETE FROM decision_ballots WHERE decision_id = $1 AND ballot = $2", {id, ballot});
  db::Param voter = nullptr;
  if (named) voter = user_id;
  for (const auto& [option_id, value] : rows) {
    db::query(s,
              "INSERT INTO decision_ballots (decision_id, ballot, voter_id, option_id, value) VALUES ($1, $2, $3, $4, "
              "$5) ON CONFLICT (decision_id, ballot, option_id) DO NOTHING",
              {id, ballot, voter, option_id, value});
  }
}

void my_ballot(db::Batch& b, long long id, std::string_view ballot, std::vector<std::pair<long long, long long>>& out) {
  b.add("SELECT option_id, value FROM decision_ballots WHERE decision_id = $1 AND ballot = $2 ORDER BY value",
        {id, ballot}, [&out](const db::Row& r) { out.emplace_back(r.integer(0), r.integer(1)); });
}

std::vector<OptionSum> option_sums(soci::session& s, long long id) {
  std::vector<OptionSum> out;
  db::query(s,
            "SELECT option_id, value, COUNT(*) FROM decision_ballots WHERE decision_id = $1 GROUP BY option_id, value",
            {id}, [&](const db::Row& r) {
              out.push_back({r.integer(0), r.integer(1), r.integer(2)});
            });
  return out;
}

std::vector<std::vector<long long>> ranked_ballots(soci::session& s, long long id) {
  std::vector<std::vector<long long>> out;
  std::string last;
  db::query(s,
            "SELECT ballot, option_id FROM decision_ballots WHERE decision_id = $1 AND value > 0 ORDER BY ballot, "
            "value",
            {id}, [&](const db::Row& r) {
              const auto ballot = r.text(0);
              if (out.empty() || ballot != last) {
                out.emplace_back();
                last = std::string(ballot);
              }
              out.back().push_back(r.integer(1));
            });
  return out;
}

void kept_ranked(db::Batch& b, long long id, std::optional<RankedCount>& out) {
  // The kept poll with its rounds and their counts, in order (a poll with no ballots has no rounds: one row of NULLs).
  b.add(
      "SELECT k.ballots, k.winner_option_id, r.round, r.exhausted, r.why, c.option_id, c.votes, c.eliminated, "
      "c.tied FROM decision_ranked_results k LEFT JOIN decision_rounds r ON r.decision_id = k.decision_id LEFT "
      "JOIN decision_round_counts c ON c.decision_id = r.decision_id AND c.round = r.round WHERE k.decision_id = "
      "$1 ORDER BY r.round, c.place",
      {id}, [&out](const db::Row& r) {
        if (!out) {
          out.emplace();
          out->ballots = r.integer(0);
          if (!r.null(1)) out->result.winner = r.integer(1);
        }
        if (r.null(2)) return;
        auto& rounds = out->result.rounds;
        if (rounds.size() < static_cast<std::size_t>(r.integer(2))) {
          tally::RankedRound round;
          round.exhausted = r.integer(3);
          round.why = parse_elimination(r.text(4));
          rounds.push_back(std::move(round));
        }
        if (r.null(5)) return;
        auto& round = rounds.back();
        round.counts.push_back({r.integer(5), r.integer(6)});
        if (r.integer(7) != 0) round.eliminated.push_back(r.integer(5));
        if (r.integer(8) != 0) out->result.tied.push_back(r.integer(5));
      });
}

bool keep_ranked(soci::session& s, long long id, const RankedCount& c, long long now) {
  db::Param winner = nullptr;
  if (c.result.winner) winner = static_cast<long long>(*c.result.winner);
  bool kept = false;
  db::query(s,
            "INSERT INTO decision_ranked_results (decision_id, ballots, winner_option_id, counted_at) VALUES ($1, $2, "
            "$3, $4) ON CONFLICT (decision_id) DO NOTHING RETURNING decision_id",
            {id, c.ballots, winner, now}, [&](const db::Row&) { kept = true; });
  if (!kept) return false;
  const auto& rounds = c.result.rounds;
  for (std::size_t i = 0; i < rounds.size(); ++i) {
    const auto& round = rounds[i];
    const auto n = static_cast<long long>(i + 1);
    const bool last = i + 1 == rounds.size();
    db::query(s, "INSERT INTO decision_rounds (decision_id, round, exhausted, why) VALUES ($1, $2, $3, $4)",
              {id, n, static_cast<long long>(round.exhausted), elimination_code(round.why)});
    long long place = 0;
    for (const auto& count : round.counts) {
      const bool tied = last && !c.result.winner && has(c.result.tied, count.option);
      db::query(s,
                "INSERT INTO decision_round_counts (decision_id, round, place, option_id, votes, eliminated, tied) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {id, n, ++place, static_cast<long long>(count.option), static_cast<long long>(count.value),
                 has(round.eliminated, count.option) ? 1LL : 0LL, tied ? 1LL : 0LL});
    }
  }
  return true;
}

void group_rules(db::Batch& b, long long group_id, std::optional<GroupRules>& out) {
  b.add(
      "SELECT at_least_lived_experience, lived_experience_half, no_unmet_support, carers_count, updated_at FROM "
      "decision_group_rules WHERE group_id = $1",
      {group_id}, [&out](const db::Row& r) {
        GroupRules g;
        if (!r.null(0)) g.rules.at_least_lived_experience = static_cast<int>(r.integer(0));
        g.rules.lived_experience_half = r.integer(1) != 0;
        g.rules.no_unmet_support = r.integer(2) != 0;
        g.rules.carers_count = r.integer(3) != 0;
        g.updated_at = r.integer(4);
        out = g;
      });
}

std::optional<GroupRules> group_rules(soci::session& s, long long group_id) {
  return db::read_alone<std::optional<GroupRules>>(s, [&](db::Batch& b, auto& out) { group_rules(b, group_id, out); });
}

void save_group_rules(soci::session& s, long long group_id, const power::Rules& rules, long long by, long long now) {
  db::Param at_least = nullptr;
  if (rules.at_least_lived_experience) at_least = static_cast<long long>(*rules.at_least_lived_experience);
  db::query(s,
            "INSERT INTO decision_group_rules (group_id, at_least_lived_experience, lived_experience_half, "
            "no_unmet_support, carers_count, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT "
            "(group_id) DO UPDATE SET at_least_lived_experience = excluded.at_least_lived_experience, "
            "lived_experience_half = excluded.lived_experience_half, no_unmet_support = excluded.no_unmet_support, "
            "carers_count = excluded.carers_count, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            {group_id, at_least, rules.lived_experience_half ? 1LL : 0LL, rules.no_unmet_support ? 1LL : 0LL,
             rules.carers_count ? 1LL : 0LL, by, now});
}

void record_response(soci::session& s, long long id, long long org_id, long long user_id, ConsentAnswer answer,
                     std::string_view reason, std::string_view member_types, long long now) {
  db::query(s,
            "INSERT INTO decision_responses (decision_id, org_id, user_id, answer, member_types, updated_at) VALUES "
            "($1, $2, $3, $4, $5, $6) ON CONFLICT (decision_id, user_id) DO UPDATE SET answer = excluded.answer, "
            "updated_at = excluded.updated_at",
            {id, org_id, user_id, consent_answer_code(answer), member_types, now});
  db::query(s,
            "INSERT INTO decision_voters (decision_id, org_id, user_id, member_types, voted_at) VALUES ($1, $2, $3, "
            "$4, $5) ON CONFLICT (decision_id, user_id) DO NOTHING",
            {id, org_id, user_id, member_types, now});
  if (answer != ConsentAnswer::object) {
    db::query(s,
              "UPDATE decision_objections SET state = 'withdrawn', updated_at = $3 WHERE decision_id = $1 AND user_id "
              "= $2 AND state = 'open'",
              {id, user_id, now});
    return;
  }
  // The same objection sent twice changes nothing; a new reason replaces the open one's.
  const long long changed = db::query(s,
                                      "UPDATE decision_objections SET reason = $3, updated_at = $4 WHERE decision_id = "
                                      "$1 AND user_id = $2 AND state = 'open'",
                                      {id, user_id, reason, now});
  if (changed > 0) return;
  db::query(s,
            "INSERT INTO decision_objections (decision_id, org_id, user_id, reason, state, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, 'open', $5, $5)",
            {id, org_id, user_id, reason, now});
}

std::optional<Objection> open_objection(soci::session& s, long long id, long long objection_id) {
  std::optional<Objection> out;
  db::query(s,
            "SELECT id, user_id, reason, created_at FROM decision_objections WHERE id = $1 AND decision_id = $2 AND "
            "state = 'open'",
            {objection_id, id}, [&](const db::Row& r) {
              out = Objection{r.integer(0), r.integer(1), "", r.string(2), ObjectionState::open, "", r.integer(3)};
            });
  return out;
}

bool end_objection(soci::session& s, long long objection_id, ObjectionState state, std::string_view resolution,
                   long long by, long long now) {
  return db::query(s,
                   "UPDATE decision_objections SET state = $2, resolution = $3, resolved_by = $4, updated_at = $5 "
                   "WHERE id = $1 AND state = 'open'",
                   {objection_id, objection_state_code(state), resolution, by, now}) > 0;
}

bool close(soci::session& s, long long id, Outcome outcome, long long at) {
  return db::query(s,
                   "UPDATE decisions SET closed_at = $2, outcome = $3, updated_at = $2, took_part = (SELECT COUNT(*) "
                   "FROM decision_voters v WHERE v.decision_id = $1) WHERE id = $1 AND closed_at IS NULL AND "
                   "withdrawn_at IS NULL",
                   {id, at, outcome_code(outcome)}) > 0;
}

void keep_verdict(soci::session& s, long long id, long long lived, bool rules_met) {
  db::query(s, "UPDATE decisions SET lived_took_part = $2, rules_met = $3 WHERE id = $1",
            {id, lived, rules_met ? 1LL : 0LL});
}

bool withdraw(soci::session& s, long long id, long long at) {
  return db::query(
             s,
             "UPDATE decisions SET withdrawn_at = $2, updated_at = $2, took_part = (SELECT COUNT(*) FROM "
             "decision_voters v WHERE v.decision_id = $1) WHERE id = $1 AND closed_at IS NULL AND withdrawn_at IS "
             "NULL",
             {id, at}) > 0;
}

void rekey_ballots(soci::session& s, long long id) {
  struct Kept {
    long long option_id;
    long long value;
  };
  std::map<std::string, std::vector<Kept>> by_ballot;
  db::query(s, "SELECT ballot, option_id, value FROM decision_ballots WHERE decision_id = $1", {id},
            [&](const db::Row& r) {
              by_ballot[r.string(0)].push_back({r.integer(1), r.integer(2)});
            });
  // New random keys, written in their own (random) order: neither key nor row order follows the voters.
  std::map<std::string, std::vector<Kept>> fresh;
  for (auto& [old, rows] : by_ballot) fresh.emplace("r" + security::random_token(16), std::move(rows));
  db::query(s, "DELETE FROM decision_ballots WHERE decision_id = $1", {id});
  for (const auto& [key, rows] : fresh) {
    for (const auto& k : rows) {
      db::query(s, "INSERT INTO decision_ballots (decision_id, ballot, option_id, value) VALUES ($1, $2, $3, $4)",
                {id, key, k.option_id, k.value});
    }
  }
}

std::vector<std::pair<long long, bool>> open_taken_part(soci::session& s, long long org_id, long long user_id) {
  std::vector<std::pair<long long, bool>> out;
  db::query(
      s,
      "SELECT d.id, d.anonymous FROM decision_voters v JOIN decisions d ON d.id = v.decision_id WHERE v.user_id = "
      "$2 AND v.org_id = $1 AND d.closed_at IS NULL AND d.withdrawn_at IS NULL",
      {org_id, user_id}, [&](const db::Row& r) { out.emplace_back(r.integer(0), r.integer(1) != 0); });
  return out;
}

void drop_from_open(soci::session& s, long long id, long long user_id, std::string_view anonymous_ballot,
                    long long now) {
  db::query(s, "DELETE FROM decision_ballots WHERE decision_id = $1 AND (voter_id = $2 OR ballot = $3)",
            {id, user_id, anonymous_ballot});
  db::query(s, "DELETE FROM decision_voters WHERE decision_id = $1 AND user_id = $2", {id, user_id});
  db::query(s, "DELETE FROM decision_responses WHERE decision_id = $1 AND user_id = $2", {id, user_id});
  db::query(s,
            "UPDATE decision_objections SET state = 'withdrawn', updated_at = $3 WHERE decision_id = $1 AND user_id = "
            "$2 AND state = 'open'",
            {id, user_id, now});
}

std::vector<long long> due(soci::session& s, long long now, int limit) {
  std::vector<long long> out;
  db::query(s,
            "SELECT id FROM decisions WHERE closed_at IS NULL AND withdrawn_at IS NULL AND closes_at <= $1 ORDER BY "
            "closes_at, id LIMIT $2",
            {now, static_cast<long long>(limit)}, [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

void set_record(soci::session& s, long long id, std::string_view rationale, std::optional<long long> topic,
                std::optional<long long> meeting, long long by, long long now) {
  db::Param t = nullptr, m = nullptr;
  if (topic) t = *topic;
  if (meeting) m = *meeting;
  db::query(s,
            "UPDATE decisions SET rationale = $2, led_from_topic_id = $3, led_from_meeting_id = $4, recorded_by = $5, "
            "recorded_at = $6, updated_at = $6 WHERE id = $1",
            {id, rationale, t, m, by, now});
}

void topic_follow_ups(db::Batch& b, const module::FollowUpAsk& ask, std::vector<module::FollowUp>& out) {
  // The viewer must be in the decision's group, the topic's: the same people who may see its decisions (observers
  // too).
  if (ask.kind != "topic" || ask.viewer_role.empty()) return;
  b.add(
      "SELECT d.id, d.title, d.closes_at, d.closed_at, d.outcome, d.rationale FROM decisions d WHERE "
      "d.led_from_topic_id = $1 AND d.org_id = $2 AND d.group_id = $3 AND d.withdrawn_at IS NULL",
      {ask.id, ask.org_id, ask.group_id}, [&out](const db::Row& r) {
        module::FollowUp f;
        f.what = r.string(1);
        f.at = r.null(3) ? r.integer(2) : r.integer(3);
        const auto outcome = r.null(4) ? std::nullopt : parse_outcome(r.text(4));
        if (outcome == Outcome::passed || outcome == Outcome::chosen) {
          f.text_key = "decisions.follow_up.decided";
        } else if (outcome) {
          f.text_key = "decisions.follow_up.not_decided";
        } else {
          f.text_key = "decisions.follow_up.proposed";
        }
        if (!r.string(5).empty()) {
          f.detail_key = "decisions.follow_up.why";
          f.detail = r.string(5);
        }
        f.href = "/decisions/" + std::to_string(r.integer(0));
        f.link_key = "decisions.follow_up.see";
        out.push_back(std::move(f));
      });
}

void list_for_group(db::Batch& b, long long group_id, std::vector<ProposalListed>& out) {
  b.add(
      "SELECT d.id, d.title, d.process, d.closes_at, d.closed_at, d.withdrawn_at, d.outcome, COALESCE(d.took_part, "
      "(SELECT COUNT(*) FROM decision_voters v WHERE v.decision_id = d.id)) FROM decisions d WHERE d.group_id = $1 "
      "ORDER BY d.created_at DESC, d.id DESC",
      {group_id}, [&out](const db::Row& r) {
        ProposalListed l;
        l.id = r.integer(0);
        l.title = r.string(1);
        l.process = parse_process(r.text(2)).value_or(Process::simple_poll);
        l.closes_at = r.integer(3);
        l.closed_at = optional_integer(r, 4);
        l.withdrawn_at = optional_integer(r, 5);
        if (!r.null(6)) l.outcome = parse_outcome(r.text(6));
        l.took_part = r.integer(7);
        out.push_back(std::move(l));
      });
}

std::vector<ProposalListed> list_for_group(soci::session& s, long long group_id) {
  return db::read_alone<std::vector<ProposalListed>>(
      s, [&](db::Batch& b, auto& out) { list_for_group(b, group_id, out); });
}

std::vector<Recipient> group_people(soci::session& s, long long group_id) {
  std::vector<Recipient> out;
  db::query(
      s,
      "SELECT u.id, u.email, u.name, u.lang FROM group_members gm JOIN users u ON u.id = gm.user_id WHERE "
      "gm.group_id = $1 ORDER BY u.id",
      {group_id}, [&](const db::Row& r) {
        out.push_back({r.integer(0), r.string(1), r.string(2), core::parse_lang(r.text(3)).value_or(core::Lang::en)});
      });
  return out;
}

std::string existing_ballot_secret(soci::session& s) {
  std::string secret;
  db::query(s, "SELECT value FROM settings WHERE name = $1", {kBallotSecret},
            [&](const db::Row& r) { secret = r.string(0); });
  return secret;
}

std::string ballot_secret(soci::session& s) {
  if (auto secret = existing_ballot_secret(s); !secret.empty()) return secret;
  db::query(s, "INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            {kBallotSecret, security::random_token(32)});
  return existing_ballot_secret(s);
}

}  // namespace roundtable::decisions::store
