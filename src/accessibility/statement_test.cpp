// The statement form's checks as a table, and the service on both databases: saving, publishing, what everyone
// may read, the audit entry and the dates.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>

#include "accessibility/statement_form.hpp"
#include "accessibility/statement_service.hpp"
#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "http/form.hpp"
#include "testing/world.hpp"

namespace roundtable::accessibility {
namespace {

using db::testing::run;
using db::testing::run_void;

StatementForm good() { return {"partial", "Old notes are scanned.", "access@north.example", "", "5", "yes"}; }

/// The fields with problems, in page order.
std::string problems_of(const StatementForm& f) {
  std::string out;
  for (const auto& p : check_statement(f)) out += (out.empty() ? "" : " ") + p.field + ":" + p.key.substr(20);
  return out;
}

TEST(StatementForm, WhatIsWrongAndWhatIsFine) {
  struct Case {
    const char* what;
    StatementForm form;
    const char* problems;
  };
  auto with = [](auto change) {
    auto f = good();
    change(f);
    return f;
  };
  const Case cases[] = {
      {"a good form", good(), ""},
      {"fully compliant needs no problems listed", with([](auto& f) {
         f.compliance = "full";
         f.known_problems = "";
       }),
       ""},
      {"no compliance chosen", with([](auto& f) { f.compliance = ""; }), "compliance:compliance"},
      {"an unknown compliance", with([](auto& f) { f.compliance = "mostly"; }), "compliance:compliance"},
      {"partly compliant without saying what", with([](auto& f) { f.known_problems = ""; }),
       "known_problems:known_problems"},
      {"not compliant without saying what", with([](auto& f) {
         f.compliance = "none";
         f.known_problems = "";
       }),
       "known_problems:known_problems"},
      {"too long", with([](auto& f) { f.known_problems = std::string(kMaxKnownProblems + 1, 'x'); }),
       "known_problems:known_problems_long"},
      {"no way to contact", with([](auto& f) { f.contact_email = ""; }), "contact_email:contact"},
      {"a phone number alone", with([](auto& f) {
         f.contact_email = "";
         f.contact_phone = "+44 (0)300 123-4567";
       }),
       ""},
      {"an email without @", with([](auto& f) { f.contact_email = "access.north.example"; }), "contact_email:email"},
      {"an email without a dot after @", with([](auto& f) { f.contact_email = "access@north"; }),
       "contact_email:email"},
      {"an email with a space", with([](auto& f) { f.contact_email = "a ccess@north.example"; }),
       "contact_email:email"},
      {"a phone with letters", with([](auto& f) { f.contact_phone = "call us"; }), "contact_phone:phone"},
      {"a phone too short", with([](auto& f) { f.contact_phone = "12345"; }), "contact_phone:phone"},
      {"no reply days", with([](auto& f) { f.reply_days = ""; }), "reply_days:reply_days"},
      {"zero reply days", with([](auto& f) { f.reply_days = "0"; }), "reply_days:reply_days"},
      {"61 reply days", with([](auto& f) { f.reply_days = "61"; }), "reply_days:reply_days"},
      {"words for reply days", with([](auto& f) { f.reply_days = "five"; }), "reply_days:reply_days"},
      {"60 reply days", with([](auto& f) { f.reply_days = "60"; }), ""},
      {"publish not chosen", with([](auto& f) { f.published = ""; }), "published:published"},
      {"everything wrong at once", StatementForm{},
       "compliance:compliance contact_email:contact reply_days:reply_days published:published"},
  };
  for (const auto& c : cases) EXPECT_EQ(problems_of(c.form), c.problems) << c.what;
}

TEST(StatementForm, ReadsTrimmedAndRoundTrips) {
  auto parsed = http::parse_urlencoded(
      "compliance=none&known_problems=+Scanned+notes+&contact_email=a%40b.org&contact_phone=&reply_days=+10+"
      "&published=no");
  ASSERT_TRUE(parsed);
  const auto form = read_statement(*parsed);
  EXPECT_EQ(form.known_problems, "Scanned notes");
  EXPECT_EQ(form.reply_days, "10");
  const auto st = statement_of(form, 7);
  EXPECT_EQ(st.org_id, 7);
  EXPECT_EQ(st.compliance, Compliance::none);
  EXPECT_EQ(st.reply_days, 10);
  EXPECT_FALSE(st.published);
  const auto again = form_of(st);
  EXPECT_EQ(again.compliance, "none");
  EXPECT_EQ(again.published, "no");
  EXPECT_EQ(again.contact_email, "a@b.org");
}

class StatementOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    world->organisation("south", "South Forum");
    admin = world->member("north", "siân@example.org", "Siân", core::Role::org_admin);
    service = std::make_unique<StatementService>(*world->db, clock);
  }
  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<StatementService> service;
  long long north = 0;
  long long admin = 0;
};

TEST_P(StatementOnBackend, ADraftIsNotShownUntilPublished) {
  EXPECT_FALSE(run(service->statement(north)));
  auto st = statement_of(good(), north);
  st.published = false;
  run_void(service->save_statement(admin, st));
  ASSERT_TRUE(run(service->statement(north)));
  EXPECT_FALSE(run(service->published_statement("north")));
  EXPECT_TRUE(run(service->published_statements()).empty());

  st.published = true;
  run_void(service->save_statement(admin, st));
  const auto shown = run(service->published_statement("north"));
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->org.name, "North Carers");
  EXPECT_EQ(shown->statement.known_problems, "Old notes are scanned.");
  EXPECT_EQ(shown->statement.contact_email, "access@north.example");
  const auto listed = run(service->published_statements());
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].org_slug, "north");
  // Another organisation's address shows nothing, and neither does one that does not exist.
  EXPECT_FALSE(run(service->published_statement("south")));
  EXPECT_FALSE(run(service->published_statement("nowhere")));
}

TEST_P(StatementOnBackend, PreparedStaysReviewedMovesAndEverySaveIsAudited) {
  auto st = statement_of(good(), north);
  const long long first = clock.now_seconds();
  run_void(service->save_statement(admin, st));
  clock.advance(std::chrono::hours(24 * 30));
  st.compliance = Compliance::full;
  st.known_problems = "";
  run_void(service->save_statement(admin, st));
  const auto saved = run(service->statement(north));
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->compliance, Compliance::full);
  EXPECT_EQ(saved->prepared_at, first);
  EXPECT_EQ(saved->reviewed_at, first + 30 * 24 * 3600);
  EXPECT_EQ(world->count("audit_log WHERE action = 'org_settings_changed' AND detail = 'accessibility_statement' "
                         "AND org_id = " +
                         std::to_string(north) + " AND actor_user_id = " + std::to_string(admin)),
            2);
}

TEST_P(StatementOnBackend, DemoDataNeedsItsOrganisation) {
  EXPECT_FALSE(service->save_statement_now("demo", statement_of(good(), 0)));
  EXPECT_TRUE(service->save_statement_now("north", statement_of(good(), 0)));
  EXPECT_TRUE(run(service->published_statement("north")));
}

INSTANTIATE_TEST_SUITE_P(Backends, StatementOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::accessibility
