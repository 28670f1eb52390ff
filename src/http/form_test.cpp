#include "http/form.hpp"

#include <gtest/gtest.h>

namespace roundtable::http {
namespace {

TEST(Urlencoded, ParsesRepeatsSpacesAndEscapes) {
  auto f = parse_urlencoded("name=Ann+Jones&needs=bsl&needs=easy%20read&empty=&flag&msg=caf%C3%A9");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->value("name"), "Ann Jones");
  EXPECT_EQ(f->all("needs"), (std::vector<std::string_view>{"bsl", "easy read"}));
  EXPECT_EQ(f->get("empty"), std::string_view(""));
  EXPECT_EQ(f->get("flag"), std::string_view(""));
  EXPECT_EQ(f->value("msg"), "café");
  EXPECT_FALSE(f->get("missing"));
}

TEST(Urlencoded, KeepsNewlinesAndRejectsBadInput) {
  EXPECT_EQ(parse_urlencoded("t=a%0D%0Ab")->value("t"), "a\r\nb");
  EXPECT_FALSE(parse_urlencoded("a=%zz"));
  EXPECT_FALSE(parse_urlencoded("a=%4"));
  EXPECT_FALSE(parse_urlencoded("a=%00"));
  EXPECT_FALSE(parse_urlencoded("a=%FF%FE"));
  EXPECT_FALSE(parse_urlencoded("a=%C0%AF"));
  EXPECT_FALSE(parse_urlencoded("a=%ED%A0%80"));
  std::string many;
  for (int i = 0; i < 11; ++i) many += "a=1&";
  EXPECT_FALSE(parse_urlencoded(many, {.max_fields = 10}));
}

TEST(Cookies, ParsesAndSkipsMalformed) {
  auto c = parse_cookie_header("a=1; b = two ;bad; =x; c=\"q\"; a=3");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(find_cookie("a=1; b = two ;bad; =x; c=\"q\"", "b"), std::string_view("two"));
  EXPECT_EQ(find_cookie("a=1; c=\"q\"", "c"), std::string_view("q"));
  EXPECT_EQ(find_cookie("a=1; a=3", "a"), std::string_view("1"));
  EXPECT_FALSE(find_cookie("", "a"));
  EXPECT_FALSE(find_cookie(";;;", "a"));
}

TEST(Utf8, Validates) {
  EXPECT_TRUE(is_valid_utf8("Cymraeg: ŵ ŷ — 😀"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
}

TEST(FormData, TrimmedTextAndIds) {
  FormData f;
  f.add("name", " \t Siân Davies \r\n");
  EXPECT_EQ(f.trimmed("name"), "Siân Davies");
  EXPECT_EQ(f.trimmed("missing"), "");
  EXPECT_EQ(parse_id("42"), 42);
  EXPECT_EQ(parse_id("999999999999999999"), 999999999999999999LL);
  for (const char* bad : {"", "-1", "4a", " 4", "1e3", "0x10", "9999999999999999999"}) {
    EXPECT_FALSE(parse_id(bad)) << bad;
  }
}

}  // namespace
}  // namespace roundtable::http
