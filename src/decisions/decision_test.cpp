// Decisions: counting a simple poll and a consent proposal and who took part, the form, and the service on both
// databases (one proposal however often the form is sent, one vote however often it is sent and changeable until it
// closes, anonymous ballots that name nobody and are unlinked at closing, consent objections resolved or withdrawn,
// closing by the due worker once, the email to the group).
#include "decisions/decision.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>

#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "db/transaction.hpp"
#include "decisions/decision_form.hpp"
#include "decisions/decision_service.hpp"
#include "decisions/decision_store.hpp"
#include "decisions/decision_words.hpp"
#include "decisions/decisions_loop.hpp"
#include "decisions/results.hpp"
#include "groups/group_service.hpp"
#include "http/form.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/meeting_store.hpp"
#include "testing/world.hpp"

namespace roundtable::decisions {
namespace {

using db::testing::run;
using organisations::Role;

using core::kDay;

std::size_t votes_of_ballot(const std::vector<std::pair<long long, long long>>& ballot) { return ballot.size(); }

TEST(DecisionResults, CountsEachBallotOnceAndFindsTheLeaders) {
  const std::vector<Option> options{{1, "Saturday", ""}, {2, "Evening", ""}, {3, "Online", ""}};
  const auto r = count_poll(options, {{"u1", 1, 1}, {"u2", 2, 1}, {"u3", 1, 1}, {"u3", 2, 1}, {"u4", 9, 1}});
  EXPECT_EQ(r.ballots, 3);
  EXPECT_EQ(r.options[0].votes, 2);
  EXPECT_EQ(r.options[1].votes, 1);
  EXPECT_EQ(r.options[2].votes, 0);
  ASSERT_EQ(r.leaders.size(), 1u);
  EXPECT_EQ(r.leaders[0], 1);
  EXPECT_TRUE(r.options[0].leading);
  EXPECT_EQ(outcome_of(r), Outcome::chosen);
  const auto tie = count_poll(options, {{"a", 1, 1}, {"b", 2, 1}});
  EXPECT_EQ(outcome_of(tie), Outcome::tie);
  EXPECT_EQ(outcome_of(count_poll(options, std::vector<OptionTotal>{})), Outcome::no_votes);
}

TEST(DecisionResults, ConsentPassesOnlyWithNoOpenObjection) {
  const std::vector<Response> answers{{1, "A", ConsentAnswer::agree, {}},
                                      {2, "B", ConsentAnswer::stand_aside, {}},
                                      {3, "C", ConsentAnswer::object, {}}};
  auto r = count_consent(answers, {{1, 3, "C", "Too soon", ObjectionState::open, "", 0}});
  EXPECT_EQ(r.agree, 1);
  EXPECT_EQ(r.stand_aside, 1);
  EXPECT_EQ(r.object, 1);
  EXPECT_FALSE(r.passes);
  EXPECT_EQ(outcome_of(r), Outcome::not_passed);
  r = count_consent(answers, {{1, 3, "C", "Too soon", ObjectionState::resolved, "Moved to May", 0}});
  EXPECT_TRUE(r.passes);
  EXPECT_EQ(outcome_of(r), Outcome::passed);
}

TEST(DecisionResults, TotalsFromTheStoreGiveTheSameResult) {
  const std::vector<Option> options{{1, "Saturday", ""}, {2, "Evening", ""}};
  const auto r = count_poll(options, std::vector<OptionTotal>{{2, 40000}, {1, 39999}, {9, 5}});
  EXPECT_EQ(r.ballots, 79999);
  EXPECT_EQ(r.options[1].votes, 40000);
  ASSERT_EQ(r.leaders.size(), 1u);
  EXPECT_EQ(r.leaders[0], 2);
  const auto c = count_types({{{MemberType::lived_experience, MemberType::staff}, 3}, {{}, 2}});
  EXPECT_EQ(c.people, 5);
  EXPECT_EQ(c.of(MemberType::staff), 3);
  EXPECT_EQ(c.no_type, 2);
}

TEST(DecisionResults, WhoTookPartCountsEachTypeOnce) {
  const auto c = count_types({{MemberType::lived_experience, MemberType::unpaid_carer},
                              {MemberType::staff},
                              {},
                              {MemberType::lived_experience, MemberType::lived_experience}});
  EXPECT_EQ(c.people, 4);
  EXPECT_EQ(c.of(MemberType::lived_experience), 2);
  EXPECT_EQ(c.of(MemberType::unpaid_carer), 1);
  EXPECT_EQ(c.of(MemberType::staff), 1);
  EXPECT_EQ(c.of(MemberType::partner_organisation), 0);
  EXPECT_EQ(c.no_type, 1);
}

TEST(DecisionResults, DotsAndScoresFromTheStoresSumsMatchTheTallies) {
  const std::vector<Option> options{{1, "A", ""}, {2, "B", ""}, {3, "C", ""}};
  // Ballots: {A 3, B 2}, {B 3, C 1}, {B 1}: A 3, B 6, C 1.
  const auto d = dots_of(options, {{1, 3, 1}, {2, 2, 1}, {2, 3, 1}, {3, 1, 1}, {2, 1, 1}});
  const auto t = tally::dot_totals({1, 2, 3}, {{{1, 3}, {2, 2}}, {{2, 3}, {3, 1}}, {{2, 1}}});
  EXPECT_EQ(d.totals, t.totals);
  EXPECT_EQ(d.top, t.top);
  EXPECT_EQ(d.dots_used, 10);
  // Scores 0 to 3: A gets 3, 2, 1; B gets 0, 1, 3 (average 1.3); C nobody.
  const auto sc = scores_of(options, 3, {{1, 3, 1}, {1, 2, 1}, {1, 1, 1}, {2, 0, 1}, {2, 1, 1}, {2, 3, 1}});
  const auto st = tally::score_totals({1, 2, 3}, 3, {{{1, 3}, {2, 0}}, {{1, 2}, {2, 1}}, {{1, 1}, {2, 3}}});
  ASSERT_EQ(sc.options.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(sc.options[i].people, st.options[i].people);
    EXPECT_EQ(sc.options[i].sum, st.options[i].sum);
    EXPECT_EQ(sc.options[i].how_many, st.options[i].how_many);
  }
  EXPECT_EQ(sc.top, st.top);
  EXPECT_EQ(sc.options[1].average_tenths(), 13);
  EXPECT_EQ(outcome_of(leaders_only({sc.top.begin(), sc.top.end()})), Outcome::chosen);
  EXPECT_EQ(outcome_of(leaders_only({})), Outcome::no_votes);
}

TEST(DecisionResults, ABallotIsCheckedForItsProcess) {
  ProposalDetails d;
  d.options = {{1, "A", ""}, {2, "B", ""}, {3, "C", ""}};
  d.process = Process::ranked_choice;
  EXPECT_EQ(check_ballot(d, {{1, 1}, {2, 2}}), "");
  EXPECT_EQ(check_ballot(d, {}), "decisions.ranked.none");
  EXPECT_EQ(check_ballot(d, {{1, 1}, {2, 1}}), "decisions.ranked.same");
  EXPECT_EQ(check_ballot(d, {{1, 1}, {2, 3}}), "decisions.ranked.gap");
  EXPECT_EQ(check_ballot(d, {{2, 2}}), "decisions.ranked.gap");
  EXPECT_EQ(check_ballot(d, {{9, 1}}), "decisions.ranked.unknown_option");
  EXPECT_EQ(check_ballot(d, {{1, 4}}), "decisions.ranked.unknown_option");
  d.process = Process::dot_vote;
  d.dot_budget = 5;
  d.dot_most = 3;
  EXPECT_EQ(check_ballot(d, {{1, 3}, {2, 2}}), "");
  EXPECT_EQ(check_ballot(d, {{1, 3}, {2, 3}}), "decisions.dots.over_budget");
  EXPECT_EQ(check_ballot(d, {{1, 4}}), "decisions.dots.too_many_on_one");
  EXPECT_EQ(check_ballot(d, {{1, -1}, {2, 2}}), "decisions.dots.negative");
  EXPECT_EQ(check_ballot(d, {{1, 0}}), "decisions.dots.none");
  d.process = Process::score;
  d.score_highest = 3;
  EXPECT_EQ(check_ballot(d, {{1, 0}, {3, 3}}), "");
  EXPECT_EQ(check_ballot(d, {{1, 4}}), "decisions.scores.out_of_range");
  EXPECT_EQ(check_ballot(d, {}), "decisions.scores.none");
}

TEST(DecisionRules, TheVerdictFromGroupedMemberTypes) {
  power::Rules rules;
  rules.at_least_lived_experience = 3;
  rules.lived_experience_half = true;
  const std::vector<std::pair<std::vector<MemberType>, long long>> types{
      {{MemberType::lived_experience}, 1}, {{MemberType::unpaid_carer}, 1}, {{MemberType::staff}, 2}};
  EXPECT_EQ(lived_experience_count(rules, types), 2);
  auto v = verdict_of(rules, types, 0);
  ASSERT_EQ(v.breaches.size(), 1u);
  EXPECT_EQ(v.breaches[0], (power::Breach{"decisions.rules.broken.at_least", 3, 2}));
  rules.carers_count = false;
  v = verdict_of(rules, types, 0);
  ASSERT_EQ(v.breaches.size(), 2u);
  EXPECT_EQ(v.breaches[1], (power::Breach{"decisions.rules.broken.half", 2, 1}));
  rules = {};
  rules.no_unmet_support = true;
  EXPECT_TRUE(verdict_of(rules, types, 0).valid());
  EXPECT_EQ(verdict_of(rules, types, 2).breaches[0], (power::Breach{"decisions.rules.broken.support", 0, 2}));
}

// Who chose what is shown (on the proposal's page or its own pages) only for a closed, named poll that was not
// withdrawn, and not for finding a meeting time (its own "who answered what") or consent: a table of situations.
TEST(Decision, WhoChoseWhatIsShownOnlyForAClosedNamedPoll) {
  const long long now = 1'000'000;
  struct Case {
    Process process;
    bool anonymous;
    long long closes_at;
    bool withdrawn;
    bool shown;
  };
  const Case cases[] = {
      {Process::simple_poll, false, now - 1, false, true},  {Process::ranked_choice, false, now, false, true},
      {Process::dot_vote, false, now - 1, false, true},     {Process::score, false, now - 1, false, true},
      {Process::simple_poll, false, now + 1, false, false}, {Process::simple_poll, true, now - 1, false, false},
      {Process::simple_poll, false, now - 1, true, false},  {Process::meeting_time, false, now - 1, false, false},
      {Process::consent, false, now - 1, false, false},
  };
  for (const auto& c : cases) {
    Proposal p;
    p.details.process = c.process;
    p.details.anonymous = c.anonymous;
    p.details.closes_at = c.closes_at;
    if (c.withdrawn) p.withdrawn_at = now - 2;
    EXPECT_EQ(shows_who_chose(p, now), c.shown) << process_code(c.process) << (c.anonymous ? " anonymous" : " named")
                                                << " closes " << c.closes_at - now << (c.withdrawn ? " withdrawn" : "");
  }
}

TEST(Decision, WhoMayTakePart) {
  EXPECT_TRUE(eligible(GroupRole::member, {}, Eligibility::members));
  EXPECT_FALSE(eligible(GroupRole::observer, {MemberType::lived_experience}, Eligibility::members));
  EXPECT_FALSE(eligible(std::nullopt, {}, Eligibility::members));
  EXPECT_FALSE(eligible(GroupRole::member, {MemberType::staff}, Eligibility::lived_experience));
  EXPECT_TRUE(eligible(GroupRole::lead, {MemberType::unpaid_carer}, Eligibility::lived_experience));
  EXPECT_EQ(organisations::member_types_of("lived_experience,staff,nonsense").size(), 2u);
  EXPECT_EQ(member_types_code({MemberType::lived_experience, MemberType::staff}), "lived_experience,staff");
}

http::FormData form_of(std::vector<std::pair<std::string, std::string>> fields) {
  http::FormData f;
  for (auto& [name, value] : fields) f.add(name, value);
  return f;
}

TEST(DecisionForm, ChecksAndKeepsWhatWasTyped) {
  const long long now = 1780000000;  // 28 May 2026
  auto f = read_proposal(form_of({{"title", "Where we meet"},
                                  {"body", "We choose a place."},
                                  {"process", "simple_poll"},
                                  {"option-0", "Library"},
                                  {"option-1", ""},
                                  {"option-2", "Town hall"},
                                  {"option-2-easy", "The big hall in town"},
                                  {"closes-day", "4"},
                                  {"closes-month", "6"},
                                  {"closes-year", "2026"},
                                  {"closes-time", "5pm"},
                                  {"eligibility", "members"},
                                  {"create_key", "a-create-key-1234567890"}}));
  EXPECT_TRUE(check_proposal(f, now).empty());
  const auto d = details_of(f);
  ASSERT_EQ(d.options.size(), 2u);
  EXPECT_EQ(d.options[1].easy_read, "The big hall in town");
  EXPECT_GT(d.closes_at, now);
  // One option, no title, a closing time in the past.
  f = read_proposal(form_of({{"title", ""},
                             {"body", "x"},
                             {"process", "simple_poll"},
                             {"option-0", "Only"},
                             {"closes-day", "1"},
                             {"closes-month", "1"},
                             {"closes-year", "2026"},
                             {"closes-time", "9am"},
                             {"eligibility", "members"},
                             {"create_key", "a-create-key-1234567890"}}));
  const auto problems = check_proposal(f, now);
  ASSERT_GE(problems.size(), 3u);
  EXPECT_EQ(problems[0].field, "title");
  // Consent needs no options.
  f = read_proposal(form_of({{"title", "Pay for travel"},
                             {"body", "We pay travel on the day."},
                             {"process", "consent"},
                             {"closes-day", "4"},
                             {"closes-month", "6"},
                             {"closes-year", "2026"},
                             {"closes-time", "17:00"},
                             {"eligibility", "lived_experience"},
                             {"create_key", "a-create-key-1234567890"}}));
  EXPECT_TRUE(check_proposal(f, now).empty());
  EXPECT_EQ(details_of(f).eligibility, Eligibility::lived_experience);
}

// ---- Finding a meeting time (ADR 0041) ----

TEST(MeetingTime, TheChosenTimeIsMostYesThenMostYesOrIfNeedBeThenTheEarliest) {
  struct Row {
    const char* why;
    /// Per time: its start (hours from 0) and its yes, if need be and no.
    std::vector<std::array<long long, 4>> times;
    std::optional<std::size_t> chosen;
  };
  const std::vector<Row> table{
      {"most yes wins over more people who could come", {{0, 2, 0, 1}, {1, 1, 3, 0}}, 0},
      {"equal yes: most yes or if need be", {{0, 2, 0, 1}, {1, 1, 3, 0}, {2, 2, 1, 0}}, 2},
      {"equal in both: the earliest, whatever the order given", {{5, 1, 1, 0}, {3, 1, 1, 0}, {4, 1, 1, 0}}, 1},
      {"only if need be: the most of them", {{0, 0, 1, 2}, {1, 0, 2, 1}}, 1},
      {"everyone said no: none", {{0, 0, 0, 3}, {1, 0, 0, 3}}, std::nullopt},
      {"nobody answered: none", {{0, 0, 0, 0}, {1, 0, 0, 0}}, std::nullopt},
      {"no times: none", {}, std::nullopt},
  };
  for (const auto& row : table) {
    std::vector<meetings::OptionTally> tallies;
    long long id = 0;
    for (const auto& [hour, yes, maybe, no] : row.times) {
      tallies.push_back({.option = {++id, 1804096800 + hour * 3600, 1804096800 + hour * 3600 + 5400},
                         .yes = yes,
                         .if_need_be = maybe,
                         .no = no});
    }
    const auto chosen = chosen_time(tallies);
    if (!row.chosen) {
      EXPECT_FALSE(chosen) << row.why;
      continue;
    }
    ASSERT_TRUE(chosen) << row.why;
    EXPECT_EQ(*chosen, static_cast<long long>(*row.chosen) + 1) << row.why;
    for (std::size_t i = 0; i < tallies.size(); ++i) EXPECT_EQ(tallies[i].best, i == *row.chosen) << row.why;
  }
}

TEST(MeetingTime, CountsFromTheStoresSumsAsTheTimePollCountsThem) {
  const std::vector<Option> options{{1, "", "", 1804096800, 1804102200}, {2, "", "", 1804327200, 1804334400}};
  // Yes 2, if need be 1, no 0 (answer_value); two people took part and one left the second time unanswered.
  const auto t = time_tallies(options, {{1, 2, 1}, {1, 0, 1}, {2, 1, 1}}, 2);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].yes, 1);
  EXPECT_EQ(t[0].no, 1);
  EXPECT_EQ(t[1].if_need_be, 1);
  EXPECT_EQ(t[1].unanswered, 1);
  for (meetings::PollAnswer a : meetings::kAllPollAnswers) EXPECT_EQ(answer_of_value(answer_value(a)), a);
  EXPECT_FALSE(answer_of_value(3));
}

TEST(MeetingTime, ABallotAnswersEachTimeOnceWithAKnownAnswer) {
  ProposalDetails d;
  d.process = Process::meeting_time;
  d.options = {{1, "", "", 1804096800, 1804102200}, {2, "", "", 1804327200, 1804334400}};
  EXPECT_EQ(check_ballot(d, {{1, 2}, {2, 0}}), "");
  EXPECT_EQ(check_ballot(d, {{2, 1}}), "");
  EXPECT_EQ(check_ballot(d, {}), "meetings.polls.error.answer_missing");
  EXPECT_EQ(check_ballot(d, {{1, 3}}), "decisions.times.unknown_answer");
  EXPECT_EQ(check_ballot(d, {{9, 2}}), "decisions.times.unknown_answer");
  EXPECT_EQ(check_ballot(d, {{1, 2}, {1, 0}}), "decisions.times.unknown_answer");
}

TEST(MeetingTime, TheFormTakesCandidateTimesInLondonTimeAndSaysWhatIsWrong) {
  const long long now = 1780000000;  // 28 May 2026
  std::vector<std::pair<std::string, std::string>> fields{{"title", "When we meet"},
                                                          {"body", "We find a time."},
                                                          {"process", "meeting_time"},
                                                          {"rows", "4"},
                                                          {"c-0-day", "3"},
                                                          {"c-0-month", "3"},
                                                          {"c-0-year", "2027"},
                                                          {"c-0-start", "6pm"},
                                                          {"c-0-end", "19:30"},
                                                          {"c-2-day", "3"},
                                                          {"c-2-month", "7"},
                                                          {"c-2-year", "2027"},
                                                          {"c-2-start", "10:00"},
                                                          {"c-2-end", "12:00"},
                                                          {"closes-day", "4"},
                                                          {"closes-month", "6"},
                                                          {"closes-year", "2026"},
                                                          {"closes-time", "5pm"},
                                                          {"eligibility", "members"},
                                                          {"create_key", "a-create-key-1234567890"}};
  auto f = read_proposal(form_of(fields));
  EXPECT_TRUE(check_proposal(f, now).empty());
  const auto d = details_of(f);
  ASSERT_EQ(d.options.size(), 2u);
  // A winter evening in GMT; a summer morning in British Summer Time (an hour ahead of UTC).
  EXPECT_EQ(d.options[0].starts_at, 1804096800);
  EXPECT_EQ(d.options[0].ends_at, 1804102200);
  EXPECT_EQ(d.options[1].starts_at, 1814608800 - 3600);
  core::Translator en(core::Messages::embedded(), core::Lang::en);
  EXPECT_EQ(option_label(en, d.options[0]), "Wednesday 3 March 2027, 6pm to 7:30pm");
  // One time, a time the clocks skip, an end before the start: each said, with what was typed kept.
  fields[9] = {"c-2-day", "28"};
  fields[10] = {"c-2-month", "3"};
  fields[12] = {"c-2-start", "1:30am"};
  fields[13] = {"c-2-end", "1am"};
  f = read_proposal(form_of(fields));
  auto problems = check_proposal(f, now);
  std::vector<std::string> keys;
  for (const auto& p : problems) keys.push_back(p.field + " " + p.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"c-2-start meetings.polls.error.clocks_go_forward",
                                            "c-2-end meetings.polls.error.end_before_start"}));
  EXPECT_EQ(f.times[2].start, "1:30am");
  fields.erase(fields.begin() + 9, fields.begin() + 14);
  problems = check_proposal(read_proposal(form_of(fields)), now);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].key, "meetings.polls.error.too_few");
}

class DecisionsOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    south = world->organisation("south", "South Forum");
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth", Role::member, {MemberType::lived_experience});
    mair = world->member("north", "mair@example.org", "Mair", Role::member, {MemberType::unpaid_carer});
    ngozi = world->member("north", "ngozi@example.org", "Ngozi");
    priya = world->member("north", "priya@example.org", "Priya", Role::member, {MemberType::staff});
    rhys = world->member("south", "rhys@example.org", "Rhys", Role::org_admin);
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Steering group";
    g.purpose = "Steers.";
    board = run(groups->create_group(north, tom, g, "board-key-123456789"));
    groups->add_member_now(north, board, gareth, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, board, mair, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, board, priya, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, board, ngozi, GroupRole::observer, clock.now_seconds());
    service = std::make_unique<DecisionService>(*world->db, clock);
  }
  ProposalDetails poll(bool anonymous = false, Eligibility e = Eligibility::members) {
    ProposalDetails d;
    d.title = "Where we meet";
    d.body = "We choose a place.";
    d.process = Process::simple_poll;
    d.anonymous = anonymous;
    d.eligibility = e;
    d.closes_at = clock.now_seconds() + 7 * kDay;
    d.options = {{0, "Library", ""}, {0, "Town hall", "The big hall"}};
    return d;
  }
  ProposalDetails consent() {
    ProposalDetails d;
    d.title = "Pay for travel";
    d.body = "We pay travel on the day.";
    d.process = Process::consent;
    d.closes_at = clock.now_seconds() + 7 * kDay;
    return d;
  }
  long long propose(const ProposalDetails& d, const std::string& key = "proposal-key-123456789") {
    return run(service->propose({gareth, Role::member, false}, north, board, d, key));
  }
  std::vector<Option> options(long long id) {
    return run(service->page(north, id, tom))->view.proposal.details.options;
  }
  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<DecisionService> service;
  long long north = 0, south = 0, tom = 0, gareth = 0, mair = 0, ngozi = 0, priya = 0, rhys = 0, board = 0;
};

TEST_P(DecisionsOnBackend, AnyMemberProposesOnceAndTheGroupIsTold) {
  const long long id = propose(poll());
  ASSERT_GT(id, 0);
  EXPECT_EQ(propose(poll()), id);
  EXPECT_EQ(world->count("decisions"), 1);
  EXPECT_EQ(world->count("decision_options"), 2);
  // Everyone in the group but Gareth, who proposed it: Tom, Mair, Priya and Ngozi (who reads along).
  EXPECT_EQ(world->count("notices WHERE kind = 'decision_opened'"), 4);
  // Observers and people outside the group do not propose.
  EXPECT_EQ(run(service->propose({ngozi, Role::member, false}, north, board, poll(), "ngozi-key-123456789")), 0);
  EXPECT_EQ(run(service->propose({rhys, Role::org_admin, true}, south, board, poll(), "rhys-key-123456789")), 0);
  EXPECT_FALSE(run(service->page(south, id, rhys)));
  const auto page = run(service->page(north, id, ngozi));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->view.proposal.proposer_name, "Gareth");
  EXPECT_FALSE(page->view.may_take_part());
}

TEST_P(DecisionsOnBackend, OneVoteEachChangeableUntilItClosesAndNotAfter) {
  const long long id = propose(poll());
  const auto o = options(id);
  EXPECT_EQ(run(service->vote(north, id, mair, o[0].id)), VoteOutcome::done);
  EXPECT_EQ(run(service->vote(north, id, mair, o[0].id)), VoteOutcome::done);
  EXPECT_EQ(world->count("decision_ballots"), 1);
  EXPECT_EQ(run(service->vote(north, id, mair, o[1].id)), VoteOutcome::done);
  EXPECT_EQ(world->count("decision_ballots"), 1);
  EXPECT_EQ(world->count("decision_voters"), 1);
  EXPECT_EQ(run(service->page(north, id, mair))->view.my_option, o[1].id);
  EXPECT_EQ(run(service->vote(north, id, ngozi, o[0].id)), VoteOutcome::not_allowed);
  EXPECT_EQ(run(service->vote(north, id, mair, 999999)), VoteOutcome::not_allowed);
  EXPECT_EQ(run(service->vote(south, id, rhys, o[0].id)), VoteOutcome::not_allowed);
  // No counts while it is open.
  EXPECT_TRUE(run(service->page(north, id, tom))->totals.empty());
  clock.advance(std::chrono::seconds(8 * kDay));
  EXPECT_EQ(run(service->vote(north, id, mair, o[0].id)), VoteOutcome::closed);
  const auto page = run(service->page(north, id, tom));
  ASSERT_EQ(page->named.size(), 1u);
  EXPECT_EQ(page->named[0].voter_name, "Mair");
  const auto r = count_poll(page->view.proposal.details.options, page->totals);
  EXPECT_EQ(r.options[1].votes, 1);
}

// "Who chose what" of a closed named poll: by name. The store reads the first rows in its key's order and puts them in
// order by name, so a poll larger than the limit reads that many, not every ballot (a poll of 40,000 voters).
TEST_P(DecisionsOnBackend, WhoChoseWhatIsByNameAndALargePollReadsOnlyTheLimit) {
  const long long id = propose(poll());
  const auto o = options(id);
  for (long long voter : {priya, tom, mair, gareth}) {
    ASSERT_EQ(run(service->vote(north, id, voter, o[voter == tom ? 1 : 0].id)), VoteOutcome::done);
  }
  clock.advance(std::chrono::seconds(8 * kDay));
  const auto page = run(service->page(north, id, tom));
  std::vector<std::string> names;
  for (const auto& b : page->named) names.push_back(b.voter_name);
  EXPECT_EQ(names, (std::vector<std::string>{"Gareth", "Mair", "Priya", "Tom"}));
  EXPECT_EQ(page->named[3].option_id, o[1].id);
  // With a limit of two: the first two ballots in their key's order, by name.
  std::vector<std::pair<std::string, std::string>> by_key;
  for (const auto& b : page->named) by_key.emplace_back(b.ballot, b.voter_name);
  std::sort(by_key.begin(), by_key.end());
  std::vector<std::string> first_two{by_key[0].second, by_key[1].second};
  std::sort(first_two.begin(), first_two.end());
  names.clear();
  world->db->run_sync([&](soci::session& s) {
    for (const auto& b : store::named_ballots(s, id, 2)) names.push_back(b.voter_name);
  });
  EXPECT_EQ(names, first_two);
}

// Who chose what on pages of its own: the group's members who took part, by name, a page of people at a time (each
// person's rows together), forwards and back; nobody while it is open or when it is anonymous; someone who has left
// the group is no longer named. The proposal's page shows a few rows itself and only links to these when there are
// more (a poll of 40,000 people named 500 of them there).
TEST_P(DecisionsOnBackend, WhoChoseWhatHasPagesByNameOfTheGroupsMembersWhoTookPart) {
  const long long id = propose(poll());
  const auto o = options(id);
  for (long long voter : {priya, tom, mair, gareth}) {
    ASSERT_EQ(run(service->vote(north, id, voter, o[voter == tom ? 1 : 0].id)), VoteOutcome::done);
  }
  EXPECT_FALSE(run(service->who_chose(north, id, tom, {})));
  const auto names_of = [](const WhoChosePage& p) {
    std::vector<std::string> names;
    for (const auto& r : p.rows) names.push_back(r.voter_name);
    return names;
  };
  auto ranked = poll();
  ranked.process = Process::ranked_choice;
  const long long ranked_id = propose(ranked, "ranked-key-123456789");
  const auto ro = options(ranked_id);
  ASSERT_EQ(run(service->cast(north, ranked_id, gareth, {{ro[0].id, 1}, {ro[1].id, 2}})), VoteOutcome::done);
  ASSERT_EQ(run(service->cast(north, ranked_id, mair, {{ro[1].id, 1}})), VoteOutcome::done);
  const long long anonymous = propose(poll(true), "anonymous-key-123456789");
  ASSERT_EQ(run(service->vote(north, anonymous, mair, options(anonymous)[0].id)), VoteOutcome::done);
  clock.advance(std::chrono::seconds(8 * kDay));

  WhoChoseQuery q;
  q.limit = 2;
  const auto first = run(service->who_chose(north, id, tom, q));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->view.proposal.id, id);
  EXPECT_EQ(names_of(first->page), (std::vector<std::string>{"Gareth", "Mair"}));
  EXPECT_FALSE(first->page.more_before);
  EXPECT_TRUE(first->page.more_after);
  q.after = mair;
  const auto second = run(service->who_chose(north, id, tom, q));
  EXPECT_EQ(names_of(second->page), (std::vector<std::string>{"Priya", "Tom"}));
  EXPECT_EQ(second->page.rows[1].option_id, o[1].id);
  EXPECT_TRUE(second->page.more_before);
  EXPECT_FALSE(second->page.more_after);
  q.after = 0;
  q.before = priya;
  const auto back = run(service->who_chose(north, id, tom, q));
  EXPECT_EQ(names_of(back->page), (std::vector<std::string>{"Gareth", "Mair"}));
  EXPECT_FALSE(back->page.more_before);
  EXPECT_TRUE(back->page.more_after);
  // On the proposal's page: all four, by name, and no link.
  auto page = run(service->page(north, id, tom));
  EXPECT_EQ(page->named.size(), 4u);
  EXPECT_FALSE(page->named_more);

  // A person's rows stay together on one page.
  q = {};
  q.limit = 1;
  const auto by_rank = run(service->who_chose(north, ranked_id, tom, q));
  ASSERT_TRUE(by_rank);
  EXPECT_EQ(names_of(by_rank->page), (std::vector<std::string>{"Gareth", "Gareth"}));
  EXPECT_EQ(by_rank->page.rows[1].value, 2);
  EXPECT_TRUE(by_rank->page.more_after);
  q.after = gareth;
  EXPECT_EQ(names_of(run(service->who_chose(north, ranked_id, tom, q))->page), (std::vector<std::string>{"Mair"}));
  q.after = 0;
  q.before = mair;
  const auto rank_back = run(service->who_chose(north, ranked_id, tom, q));
  EXPECT_EQ(names_of(rank_back->page), (std::vector<std::string>{"Gareth", "Gareth"}));
  EXPECT_EQ(rank_back->page.rows[0].option_id, ro[0].id);
  EXPECT_EQ(rank_back->page.rows[1].option_id, ro[1].id);
  EXPECT_FALSE(rank_back->page.more_before);

  // Anonymous: no names anywhere.
  EXPECT_FALSE(run(service->who_chose(north, anonymous, tom, {})));
  // Another organisation's id: nothing.
  EXPECT_FALSE(run(service->who_chose(south, id, rhys, {})));

  // Mair leaves the group: no longer named; her vote still counts.
  EXPECT_EQ(run(groups->leave(north, board, mair)), groups::MembershipOutcome::done);
  EXPECT_EQ(names_of(run(service->who_chose(north, id, tom, {}))->page),
            (std::vector<std::string>{"Gareth", "Priya", "Tom"}));
  EXPECT_EQ(count_poll(page->view.proposal.details.options, run(service->page(north, id, tom))->totals).ballots, 4);

  // More rows than the proposal's page shows: none there, and the link to these pages instead.
  world->db->run_sync([&](soci::session& s) {
    for (int i = 0; i < kWhoChoseOnPage; ++i) {
      db::query(
          s,
          "INSERT INTO decision_ballots (decision_id, ballot, voter_id, option_id, value) VALUES ($1, $2, $3, $4, 1)",
          {id, "u" + std::to_string(900000 + i), static_cast<long long>(900000 + i), o[0].id});
    }
  });
  page = run(service->page(north, id, tom));
  EXPECT_TRUE(page->named.empty());
  EXPECT_TRUE(page->named_more);
  EXPECT_EQ(names_of(run(service->who_chose(north, id, tom, {}))->page),
            (std::vector<std::string>{"Gareth", "Priya", "Tom"}));
}

// The loop tells a proposal's supporters (its voters) when its status changes; a card's "Came from" and the boards'
// follow-ups find the proposal without reading them all (a poll of 40,000 voters).
TEST_P(DecisionsOnBackend, TheProposalKindFindsItWithoutItsSupportersAndResolvesThemForTheLoop) {
  const long long id = propose(poll());
  const auto o = options(id);
  EXPECT_EQ(run(service->vote(north, id, mair, o[0].id)), VoteOutcome::done);
  const auto kinds = contribution_kinds();
  ASSERT_EQ(kinds.size(), 1u);
  const auto& kind = kinds[0];
  world->db->run_sync([&](soci::session& s) {
    const auto full = kind.resolve(s, north, id, tom);
    ASSERT_TRUE(full);
    EXPECT_EQ(full->supporters, std::vector<long long>{mair});
    const auto found = kind.find(s, north, id, tom);
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->supporters.empty());
    EXPECT_EQ(found->group_id, full->group_id);
    EXPECT_EQ(found->viewer_role, full->viewer_role);
    EXPECT_EQ(found->title, full->title);
    EXPECT_EQ(found->href, full->href);
    // Someone outside the group (another organisation's member) finds nothing either way.
    EXPECT_FALSE(kind.find(s, north, id, rhys));
    EXPECT_FALSE(kind.resolve(s, north, id, rhys));
  });
}

TEST_P(DecisionsOnBackend, TheListSaysHowManyTookPartKeptFromClosing) {
  const long long open = propose(poll(), "open-key-123456789");
  const long long closed = propose(poll(), "closed-key-123456789");
  for (const long long id : {open, closed}) {
    EXPECT_EQ(run(service->vote(north, id, mair, options(id)[0].id)), VoteOutcome::done);
    EXPECT_EQ(run(service->vote(north, id, gareth, options(id)[1].id)), VoteOutcome::done);
  }
  EXPECT_EQ(run(service->close_early({tom, Role::member, false}, north, closed)), Change::done);
  // Whatever happens to the rows later (here: a voter's row gone), the closed one says how many took part when it
  // closed; the open one counts who has voted so far.
  world->db->run_sync(
      [&](soci::session& s) { s << "DELETE FROM decision_voters WHERE user_id = :u", soci::use(gareth); });
  const auto listed = run(service->group_decisions(board));
  ASSERT_EQ(listed.size(), 2u);
  for (const auto& l : listed) EXPECT_EQ(l.took_part, l.id == closed ? 2 : 1) << l.title;
}

TEST_P(DecisionsOnBackend, RankedDotsAndScoresOneBallotEachCountedAtClosingUnderTheRulesTheyOpenedWith) {
  power::Rules rules;
  rules.at_least_lived_experience = 2;
  EXPECT_EQ(run(service->save_rules({gareth, Role::member, false}, north, board, rules)), Change::refused);
  EXPECT_EQ(run(service->save_rules({tom, Role::facilitator, false}, north, board, rules)), Change::done);
  EXPECT_EQ(run(service->save_rules({tom, Role::facilitator, false}, north, board, rules)), Change::already);
  auto ranked = poll(true);
  ranked.process = Process::ranked_choice;
  ranked.options.push_back({0, "Online", ""});
  const long long id = propose(ranked);
  ASSERT_GT(id, 0);
  const auto o = options(id);
  // Mair ranks, sends it twice and changes it: one ballot of two rows; a bad ballot is refused.
  EXPECT_EQ(run(service->cast(north, id, mair, {{o[0].id, 1}, {o[1].id, 1}})), VoteOutcome::not_allowed);
  EXPECT_EQ(run(service->cast(north, id, mair, {{o[1].id, 1}})), VoteOutcome::done);
  EXPECT_EQ(run(service->cast(north, id, mair, {{o[0].id, 1}, {o[1].id, 2}})), VoteOutcome::done);
  EXPECT_EQ(world->count("decision_ballots"), 2);
  const auto mine = run(service->page(north, id, mair))->view.my_ballot;
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0], std::make_pair(o[0].id, 1LL));
  EXPECT_EQ(run(service->cast(north, id, gareth, {{o[1].id, 1}})), VoteOutcome::done);
  EXPECT_EQ(run(service->cast(north, id, priya, {{o[2].id, 1}, {o[1].id, 2}})), VoteOutcome::done);
  EXPECT_EQ(run(service->vote(north, id, tom, o[0].id)), VoteOutcome::not_allowed);
  EXPECT_EQ(run(service->cast(north, id, tom, {{o[1].id, 1}})), VoteOutcome::done);
  // Changing the rules now does not change this proposal's.
  rules.at_least_lived_experience = 5;
  EXPECT_EQ(run(service->save_rules({tom, Role::facilitator, false}, north, board, rules)), Change::done);
  clock.advance(std::chrono::seconds(8 * kDay));
  EXPECT_EQ(service->close_due(clock.now_seconds()), 1);
  const auto page = run(service->page(north, id, tom));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->view.proposal.outcome, Outcome::chosen);
  EXPECT_EQ(page->view.proposal.details.rules.at_least_lived_experience, 2);
  ASSERT_TRUE(page->ranked);
  EXPECT_EQ(page->ranked->ballots, 4);
  const auto& r = page->ranked->result;
  // Round 1: Library 1, Town hall 2, Online 1: Library and Online go out together; round 2: Town hall 4 of 4.
  ASSERT_EQ(r.rounds.size(), 2u);
  EXPECT_EQ(r.rounds[0].why, tally::Elimination::all_tied);
  EXPECT_EQ(r.winner, o[1].id);
  // Gareth (lived experience) and Mair (an unpaid carer, counted by default): 2, as the rule it opened with needs.
  EXPECT_TRUE(verdict_of(page->view.proposal.details.rules, page->types, page->unmet_support).valid());
  // The verdict is kept as it closed, for the measures.
  EXPECT_EQ(world->count("decisions WHERE id = " + std::to_string(id) + " AND lived_took_part = 2 AND rules_met = 1"),
            1);

  // A dot vote and a score poll: added up by option.
  auto dots = poll();
  dots.process = Process::dot_vote;
  dots.dot_budget = 4;
  const long long dot_id = propose(dots, "dots-key-1234567890");
  ASSERT_GT(dot_id, 0);
  const auto od = options(dot_id);
  EXPECT_EQ(run(service->cast(north, dot_id, mair, {{od[0].id, 5}})), VoteOutcome::not_allowed);
  EXPECT_EQ(run(service->cast(north, dot_id, mair, {{od[0].id, 3}, {od[1].id, 0}})), VoteOutcome::done);
  EXPECT_EQ(run(service->cast(north, dot_id, gareth, {{od[1].id, 2}})), VoteOutcome::done);
  auto score = poll();
  score.process = Process::score;
  score.score_highest = 5;
  const long long score_id = propose(score, "score-key-1234567890");
  const auto os = options(score_id);
  EXPECT_EQ(run(service->cast(north, score_id, mair, {{os[0].id, 6}})), VoteOutcome::not_allowed);
  EXPECT_EQ(run(service->cast(north, score_id, mair, {{os[0].id, 0}, {os[1].id, 4}})), VoteOutcome::done);
  clock.advance(std::chrono::seconds(8 * kDay));
  EXPECT_EQ(service->close_due(clock.now_seconds()), 2);
  const auto dot_page = run(service->page(north, dot_id, tom));
  const auto dr = dots_of(dot_page->view.proposal.details.options, dot_page->sums);
  EXPECT_EQ(dr.totals[0], (tally::Count{od[0].id, 3}));
  EXPECT_EQ(dot_page->view.proposal.outcome, Outcome::chosen);
  // Proposed after the change: the rule needs 5, and 2 took part; the group was told so when it closed.
  EXPECT_EQ(verdict_of(dot_page->view.proposal.details.rules, dot_page->types, 0).breaches.size(), 1u);
  EXPECT_GT(world->count("mail_outbox WHERE text_body LIKE '%Not enough lived-experience members took part: 2.%'"), 0);
  EXPECT_EQ(
      world->count("decisions WHERE id = " + std::to_string(dot_id) + " AND lived_took_part = 2 AND rules_met = 0"), 1);
  const auto score_page = run(service->page(north, score_id, tom));
  const auto sr = scores_of(score_page->view.proposal.details.options, 5, score_page->sums);
  EXPECT_EQ(sr.options[0].people, 1);
  EXPECT_EQ(sr.options[0].sum, 0);
  ASSERT_EQ(sr.top.size(), 1u);
  EXPECT_EQ(sr.top[0], os[1].id);
}

TEST_P(DecisionsOnBackend, NoDecisionWhileSupportForTheMeetingItCameFromIsUnmet) {
  power::Rules rules;
  rules.no_unmet_support = true;
  ASSERT_EQ(run(service->save_rules({tom, Role::facilitator, false}, north, board, rules)), Change::done);
  meetings::MeetingService meetings(*world->db, clock);
  meetings::MeetingDetails m;
  m.title = "Board meeting";
  m.purpose = "We decide.";
  m.starts_at = clock.now_seconds() + kDay;
  m.ends_at = m.starts_at + 3600;
  m.venue = "Town hall";
  const long long meeting = meetings.schedule_now(north, board, tom, m, clock.now_seconds());
  ASSERT_GT(meeting, 0);
  meetings::RsvpDetails reply;
  reply.answer = meetings::Answer::going;
  reply.needs = {meetings::Need::bsl_interpreter};
  meetings.reply_now(north, meeting, mair, reply, clock.now_seconds());
  const long long id = propose(consent());
  EXPECT_EQ(run(service->respond(north, id, gareth, ConsentAnswer::agree, "")), VoteOutcome::done);
  clock.advance(std::chrono::seconds(8 * kDay));
  EXPECT_EQ(service->close_due(clock.now_seconds()), 1);
  // Until the record names the meeting, the rule has nothing to count.
  auto page = run(service->page(north, id, tom));
  EXPECT_TRUE(verdict_of(page->view.proposal.details.rules, page->types, page->unmet_support).valid());
  EXPECT_EQ(run(service->record({tom, Role::facilitator, false}, north, id, "Agreed.", std::nullopt, meeting)),
            Change::done);
  page = run(service->page(north, id, tom));
  EXPECT_EQ(page->unmet_support, 1);
  const auto v = verdict_of(page->view.proposal.details.rules, page->types, page->unmet_support);
  ASSERT_EQ(v.breaches.size(), 1u);
  EXPECT_EQ(v.breaches[0].key, "decisions.rules.broken.support");
  // Once the interpreter is arranged, the decision is valid.
  world->db->run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    meetings::store::set_arranged(s, meeting, mair, meetings::Need::bsl_interpreter, true, tom, clock.now_seconds());
    tx.commit();
  });
  page = run(service->page(north, id, tom));
  EXPECT_EQ(page->unmet_support, 0);
  EXPECT_TRUE(verdict_of(page->view.proposal.details.rules, page->types, page->unmet_support).valid());
}

TEST_P(DecisionsOnBackend, OnlyLivedExperienceAndCarersWhenItSaysSo) {
  const long long id = propose(poll(false, Eligibility::lived_experience));
  const auto o = options(id);
  EXPECT_EQ(run(service->vote(north, id, gareth, o[0].id)), VoteOutcome::done);
  EXPECT_EQ(run(service->vote(north, id, mair, o[0].id)), VoteOutcome::done);
  EXPECT_EQ(run(service->vote(north, id, priya, o[0].id)), VoteOutcome::not_allowed);
  EXPECT_EQ(run(service->vote(north, id, tom, o[0].id)), VoteOutcome::not_allowed);
}

TEST_P(DecisionsOnBackend, AnAnonymousBallotNamesNobodyAndIsUnlinkedWhenItCloses) {
  const long long id = propose(poll(true));
  const auto o = options(id);
  EXPECT_EQ(run(service->vote(north, id, mair, o[0].id)), VoteOutcome::done);
  EXPECT_EQ(run(service->vote(north, id, gareth, o[1].id)), VoteOutcome::done);
  EXPECT_EQ(run(service->vote(north, id, mair, o[1].id)), VoteOutcome::done);
  EXPECT_EQ(world->count("decision_ballots"), 2);
  EXPECT_EQ(world->count("decision_ballots WHERE voter_id IS NOT NULL"), 0);
  EXPECT_EQ(world->count("decision_ballots WHERE ballot LIKE 'u%'"), 0);
  EXPECT_EQ(run(service->page(north, id, mair))->view.my_option, o[1].id);
  EXPECT_EQ(world->count("decision_voters"), 2);
  clock.advance(std::chrono::seconds(8 * kDay));
  EXPECT_EQ(service->close_due(clock.now_seconds()), 1);
  EXPECT_EQ(service->close_due(clock.now_seconds()), 0);
  EXPECT_EQ(world->count("decision_ballots WHERE ballot LIKE 'r%'"), 2);
  const auto page = run(service->page(north, id, tom));
  EXPECT_EQ(page->view.proposal.outcome, Outcome::chosen);
  EXPECT_TRUE(page->named.empty());
  EXPECT_EQ(count_poll(page->view.proposal.details.options, page->totals).options[1].votes, 2);
  // Mair (unpaid carer) and Gareth (lived experience) took part.
  const auto types = count_types(page->types);
  EXPECT_EQ(types.people, 2);
  EXPECT_EQ(types.of(MemberType::unpaid_carer), 1);
  EXPECT_EQ(types.of(MemberType::lived_experience), 1);
  // Everyone in the group is told it closed.
  EXPECT_EQ(world->count("notices WHERE kind = 'decision_closed'"), 5);
}

TEST_P(DecisionsOnBackend, ConsentPassesWhenObjectionsAreResolvedOrWithdrawn) {
  const long long id = propose(consent());
  EXPECT_EQ(run(service->respond(north, id, mair, ConsentAnswer::agree, "")), VoteOutcome::done);
  EXPECT_EQ(run(service->respond(north, id, priya, ConsentAnswer::object, "")), VoteOutcome::not_allowed);
  EXPECT_EQ(run(service->respond(north, id, priya, ConsentAnswer::object, "Not in the budget")), VoteOutcome::done);
  EXPECT_EQ(run(service->respond(north, id, priya, ConsentAnswer::object, "Not in this year's budget")),
            VoteOutcome::done);
  EXPECT_EQ(world->count("decision_objections WHERE state = 'open'"), 1);
  EXPECT_EQ(run(service->respond(north, id, tom, ConsentAnswer::object, "Who pays?")), VoteOutcome::done);
  auto page = run(service->page(north, id, tom));
  ASSERT_EQ(page->objections.size(), 2u);
  EXPECT_FALSE(count_consent(page->responses, page->objections).passes);
  const long long priyas = page->objections[0].id;
  const long long toms = page->objections[1].id;
  // Mair may not resolve it; Gareth (the proposer) may; Tom withdraws his own, and not Priya's.
  EXPECT_EQ(run(service->resolve_objection({mair, Role::member, false}, north, id, priyas, "x")), Change::refused);
  EXPECT_EQ(run(service->withdraw_objection(north, id, tom, priyas)), Change::refused);
  EXPECT_EQ(run(service->resolve_objection({gareth, Role::member, false}, north, id, priyas, "Paid from the grant")),
            Change::done);
  EXPECT_EQ(run(service->resolve_objection({gareth, Role::member, false}, north, id, priyas, "again")),
            Change::already);
  EXPECT_EQ(run(service->withdraw_objection(north, id, tom, toms)), Change::done);
  page = run(service->page(north, id, tom));
  EXPECT_EQ(page->objections[0].resolution, "Paid from the grant");
  EXPECT_TRUE(count_consent(page->responses, page->objections).passes);
  EXPECT_EQ(run(service->close_early({tom, Role::member, false}, north, id)), Change::done);
  EXPECT_EQ(run(service->close_early({tom, Role::member, false}, north, id)), Change::refused);
  page = run(service->page(north, id, tom));
  EXPECT_EQ(page->view.proposal.outcome, Outcome::passed);
  // The record, by the people who run the group once it has closed.
  EXPECT_EQ(run(service->record({gareth, Role::member, false}, north, id, "Because.", std::nullopt, std::nullopt)),
            Change::refused);
  EXPECT_EQ(run(service->record({tom, Role::member, false}, north, id, "Travel stops people coming.", std::nullopt,
                                std::nullopt)),
            Change::done);
  EXPECT_EQ(run(service->page(north, id, mair))->view.proposal.rationale, "Travel stops people coming.");
}

TEST_P(DecisionsOnBackend, AnOpenObjectionStopsItPassingAtItsTime) {
  const long long id = propose(consent());
  EXPECT_EQ(run(service->respond(north, id, priya, ConsentAnswer::object, "Not yet")), VoteOutcome::done);
  clock.advance(std::chrono::seconds(8 * kDay));
  EXPECT_EQ(service->close_due(clock.now_seconds()), 1);
  EXPECT_EQ(run(service->page(north, id, tom))->view.proposal.outcome, Outcome::not_passed);
}

TEST_P(DecisionsOnBackend, FacilitatorsWithdrawOthersDoNot) {
  const long long id = propose(poll());
  EXPECT_EQ(run(service->withdraw({gareth, Role::member, false}, north, id)), Change::refused);
  EXPECT_EQ(run(service->withdraw({tom, Role::member, false}, north, id)), Change::done);
  // Everyone in the group is told it will not be decided.
  EXPECT_EQ(world->count("notices WHERE kind = 'decision_closed'"), 5);
  const auto o = options(id);
  EXPECT_EQ(run(service->vote(north, id, mair, o[0].id)), VoteOutcome::closed);
  clock.advance(std::chrono::seconds(8 * kDay));
  EXPECT_EQ(service->close_due(clock.now_seconds()), 0);
}

TEST_P(DecisionsOnBackend, LeavingTheOrganisationDropsOnlyFromOpenProposals) {
  const long long named = propose(poll(), "named-key-123456789");
  const long long secret = propose(poll(true), "secret-key-123456789");
  const long long agreed = propose(consent(), "consent-key-123456789");
  const long long decided = propose(poll(), "decided-key-123456789");
  EXPECT_EQ(run(service->vote(north, named, mair, options(named)[0].id)), VoteOutcome::done);
  EXPECT_EQ(run(service->vote(north, secret, mair, options(secret)[0].id)), VoteOutcome::done);
  EXPECT_EQ(run(service->vote(north, secret, gareth, options(secret)[1].id)), VoteOutcome::done);
  EXPECT_EQ(run(service->respond(north, agreed, mair, ConsentAnswer::object, "Not yet")), VoteOutcome::done);
  EXPECT_EQ(run(service->vote(north, decided, mair, options(decided)[0].id)), VoteOutcome::done);
  EXPECT_EQ(run(service->close_early({tom, Role::member, false}, north, decided)), Change::done);
  world->db->run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    membership_ended(s, north, mair, clock.now_seconds());
    tx.commit();
  });
  // Her open votes, answer and objection are gone (Gareth's anonymous ballot stays); the decided poll keeps hers.
  EXPECT_EQ(world->count("decision_ballots WHERE decision_id = " + std::to_string(named)), 0);
  EXPECT_EQ(world->count("decision_ballots WHERE decision_id = " + std::to_string(secret)), 1);
  EXPECT_EQ(world->count("decision_responses"), 0);
  EXPECT_EQ(world->count("decision_objections WHERE state = 'open'"), 0);
  EXPECT_EQ(world->count("decision_ballots WHERE decision_id = " + std::to_string(decided)), 1);
  EXPECT_EQ(world->count("decision_voters WHERE decision_id = " + std::to_string(decided)), 1);
}

TEST_P(DecisionsOnBackend, MeetingTimeAnsweredChangedClosedAtItsTimeWithTheChosenTimeInWords) {
  auto d = poll();
  d.title = "When we meet";
  d.process = Process::meeting_time;
  // Wednesday 3 March 2027 6pm to 7:30pm, Saturday 6 March 10am to noon (GMT), and a summer Saturday (BST).
  d.options = {{0, "", "", 1804096800, 1804102200},
               {0, "", "", 1804327200, 1804334400},
               {0, "", "", 1814608800 - 3600, 1814616000 - 3600}};
  // Text options, or a time that ends before it starts, are refused.
  auto wrong = d;
  wrong.options[1].ends_at = wrong.options[1].starts_at;
  EXPECT_EQ(propose(wrong, "wrong-key-1234567890"), 0);
  EXPECT_EQ(propose(poll(), "text-key-1234567890") > 0, true);
  auto words = d;
  words.options = poll().options;
  EXPECT_EQ(propose(words, "words-key-1234567890"), 0);
  const long long id = propose(d);
  ASSERT_GT(id, 0);
  const auto o = options(id);
  ASSERT_EQ(o.size(), 3u);
  EXPECT_EQ(o[2].starts_at, 1814605200);
  const auto yes = answer_value(meetings::PollAnswer::yes), maybe = answer_value(meetings::PollAnswer::if_need_be),
             no = answer_value(meetings::PollAnswer::no);
  // Mair answers, changes her mind and sends it twice: one ballot of her latest answers.
  EXPECT_EQ(run(service->cast(north, id, mair, {{o[0].id, no}, {o[1].id, yes}})), VoteOutcome::done);
  EXPECT_EQ(run(service->cast(north, id, mair, {{o[0].id, yes}, {o[1].id, maybe}, {o[2].id, no}})), VoteOutcome::done);
  EXPECT_EQ(run(service->cast(north, id, mair, {{o[0].id, yes}, {o[1].id, maybe}, {o[2].id, no}})), VoteOutcome::done);
  EXPECT_EQ(world->count("decision_ballots WHERE decision_id = " + std::to_string(id)), 3);
  EXPECT_EQ(votes_of_ballot(run(service->page(north, id, mair))->view.my_ballot), 3u);
  EXPECT_EQ(run(service->cast(north, id, mair, {{o[0].id, 7}})), VoteOutcome::not_allowed);
  // Gareth and Priya: the Saturday has as many yes and as many who could come as the Wednesday.
  EXPECT_EQ(run(service->cast(north, id, gareth, {{o[1].id, yes}, {o[0].id, maybe}})), VoteOutcome::done);
  EXPECT_EQ(run(service->cast(north, id, priya, {{o[0].id, no}, {o[1].id, no}})), VoteOutcome::done);
  // Ngozi reads along: observers do not answer.
  EXPECT_EQ(run(service->cast(north, id, ngozi, {{o[0].id, yes}})), VoteOutcome::not_allowed);
  // While it is open, nobody sees the counts.
  EXPECT_TRUE(run(service->page(north, id, tom))->sums.empty());
  clock.advance(std::chrono::seconds(8 * kDay));
  EXPECT_EQ(service->close_due(clock.now_seconds()), 2);  // with the text poll proposed above
  EXPECT_EQ(run(service->cast(north, id, gareth, {{o[2].id, yes}})), VoteOutcome::closed);
  const auto page = run(service->page(north, id, tom));
  ASSERT_TRUE(page);
  const auto& p = page->view.proposal;
  EXPECT_EQ(p.outcome, Outcome::chosen);
  auto tallies = time_tallies(p.details.options, page->sums, 3);
  ASSERT_EQ(tallies.size(), 3u);
  EXPECT_EQ(tallies[0].yes, 1);
  EXPECT_EQ(tallies[0].if_need_be, 1);
  EXPECT_EQ(tallies[0].no, 1);
  EXPECT_EQ(tallies[2].unanswered, 2);
  // Wednesday: 1 yes, 2 could come; Saturday: 1 yes, 2 could come; the earlier, Wednesday, is chosen.
  EXPECT_EQ(chosen_time(tallies), o[0].id);
  core::Translator en(core::Messages::embedded(), core::Lang::en);
  EXPECT_EQ(outcome_words(en, p, leaders_only({o[0].id})), "The time chosen: Wednesday 3 March 2027, 6pm to 7:30pm.");
  core::Translator cy(core::Messages::embedded(), core::Lang::cy);
  EXPECT_NE(outcome_words(cy, p, leaders_only({o[0].id})).find("3 Mawrth 2027"), std::string::npos);
  // Stored as chosen while the counts have two leaders (as a poll written by hand in SQL can be): the tie is said,
  // never a sentence with "{option}" left in it.
  EXPECT_EQ(outcome_words(en, p, leaders_only({o[0].id, o[1].id})).rfind("It was a tie between: Wednesday", 0), 0u);
  EXPECT_EQ(outcome_words(en, p, leaders_only({})), "Nobody voted.");
  // Named: who answered what, by name; who took part by member type, under the same rules as every process.
  EXPECT_EQ(page->named.size(), 7u);
  const auto types = count_types(page->types);
  EXPECT_EQ(types.people, 3);
  EXPECT_EQ(types.of(MemberType::staff), 1);
  EXPECT_EQ(world->count("decision_option_counts WHERE decision_id = " + std::to_string(id)), 7);
  // The group is told what came of it, with the time in words.
  EXPECT_GT(
      world->count("mail_outbox WHERE text_body LIKE '%The time chosen: Wednesday 3 March 2027, 6pm to 7:30pm.%'"), 0);
  // More answers than a poll's page shows of who chose what: who answered what is still on this page (it has no pages
  // of its own).
  world->db->run_sync([&](soci::session& s) {
    for (int i = 0; i < kWhoChoseOnPage; ++i) {
      db::query(
          s,
          "INSERT INTO decision_ballots (decision_id, ballot, voter_id, option_id, value) VALUES ($1, $2, $3, $4, "
          "2)",
          {id, "u" + std::to_string(900000 + i), static_cast<long long>(900000 + i), o[0].id});
    }
    db::query(s, "UPDATE decisions SET took_part = 100 WHERE id = $1", {id});
  });
  const auto more = run(service->page(north, id, tom));
  EXPECT_EQ(more->named.size(), 7u + kWhoChoseOnPage);
  EXPECT_FALSE(more->named_more);
}

TEST_P(DecisionsOnBackend, AnAnonymousMeetingTimeNamesNobodyAndNoTimeIsChosenWhenNobodyCanCome) {
  auto d = poll(true);
  d.process = Process::meeting_time;
  d.options = {{0, "", "", 1804096800, 1804102200}, {0, "", "", 1804327200, 1804334400}};
  const long long id = propose(d);
  const auto o = options(id);
  const auto no = answer_value(meetings::PollAnswer::no);
  EXPECT_EQ(run(service->cast(north, id, mair, {{o[0].id, no}, {o[1].id, no}})), VoteOutcome::done);
  EXPECT_EQ(world->count("decision_ballots WHERE voter_id IS NOT NULL"), 0);
  clock.advance(std::chrono::seconds(8 * kDay));
  EXPECT_EQ(service->close_due(clock.now_seconds()), 1);
  const auto page = run(service->page(north, id, tom));
  EXPECT_EQ(page->view.proposal.outcome, Outcome::no_votes);
  EXPECT_TRUE(page->named.empty());
  core::Translator en(core::Messages::embedded(), core::Lang::en);
  EXPECT_EQ(outcome_words(en, page->view.proposal, leaders_only({})),
            "No time was chosen: nobody said yes or if I have to for any of the times.");
}

INSTANTIATE_TEST_SUITE_P(Backends, DecisionsOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::decisions
