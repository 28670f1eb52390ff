#include "security/passwords.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace roundtable::security
