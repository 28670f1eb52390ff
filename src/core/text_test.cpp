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

}  // namespace
}  // namespace roundtable::core
