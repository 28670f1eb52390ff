/// The only place the decisions SQL lives. Every function takes the caller's session; changes run inside the
/// service's db::WriteTransaction. A proposal's page is a fixed number of queries however many options and votes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "db/query.hpp"
#include "decisions/decision.hpp"
#include "decisions/results.hpp"
#include "module/follow_up.hpp"

namespace soci {
class session;
}

namespace roundtable::decisions::store {

/// The new proposal's id with its options, or 0 when one with this create key exists already.
long long insert(soci::session& s, long long org_id, long long group_id, const ProposalDetails& d,
                 std::string_view create_key, long long actor, long long now);
/// The organisation of a proposal (for the due worker, which starts from ids).
std::optional<long long> org_of(soci::session& s, long long id);
std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key);
/// The proposal (in this organisation) with its options, the viewer's role and member types in its group and their
/// own vote or consent answer. ballot: the viewer's key for an anonymous poll's ballot ("" for none); a named poll's
/// ballot is found by the viewer's id.
std::optional<ProposalForViewer> find_for_viewer(soci::session& s, long long org_id, long long id, long long viewer,
                                                 std::string_view ballot);
/// Every ballot row, with the voter's name for a named poll.
std::vector<BallotRow> ballots(soci::session& s, long long id);
/// How many ballots chose each option (one indexed GROUP BY, however many voted).
std::vector<OptionTotal> option_totals(soci::session& s, long long id);
/// A named poll's ballot rows with their voters' names, by name, at most `limit` (the page says when there are more).
std::vector<BallotRow> named_ballots(soci::session& s, long long id, int limit);
void named_ballots(db::Batch& b, long long id, int limit, std::vector<BallotRow>& out);
/// A page of a named poll's "who chose what": the group's members who took part (by name, then id), with their
/// ballots' rows in that order. rows_per_person: the most rows a ballot can have (1 for a simple poll, otherwise how
/// many options it has).
void who_chose_page(db::Batch& b, long long id, long long group_id, int rows_per_person, const WhoChoseQuery& q,
                    WhoChosePage& out);
/// A closed poll's counts by option and value as kept when it closed (a simple poll's votes have value 1), in one
/// query; none when never kept (closed before migration 0055, or made directly in SQL).
void kept_option_counts(db::Batch& b, long long id, std::optional<std::vector<OptionSum>>& out);
/// Keeps a closed poll's counts by option and value, only if none are kept yet (as keep_types); false when they were
/// kept already, and then nothing is written.
bool keep_option_counts(soci::session& s, long long id, const std::vector<OptionSum>& counts, long long now);
/// Who took part, grouped by their member types as stored, with how many had each set.
std::vector<std::pair<std::vector<MemberType>, long long>> participant_types(soci::session& s, long long id);
void participant_types(db::Batch& b, long long id, std::vector<std::pair<std::vector<MemberType>, long long>>& out);
/// A closed or withdrawn decision's participant_types as kept then, in one query (empty when nobody took part; none
/// when never kept: closed before migration 0055, or made directly in SQL).
void kept_types(db::Batch& b, long long id,
                std::optional<std::vector<std::pair<std::vector<MemberType>, long long>>>& out);
/// Keeps a decision's participant_types, only if none are kept yet (the "only if NULL" update of types_kept_at decides
/// between two servers doing it at once); false when they were kept already, and then nothing is written.
bool keep_types(soci::session& s, long long id, const std::vector<std::pair<std::vector<MemberType>, long long>>& types,
                long long now);
std::vector<Response> responses(soci::session& s, long long id);
void responses(db::Batch& b, long long id, std::vector<Response>& out);
std::vector<Objection> objections(soci::session& s, long long id);
void objections(db::Batch& b, long long id, std::vector<Objection>& out);

/// Replaces the ballot's rows with one for the option, and notes that the person took part (once).
void record_vote(soci::session& s, long long id, long long org_id, long long user_id, std::string_view ballot,
                 bool named, long long option_id, std::string_view member_types, long long now);
/// Ranked choice, dot vote, score: replaces the ballot's rows with these (option, rank/dots/score), and notes that the
/// person took part (once).
void record_ballot(soci::session& s, long long id, long long org_id, long long user_id, std::string_view ballot,
                   bool named, const std::vector<std::pair<long long, long long>>& rows, std::string_view member_types,
                   long long now);
/// One ballot's rows (option, value), lowest value first.
void my_ballot(db::Batch& b, long long id, std::string_view ballot, std::vector<std::pair<long long, long long>>& out);
/// How many ballot rows gave each option each value (one GROUP BY, however many voted): a dot vote's dots and a score
/// poll's scores are added up from these.
std::vector<OptionSum> option_sums(soci::session& s, long long id);
/// Every ranked ballot's options from the 1st choice down, in one query (instant run-off needs whole ballots).
std::vector<std::vector<long long>> ranked_ballots(soci::session& s, long long id);
/// A closed ranked-choice poll's kept count, in one query (none when it was never kept: closed before migration 0053,
/// or made directly in SQL).
void kept_ranked(db::Batch& b, long long id, std::optional<RankedCount>& out);
/// Keeps a ranked-choice poll's count, only if none is kept yet (its key decides between two servers doing it at
/// once); false when one was kept already, and then nothing is written.
bool keep_ranked(soci::session& s, long long id, const RankedCount& c, long long now);

/// The group's power-sharing rules (none when never set).
struct GroupRules {
  power::Rules rules;
  long long updated_at = 0;
};
std::optional<GroupRules> group_rules(soci::session& s, long long group_id);
void group_rules(db::Batch& b, long long group_id, std::optional<GroupRules>& out);
void save_group_rules(soci::session& s, long long group_id, const power::Rules& rules, long long by, long long now);

/// Keeps the person's consent answer (and notes that they took part). An objection opens one (or changes the reason
/// of their open one); another answer withdraws their open one.
void record_response(soci::session& s, long long id, long long org_id, long long user_id, ConsentAnswer answer,
                     std::string_view reason, std::string_view member_types, long long now);
/// The objection of this proposal, when it is open.
std::optional<Objection> open_objection(soci::session& s, long long id, long long objection_id);
/// Marks an open objection resolved (with how) or withdrawn; false when it was not open.
bool end_objection(soci::session& s, long long objection_id, ObjectionState state, std::string_view resolution,
                   long long by, long long now);

/// Closes it with its outcome; false when it was already closed or withdrawn (another server, or a second click).
bool close(soci::session& s, long long id, Outcome outcome, long long at);
/// Keeps a closed decision's verdict for the measures (src/measures): how many lived-experience members took part
/// under its rules, and whether it met every rule.
void keep_verdict(soci::session& s, long long id, long long lived, bool rules_met);
bool withdraw(soci::session& s, long long id, long long at);
/// Replaces an anonymous poll's ballot keys with random ones, written in a random order, so that nothing left links a
/// ballot to a person.
void rekey_ballots(soci::session& s, long long id);
/// When a membership of the organisation ends: the open proposals of the organisation the person took part in, and
/// which of them are anonymous (their ballots are found by key).
std::vector<std::pair<long long, bool>> open_taken_part(soci::session& s, long long org_id, long long user_id);
/// Drops the person's vote, answer and open objection from an open proposal (their anonymous ballot: by its key).
void drop_from_open(soci::session& s, long long id, long long user_id, std::string_view anonymous_ballot,
                    long long now);
/// Open proposals whose closing time has come, oldest first (at most `limit`).
std::vector<long long> due(soci::session& s, long long now, int limit);
/// The record: why, and what led to it (a topic and a meeting of the group, checked by the caller).
void set_record(soci::session& s, long long id, std::string_view rationale, std::optional<long long> topic,
                std::optional<long long> meeting, long long by, long long now);
/// The decisions a discussion topic led to, for its "What happened next" (module::FollowUpReader), for the people in
/// the decision's group, the topic's (the ask's role; DecisionService::record takes only the group's own topics).
void topic_follow_ups(db::Batch& b, const module::FollowUpAsk& ask, std::vector<module::FollowUp>& out);

/// The group's proposals, newest first.
std::vector<ProposalListed> list_for_group(soci::session& s, long long group_id);
void list_for_group(db::Batch& b, long long group_id, std::vector<ProposalListed>& out);

struct Recipient {
  long long user_id = 0;
  std::string email;
  std::string name;
  core::Lang lang = core::Lang::en;
};
/// Everyone in the group, to tell.
std::vector<Recipient> group_people(soci::session& s, long long group_id);

/// The key of anonymous ballots (made once, kept in settings; in a write transaction).
std::string ballot_secret(soci::session& s);
/// The same, only read ("" before the first anonymous proposal).
std::string existing_ballot_secret(soci::session& s);

}  // namespace roundtable::decisions::store
