#include "people/people.hpp"

#include <gtest/gtest.h>

namespace roundtable::people {
namespace {

TEST(People, CodesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(parse_role(role_code(r)), r);
  for (MemberType t : kAllMemberTypes) EXPECT_EQ(parse_member_type(member_type_code(t)), t);
  EXPECT_FALSE(parse_role("owner"));
  EXPECT_FALSE(parse_member_type(""));
  EXPECT_EQ(parse_signup_mode("open"), SignupMode::open);
  EXPECT_FALSE(parse_signup_mode("closed"));
}

TEST(People, EmailsAreTrimmedAndLowerCased) {
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

TEST(People, SlugsAreShortLowerCaseWordsWithHyphens) {
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

TEST(People, LanguagesKeepTheirOrderAndDropUnknownsAndRepeats) {
  EXPECT_EQ(parse_languages("cy,en"), (std::vector<core::Lang>{core::Lang::cy, core::Lang::en}));
  EXPECT_EQ(parse_languages("en,fr,en"), (std::vector<core::Lang>{core::Lang::en}));
  EXPECT_EQ(parse_languages(""), (std::vector<core::Lang>{core::Lang::en}));
  EXPECT_EQ(languages_code({core::Lang::cy, core::Lang::en}), "cy,en");
}

}  // namespace
}  // namespace roundtable::people
