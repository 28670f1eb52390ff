#include "security/tokens.hpp"

#include <gtest/gtest.h>

#include <set>

namespace roundtable::security {
namespace {

TEST(Tokens, RandomTokensAreUrlSafeAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    auto t = random_token();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Tokens, KeyedHashDependsOnKeyAndData) {
  EXPECT_EQ(keyed_hash("k", "d"), keyed_hash("k", "d"));
  EXPECT_NE(keyed_hash("k", "d"), keyed_hash("k2", "d"));
  EXPECT_NE(keyed_hash("k", "d"), keyed_hash("k", "d2"));
  EXPECT_NE(hash_token("a"), hash_token("b"));
}

TEST(Tokens, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "ab"));
  EXPECT_TRUE(constant_time_equal("", ""));
}

}  // namespace
}  // namespace roundtable::security
