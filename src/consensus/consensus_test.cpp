// The consensus finder on both databases: a conversation and a statement made once however often the form is sent;
// answers given and changed (one per person and statement); the next statement is the first not answered; observers
// and outsiders change nothing; hidden statements leave the voting and the results; a closed conversation takes no
// more; the results are worked out again only when the votes changed.
#include "consensus/consensus.hpp"

#include <gtest/gtest.h>

#include <string>

#include "consensus/consensus_service.hpp"
#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "groups/group_service.hpp"
#include "testing/world.hpp"

namespace roundtable::consensus {
namespace {

using db::testing::run;
using organisations::Role;

class ConsensusOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth");
    mair = world->member("north", "mair@example.org", "Mair");
    ngozi = world->member("north", "ngozi@example.org", "Ngozi");
    priya = world->member("north", "priya@example.org", "Priya");
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Steering group";
    g.purpose = "Steers.";
    group = run(groups->create_group(north, tom, g, "consensus-group-key-1"));
    groups->add_member_now(north, group, gareth, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, group, mair, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, group, ngozi, GroupRole::observer, clock.now_seconds());
    service = std::make_unique<ConsensusService>(*world->db, clock);
    conversation = run(service->create_conversation(as(tom, Role::facilitator), north, group, "What matters most?",
                                                    "conversation-key"));
  }
  static Who as(long long id, Role role = Role::member) { return {id, role, false}; }
  long long add(long long who, const std::string& body) {
    return run(service->add_statement(as(who), north, conversation, body, "key-" + body)).id;
  }

  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<ConsensusService> service;
  long long north = 0, tom = 0, gareth = 0, mair = 0, ngozi = 0, priya = 0, group = 0, conversation = 0;
};

TEST_P(ConsensusOnBackend, StartsOnceAndOnlyByThoseWhoRunTheGroup) {
  ASSERT_GT(conversation, 0);
  EXPECT_EQ(run(service->create_conversation(as(tom, Role::facilitator), north, group, "What matters most?",
                                             "conversation-key")),
            conversation);
  EXPECT_EQ(run(service->create_conversation(as(gareth), north, group, "Mine", "gareth-key")), 0);
  EXPECT_EQ(run(service->group_conversations(group)).size(), 1u);
}

TEST_P(ConsensusOnBackend, StatementsOnceAnswersChangeableAndTheNextIsTheFirstNotAnswered) {
  const long long one = add(gareth, "Respite early");
  const long long two = add(mair, "One phone call");
  ASSERT_GT(one, 0);
  ASSERT_GT(two, 0);
  EXPECT_EQ(add(gareth, "Respite early"), one);  // the same form twice
  EXPECT_EQ(run(service->add_statement(as(ngozi), north, conversation, "Observer", "k1")).outcome,
            Added::Outcome::refused);
  EXPECT_EQ(run(service->add_statement(as(priya), north, conversation, "Outsider", "k2")).outcome,
            Added::Outcome::refused);

  auto page = run(service->conversation_page(north, conversation, gareth));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->in_play(), 2);
  ASSERT_TRUE(page->next());
  EXPECT_EQ(page->next()->id, one);
  EXPECT_EQ(run(service->answer(as(gareth), north, one, Answer::agree)), Change::done);
  EXPECT_EQ(run(service->conversation_page(north, conversation, gareth))->next()->id, two);
  EXPECT_EQ(run(service->answer(as(gareth), north, one, Answer::disagree)), Change::done);  // changed, not added
  EXPECT_EQ(run(service->answer(as(ngozi), north, one, Answer::agree)), Change::refused);
  EXPECT_EQ(run(service->answer(as(priya), north, one, Answer::agree)), Change::refused);
  page = run(service->conversation_page(north, conversation, gareth));
  EXPECT_EQ(page->voters, 1);
  EXPECT_EQ(page->statements[0].mine, Answer::disagree);
  EXPECT_EQ(world->count("consensus_votes"), 1);
  // The count is kept for a votes version (the first page above kept 0): each new vote shows at once.
  EXPECT_EQ(run(service->conversation_page(north, conversation, gareth))->voters, 1);
  EXPECT_EQ(run(service->answer(as(mair), north, two, Answer::agree)), Change::done);
  EXPECT_EQ(run(service->conversation_page(north, conversation, gareth))->voters, 2);
  // Each person's own answers only, each on its statement.
  page = run(service->conversation_page(north, conversation, gareth));
  EXPECT_EQ(page->statements[0].mine, Answer::disagree);
  EXPECT_FALSE(page->statements[1].mine);
  page = run(service->conversation_page(north, conversation, mair));
  EXPECT_FALSE(page->statements[0].mine);
  EXPECT_EQ(page->statements[1].mine, Answer::agree);
}

TEST_P(ConsensusOnBackend, HiddenStatementsLeaveTheVotingAndTheResults) {
  const long long one = add(gareth, "Respite early");
  const long long two = add(mair, "Rude words");
  EXPECT_EQ(run(service->hide(as(gareth), north, two, "Not kind")), Change::refused);
  EXPECT_EQ(run(service->hide(as(tom, Role::facilitator), north, two, "Not kind")), Change::done);
  EXPECT_EQ(run(service->hide(as(tom, Role::facilitator), north, two, "Again")), Change::refused);
  EXPECT_EQ(run(service->answer(as(mair), north, two, Answer::agree)), Change::refused);
  const auto page = run(service->conversation_page(north, conversation, mair));
  EXPECT_EQ(page->in_play(), 1);
  EXPECT_EQ(page->statements.back().hidden_reason, "Not kind");
  EXPECT_EQ(page->next()->id, one);
  const auto results = run(service->results(as(mair), north, conversation));
  ASSERT_TRUE(results);
  EXPECT_EQ(results->result->statements.size(), 1u);
}

TEST_P(ConsensusOnBackend, AClosedConversationTakesNoMore) {
  const long long one = add(gareth, "Respite early");
  EXPECT_EQ(run(service->set_open(as(gareth), north, conversation, false)), Change::refused);
  EXPECT_EQ(run(service->set_open(as(tom, Role::facilitator), north, conversation, false)), Change::done);
  EXPECT_EQ(run(service->answer(as(gareth), north, one, Answer::agree)), Change::refused);
  EXPECT_EQ(run(service->add_statement(as(gareth), north, conversation, "Late", "late")).outcome,
            Added::Outcome::refused);
  EXPECT_EQ(run(service->set_open(as(tom, Role::facilitator), north, conversation, true)), Change::done);
  EXPECT_EQ(run(service->answer(as(gareth), north, one, Answer::agree)), Change::done);
}

TEST_P(ConsensusOnBackend, ResultsAreWorkedOutAgainOnlyWhenVotesChange) {
  const long long ids[] = {add(gareth, "A"), add(gareth, "B"), add(mair, "C")};
  for (long long id : ids) {
    run(service->answer(as(gareth), north, id, Answer::agree));
    run(service->answer(as(mair), north, id, Answer::agree));
  }
  const auto first = run(service->results(as(tom, Role::facilitator), north, conversation));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->result->participants, 2);
  EXPECT_EQ(first->result->groups, 1);
  EXPECT_EQ(first->result->consensus.size(), 3u);
  EXPECT_EQ(run(service->results(as(gareth), north, conversation))->result, first->result);  // kept
  run(service->answer(as(tom, Role::facilitator), north, ids[0], Answer::disagree));
  const auto again = run(service->results(as(tom, Role::facilitator), north, conversation));
  EXPECT_NE(again->result, first->result);
  EXPECT_EQ(again->result->voters, 3);
  // Another organisation's address finds nothing.
  EXPECT_FALSE(run(service->results(as(tom, Role::facilitator), north + 1000, conversation)));
  // Someone in the organisation but not the group gets no result worked out.
  EXPECT_FALSE(run(service->results(as(priya), north, conversation))->result);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsensusOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::consensus
