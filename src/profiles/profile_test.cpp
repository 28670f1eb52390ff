#include "profiles/profile.hpp"

#include <gtest/gtest.h>

#include "profiles/profile_form.hpp"

namespace roundtable::profiles {
namespace {

http::FormData form(std::initializer_list<std::pair<const char*, const char*>> fields) {
  http::FormData f;
  for (auto& [k, v] : fields) f.add(k, v);
  return f;
}

std::vector<std::string> keys(const std::vector<FormProblem>& problems) {
  std::vector<std::string> out;
  for (auto& p : problems) out.push_back(p.field + ":" + p.key);
  return out;
}

TEST(Profile, CodesKeepACanonicalOrderAndDropUnknowns) {
  EXPECT_EQ(parse_needs("welsh,bsl,nonsense,bsl"), (std::vector<Need>{Need::bsl, Need::welsh}));
  EXPECT_EQ(needs_code({Need::easy_read, Need::other}), "easy_read,other");
  EXPECT_EQ(parse_contact_methods("text,email"),
            (std::vector<ContactMethod>{ContactMethod::email, ContactMethod::text}));
  EXPECT_EQ(contact_times_code(parse_contact_times("weekends,evenings")), "evenings,weekends");
  EXPECT_TRUE(parse_needs("").empty());
}

TEST(Profile, InterestsBecomeLowerCaseTagsWithoutRepeats) {
  EXPECT_EQ(parse_interests("Gardening,  Welsh   history; music\nGARDENING,,"),
            (std::vector<std::string>{"gardening", "welsh history", "music"}));
  EXPECT_TRUE(parse_interests(" , ;").empty());
}

TEST(ProfileForms, AboutNeedsANameAndALanguage) {
  EXPECT_EQ(keys(check_about(read_about(form({{"name", "  "}, {"pronouns", "she/her"}})))),
            (std::vector<std::string>{"name:profiles.profile.error.name_missing",
                                      "lang:profiles.profile.error.lang_missing"}));
  Profile p;
  auto ok = read_about(form({{"name", " Mair Hughes "}, {"pronouns", "hi"}, {"lang", "cy"}}));
  EXPECT_TRUE(check_about(ok).empty());
  apply_about(p, ok);
  EXPECT_EQ(p.name, "Mair Hughes");
  EXPECT_EQ(p.lang, core::Lang::cy);
  EXPECT_EQ(
      keys(check_about(read_about(form({{"name", "x"}, {"pronouns", std::string(41, 'a').c_str()}, {"lang", "en"}})))),
      (std::vector<std::string>{"pronouns:profiles.profile.error.pronouns_too_long"}));
}

TEST(ProfileForms, WhatIBringHasLimitsThatCountCharacters) {
  std::string long_welsh;
  for (int i = 0; i < 2000; ++i) long_welsh += "ŵ";
  EXPECT_TRUE(check_bring(read_bring(form({{"strengths", long_welsh.c_str()}}))).empty());
  EXPECT_EQ(keys(check_bring(read_bring(form({{"skills", (long_welsh + "x").c_str()}})))),
            (std::vector<std::string>{"skills:profiles.profile.error.skills_too_long"}));
  std::string many;
  for (int i = 0; i < 21; ++i) many += "tag" + std::to_string(i) + ",";
  EXPECT_EQ(keys(check_bring(read_bring(form({{"interests", many.c_str()}})))),
            (std::vector<std::string>{"interests:profiles.profile.error.interests_too_many"}));
  Profile p;
  apply_bring(p, read_bring(form({{"strengths", "Listening"}, {"interests", "Choirs, walking"}})));
  EXPECT_EQ(p.interests, (std::vector<std::string>{"choirs", "walking"}));
  EXPECT_EQ(bring_from(p).interests, "choirs, walking");
}

TEST(ProfileForms, NeedsAskWhetherToShareAndWhatOtherMeans) {
  EXPECT_EQ(keys(check_needs(read_needs(form({{"needs", "other"}})))),
            (std::vector<std::string>{"needs_other:profiles.profile.error.needs_other_missing",
                                      "share:profiles.profile.error.share_missing"}));
  Profile p;
  auto f = read_needs(
      form({{"needs", "easy_read"}, {"needs", "bsl"}, {"needs_other", "ignored without other"}, {"share", "no"}}));
  EXPECT_TRUE(check_needs(f).empty());
  apply_needs(p, f);
  EXPECT_EQ(p.needs, (std::vector<Need>{Need::easy_read, Need::bsl}));
  EXPECT_EQ(p.needs_other, "");
  EXPECT_FALSE(p.share_needs);
  apply_needs(p, read_needs(form({{"needs", "other"}, {"needs_other", "Breaks every 30 minutes"}, {"share", "yes"}})));
  EXPECT_EQ(p.needs_other, "Breaks every 30 minutes");
  EXPECT_TRUE(p.share_needs);
  EXPECT_EQ(needs_from(p).share, "yes");
}

TEST(ProfileForms, PhoneAndTextNeedANumber) {
  EXPECT_EQ(keys(check_contact(read_contact(form({})))),
            (std::vector<std::string>{"methods:profiles.profile.error.methods_missing"}));
  EXPECT_EQ(keys(check_contact(read_contact(form({{"methods", "text"}})))),
            (std::vector<std::string>{"phone:profiles.profile.error.phone_missing"}));
  EXPECT_EQ(keys(check_contact(read_contact(form({{"methods", "email"}, {"phone", "call me"}})))),
            (std::vector<std::string>{"phone:profiles.profile.error.phone_format"}));
  EXPECT_TRUE(check_contact(read_contact(form({{"methods", "phone"}, {"phone", "+44 (0)29 2087 1234"}}))).empty());
  EXPECT_TRUE(is_plausible_phone("07700 900123"));
  EXPECT_FALSE(is_plausible_phone("123"));
  EXPECT_FALSE(is_plausible_phone("0770090012345678"));
}

}  // namespace
}  // namespace roundtable::profiles
