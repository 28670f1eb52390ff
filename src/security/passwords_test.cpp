#include "security/passwords.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "security/tokens.hpp"

namespace roundtable::security {
namespace {

class Passwords : public ::testing::Test {
 protected:
  void SetUp() override {
    init();
    set_password_cost(PasswordCost::fast);
  }
};

TEST_F(Passwords, TheRightPasswordMatchesAndOthersDoNot) {
  auto h = hash_password("correct horse battery staple");
  EXPECT_TRUE(h.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(h, "correct horse battery staple"));
  EXPECT_FALSE(verify_password(h, "correct horse battery stapl"));
  EXPECT_FALSE(verify_password(h, ""));
  EXPECT_FALSE(verify_password("", "anything"));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "anything"));
}

TEST_F(Passwords, EachHashHasItsOwnSalt) { EXPECT_NE(hash_password("same"), hash_password("same")); }

TEST_F(Passwords, UnicodePasswordsWork) {
  auto h = hash_password("Cymraeg â ŵ ŷ 🙂");
  EXPECT_TRUE(verify_password(h, "Cymraeg â ŵ ŷ 🙂"));
  EXPECT_FALSE(verify_password(h, "Cymraeg a w y 🙂"));
}

TEST_F(Passwords, AHashMadeWithOtherSettingsNeedsRehashing) {
  auto fast = hash_password("pw");
  EXPECT_FALSE(password_needs_rehash(fast));
  set_password_cost(PasswordCost::interactive);
  EXPECT_TRUE(password_needs_rehash(fast));
  auto strong = hash_password("pw");
  EXPECT_FALSE(password_needs_rehash(strong));
  EXPECT_TRUE(verify_password(strong, "pw"));
}

// The tests' servers hash at the lowest cost only when asked, and only in this (sanitizer) build; release builds
// compile the switch out (see passwords.cpp).
TEST_F(Passwords, TheFastCostForTestServersIsUsedOnlyWhenAsked) {
  set_password_cost(PasswordCost::interactive);
  unsetenv("ROUNDTABLE_TEST_FAST_PASSWORDS");
  EXPECT_FALSE(use_test_password_cost_if_asked());
  setenv("ROUNDTABLE_TEST_FAST_PASSWORDS", "yes", 1);
  EXPECT_FALSE(use_test_password_cost_if_asked());
  EXPECT_TRUE(password_needs_rehash(hash_password("pw")) == false);
  EXPECT_NE(hash_password("pw").find("m=65536"), std::string::npos);
  setenv("ROUNDTABLE_TEST_FAST_PASSWORDS", "1", 1);
  EXPECT_EQ(use_test_password_cost_if_asked(), true);
  EXPECT_NE(hash_password("pw").find("m=8,"), std::string::npos);
  unsetenv("ROUNDTABLE_TEST_FAST_PASSWORDS");
}

}  // namespace
}  // namespace roundtable::security
