#include "people/personal_data.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::people {
namespace {

TEST(PersonalData, EveryPersonalTableSaysWhatItHoldsAndHowItIsErased) {
  for (auto& t : personal_tables()) {
    EXPECT_FALSE(t.person_column.empty()) << t.table;
    EXPECT_FALSE(t.holds.empty()) << t.table;
  }
}

}  // namespace
}  // namespace roundtable::people
