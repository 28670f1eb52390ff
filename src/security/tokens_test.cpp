#include "security/tokens.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>
#include <thread>
#include <vector>

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

TEST(Tokens, TokensOfDifferentThreadsNeverRepeatEachOther) {
  std::vector<std::vector<std::string>> made(4);
  std::vector<std::thread> threads;
  for (auto& list : made) {
    threads.emplace_back([&list] {
      for (int i = 0; i < 2000; ++i) list.push_back(random_token(9));
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> seen;
  for (const auto& list : made) seen.insert(list.begin(), list.end());
  EXPECT_EQ(seen.size(), 8000u);
}

TEST(Tokens, LongTokensAreWholeAndAllDifferent) {
  const auto a = random_token(1000), b = random_token(1000);
  EXPECT_EQ(a.size(), 1334u);  // 1000 bytes in base64 without padding
  EXPECT_NE(a, b);
  // Not a run of one byte (a buffer given out before it was filled would be zeros: "AAAA...").
  EXPECT_EQ(a.find(std::string(16, 'A')), std::string::npos);
}

// A child process starts with a copy of its parent's state: without a new key it would make the tokens its parent
// makes next (the same session tokens, the same sign-in codes).
TEST(Tokens, AForkedChildDoesNotMakeItsParentsNextToken) {
  (void)random_token();  // the parent's state is keyed and in use
  int pipe_ends[2];
  ASSERT_EQ(pipe(pipe_ends), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const auto t = random_token();
    const auto written = write(pipe_ends[1], t.data(), t.size());
    _exit(written == static_cast<ssize_t>(t.size()) ? 0 : 1);
  }
  close(pipe_ends[1]);
  const auto parents = random_token();
  std::string childs(43, '\0');
  size_t got = 0;
  while (got < childs.size()) {
    const auto n = read(pipe_ends[0], childs.data() + got, childs.size() - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(pipe_ends[0]);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_EQ(got, childs.size());
  EXPECT_NE(childs, parents);
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
