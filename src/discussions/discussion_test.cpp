// Mentions and the forms as tables, and the service on both databases: a topic and a reply written once however
// often the form is sent, the ground rules asked before a first post, numbers in order and pages by keyset, unread
// markers, edits and deletions keeping their history, hiding and reports, reactions and raises counted once per
// person, email to followers and @mentioned members in their language, and nobody outside the group (or in another
// organisation) reading or writing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "discussions/discussion_form.hpp"
#include "discussions/discussion_service.hpp"
#include "groups/group_service.hpp"
#include "organisations/organisation_routes.hpp"
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

std::string fixture(const std::string& name) { return roundtable::testing::World::fixture("about_me/" + name); }

TEST(TopicFiles, APictureARecordingOrAVideoAndNothingElse) {
  const auto a = topic_file_allowed();
  EXPECT_TRUE(a.images && a.audio && a.video);
  EXPECT_EQ(a.max_image_bytes, 10LL * 1024 * 1024);
  EXPECT_EQ(a.max_audio_bytes, 25LL * 1024 * 1024);
  EXPECT_EQ(a.max_video_bytes, 50LL * 1024 * 1024);
  const auto kind = [&](const std::string& data, const char* name) {
    auto out = uploads::prepare_file(data, name, a);
    return std::holds_alternative<uploads::Prepared>(out) ? std::get<uploads::Prepared>(out).kind : media::Kind{};
  };
  EXPECT_EQ(kind(fixture("tiny.png"), "tiny.png"), media::Kind::image);
  EXPECT_EQ(kind(fixture("hello.mp3"), "hello.mp3"), media::Kind::audio);
  EXPECT_EQ(kind(fixture("morning.mp4"), "morning.mp4"), media::Kind::video);
  const auto refusal = [&](const std::string& data, const char* name) {
    auto out = uploads::prepare_file(data, name, a);
    return std::holds_alternative<uploads::Refusal>(out) ? uploads::refusal_code(std::get<uploads::Refusal>(out))
                                                         : std::string_view("kept");
  };
  EXPECT_EQ(refusal("%PDF-1.7\n1 0 obj", "minutes.pdf"), "wrong_type") << "not a picture, recording or video";
  EXPECT_EQ(refusal("<html><script>alert(1)</script></html>", "cat.jpg"), "wrong_type") << "the name does not count";
  EXPECT_EQ(refusal("Just some words", "notes.txt"), "wrong_type");
  EXPECT_EQ(refusal("", "empty.png"), "empty");
  EXPECT_EQ(refusal(fixture("tiny.png").substr(0, 40), "cut.png"), "broken");
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

// Topics active in the same second are ordered by id, and a page that ends among them is followed by the rest of
// them, none twice and none missed (the keyset compares the time and the id together, db/keyset.hpp).
TEST_P(DiscussionsOnBackend, TopicsActiveInTheSameSecondArePagedByIdNoneTwiceNoneMissed) {
  std::set<std::string> started;
  for (int i = 0; i < kTopicsPerPage + 3; ++i) {
    start(tom, "Same second " + std::to_string(i));
    started.insert("Same second " + std::to_string(i));
  }
  const auto first = run(service->topics(north, board, tom, Filter::all, std::nullopt));
  ASSERT_TRUE(first->older);
  const auto second = run(service->topics(north, board, tom, Filter::all, store::parse_topic_key(*first->older)));
  std::set<std::string> seen;
  std::size_t shown = 0;
  for (const auto* page : {&*first, &*second}) {
    for (const auto& t : page->topics) {
      seen.insert(t.title);
      ++shown;
    }
  }
  EXPECT_EQ(shown, started.size());
  EXPECT_EQ(seen, started);
  EXPECT_EQ(first->topics.front().title, "Same second " + std::to_string(kTopicsPerPage + 2));
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

TEST_P(DiscussionsOnBackend, ReactionCountsStayRightWhateverRemovesThemOnEveryPage) {
  // The counts are kept on the post (migration 0062): reactions on a reply on a later page, and a person's reactions
  // removed as erasing their account does (a DELETE by person), leave every count and "mine" as a count would.
  const auto t = start(gareth, "Evenings");
  for (int i = 0; i < kPostsPerPage + 2; ++i) {
    run(service->reply(north, t.topic_id, tom, post("", "Reply " + std::to_string(i + 1), "r" + std::to_string(i))));
  }
  const long long last = kPostsPerPage + 3;
  for (long long who : {gareth, mair}) {
    EXPECT_TRUE(run(service->react(north, t.topic_id, last, who, Reaction::me_too, true)));
    EXPECT_TRUE(run(service->react(north, t.topic_id, last, who, Reaction::thanks, true)));
  }
  EXPECT_TRUE(run(service->react(north, t.topic_id, 1, mair, Reaction::me_too, true)));
  auto later = run(service->topic(north, t.topic_id, mair, kPostsPerPage + 1));
  ASSERT_TRUE(later);
  EXPECT_EQ(later->opening.reactions, (std::array<long long, 3>{0, 0, 1}));
  EXPECT_EQ(later->opening.mine, (std::array<bool, 3>{false, false, true}));
  ASSERT_FALSE(later->replies.empty());
  EXPECT_EQ(later->replies.back().number, last);
  EXPECT_EQ(later->replies.back().reactions, (std::array<long long, 3>{0, 2, 2}));
  EXPECT_EQ(later->replies.back().mine, (std::array<bool, 3>{false, true, true}));
  EXPECT_EQ(later->replies.front().reactions, (std::array<long long, 3>{0, 0, 0}));
  world->db->run_sync(
      [&](soci::session& s) { s << "DELETE FROM discussion_reactions WHERE user_id = :id", soci::use(mair); });
  later = run(service->topic(north, t.topic_id, gareth, kPostsPerPage + 1));
  EXPECT_EQ(later->opening.reactions, (std::array<long long, 3>{0, 0, 0}));
  EXPECT_EQ(later->replies.back().reactions, (std::array<long long, 3>{0, 1, 1}));
  EXPECT_EQ(later->replies.back().mine, (std::array<bool, 3>{false, true, true}));
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

/// The same group with somewhere to keep topics' attachments.
class TopicFilesOnBackend : public DiscussionsOnBackend {
 protected:
  void SetUp() override {
    DiscussionsOnBackend::SetUp();
    dir = std::filesystem::temp_directory_path() / ("rt-topic-files-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::remove_all(dir);
    storage = std::make_shared<uploads::FolderStorage>(dir);
    uploads = std::make_unique<uploads::UploadService>(*world->db, storage);
    register_topic_file_access(*uploads);
    service = std::make_unique<DiscussionService>(*world->db, world->search.get(), clock, world->organisations.get(),
                                                  mail::ReplyAddresses{}, uploads.get());
  }
  void TearDown() override {
    service.reset();
    uploads.reset();
    std::filesystem::remove_all(dir);
  }
  static uploads::Prepared file(const char* name) {
    return std::get<uploads::Prepared>(uploads::prepare_file(fixture(name), name, topic_file_allowed()));
  }
  std::optional<Attachment> attachment(long long topic_id) {
    return run(service->topic(north, topic_id, gareth, 0))->topic.attachment;
  }
  /// Who may fetch the file, as /files/ asks: a person with their memberships, or nobody signed in.
  bool fetches(const std::string& public_id, std::optional<long long> who) {
    return world->fetches(*uploads, public_id, who);
  }
  std::filesystem::path dir;
  std::shared_ptr<uploads::FolderStorage> storage;
  std::unique_ptr<uploads::UploadService> uploads;
};

TEST_P(TopicFilesOnBackend, APictureWithItsWordsSeenByTheGroupOnly) {
  auto p = post("Our banner", "What do you think, @Mair Hughes?", "pic");
  p.file = file("tiny.png");
  p.alt = "A green banner";
  const auto t = run(service->start_topic(north, board, gareth, p));
  ASSERT_EQ(t.number, 1);
  EXPECT_EQ(world->count("mail_outbox WHERE to_address = 'mair@example.org' AND text_body LIKE '%Mae llun gyda%'"), 1)
      << "the email to the member named says, in her language, that it has a picture";
  EXPECT_EQ(run(service->start_topic(north, board, gareth, p)).topic_id, t.topic_id) << "sent twice: one topic";
  EXPECT_EQ(world->count("uploads"), 1) << "and one file";
  const auto a = attachment(t.topic_id);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, media::Kind::image);
  EXPECT_EQ(a->alt, "A green banner");
  EXPECT_EQ(a->mime, "image/png");
  EXPECT_TRUE(fetches(a->public_id, gareth)) << "its author";
  EXPECT_TRUE(fetches(a->public_id, mair)) << "a member";
  EXPECT_TRUE(fetches(a->public_id, ngozi)) << "an observer reads along";
  EXPECT_TRUE(fetches(a->public_id, tom)) << "the group's lead";
  EXPECT_FALSE(fetches(a->public_id, priya)) << "in the organisation, not in the group";
  EXPECT_FALSE(fetches(a->public_id, rhys)) << "another organisation";
  EXPECT_FALSE(fetches(a->public_id, std::nullopt)) << "nobody signed in";
  // Hidden: only its author still fetches it; shown again, everyone in the group.
  ASSERT_TRUE(run(service->hide(north, t.topic_id, 1, tom, "Not ours to share")));
  EXPECT_FALSE(fetches(a->public_id, mair));
  EXPECT_FALSE(fetches(a->public_id, tom));
  EXPECT_TRUE(fetches(a->public_id, gareth));
  ASSERT_TRUE(run(service->unhide(north, t.topic_id, 1, tom)));
  EXPECT_TRUE(fetches(a->public_id, mair));
  // Deleting the topic deletes its file; its history says so.
  ASSERT_TRUE(run(service->remove(north, t.topic_id, 1, gareth)));
  EXPECT_FALSE(fetches(a->public_id, gareth));
  EXPECT_EQ(world->count("uploads"), 0);
  EXPECT_TRUE(storage->keys().empty());
  const auto opening = run(service->post(north, t.topic_id, 1, gareth));
  EXPECT_EQ(run(service->history(opening->post.id)).back().attachment_change, "removed");
}

TEST_P(TopicFilesOnBackend, ItsAuthorAddsReplacesDescribesAndRemovesItWithTheHistoryKept) {
  const auto t = start(gareth, "Evenings");
  EXPECT_FALSE(attachment(t.topic_id));
  const auto change = [&](AttachmentChange c, long long who = 0, const char* body = "Opening words") {
    return run(service->edit(north, t.topic_id, 1, who ? who : gareth, "Evenings", body, std::move(c)));
  };
  ASSERT_TRUE(change({.file = file("hello.mp3")}));
  const auto first = attachment(t.topic_id);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->kind, media::Kind::audio);
  EXPECT_EQ(first->alt, "") << "a recording has no picture to describe";
  EXPECT_FALSE(change({.file = file("tiny.png"), .alt = "Me"}, mair)) << "only its author changes it";
  ASSERT_TRUE(change({.file = file("morning.mp4")}));
  const auto second = attachment(t.topic_id);
  EXPECT_EQ(second->kind, media::Kind::video);
  EXPECT_FALSE(fetches(first->public_id, gareth)) << "the replaced file is gone";
  EXPECT_EQ(world->count("uploads"), 1);
  EXPECT_EQ(storage->keys().size(), 1u);
  ASSERT_TRUE(change({.file = file("tiny.png"), .alt = "A map"}));
  ASSERT_TRUE(change({.alt = "A map of the town"}));
  EXPECT_EQ(attachment(t.topic_id)->alt, "A map of the town");
  ASSERT_TRUE(change({}, 0, "New words")) << "the words change, the picture stays";
  EXPECT_EQ(attachment(t.topic_id)->alt, "A map of the town");
  ASSERT_TRUE(change({.remove = true}, 0, "New words"));
  EXPECT_FALSE(attachment(t.topic_id));
  EXPECT_EQ(world->count("uploads"), 0);
  EXPECT_TRUE(storage->keys().empty());
  std::vector<std::string> changes;
  for (const auto& v : run(service->history(run(service->post(north, t.topic_id, 1, gareth))->post.id))) {
    changes.push_back(v.attachment_change);
  }
  EXPECT_EQ(changes, (std::vector<std::string>{"added", "replaced", "replaced", "described", "", "removed"}));
  // A reply has no attachment.
  const auto r = run(service->reply(north, t.topic_id, mair, post("", "Yes", "r1")));
  EXPECT_TRUE(run(service->edit(north, t.topic_id, r.number, mair, "", "Yes!", {.file = file("tiny.png")})));
  EXPECT_EQ(world->count("uploads"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, TopicFilesOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::discussions
