#include "decisions/power_rules.hpp"

#include <gtest/gtest.h>

namespace roundtable::decisions::power {
namespace {

const Taker kLived{{MemberType::lived_experience}};
const Taker kCarer{{MemberType::unpaid_carer}};
const Taker kStaff{{MemberType::staff}};
const Taker kPartner{{MemberType::partner_organisation}};
const Taker kStaffAndLived{{MemberType::staff, MemberType::lived_experience}};
const Taker kNoType{{}};

Participation people(std::initializer_list<Taker> takers, int unmet = 0) { return {takers, unmet}; }

Rules at_least(int n) {
  Rules r;
  r.at_least_lived_experience = n;
  return r;
}
Rules half(bool carers_count = true) {
  Rules r;
  r.lived_experience_half = true;
  r.carers_count = carers_count;
  return r;
}
Rules support() {
  Rules r;
  r.no_unmet_support = true;
  return r;
}
Rules all_three() {
  Rules r = at_least(2);
  r.lived_experience_half = true;
  r.no_unmet_support = true;
  return r;
}

TEST(PowerRules, Table) {
  struct Case {
    const char* name;
    Rules rules;
    Participation taking_part;
    std::vector<Breach> broken;
  } cases[] = {
      {"no rules, nobody", {}, people({}), {}},
      {"no rules, staff only", {}, people({kStaff, kStaff}, 3), {}},
      {"at least 2: two lived experience", at_least(2), people({kLived, kLived, kStaff}), {}},
      {"at least 2: one", at_least(2), people({kLived, kStaff, kStaff}), {{"decisions.rules.broken.at_least", 2, 1}}},
      {"at least 2: a carer counts", at_least(2), people({kLived, kCarer}), {}},
      {"at least 2: nobody", at_least(2), people({}), {{"decisions.rules.broken.at_least", 2, 0}}},
      {"at least 2: someone who is staff and has lived experience counts",
       at_least(2),
       people({kStaffAndLived, kLived}),
       {}},
      {"half: exactly half", half(), people({kLived, kStaff}), {}},
      {"half: more than half", half(), people({kLived, kCarer, kStaff}), {}},
      {"half: less than half", half(), people({kLived, kStaff, kStaff}), {{"decisions.rules.broken.half", 2, 1}}},
      {"half: five people need three",
       half(),
       people({kLived, kLived, kStaff, kPartner, kNoType}),
       {{"decisions.rules.broken.half", 3, 2}}},
      {"half: carers left out when the group says",
       half(false),
       people({kLived, kCarer, kStaff}),
       {{"decisions.rules.broken.half", 2, 1}}},
      {"half: nobody took part", half(), people({}), {{"decisions.rules.broken.half", 1, 0}}},
      {"support: all met", support(), people({kStaff}, 0), {}},
      {"support: two unmet", support(), people({kLived}, 2), {{"decisions.rules.broken.support", 0, 2}}},
      {"all three met", all_three(), people({kLived, kCarer, kStaff}), {}},
      {"all three broken, in order",
       all_three(),
       people({kLived, kStaff, kStaff}, 1),
       {{"decisions.rules.broken.at_least", 2, 1},
        {"decisions.rules.broken.half", 2, 1},
        {"decisions.rules.broken.support", 0, 1}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto v = check(c.rules, c.taking_part);
    EXPECT_EQ(v.breaches, c.broken);
    EXPECT_EQ(v.valid(), c.broken.empty());
  }
}

}  // namespace
}  // namespace roundtable::decisions::power
