#include "accounts/account.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::accounts {
namespace {

TEST(Accounts, EmailsAreTrimmedAndLowerCased) {
  EXPECT_EQ(normalise_email("  Ceri.Jones@Example.ORG \n"), "ceri.jones@example.org");
  EXPECT_TRUE(is_plausible_email("ceri@example.org"));
  EXPECT_TRUE(is_plausible_email("a.b+c@sub.example.co.uk"));
  EXPECT_FALSE(is_plausible_email("ceri@example"));
  EXPECT_FALSE(is_plausible_email("ceri.example.org"));
  EXPECT_FALSE(is_plausible_email("@example.org"));
  EXPECT_FALSE(is_plausible_email("a@b@example.org"));
  EXPECT_FALSE(is_plausible_email("ceri jones@example.org"));
  EXPECT_FALSE(is_plausible_email("ceri@example.org."));
  EXPECT_FALSE(is_plausible_email("x@y.z\r\nBcc: victim@example.org"));
  EXPECT_FALSE(is_plausible_email(std::string(250, 'a') + "@example.org"));
}

}  // namespace
}  // namespace roundtable::accounts
