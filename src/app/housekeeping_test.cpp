#include "app/housekeeping.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>

#include "accounts/accounts_module.hpp"
#include "core/clock.hpp"
#include "db/test_databases.hpp"
#include "organisations/organisations_module.hpp"
#include "security/tokens.hpp"

namespace roundtable::app {
namespace {

constexpr long long kNow = 2'000'000'000;
using core::kDay;

class HousekeepingOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = db::testing::fresh_database(GetParam());
    db->run_sync([](soci::session& s) {
      s << "INSERT INTO users (email, name, created_at, updated_at) VALUES ('a@example.org', 'A', 1, 1)";
      s << "INSERT INTO organisations (slug, name, created_at, updated_at) VALUES ('north', 'North', 1, 1)";
    });
    user = scalar("SELECT id FROM users");
    org = scalar("SELECT id FROM organisations");
  }
  long long scalar(const std::string& sql) {
    return db->run_sync([&](soci::session& s) {
      long long n = 0;
      s << sql, soci::into(n);
      return n;
    });
  }
  void exec(const std::string& sql) {
    db->run_sync([&](soci::session& s) { s << sql; });
  }
  std::string u() const { return std::to_string(user); }
  static std::string at(long long t) { return std::to_string(t); }

  std::unique_ptr<db::Database> db;
  long long user = 0, org = 0;
};

TEST_P(HousekeepingOnBackend, DeletesWhatHasDoneItsJobAndKeepsWhatIsStillInUse) {
  // Sessions: one expired, one live.
  exec("INSERT INTO sessions (id, user_id, created_at, updated_at, expires_at) VALUES ('old', " + u() + ", 1, 1, " +
       at(kNow - 1) + ")");
  exec("INSERT INTO sessions (id, user_id, created_at, updated_at, expires_at) VALUES ('live', " + u() + ", 1, 1, " +
       at(kNow + kDay) + ")");
  // Sign-in failures: two hours old, and a minute old (still counted by the limits).
  exec("INSERT INTO sign_in_failures (key, at) VALUES ('k', " + at(kNow - 2 * 3600) + ")");
  exec("INSERT INTO sign_in_failures (key, at) VALUES ('k', " + at(kNow - 60) + ")");
  // Links: expired two days ago, and still valid.
  exec("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ('r1', " + u() + ", 1, " +
       at(kNow - 2 * kDay) + ")");
  exec("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ('r2', " + u() + ", 1, " +
       at(kNow + 600) + ")");
  exec("INSERT INTO sign_in_links (user_id, token_hash, code_hash, browser_hash, created_at, expires_at) VALUES (" +
       u() + ", 's1', 'c', 'b', 1, " + at(kNow - 2 * kDay) + ")");
  exec("INSERT INTO sign_in_links (user_id, token_hash, code_hash, browser_hash, created_at, expires_at) VALUES (" +
       u() + ", 's2', 'c', 'b', 1, " + at(kNow + 600) + ")");
  // Invitations: accepted 40 days ago, cancelled yesterday, expired 31 days ago, and open.
  const std::string inv =
      "INSERT INTO invitations (org_id, email, role, token_hash, created_at, sent_at, expires_at, accepted_at, "
      "revoked_at) VALUES (" +
      std::to_string(org) + ", ";
  exec(inv + "'a@x.org', 'member', 'i1', 1, 1, " + at(kNow + kDay) + ", " + at(kNow - 40 * kDay) + ", NULL)");
  exec(inv + "'b@x.org', 'member', 'i2', 1, 1, " + at(kNow + kDay) + ", NULL, " + at(kNow - kDay) + ")");
  exec(inv + "'c@x.org', 'member', 'i3', 1, 1, " + at(kNow - 31 * kDay) + ", NULL, NULL)");
  exec(inv + "'d@x.org', 'member', 'i4', 1, 1, " + at(kNow + kDay) + ", NULL, NULL)");
  // Email: sent 31 days ago, sent yesterday, failed 100 days ago, failed 10 days ago, queued long ago.
  const std::string mail =
      "INSERT INTO mail_outbox (to_address, subject, text_body, html_body, status, next_attempt_at, created_at, "
      "sent_at) VALUES ('a@example.org', 's', '', '', ";
  exec(mail + "'sent', 0, 1, " + at(kNow - 31 * kDay) + ")");
  exec(mail + "'sent', 0, 1, " + at(kNow - kDay) + ")");
  exec(mail + "'failed', 0, " + at(kNow - 100 * kDay) + ", NULL)");
  exec(mail + "'failed', 0, " + at(kNow - 10 * kDay) + ", NULL)");
  exec(mail + "'queued', 0, 1, NULL)");

  auto rules = platform_retention();
  for (auto& r : accounts::retention()) rules.push_back(r);
  for (auto& r : organisations::retention()) rules.push_back(r);
  auto c = db->run_sync([&](soci::session& s) { return purge_expired(s, kNow, rules); });
  EXPECT_EQ(c.of("sessions"), 1);
  EXPECT_EQ(c.of("sign_in_failures"), 1);
  EXPECT_EQ(c.of("password_resets"), 1);
  EXPECT_EQ(c.of("sign_in_links"), 1);
  EXPECT_EQ(c.of("invitations"), 2);
  EXPECT_EQ(c.of("mail"), 2);
  EXPECT_EQ(c.total(), 8);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM sessions WHERE id = 'live'"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM sign_in_failures"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM password_resets WHERE token_hash = 'r2'"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM sign_in_links WHERE token_hash = 's2'"), 1);
  // The one cancelled yesterday stays for now, and so does the open one.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invitations WHERE token_hash IN ('i2', 'i4')"), 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invitations"), 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mail_outbox"), 3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mail_outbox WHERE status = 'queued'"), 1);
  // A second pass finds nothing more.
  EXPECT_EQ(db->run_sync([&](soci::session& s) { return purge_expired(s, kNow, rules); }).total(), 0);
}

TEST_P(HousekeepingOnBackend, TheHousekeeperPurgesAtStartAndStopsWithoutWaitingForTheNextPass) {
  exec("INSERT INTO sessions (id, user_id, created_at, updated_at, expires_at) VALUES ('old', " + u() + ", 1, 1, 2)");
  // An uploaded file whose row is gone (its owner erased their account) two hours ago, and a new one still in use.
  security::init();
  const auto dir = std::filesystem::temp_directory_path() / ("rt-housekeeping-" + security::random_token(8));
  uploads::FolderStorage storage(dir);
  const auto orphan = storage.put("left behind");
  std::filesystem::last_write_time(storage.root() / orphan,
                                   std::filesystem::file_time_type::clock::now() - std::chrono::hours(2));
  const auto fresh = storage.put("being saved");
  Housekeeper keeper(*db, platform_retention(), &storage, std::chrono::hours(1));
  keeper.start();
  for (int i = 0; i < 100 && (scalar("SELECT COUNT(*) FROM sessions") > 0 || storage.get(orphan)); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // stop() wakes the thread from its hour-long wait (if it did not, this test would hang until ctest's timeout).
  keeper.stop();
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM sessions"), 0);
  EXPECT_FALSE(storage.get(orphan)) << "a file no row refers to is removed";
  EXPECT_TRUE(storage.get(fresh)) << "a new file may still be waiting for its row";
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, HousekeepingOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::app
