#include "people/people_form.hpp"

#include <gtest/gtest.h>

namespace roundtable::people {
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

TEST(SignInForm, SaysWhatIsMissingOrWrong) {
  EXPECT_EQ(keys(check_sign_in(read_sign_in(form({})))),
            (std::vector<std::string>{"email:sign_in.error.email_missing", "password:sign_in.error.password_missing"}));
  EXPECT_EQ(keys(check_sign_in(read_sign_in(form({{"email", "not an email"}, {"password", "x"}})))),
            (std::vector<std::string>{"email:sign_in.error.email_format"}));
  EXPECT_TRUE(
      check_sign_in(read_sign_in(form({{"email", " Ceri@Example.org "}, {"password", " spaces kept "}}))).empty());
}

TEST(SignInForm, KeepsOnlyLocalNextPages) {
  EXPECT_EQ(read_sign_in(form({{"next", "/o/north"}})).next, "/o/north");
  EXPECT_EQ(read_sign_in(form({{"next", "//evil.example"}})).next, "");
  EXPECT_EQ(read_sign_in(form({{"next", "https://evil.example"}})).next, "");
  EXPECT_EQ(read_sign_in(form({{"password", " a b "}})).password, " a b ");
}

TEST(OrgForm, ChecksEveryField) {
  EXPECT_EQ(
      keys(check_org(read_org(form({})), true)),
      (std::vector<std::string>{"name:org.error.name_missing", "slug:org.error.slug_missing",
                                "languages:org.error.languages_missing", "signup_mode:org.error.signup_missing"}));
  auto bad = read_org(form({{"name", std::string(121, 'x').c_str()},
                            {"slug", "Has Spaces"},
                            {"languages", "fr"},
                            {"signup_mode", "closed"}}));
  EXPECT_EQ(
      keys(check_org(bad, true)),
      (std::vector<std::string>{"name:org.error.name_too_long", "slug:org.error.slug_format",
                                "languages:org.error.languages_missing", "signup_mode:org.error.signup_missing"}));
  // 120 Welsh characters are fine even though they take more bytes.
  std::string welsh;
  for (int i = 0; i < 120; ++i) welsh += "ŵ";
  auto ok = read_org(
      form({{"name", welsh.c_str()}, {"slug", " North-Wales "}, {"languages", "cy"}, {"signup_mode", "open"}}));
  EXPECT_TRUE(check_org(ok, true).empty());
  auto org = org_from_form(ok);
  EXPECT_EQ(org.slug, "north-wales");
  EXPECT_EQ(org.languages, (std::vector<core::Lang>{core::Lang::cy}));
  EXPECT_EQ(org.signup_mode, SignupMode::open);
  // When editing, the web address is not checked (it cannot change).
  EXPECT_TRUE(
      check_org(read_org(form({{"name", "x"}, {"languages", "en"}, {"signup_mode", "invitation"}})), false).empty());
}

}  // namespace
}  // namespace roundtable::people

namespace roundtable::people {
namespace {

TEST(NewPassword, LongEnoughNotWellKnownAndTypedTwice) {
  auto keys_of = [](std::string_view pw, std::string_view confirm) {
    std::vector<std::string> out;
    for (auto& p : check_new_password(pw, confirm, "ceri@example.org")) out.push_back(p.field + ":" + p.key);
    return out;
  };
  EXPECT_EQ(keys_of("", ""), (std::vector<std::string>{"password:password.error.missing"}));
  EXPECT_EQ(keys_of("short", "short"), (std::vector<std::string>{"password:password.error.too_short"}));
  EXPECT_EQ(keys_of("Password", "Password"), (std::vector<std::string>{"password:password.error.guessable"}));
  EXPECT_EQ(keys_of("CERI@example.org", "CERI@example.org"),
            (std::vector<std::string>{"password:password.error.guessable"}));
  EXPECT_EQ(keys_of("blue kettle garden", "blue kettle"),
            (std::vector<std::string>{"confirm_password:password.error.mismatch"}));
  EXPECT_EQ(keys_of(std::string(201, 'a'), std::string(201, 'a')),
            (std::vector<std::string>{"password:password.error.too_long"}));
  EXPECT_TRUE(keys_of("blue kettle garden", "blue kettle garden").empty());
  // Eight Welsh letters are eight characters.
  EXPECT_TRUE(keys_of("ŵŷâêîôûŵ", "ŵŷâêîôûŵ").empty());
}

}  // namespace
}  // namespace roundtable::people
