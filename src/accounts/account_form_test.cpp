#include "accounts/account_form.hpp"

#include <gtest/gtest.h>

namespace roundtable::accounts {
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
            (std::vector<std::string>{"email:accounts.sign_in.error.email_missing",
                                      "password:accounts.sign_in.error.password_missing"}));
  EXPECT_EQ(keys(check_sign_in(read_sign_in(form({{"email", "not an email"}, {"password", "x"}})))),
            (std::vector<std::string>{"email:accounts.sign_in.error.email_format"}));
  EXPECT_TRUE(
      check_sign_in(read_sign_in(form({{"email", " Ceri@Example.org "}, {"password", " spaces kept "}}))).empty());
}

TEST(SignInForm, KeepsOnlyLocalNextPages) {
  EXPECT_EQ(read_sign_in(form({{"next", "/o/north"}})).next, "/o/north");
  EXPECT_EQ(read_sign_in(form({{"next", "//evil.example"}})).next, "");
  EXPECT_EQ(read_sign_in(form({{"next", "https://evil.example"}})).next, "");
  EXPECT_EQ(read_sign_in(form({{"password", " a b "}})).password, " a b ");
}

}  // namespace
}  // namespace roundtable::accounts

namespace roundtable::accounts {
namespace {

TEST(NewPassword, LongEnoughNotWellKnownAndTypedTwice) {
  auto keys_of = [](std::string_view pw, std::string_view confirm) {
    std::vector<std::string> out;
    for (auto& p : check_new_password(pw, confirm, "ceri@example.org")) out.push_back(p.field + ":" + p.key);
    return out;
  };
  EXPECT_EQ(keys_of("", ""), (std::vector<std::string>{"password:accounts.password.error.missing"}));
  EXPECT_EQ(keys_of("short", "short"), (std::vector<std::string>{"password:accounts.password.error.too_short"}));
  EXPECT_EQ(keys_of("Password", "Password"), (std::vector<std::string>{"password:accounts.password.error.guessable"}));
  EXPECT_EQ(keys_of("CERI@example.org", "CERI@example.org"),
            (std::vector<std::string>{"password:accounts.password.error.guessable"}));
  EXPECT_EQ(keys_of("blue kettle garden", "blue kettle"),
            (std::vector<std::string>{"confirm_password:accounts.password.error.mismatch"}));
  EXPECT_EQ(keys_of(std::string(201, 'a'), std::string(201, 'a')),
            (std::vector<std::string>{"password:accounts.password.error.too_long"}));
  EXPECT_TRUE(keys_of("blue kettle garden", "blue kettle garden").empty());
  // Eight Welsh letters are eight characters.
  EXPECT_TRUE(keys_of("ŵŷâêîôûŵ", "ŵŷâêîôûŵ").empty());
}

}  // namespace
}  // namespace roundtable::accounts
