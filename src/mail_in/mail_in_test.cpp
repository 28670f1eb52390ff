// Email in on both databases: an answer to a discussion's email is posted as the person, trimmed, once however often
// it is delivered, and goes through the reply path (followers told, with their own signed Reply-To); forged, unsigned
// and misdirected addresses and other senders are refused and nothing is posted; the person is emailed why when the
// ground rules are not agreed, nothing is left after trimming, or they may no longer post.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>

#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "discussions/discussion_service.hpp"
#include "groups/group_service.hpp"
#include "mail_in/mail_in_service.hpp"
#include "security/tokens.hpp"
#include "testing/world.hpp"

namespace roundtable::mail_in {
namespace {

using db::testing::run;
using organisations::Role;

class MailInOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    security::init();
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    tom = world->member("north", "tom@example.org", "Tom Evans", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth Jones");
    mair = world->member("north", "mair@example.org", "Mair Hughes");
    priya = world->member("north", "priya@example.org", "Priya Shah");
    world->db->run_sync([&](soci::session& s) { s << "UPDATE users SET lang = 'cy' WHERE id = :id", soci::use(mair); });
    world->organisations->set_mail("http://roundtable.test", nullptr);
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Carers Board";
    g.purpose = "Deciding together.";
    g.ground_rules = {"Listen to each other.", "Listen."};
    board = groups->create_group_now(north, tom, g, 1000);
    groups->add_member_now(north, board, gareth, discussions::GroupRole::member, 1000);
    groups->add_member_now(north, board, mair, discussions::GroupRole::member, 1000);
    discussions = std::make_unique<discussions::DiscussionService>(*world->db, world->search.get(), clock,
                                                                   world->organisations.get(), keys);
    service = std::make_unique<MailInService>(*world->db, *discussions, keys, "http://roundtable.test", clock);
    topic =
        run(discussions->start_topic(north, board, gareth, {"Evenings", "Can we meet at 7pm?", true, "t1"})).topic_id;
  }

  std::string message(const std::string& from, const std::string& to, const std::string& id, const std::string& body) {
    return "From: Someone <" + from + ">\r\nTo: " + to + "\r\nMessage-ID: <" + id +
           ">\r\nSubject: Re: Evenings\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
  }
  std::string address(long long user, long long t = 0) {
    return mail::reply_address(keys, {north, t ? t : topic, user});
  }
  Delivery deliver(const std::string& raw, const std::string& recipient = "") {
    return run(service->receive(raw, recipient));
  }
  long long posts() { return world->count("discussion_posts"); }
  long long mail_to(const std::string& who) { return world->count("mail_outbox WHERE to_address = '" + who + "'"); }

  mail::ReplyAddresses keys{"reply.roundtable.test", "the reply secret"};
  core::ManualClock clock{1'780'000'000};
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<discussions::DiscussionService> discussions;
  std::unique_ptr<MailInService> service;
  long long north = 0, tom = 0, gareth = 0, mair = 0, priya = 0, board = 0, topic = 0;
};

TEST_P(MailInOnBackend, AnAnswerIsPostedAsThePersonTrimmedAndOnce) {
  // Mair agreed to the ground rules with her first reply on the page.
  ASSERT_EQ(run(discussions->reply(north, topic, mair, {"", "Yes from me", true, "web"})).number, 2);
  const auto gareths_before = mail_to("gareth@example.org");
  const auto raw = message("Mair@Example.org", address(mair), "abc@mail.example",
                           "Thursday suits me.\r\n\r\nOn Sat, 5 Dec 2026, Roundtable <r@x> wrote:\r\n> Can we?\r\n"
                           "\r\n-- \r\nMair");
  const auto d = deliver(raw);
  EXPECT_EQ(d.outcome, Outcome::posted);
  EXPECT_EQ(d.number, 3);
  EXPECT_EQ(exit_code(d.outcome), 0);
  const auto view = run(discussions->topic(north, topic, mair, 0));
  ASSERT_EQ(view->replies.size(), 2u);
  EXPECT_EQ(view->replies.back().body, "Thursday suits me.");
  EXPECT_EQ(view->replies.back().author_id, mair);
  // Gareth follows the topic: he hears of it as of a reply on the page, with his own signed Reply-To.
  EXPECT_EQ(mail_to("gareth@example.org"), gareths_before + 1);
  std::string reply_to;
  world->db->run_sync([&](soci::session& s) {
    s << "SELECT reply_to FROM mail_outbox WHERE to_address = 'gareth@example.org' ORDER BY id DESC",
        soci::into(reply_to);
  });
  EXPECT_EQ(reply_to, address(gareth));
  // Delivered again (the mail server retried, or someone replayed it): posted once, and still "delivered".
  const auto again = deliver(raw);
  EXPECT_EQ(again.outcome, Outcome::duplicate);
  EXPECT_EQ(exit_code(again.outcome), 0);
  EXPECT_EQ(posts(), 3);
}

TEST_P(MailInOnBackend, ForgedUnsignedAndMisdirectedAnswersAreRefusedAndNeverPosted) {
  ASSERT_EQ(run(discussions->reply(north, topic, mair, {"", "Yes from me", true, "web"})).number, 2);
  const auto before = posts();
  const auto good = address(mair);
  std::string forged = good;
  forged[good.find('@') - 1] = forged[good.find('@') - 1] == '0' ? '1' : '0';
  const auto gareths = address(gareth);
  const struct {
    std::string raw;
    std::string recipient;
    std::string reason;
  } cases[] = {
      {message("mair@example.org", forged, "f1", "Forged"), "", "forged"},
      {message("mair@example.org", "reply+1.2.3@reply.roundtable.test", "f2", "Unsigned"), "", "unsigned"},
      {message("mair@example.org", "mair@reply.roundtable.test", "f3", "Not ours"), "", "not_a_reply_address"},
      // Gareth's address, sent by Mair; Mair's address, sent by someone else.
      {message("mair@example.org", gareths, "f4", "Not mine"), "", "from_mismatch"},
      {message("tom@example.org", good, "f5", "Pretending"), "", "from_mismatch"},
      {message("mair@example.org", address(99999), "f6", "Nobody"), "", "unknown_user"},
      {message("mair@example.org", address(mair, 99999), "f7", "No topic"), "", "unknown_topic"},
      // The envelope recipient is what counts, not the To header.
      {message("mair@example.org", good, "f8", "Envelope"), forged, "forged"},
  };
  for (const auto& c : cases) {
    const auto d = deliver(c.raw, c.recipient);
    EXPECT_EQ(d.outcome, Outcome::bad_address) << c.reason;
    EXPECT_EQ(d.reason, c.reason);
    EXPECT_EQ(exit_code(d.outcome), 67);
  }
  EXPECT_EQ(posts(), before);
  EXPECT_EQ(mail_to("mair@example.org"), 0) << "nobody is emailed about a refused address";
}

TEST_P(MailInOnBackend, ThePersonIsToldWhyWhenTheirAnswerCannotBePosted) {
  // Mair has not agreed to the ground rules yet.
  auto d = deliver(message("mair@example.org", address(mair), "g1", "Hello"));
  EXPECT_EQ(d.outcome, Outcome::answered);
  EXPECT_EQ(d.reason, "ground_rules");
  EXPECT_EQ(posts(), 1);
  ASSERT_EQ(mail_to("mair@example.org"), 1);
  std::string text, reply_to;
  world->db->run_sync([&](soci::session& s) {
    s << "SELECT text_body, reply_to FROM mail_outbox WHERE to_address = 'mair@example.org'", soci::into(text),
        soci::into(reply_to);
  });
  EXPECT_NE(text.find("reolau sylfaenol"), std::string::npos) << "in Mair's language (Welsh): " << text;
  EXPECT_NE(text.find("http://roundtable.test/o/north/topics/" + std::to_string(topic)), std::string::npos);
  EXPECT_EQ(reply_to, "") << "an answer about a refusal is not itself answered by email";
  ASSERT_EQ(run(discussions->reply(north, topic, mair, {"", "Agreed", true, "web"})).number, 2);
  // Nothing left once the quote and the signature go.
  d = deliver(message("mair@example.org", address(mair), "g2", "> Can we?\r\n\r\n-- \r\nMair"));
  EXPECT_EQ(d.reason, "empty");
  // Someone not in the group, with a properly signed address (the group's former member).
  d = deliver(message("priya@example.org", address(priya), "g3", "Let me in"));
  EXPECT_EQ(d.outcome, Outcome::answered);
  EXPECT_EQ(d.reason, "not_allowed");
  // Gareth has left the group since his email came: his signed address no longer lets him post.
  run(groups->leave(north, board, gareth));
  d = deliver(message("gareth@example.org", address(gareth), "g5", "Still here?"));
  EXPECT_EQ(d.reason, "not_allowed");
  // The group archived a moment ago.
  ASSERT_TRUE(run(groups->set_archived(north, board, tom, true)));
  d = deliver(message("mair@example.org", address(mair), "g4", "Too late"));
  EXPECT_EQ(d.reason, "not_allowed");
  EXPECT_EQ(posts(), 2);
  EXPECT_EQ(mail_to("mair@example.org"), 3);
  EXPECT_EQ(mail_to("priya@example.org"), 1);
}

TEST_P(MailInOnBackend, UnreadableBigAndAutomaticMessagesAreNotPosted) {
  ASSERT_EQ(run(discussions->reply(north, topic, mair, {"", "Agreed", true, "web"})).number, 2);
  auto koi = message("mair@example.org", address(mair), "u1", "\xC1\xC2");
  koi.replace(koi.find("utf-8"), 5, "koi8-r");
  auto d = deliver(koi);
  EXPECT_EQ(d.outcome, Outcome::bad_message);
  EXPECT_EQ(d.reason, "charset");
  EXPECT_EQ(exit_code(d.outcome), 65);
  d = deliver(message("mair@example.org", address(mair), "u2", std::string(kMaxMessageBytes, 'a')));
  EXPECT_EQ(d.reason, "too_large");
  auto away = message("mair@example.org", address(mair), "u3", "I am out of the office");
  away.insert(0, "Auto-Submitted: auto-replied\r\n");
  d = deliver(away);
  EXPECT_EQ(d.outcome, Outcome::ignored);
  EXPECT_EQ(exit_code(d.outcome), 0);
  EXPECT_EQ(posts(), 2);
  EXPECT_EQ(mail_to("mair@example.org"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, MailInOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::mail_in
