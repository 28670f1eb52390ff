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
