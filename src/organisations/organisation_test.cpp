#include "organisations/organisation.hpp"

#include <gtest/gtest.h>

namespace roundtable::organisations {
namespace {

TEST(Organisations, CodesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(parse_role(role_code(r)), r);
  for (MemberType t : kAllMemberTypes) EXPECT_EQ(parse_member_type(member_type_code(t)), t);
  EXPECT_FALSE(parse_role("owner"));
  EXPECT_FALSE(parse_member_type(""));
  EXPECT_EQ(parse_signup_mode("open"), SignupMode::open);
  EXPECT_FALSE(parse_signup_mode("closed"));
}

TEST(Organisations, SlugsAreShortLowerCaseWordsWithHyphens) {
  EXPECT_TRUE(is_valid_slug("north-wales-carers"));
  EXPECT_TRUE(is_valid_slug("ab"));
  EXPECT_TRUE(is_valid_slug("council2"));
  EXPECT_FALSE(is_valid_slug("a"));
  EXPECT_FALSE(is_valid_slug("-carers"));
  EXPECT_FALSE(is_valid_slug("carers-"));
  EXPECT_FALSE(is_valid_slug("north--wales"));
  EXPECT_FALSE(is_valid_slug("North"));
  EXPECT_FALSE(is_valid_slug("gofalwyr-gŵyl"));
  EXPECT_FALSE(is_valid_slug("a/b"));
  EXPECT_FALSE(is_valid_slug(std::string(41, 'a')));
}

TEST(Organisations, LanguagesKeepTheirOrderAndDropUnknownsAndRepeats) {
  EXPECT_EQ(parse_languages("cy,en"), (std::vector<core::Lang>{core::Lang::cy, core::Lang::en}));
  EXPECT_EQ(parse_languages("en,fr,en"), (std::vector<core::Lang>{core::Lang::en}));
  EXPECT_EQ(parse_languages(""), (std::vector<core::Lang>{core::Lang::en}));
  EXPECT_EQ(languages_code({core::Lang::cy, core::Lang::en}), "cy,en");
}

}  // namespace
}  // namespace roundtable::organisations
