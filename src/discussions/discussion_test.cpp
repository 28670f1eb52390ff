// Mentions and the forms as tables, and the service on both databases: a topic and a reply written once however
// often the form is sent, the ground rules asked before a first post, numbers in order and pages by keyset, unread
// markers, edits and deletions keeping their history, hiding and reports, reactions and raises counted once per
// person, email to followers and @mentioned members in their language, and nobody outside the group (or in another
// organisation) reading or writing.
#include <gtest/gtest.h>

#include <string>

#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "discussions/discussion_form.hpp"
#include "discussions/discussion_service.hpp"
#include "groups/group_service.hpp"
#include "testing/world.hpp"

namespace roundtable::discussions {
namespace {

using db::testing::run;
using organisations::Role;

TEST(Mentions, FindsGroupMembersNamedWithAnAt) {
  const std::vector<std::string> names{"Siân Davies", "Siân", "Tom Evans", "Mair Hughes"};
  const struct {
    const char* text;
    std::vector<std::string> found;
  } cases[] = {
      {"Thanks @Tom Evans!", {"Tom Evans"}},
      {"@tom evans and @Mair Hughes, what do you think?", {"Tom Evans", "Mair Hughes"}},
      {"Ask @Siân Davies", {"Siân Davies"}},
      {"Ask @Siân about it", {"Siân"}},
      {"@Tom Evansy is someone else", {}},
      {"write to tom@Tom Evans.example", {}},
      {"@Tom Evans said @Tom Evans", {"Tom Evans"}},
      {"no one", {}},
      {"@", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(mentioned(c.text, names), c.found) << c.text;
}

TEST(PostForm, WhatIsWrongAndWhatIsFine) {
  auto problems = [](PostForm f, bool title, bool rules) {
    std::string out;
    for (const auto& p : check_post(f, title, rules))
      out += (out.empty() ? "" : " ") + p.field + ":" + p.key.substr(18);
    return out;
  };
  PostForm good{"Evening meetings", "Can we meet at 7pm?", true, "key"};
  EXPECT_EQ(problems(good, true, true), "");
  EXPECT_EQ(problems({"", "words", false, ""}, true, false), "title:title_missing");
  EXPECT_EQ(problems({std::string(151, 'a'), "words", false, ""}, true, false), "title:title_long");
  std::string welsh;
  for (int i = 0; i < 150; ++i) welsh += "ŵ";
  EXPECT_EQ(problems({welsh, "words", false, ""}, true, false), "") << "150 Welsh letters are 150 characters";
  EXPECT_EQ(problems({"A title", "", false, ""}, true, false), "body:opening_missing");
  EXPECT_EQ(problems({"", "", false, ""}, false, false), "body:body_missing");
  EXPECT_EQ(problems({"", std::string(20001, 'a'), false, ""}, false, false), "body:body_long");
  EXPECT_EQ(problems({"", "words", false, ""}, false, true), "agree_rules:rules_missing");
  EXPECT_EQ(check_reason({""}, "hide").front().key, "discussions.error.hide_reason_missing");
  EXPECT_EQ(check_reason({std::string(1001, 'a')}, "report").front().key, "discussions.error.report_reason_long");
  EXPECT_TRUE(check_reason({"Not kind"}, "report").empty());
  EXPECT_EQ(check_easy_read({std::string(5001, 'a')}).size(), 1u);
  EXPECT_TRUE(check_easy_read({""}).empty());
}

TEST(Addresses, APostIsOnThePageThatHoldsIt) {
  EXPECT_EQ(post_url("demo", 7, 1), "/o/demo/topics/7#post-1");
  EXPECT_EQ(post_url("demo", 7, 51), "/o/demo/topics/7#post-51");
  EXPECT_EQ(post_url("demo", 7, 52), "/o/demo/topics/7?after=51#post-52");
  EXPECT_EQ(post_url("demo", 7, 101), "/o/demo/topics/7?after=51#post-101");
  EXPECT_EQ(post_url("demo", 7, 102), "/o/demo/topics/7?after=101#post-102");
}

class DiscussionsOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    south = world->organisation("south", "South Forum");
    tom = world->member("north", "tom@example.org", "Tom Evans", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth Jones");
    mair = world->member("north", "mair@example.org", "Mair Hughes");
    ngozi = world->member("north", "ngozi@example.org", "Ngozi Okafor");
    priya = world->member("north", "priya@example.org", "Priya Shah");
    rhys = world->member("south", "rhys@example.org", "Rhys", Role::org_admin);
    world->db->run_sync([&](soci::session& s) { s << "UPDATE users SET lang = 'cy' WHERE id = :id", soci::use(mair); });
    world->organisations->set_mail("http://roundtable.test", nullptr);
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Carers Board";
    g.purpose = "Deciding together.";
    g.ground_rules = {"Listen to each other.", "Listen."};
    board = groups->create_group_now(north, tom, g, 1000);
    groups->add_member_now(north, board, gareth, GroupRole::member, 1000);
    groups->add_member_now(north, board, mair, GroupRole::member, 1000);
    groups->add_member_now(north, board, ngozi, GroupRole::observer, 1000);
    service = std::make_unique<DiscussionService>(*world->db, world->search.get(), clock, world->organisations.get());
  }
  NewPost post(const std::string& title, const std::string& body, const std::string& key, bool agree = true) {
    return {title, body, agree, key};
  }
  Posted start(long long who, const std::string& title, const std::string& key = "") {
    return run(service->start_topic(north, board, who, post(title, "Opening words", key.empty() ? title : key)));
  }
  core::ManualClock clock{1'780'000'000};
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<DiscussionService> service;
  long long north = 0, south = 0, tom = 0, gareth = 0, mair = 0, ngozi = 0, priya = 0, rhys = 0, board = 0;
};

TEST_P(DiscussionsOnBackend, TheGroundRulesComeBeforeAFirstPostAndTheSameFormMakesOneTopic) {
  const auto refused = run(service->start_topic(north, board, gareth, post("Evenings", "Can we?", "k1", false)));
  EXPECT_EQ(refused.number, 0) << "the ground rules were not agreed";
  EXPECT_EQ(world->count("discussion_topics"), 0);
  const auto first = run(service->start_topic(north, board, gareth, post("Evenings", "Can we?", "k1")));
  ASSERT_EQ(first.number, 1);
  const auto again = run(service->start_topic(north, board, gareth, post("Evenings", "Can we?", "k1")));
  EXPECT_EQ(again.topic_id, first.topic_id);
  EXPECT_EQ(world->count("discussion_topics"), 1);
  EXPECT_EQ(world->count("discussion_posts"), 1);
  // Agreed once, never asked again in this group.
  const auto g = run(service->group(north, board, gareth));
  ASSERT_TRUE(g);
  EXPECT_TRUE(g->agreed_rules);
  EXPECT_FALSE(run(service->group(north, board, mair))->agreed_rules);
  const auto second = run(service->start_topic(north, board, gareth, post("Papers", "Large print?", "k2", false)));
  EXPECT_EQ(second.number, 1);
}

TEST_P(DiscussionsOnBackend, OnlyTheGroupsPeopleReadAndOnlyItsMembersWrite) {
  const auto t = start(gareth, "Evenings");
  EXPECT_EQ(run(service->start_topic(north, board, ngozi, post("Observer", "words", "k3"))).number, 0)
      << "observers read along";
  EXPECT_EQ(run(service->start_topic(north, board, priya, post("Outsider", "words", "k4"))).number, 0);
  EXPECT_EQ(run(service->reply(north, t.topic_id, priya, post("", "words", "k5"))).number, 0);
  EXPECT_EQ(run(service->reply(south, t.topic_id, rhys, post("", "words", "k6"))).number, 0);
  EXPECT_FALSE(run(service->topic(south, t.topic_id, rhys, 0))) << "another organisation's topic does not exist";
  const auto outsider = run(service->topic(north, t.topic_id, priya, 0));
  ASSERT_TRUE(outsider);
  EXPECT_FALSE(outsider->group.role);
  EXPECT_TRUE(outsider->replies.empty());
  EXPECT_TRUE(outsider->opening.body.empty()) << "nothing of the topic is read for someone outside the group";
  EXPECT_EQ(world->count("seen_discussion_topics WHERE user_id = " + std::to_string(priya)), 0);
  const auto observer = run(service->topic(north, t.topic_id, ngozi, 0));
  ASSERT_TRUE(observer);
  EXPECT_EQ(observer->opening.body, "Opening words");
  // Archived: read, never written.
  ASSERT_TRUE(run(groups->set_archived(north, board, tom, true)));
  EXPECT_EQ(run(service->reply(north, t.topic_id, mair, post("", "Late", "k7"))).number, 0);
  EXPECT_EQ(run(service->topic(north, t.topic_id, mair, 0))->opening.body, "Opening words");
}

TEST_P(DiscussionsOnBackend, RepliesAreNumberedAndPagedByKeysetAndUnreadIsCounted) {
  const auto t = start(gareth, "Evenings");
  for (int i = 0; i < 60; ++i) {
    const auto r = run(service->reply(north, t.topic_id, i % 2 ? mair : tom,
                                      post("", "Reply " + std::to_string(i + 1), "r" + std::to_string(i))));
    ASSERT_EQ(r.number, i + 2);
  }
  // The same reply sent twice is one.
  EXPECT_EQ(run(service->reply(north, t.topic_id, mair, post("", "Reply 2", "r1"))).number, 3);
  EXPECT_EQ(world->count("discussion_posts"), 61);
  const auto first = run(service->topic(north, t.topic_id, gareth, 0));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->opening.number, 1);
  ASSERT_EQ(first->replies.size(), static_cast<std::size_t>(kPostsPerPage));
  EXPECT_EQ(first->replies.front().number, 2);
  EXPECT_EQ(first->replies.back().number, 51);
  EXPECT_TRUE(first->more);
  const auto second = run(service->topic(north, t.topic_id, gareth, 51));
  ASSERT_EQ(second->replies.size(), 10u);
  EXPECT_EQ(second->replies.front().number, 52);
  EXPECT_FALSE(second->more);
  // Gareth has read everything; a new reply is one unread for him.
  run(service->reply(north, t.topic_id, mair, post("", "One more", "r-more")));
  const auto list = run(service->topics(north, board, gareth, Filter::all, std::nullopt));
  ASSERT_TRUE(list);
  ASSERT_EQ(list->topics.size(), 1u);
  EXPECT_EQ(list->topics[0].unread(), 1);
  EXPECT_EQ(list->topics[0].post_count, 62);
  // Ngozi never opened it: all of it is new to her.
  EXPECT_EQ(run(service->topics(north, board, ngozi, Filter::all, std::nullopt))->topics[0].seen_number, 0);
}

TEST_P(DiscussionsOnBackend, TopicsArePagedMostRecentlyActiveFirst) {
  for (int i = 0; i < kTopicsPerPage + 5; ++i) {
    clock.advance(std::chrono::seconds(10));
    start(tom, "Topic " + std::to_string(i));
  }
  const auto first = run(service->topics(north, board, tom, Filter::all, std::nullopt));
  ASSERT_EQ(first->topics.size(), static_cast<std::size_t>(kTopicsPerPage));
  EXPECT_EQ(first->topics.front().title, "Topic " + std::to_string(kTopicsPerPage + 4));
  ASSERT_TRUE(first->older);
  const auto second = run(service->topics(north, board, tom, Filter::all, store::parse_topic_key(*first->older)));
  ASSERT_EQ(second->topics.size(), 5u);
  EXPECT_EQ(second->topics.back().title, "Topic 0");
  EXPECT_FALSE(second->older);
}

TEST_P(DiscussionsOnBackend, EditsAndDeletionsKeepTheirHistoryAndLeaveTheIndex) {
  const auto t = start(gareth, "Evenings");
  ASSERT_EQ(world->count("search_documents WHERE kind = 'topic'"), 1);
  EXPECT_FALSE(run(service->edit(north, t.topic_id, 1, mair, "Mine now", "Changed"))) << "only its author changes it";
  ASSERT_TRUE(run(service->edit(north, t.topic_id, 1, gareth, "Evening meetings", "Can we meet at 7pm?")));
  const auto p = run(service->post(north, t.topic_id, 1, gareth));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->topic.title, "Evening meetings");
  EXPECT_EQ(p->post.body, "Can we meet at 7pm?");
  EXPECT_TRUE(p->post.edited_at);
  auto versions = run(service->history(p->post.id));
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].title, "Evenings");
  EXPECT_EQ(versions[0].body, "Opening words");
  run(service->reply(north, t.topic_id, mair, post("", "Evenings suit me", "reply-1")));
  ASSERT_EQ(world->count("search_documents WHERE kind = 'reply'"), 1);
  ASSERT_TRUE(run(service->remove(north, t.topic_id, 1, gareth)));
  EXPECT_EQ(world->count("search_documents WHERE kind = 'reply'"), 0)
      << "replies carry the topic's title into the index: they leave it with the topic";
  const auto gone = run(service->post(north, t.topic_id, 1, gareth));
  EXPECT_TRUE(gone->post.gone());
  EXPECT_EQ(gone->post.body, "");
  EXPECT_EQ(gone->topic.title, "") << "an opening post takes its title with it";
  EXPECT_EQ(run(service->history(p->post.id)).size(), 2u);
  EXPECT_EQ(world->count("search_documents WHERE kind = 'topic'"), 0);
  EXPECT_EQ(run(service->reply(north, t.topic_id, mair, post("", "Too late", "late"))).number, 0)
      << "a deleted topic takes no replies";
}

TEST_P(DiscussionsOnBackend, FacilitatorsHideWithAReasonAndReportsAreDealtWith) {
  const auto t = start(gareth, "Evenings");
  const auto r = run(service->reply(north, t.topic_id, mair, post("", "Something unkind", "r1")));
  EXPECT_FALSE(run(service->report(north, t.topic_id, r.number, mair, "Mine"))) << "not your own post";
  ASSERT_TRUE(run(service->report(north, t.topic_id, r.number, ngozi, "Not kind")));
  EXPECT_FALSE(run(service->report(north, t.topic_id, r.number, ngozi, "Again"))) << "one report per person";
  EXPECT_EQ(run(service->reports(board)).size(), 1u);
  EXPECT_EQ(run(service->topics(north, board, tom, Filter::all, std::nullopt))->open_reports, 1);
  EXPECT_EQ(run(service->topics(north, board, gareth, Filter::all, std::nullopt))->open_reports, 0)
      << "only the people who run the group see reports";
  EXPECT_FALSE(run(service->hide(north, t.topic_id, r.number, gareth, "No"))) << "members do not hide posts";
  ASSERT_TRUE(run(service->hide(north, t.topic_id, r.number, tom, "Please keep it kind")));
  EXPECT_TRUE(run(service->reports(board)).empty()) << "hiding the post dealt with its reports";
  const auto hidden = run(service->post(north, t.topic_id, r.number, mair));
  EXPECT_TRUE(hidden->post.hidden());
  EXPECT_EQ(hidden->post.hidden_reason, "Please keep it kind");
  EXPECT_EQ(world->count("search_documents WHERE kind = 'reply'"), 0);
  EXPECT_FALSE(run(service->react(north, t.topic_id, r.number, gareth, Reaction::agree, true)));
  ASSERT_TRUE(run(service->unhide(north, t.topic_id, r.number, tom)));
  EXPECT_EQ(world->count("search_documents WHERE kind = 'reply'"), 1);
  // A report let stand.
  ASSERT_TRUE(run(service->report(north, t.topic_id, 1, mair, "Off topic")));
  const auto waiting = run(service->reports(board));
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_FALSE(run(service->dismiss_report(north, board, waiting[0].id, gareth)));
  EXPECT_TRUE(run(service->dismiss_report(north, board, waiting[0].id, tom)));
  EXPECT_TRUE(run(service->reports(board)).empty());
}

TEST_P(DiscussionsOnBackend, ReactionsAndRaisesCountOncePerPerson) {
  const auto t = start(gareth, "Evenings");
  EXPECT_FALSE(run(service->react(north, t.topic_id, 1, gareth, Reaction::agree, true))) << "not on your own post";
  EXPECT_TRUE(run(service->react(north, t.topic_id, 1, mair, Reaction::agree, true)));
  EXPECT_TRUE(run(service->react(north, t.topic_id, 1, mair, Reaction::agree, true)));
  EXPECT_TRUE(run(service->react(north, t.topic_id, 1, tom, Reaction::agree, true)));
  EXPECT_TRUE(run(service->react(north, t.topic_id, 1, tom, Reaction::thanks, true)));
  auto v = run(service->topic(north, t.topic_id, mair, 0));
  EXPECT_EQ(v->opening.reactions[0], 2);
  EXPECT_EQ(v->opening.reactions[1], 1);
  EXPECT_TRUE(v->opening.mine[0]);
  EXPECT_FALSE(v->opening.mine[1]);
  EXPECT_TRUE(run(service->react(north, t.topic_id, 1, mair, Reaction::agree, false)));
  EXPECT_EQ(run(service->topic(north, t.topic_id, mair, 0))->opening.reactions[0], 1);
  EXPECT_TRUE(run(service->raise(north, t.topic_id, mair, true)));
  EXPECT_TRUE(run(service->raise(north, t.topic_id, mair, true)));
  EXPECT_TRUE(run(service->raise(north, t.topic_id, gareth, true)));
  EXPECT_FALSE(run(service->raise(north, t.topic_id, ngozi, true))) << "observers do not raise topics";
  EXPECT_EQ(run(service->topic(north, t.topic_id, mair, 0))->topic.raised_count, 2);
  const auto raised = run(service->topics(north, board, tom, Filter::raised, std::nullopt));
  EXPECT_EQ(raised->topics.size(), 1u);
  EXPECT_TRUE(run(service->raise(north, t.topic_id, mair, false)));
  EXPECT_EQ(run(service->topic(north, t.topic_id, mair, 0))->topic.raised_count, 1);
}

TEST_P(DiscussionsOnBackend, FollowersAndMentionedMembersAreToldInTheirLanguage) {
  const auto t = start(gareth, "Evenings");
  EXPECT_EQ(world->count("mail_outbox"), 0) << "nobody follows a new topic but its author";
  // Tom mentions Mair (Welsh): she is told, and follows it from now on; Gareth follows as its author.
  run(service->reply(north, t.topic_id, tom, post("", "Good idea @Mair Hughes, what do you think?", "r1")));
  EXPECT_EQ(world->count("mail_outbox"), 2);
  EXPECT_EQ(world->count("mail_outbox WHERE to_address = 'mair@example.org' AND lang = 'cy'"), 1);
  EXPECT_EQ(world->count("mail_outbox WHERE to_address = 'gareth@example.org' AND lang = 'en'"), 1);
  // Gareth stops following; Mair replies: only Tom (who replied, so follows) hears.
  ASSERT_TRUE(run(service->follow(north, t.topic_id, gareth, false)));
  run(service->reply(north, t.topic_id, mair, post("", "Yes please", "r2")));
  EXPECT_EQ(world->count("mail_outbox"), 3);
  EXPECT_EQ(world->count("mail_outbox WHERE to_address = 'tom@example.org'"), 1);
  // Replying again does not make Gareth follow again after he chose to stop.
  run(service->reply(north, t.topic_id, gareth, post("", "Thanks all", "r3")));
  run(service->reply(north, t.topic_id, tom, post("", "Noted", "r4")));
  EXPECT_EQ(world->count("mail_outbox WHERE to_address = 'gareth@example.org'"), 1);
  // Someone outside the group is never told, even when named.
  run(service->reply(north, t.topic_id, tom, post("", "Ask @Priya Shah", "r5")));
  EXPECT_EQ(world->count("mail_outbox WHERE to_address = 'priya@example.org'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DiscussionsOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::discussions
