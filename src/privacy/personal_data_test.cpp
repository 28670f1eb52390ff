#include "privacy/personal_data.hpp"

#include <gtest/gtest.h>

#include <string>

#include "testing/world.hpp"

namespace roundtable::privacy {
namespace {

TEST(PersonalData, EveryPersonalTableSaysWhatItHoldsAndHowItIsErased) {
  for (auto& t : testing::World::personal_tables()) {
    EXPECT_FALSE(t.person_column.empty()) << t.table;
    EXPECT_FALSE(t.holds.empty()) << t.table;
  }
}

}  // namespace
}  // namespace roundtable::privacy
