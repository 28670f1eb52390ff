#include <gtest/gtest.h>
#include <soci/soci.h>

#include <ctime>

#include "accounts/account_service.hpp"
#include "accounts/account_store.hpp"
#include "accounts/sign_in_keys.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"
#include "security/totp.hpp"
#include "testing/world.hpp"

namespace roundtable::accounts {
namespace {

using accounts::EmailTaken;
using accounts::SignInLimits;
using accounts::SignInOutcome;
using db::testing::run;
using organisations::MemberType;
using organisations::Role;

class TwoStepOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<testing::World>(GetParam(), SignInLimits{.per_account = 5, .per_address = 50});
    db = world->db.get();
    acc = world->accounts.get();
    cons = world->consent.get();
    orgs = world->organisations.get();
    profs = world->profiles.get();
    priv = world->privacy.get();
    ceri = world->person("ceri@example.org", "Ceri");
  }
  static long long now() { return static_cast<long long>(std::time(nullptr)); }
  /// Turns two-step sign-in on; returns the key and the recovery codes.
  std::pair<std::string, std::vector<std::string>> turn_on() {
    auto secret = run(acc->start_two_step(ceri)).value();
    EXPECT_FALSE(run(acc->confirm_two_step(ceri, "000000")) && security::totp_code(secret, now()) != "000000");
    turned_on_at = now();
    auto codes = run(acc->confirm_two_step(ceri, security::totp_code(secret, turned_on_at)));
    EXPECT_TRUE(codes);
    return {secret, codes.value_or(std::vector<std::string>{})};
  }
  std::string password_step() {
    auto r = run(acc->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1", "/o/north"));
    EXPECT_EQ(r.outcome, SignInOutcome::two_step_needed);
    return r.two_step_token;
  }
  std::unique_ptr<testing::World> world;
  db::Database* db = nullptr;
  accounts::AccountService* acc = nullptr;
  consent::ConsentService* cons = nullptr;
  organisations::OrganisationService* orgs = nullptr;
  profiles::ProfileService* profs = nullptr;
  privacy::PrivacyService* priv = nullptr;
  long long ceri = 0;
  /// When the code that turned it on was made (its step is then used up).
  long long turned_on_at = 0;
};

TEST_P(TwoStepOnBackend, OffByDefaultSoThePasswordAloneSignsIn) {
  auto st = run(acc->two_step_status(ceri));
  EXPECT_FALSE(st.enabled);
  EXPECT_FALSE(st.pending_secret);
  EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::ok);
}

TEST_P(TwoStepOnBackend, SettingUpNeedsACodeFromTheNewKeyAndGivesTenRecoveryCodes) {
  auto [secret, codes] = turn_on();
  EXPECT_EQ(codes.size(), 10u);
  for (const auto& c : codes) EXPECT_EQ(c.size(), 11u) << c;  // "abcde-fghij"
  auto st = run(acc->two_step_status(ceri));
  EXPECT_TRUE(st.enabled);
  EXPECT_EQ(st.recovery_codes_left, 10);
  EXPECT_FALSE(run(acc->start_two_step(ceri))) << "a second key while one is on";
}

TEST_P(TwoStepOnBackend, TheSecondStepTakesAnAppCodeOnceOrARecoveryCodeOnce) {
  auto [secret, codes] = turn_on();
  // The code used to turn it on cannot be used again; the next step's code can.
  auto token = password_step();
  EXPECT_EQ(run(acc->sign_in_two_step(token, security::totp_code(secret, turned_on_at), "10.0.0.1")).outcome,
            TwoStepOutcome::wrong);
  auto ok = run(acc->sign_in_two_step(token, security::totp_code(secret, turned_on_at + 30), "10.0.0.1"));
  EXPECT_EQ(ok.outcome, TwoStepOutcome::ok);
  EXPECT_EQ(ok.user_id, ceri);
  EXPECT_EQ(ok.next, "/o/north");
  EXPECT_FALSE(ok.used_recovery_code);
  // A finished sign-in cannot be finished again.
  EXPECT_EQ(run(acc->sign_in_two_step(token, codes[0], "10.0.0.1")).outcome, TwoStepOutcome::expired);

  auto second = password_step();
  auto upper = codes[0];
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto by_recovery = run(acc->sign_in_two_step(second, upper, "10.0.0.1"));
  EXPECT_EQ(by_recovery.outcome, TwoStepOutcome::ok);
  EXPECT_TRUE(by_recovery.used_recovery_code);
  EXPECT_EQ(by_recovery.recovery_codes_left, 9);
  EXPECT_EQ(run(acc->sign_in_two_step(password_step(), codes[0], "10.0.0.1")).outcome, TwoStepOutcome::wrong);
}

TEST_P(TwoStepOnBackend, FiveWrongCodesEndTheWaitingSignInAndCountTowardsTheLimits) {
  auto [secret, codes] = turn_on();
  auto token = password_step();
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(run(acc->sign_in_two_step(token, "zzzzz-zzzzz", "10.0.0.1")).outcome, TwoStepOutcome::wrong);
  }
  EXPECT_EQ(run(acc->sign_in_two_step(token, "zzzzz-zzzzz", "10.0.0.1")).outcome, TwoStepOutcome::expired);
  EXPECT_EQ(run(acc->sign_in_two_step(token, codes[1], "10.0.0.1")).outcome, TwoStepOutcome::expired);
  // Five failures on the account, counted with wrong passwords (docs/adr/0019): the next try there must wait.
  EXPECT_EQ(db->run_sync([](soci::session& s) { return store::count_failures(s, account_key("ceri@example.org"), 0); }),
            5);
}

TEST_P(TwoStepOnBackend, NewRecoveryCodesReplaceTheOldAndTurningOffNeedsACode) {
  auto [secret, codes] = turn_on();
  EXPECT_EQ(run(acc->new_recovery_codes(ceri, codes[0])).outcome, CodeOutcome::wrong)
      << "renewing needs the app, not a recovery code";
  auto renewed = run(acc->new_recovery_codes(ceri, security::totp_code(secret, turned_on_at + 30)));
  ASSERT_EQ(renewed.outcome, CodeOutcome::ok);
  auto fresh = std::optional<std::vector<std::string>>(renewed.value);
  ASSERT_TRUE(fresh);
  EXPECT_NE(fresh->at(0), codes[0]);
  EXPECT_EQ(run(acc->turn_off_two_step(ceri, codes[0])).outcome, CodeOutcome::wrong)
      << "old recovery codes stopped working";
  EXPECT_EQ(run(acc->turn_off_two_step(ceri, "")).outcome, CodeOutcome::wrong);
  EXPECT_EQ(run(acc->turn_off_two_step(ceri, fresh->at(3))).outcome, CodeOutcome::ok);
  EXPECT_FALSE(run(acc->two_step_status(ceri)).enabled);
  EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::ok);
}

TEST_P(TwoStepOnBackend, WrongCodesFromASignedInSessionStopTheGuessingButNotSigningIn) {
  auto [secret, codes] = turn_on();
  // As many wrong codes as a sign-in allows (5 here), by either form.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(run(acc->turn_off_two_step(ceri, "000000")).outcome, CodeOutcome::wrong);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(run(acc->new_recovery_codes(ceri, "zzzzz-zzzzz")).outcome, CodeOutcome::wrong);
  }
  // Then even the right code is not tried: guessing has stopped.
  EXPECT_EQ(run(acc->turn_off_two_step(ceri, codes[0])).outcome, CodeOutcome::too_many);
  EXPECT_EQ(run(acc->new_recovery_codes(ceri, security::totp_code(secret, turned_on_at + 30))).outcome,
            CodeOutcome::too_many);
  EXPECT_TRUE(run(acc->two_step_status(ceri)).enabled) << "still on";
  // Counted apart from sign-ins: the owner can still sign in.
  EXPECT_EQ(run(acc->sign_in_with_password("ceri@example.org", "a long password", "10.0.0.1")).outcome,
            SignInOutcome::two_step_needed);
}

INSTANTIATE_TEST_SUITE_P(Backends, TwoStepOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::accounts
