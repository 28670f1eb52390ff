#include "organisations/organisation_form.hpp"

#include <gtest/gtest.h>

namespace roundtable::organisations {
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

TEST(OrgForm, ChecksEveryField) {
  EXPECT_EQ(keys(check_org(read_org(form({})), true)),
            (std::vector<std::string>{"name:organisations.org.error.name_missing",
                                      "slug:organisations.org.error.slug_missing",
                                      "languages:organisations.org.error.languages_missing",
                                      "signup_mode:organisations.org.error.signup_missing"}));
  auto bad = read_org(form({{"name", std::string(121, 'x').c_str()},
                            {"slug", "Has Spaces"},
                            {"languages", "fr"},
                            {"signup_mode", "closed"}}));
  EXPECT_EQ(keys(check_org(bad, true)),
            (std::vector<std::string>{"name:organisations.org.error.name_too_long",
                                      "slug:organisations.org.error.slug_format",
                                      "languages:organisations.org.error.languages_missing",
                                      "signup_mode:organisations.org.error.signup_missing"}));
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
}  // namespace roundtable::organisations
