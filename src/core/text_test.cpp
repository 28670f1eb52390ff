#include "core/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace roundtable::core {
namespace {

TEST(CompareFolded, OrdersAsATable) {
  struct Case {
    std::string_view a, b;
    int sign;
  };
  const Case cases[] = {
      {"apple", "Apple", 0},
      {"Apple", "banana", -1},
      {"banana", "Apple", 1},
      {"", "", 0},
      {"", "a", -1},
      {"a", "", 1},
      {"Tom", "tom jones", -1},
      {"ZED", "alpha", 1},
      {"[x]", "a", -1},
      {"Zoë", "Zoe", 1},
      {"Ángel", "Zed", 1},
      {"Siân", "SIÂN", 1},
      {"group 10", "Group 9", -1},
      {"a-b", "a_b", -1},
  };
  for (const auto& c : cases) {
    const int got = compare_folded(c.a, c.b);
    EXPECT_EQ((got > 0) - (got < 0), c.sign) << c.a << " vs " << c.b;
    EXPECT_EQ(folded_less(c.a, c.b), c.sign < 0) << c.a << " vs " << c.b;
  }
}

TEST(CompareFolded, SortsAListLikeLowerDid) {
  std::vector<std::string> names{"mair", "Gareth", "tom", "Ngozi", "priya", "Siân"};
  std::sort(names.begin(), names.end(), folded_less);
  EXPECT_EQ(names, (std::vector<std::string>{"Gareth", "mair", "Ngozi", "priya", "Siân", "tom"}));
}

TEST(Characters, CountsCharactersNotBytes) {
  struct Case {
    std::string_view text;
    std::size_t count;
  };
  const Case cases[] = {
      {"", 0},
      {"Roundtable", 10},
      {"ŵ", 1},
      {"Dŵr a ŷd", 8},
      {"Siân", 4},
      {"\xF0\x9F\x98\x80", 1},                     // 😀, four bytes
      {"hi \xF0\x9F\x91\x8B\xF0\x9F\x8F\xBD", 5},  // a waving hand and its skin tone: two characters
  };
  for (const auto& c : cases) EXPECT_EQ(characters(c.text), c.count) << c.text;
}

TEST(SmallNumber, ReadsOneToFourCharacters) {
  struct Case {
    std::string_view typed;
    std::optional<int> value;
  };
  const Case cases[] = {
      {"7", 7},
      {"0042", 42},
      {"2026", 2026},
      {"12345", std::nullopt},
      {"", std::nullopt},
      {"1a", std::nullopt},
      {"a1", std::nullopt},
      {" 7", std::nullopt},
      {"+7", std::nullopt},
      {"-1", -1},
  };
  for (const auto& c : cases) EXPECT_EQ(small_number(c.typed), c.value) << '"' << c.typed << '"';
}

TEST(Text, CommaSeparatedListsInParts) {
  using Parts = std::vector<std::string_view>;
  EXPECT_EQ(comma_separated("staff,unpaid_carer"), (Parts{"staff", "unpaid_carer"}));
  EXPECT_EQ(comma_separated("walking"), (Parts{"walking"}));
  EXPECT_TRUE(comma_separated("").empty());
  EXPECT_EQ(comma_separated("a,,b"), (Parts{"a", "", "b"}));
  EXPECT_EQ(comma_separated("a,"), (Parts{"a"})) << "a comma at the end adds no part";
  EXPECT_EQ(comma_separated(",a"), (Parts{"", "a"}));
}

}  // namespace
}  // namespace roundtable::core
