#include "accounts/account_service.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <tuple>

#include "audit/audit_store.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"
#include "testing/services_fixture.hpp"
#include "testing/world.hpp"

namespace roundtable::accounts {
namespace {

using accounts::EmailTaken;
using accounts::SignInLimits;
using accounts::SignInOutcome;
using db::testing::run;
using organisations::MemberType;
using organisations::Role;

class AccountServiceOnBackend : public roundtable::testing::ServicesOnBackend {};

TEST_P(AccountServiceOnBackend, TheRightPasswordSignsInWhateverTheCaseOfTheEmail) {
  auto r = run(acc->sign_in_with_password("  CERI@example.org", "a long password", "127.0.0.1"));
  EXPECT_EQ(r.outcome, SignInOutcome::ok);
  EXPECT_EQ(r.user_id, ceri);
  EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "wrong", "127.0.0.1")).outcome, SignInOutcome::wrong);
  EXPECT_EQ(run(acc->sign_in_with_password("nobody@example.org", "a long password", "127.0.0.1")).outcome,
            SignInOutcome::wrong);
}

TEST_P(AccountServiceOnBackend, TooManyFailuresMakeTheAccountWaitButNotOthers) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "wrong", "10.0.0." + std::to_string(i))).outcome,
              SignInOutcome::wrong);
  }
  // Even the right password waits now, from any address.
  EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.9")).outcome,
            SignInOutcome::too_many_for_account);
  acc->create_user_now({.email = "dai@example.org", .name = "Dai"}, "another password");
  EXPECT_EQ(run(acc->sign_in_with_password("dai@example.org", "another password", "10.0.0.9")).outcome,
            SignInOutcome::ok);
  // No email or address is stored in the failures table.
  auto keys = db->run_sync([](soci::session& s) {
    std::string all;
    soci::rowset<std::string> rows = (s.prepare << "SELECT key FROM sign_in_failures");
    for (auto& k : rows) all += k + " ";
    return all;
  });
  EXPECT_EQ(keys.find("ceri"), std::string::npos);
  EXPECT_EQ(keys.find("10.0.0"), std::string::npos);
}

TEST_P(AccountServiceOnBackend, AResetLinkWorksForAnHour) {
  core::ManualClock clock;
  AccountService timed(*db, SignInLimits{.per_account = 3, .per_address = 50}, clock);

  // A password reset link works for an hour after it was sent (the token is read from the email).
  db::testing::run_void(timed.request_password_reset("ceri@example.org"));
  const std::string text = db->run_sync([](soci::session& s) {
    std::string body;
    s << "SELECT text_body FROM mail_outbox ORDER BY id DESC LIMIT 1", soci::into(body);
    return body;
  });
  const auto at = text.find("/reset-password/");
  ASSERT_NE(at, std::string::npos) << text;
  const std::string token = text.substr(at + 16, text.find_first_of(" \n", at + 16) - at - 16);
  clock.advance(std::chrono::minutes(59));
  EXPECT_TRUE(run(timed.password_reset_user(token)).has_value());
  clock.advance(std::chrono::minutes(2));
  EXPECT_FALSE(run(timed.password_reset_user(token)).has_value());
}

TEST_P(AccountServiceOnBackend, TooManyFailuresFromOneAddressLockThatAddress) {
  for (int i = 0; i < 5; ++i) {
    run(acc->sign_in_with_password("guess" + std::to_string(i) + "@example.org", "x", "192.0.2.1"));
  }
  EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "a long password", "192.0.2.1")).outcome,
            SignInOutcome::too_many_for_address);
  EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "a long password", "192.0.2.2")).outcome,
            SignInOutcome::ok);
}

TEST_P(AccountServiceOnBackend, ASuccessfulSignInClearsTheAccountsFailures) {
  run(acc->sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  run(acc->sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::ok);
  run(acc->sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  run(acc->sign_in_with_password("ceri@example.org", "wrong", "10.0.0.1"));
  EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::ok);
}

TEST_P(AccountServiceOnBackend, AnOldPasswordHashIsUpgradedAtSignIn) {
  security::set_password_cost(security::PasswordCost::interactive);
  EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::ok);
  auto hash = db->run_sync([&](soci::session& s) {
    std::string h;
    s << "SELECT password_hash FROM users WHERE id = :id", soci::use(ceri), soci::into(h);
    return h;
  });
  EXPECT_FALSE(security::password_needs_rehash(hash));
  security::set_password_cost(security::PasswordCost::fast);
}

/// Issue #12 item 6 (docs/adr/0019): failures slow the next try down, 1 s, 2 s, 4 s ... capped, instead of locking
/// the account for 15 minutes; a try made too early is not counted.
TEST_P(AccountServiceOnBackend, FailuresSlowTheAccountDownWithGrowingDelaysInsteadOfLockingIt) {
  core::ManualClock clock;
  AccountService timed(*db, SignInLimits{.per_account = 3, .per_address = 50, .max_delay_seconds = 8}, clock);
  auto attempt = [&](const char* password, const std::string& address) {
    return run(timed.sign_in_with_password("ceri@example.org", password, address));
  };
  for (int i = 0; i < 3; ++i) EXPECT_EQ(attempt("wrong", "10.0.0." + std::to_string(i)).outcome, SignInOutcome::wrong);
  // Even the right password waits a second, from any address: then it is let in (on main: 15 minutes).
  auto early = attempt("a long password", "10.0.0.9");
  EXPECT_EQ(early.outcome, SignInOutcome::too_many_for_account);
  EXPECT_EQ(early.wait_seconds, 1);
  clock.advance(std::chrono::seconds(1));
  EXPECT_EQ(attempt("a long password", "10.0.0.9").outcome, SignInOutcome::ok);

  // Each wrong try after the first few doubles the wait, up to the cap.
  for (int i = 0; i < 3; ++i) attempt("wrong", "192.0.2.1");
  std::vector<long long> waits;
  for (int i = 0; i < 5; ++i) {
    auto r = attempt("wrong", "192.0.2.1");
    ASSERT_EQ(r.outcome, SignInOutcome::too_many_for_account);
    waits.push_back(r.wait_seconds);
    EXPECT_EQ(attempt("wrong", "192.0.2.1").wait_seconds, r.wait_seconds) << "a try made too early is not counted";
    clock.advance(std::chrono::seconds(r.wait_seconds));
    EXPECT_EQ(attempt("wrong", "192.0.2.1").outcome, SignInOutcome::wrong);
  }
  EXPECT_EQ(waits, (std::vector<long long>{1, 2, 4, 8, 8}));
  // After the window, the failures are forgotten.
  clock.advance(std::chrono::minutes(15));
  EXPECT_EQ(attempt("a long password", "192.0.2.1").outcome, SignInOutcome::ok);
}

/// A browser that has signed in to the account before is counted apart: guessing elsewhere never slows its owner.
TEST_P(AccountServiceOnBackend, AKnownBrowserIsNotSlowedDownByGuessesFromElsewhere) {
  core::ManualClock clock;
  AccountService timed(*db, SignInLimits{.per_account = 3, .per_address = 50}, clock);
  const std::string cookie = timed.known_browser_cookie(ceri);
  EXPECT_EQ(timed.known_browser_user(cookie), ceri);
  EXPECT_EQ(timed.known_browser_user(std::to_string(ceri) + ".made-up-signature-of-forty-three-characters"), 0);
  EXPECT_EQ(timed.known_browser_user(""), 0);
  AccountService other(*db, SignInLimits{}, clock);
  EXPECT_EQ(other.known_browser_user(cookie), 0) << "another server's secret does not sign it";

  for (int i = 0; i < 20; ++i)
    run(timed.sign_in_with_password("ceri@example.org", "wrong", "10.1.0." + std::to_string(i)));
  EXPECT_EQ(run(timed.sign_in_with_password("ceri@example.org", "a long password", "10.2.0.1")).outcome,
            SignInOutcome::too_many_for_account);
  EXPECT_EQ(run(timed.sign_in_with_password("ceri@example.org", "a long password", "10.2.0.1", "", ceri)).outcome,
            SignInOutcome::ok);
  // A cookie for someone else's account does not count as known for this one.
  acc->create_user_now({.email = "dai@example.org", .name = "Dai"}, "another password");
  EXPECT_EQ(
      run(timed.sign_in_with_password("ceri@example.org", "a long password", "10.2.0.1", "", ceri + 1000)).outcome,
      SignInOutcome::too_many_for_account);
  // The per-address limit stays: 20 failures from one address stop it for the window, known browser or not.
  for (int i = 0; i < 50; ++i)
    run(timed.sign_in_with_password("x" + std::to_string(i) + "@example.org", "x", "10.9.9.9"));
  EXPECT_EQ(run(timed.sign_in_with_password("ceri@example.org", "a long password", "10.9.9.9", "", ceri)).outcome,
            SignInOutcome::too_many_for_address);
}

/// Wrong emailed codes share the counters with passwords.
TEST_P(AccountServiceOnBackend, WrongEmailedCodesCountTowardsTheSameDelays) {
  core::ManualClock clock;
  AccountService timed(*db, SignInLimits{.per_account = 3, .per_address = 50}, clock);
  db::testing::run_void(timed.request_email_sign_in("ceri@example.org", "browser secret of ceri", ""));
  const std::string text = db->run_sync([](soci::session& s) {
    std::string body;
    s << "SELECT text_body FROM mail_outbox ORDER BY id DESC LIMIT 1", soci::into(body);
    return body;
  });
  std::string code;
  for (size_t i = 0; i + 6 <= text.size() && code.empty(); ++i) {
    if (text.find_first_not_of("0123456789", i) >= i + 6 && (i == 0 || text[i - 1] == '\n') &&
        (i + 6 == text.size() || text[i + 6] == '\n'))
      code = text.substr(i, 6);
  }
  ASSERT_EQ(code.size(), 6u) << text;
  std::string wrong = code;
  wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
  for (int i = 0; i < 3; ++i) run(timed.sign_in_with_code(wrong, "browser secret of ceri", "10.0.0.1"));
  auto r = run(timed.sign_in_with_password("ceri@example.org", "a long password", "10.0.0.2"));
  EXPECT_EQ(r.outcome, SignInOutcome::too_many_for_account);
  EXPECT_EQ(r.wait_seconds, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountServiceOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::accounts
