#include "http/flash.hpp"

#include <gtest/gtest.h>

namespace roundtable::http {
namespace {

TEST(Flash, ComesBackAsItWasMadeWithTheSameSecret) {
  const Flash f{"organisations.invite.sent", {{"email", "ceri+1@example.org"}, {"name", "Siân & Co. = 100%"}}};
  const auto value = encode_flash(f, "secret");
  auto back = decode_flash(value, "secret");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->key, "organisations.invite.sent");
  EXPECT_EQ(back->params, f.params);
  EXPECT_FALSE(back->important);
  // Fit for a cookie: no spaces, quotes, commas, semicolons or backslashes.
  EXPECT_EQ(value.find_first_of(" \";,\\"), std::string::npos) << value;
}

TEST(Flash, AnImportantMessageStaysImportant) {
  const auto back = decode_flash(encode_flash({"session.timed_out", {}, true}, "secret"), "secret");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->key, "session.timed_out");
  EXPECT_TRUE(back->important);
}

TEST(Flash, AnythingNotSignedByTheServerIsIgnored) {
  const auto value = encode_flash({"about_me.done.saved", {}}, "secret");
  EXPECT_FALSE(decode_flash(value, "another secret"));
  std::string changed = value;
  changed[2] = changed[2] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(decode_flash(changed, "secret"));
  // Words of one's own with a made-up signature (what ?sent=... allowed).
  EXPECT_FALSE(decode_flash("k=invite.sent&email=Your%20account%20is%20closed.AAAA", "secret"));
  EXPECT_FALSE(decode_flash("", "secret"));
  EXPECT_FALSE(decode_flash(".", "secret"));
  EXPECT_FALSE(decode_flash(std::string(5000, 'a'), "secret"));
}

}  // namespace
}  // namespace roundtable::http
