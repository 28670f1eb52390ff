#include "core/i18n.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>

namespace roundtable::core {
namespace {

TEST(Plural, EnglishHasOneAndOther) {
  EXPECT_EQ(plural_category(Lang::en, 1), PluralCategory::one);
  EXPECT_EQ(plural_category(Lang::en, 0), PluralCategory::other);
  EXPECT_EQ(plural_category(Lang::en, 2), PluralCategory::other);
  EXPECT_EQ(plural_category(Lang::en, 21), PluralCategory::other);
}

TEST(Plural, WelshHasSixForms) {
  EXPECT_EQ(plural_category(Lang::cy, 0), PluralCategory::zero);
  EXPECT_EQ(plural_category(Lang::cy, 1), PluralCategory::one);
  EXPECT_EQ(plural_category(Lang::cy, 2), PluralCategory::two);
  EXPECT_EQ(plural_category(Lang::cy, 3), PluralCategory::few);
  EXPECT_EQ(plural_category(Lang::cy, 4), PluralCategory::other);
  EXPECT_EQ(plural_category(Lang::cy, 6), PluralCategory::many);
  EXPECT_EQ(plural_category(Lang::cy, 7), PluralCategory::other);
  EXPECT_EQ(plural_category(Lang::cy, 13), PluralCategory::other);
  EXPECT_EQ(plural_category(Lang::cy, 106), PluralCategory::other);
}

TEST(Lang, ParsesCodesAndAcceptLanguage) {
  EXPECT_EQ(parse_lang("cy-GB"), Lang::cy);
  EXPECT_EQ(parse_lang("EN"), Lang::en);
  EXPECT_EQ(parse_lang("fr"), std::nullopt);
  EXPECT_EQ(lang_from_accept_language("fr-FR, cy;q=0.9, en;q=0.8"), Lang::cy);
  EXPECT_EQ(lang_from_accept_language("en-GB,en;q=0.9,cy;q=0.5"), Lang::en);
  EXPECT_EQ(lang_from_accept_language("de, fr"), std::nullopt);
  EXPECT_EQ(lang_from_accept_language(";q=,,;"), std::nullopt);
}

TEST(Format, ReplacesNamedPlaceholders) {
  EXPECT_EQ(format("{a} and {b} and {c}", {{"a", "x"}, {"b", "y"}}), "x and y and {c}");
  EXPECT_EQ(format("{", {}), "{");
  EXPECT_EQ(format("plain words", {{"a", "x"}}), "plain words");
  EXPECT_EQ(format("{{a}} a} {a", {{"a", "x"}}), "{x} a} {a");
  EXPECT_EQ(format("{a}{a}", {{"a", "x"}}), "xx");
  EXPECT_EQ(format("{} {b", {{"", "empty"}}), "empty {b");
}

// Literal keys are remembered per thread by their address: the answer must still be the right object's and the
// right language's, also for messages made where destroyed ones were, and for the same words built at run time.
TEST(Messages, RemembersLiteralKeysWithoutMixingUpObjectsOrLanguages) {
  std::optional<Messages> messages;
  messages.emplace(Catalogue::parse("greeting = Hello"), Catalogue::parse("greeting = Helo"));
  EXPECT_EQ(messages->get(Lang::en, "greeting"), "Hello");
  EXPECT_EQ(messages->get(Lang::cy, "greeting"), "Helo");
  EXPECT_EQ(messages->get(Lang::en, "greeting"), "Hello");
  messages.reset();
  messages.emplace(Catalogue::parse("greeting = Good morning"), Catalogue::parse("greeting = Bore da"));
  EXPECT_EQ(messages->get(Lang::en, "greeting"), "Good morning");
  EXPECT_EQ(messages->get(Lang::cy, "greeting"), "Bore da");
  const std::string built = std::string("greet") + "ing";
  EXPECT_EQ(messages->get(Lang::cy, built), "Bore da");
  Messages copy = *messages;
  messages.reset();
  EXPECT_EQ(copy.get(Lang::en, "greeting"), "Good morning");
  EXPECT_EQ(copy.get(Lang::en, "missing.key"), "missing.key");
}

TEST(Catalogue, ParsesAndRejectsBadLines) {
  auto c = Catalogue::parse("# comment\n a.b = Hello there \n\nc[one] = {n} thing\nc[other] = {n} things\n");
  ASSERT_NE(c.find("a.b"), nullptr);
  EXPECT_EQ(*c.find("a.b"), "Hello there");
  EXPECT_EQ(*c.find_plural("c", PluralCategory::few), "{n} things");
  EXPECT_THROW(Catalogue::parse("no equals sign"), std::runtime_error);
  EXPECT_THROW(Catalogue::parse("a = 1\na = 2"), std::runtime_error);
}

TEST(Messages, WelshPluralsPickTheRightForm) {
  Messages m(Catalogue::parse("p[one] = {n} person\np[other] = {n} people\nonly.en = English only\n"),
             Catalogue::parse("p[zero] = {n} o bobl\np[one] = {n} person\np[two] = {n} berson\n"
                              "p[few] = {n} pherson\np[many] = {n} pherson\np[other] = {n} o bobl\n"));
  EXPECT_EQ(m.plural(Lang::en, "p", 1), "1 person");
  EXPECT_EQ(m.plural(Lang::en, "p", 3), "3 people");
  EXPECT_EQ(m.plural(Lang::cy, "p", 2), "2 berson");
  EXPECT_EQ(m.plural(Lang::cy, "p", 3), "3 pherson");
  EXPECT_EQ(m.get(Lang::cy, "only.en"), "English only");
  EXPECT_EQ(m.get(Lang::cy, "missing.key"), "missing.key");
}

TEST(Catalogue, MergesFeatureFilesAndRefusesAKeyInTwo) {
  auto c = Catalogue::parse("a = A\n");
  c.merge(Catalogue::parse("b = B\n"));
  ASSERT_NE(c.find("b"), nullptr);
  EXPECT_EQ(*c.find("b"), "B");
  EXPECT_EQ(*c.find("a"), "A");
  EXPECT_THROW(c.merge(Catalogue::parse("a = again\n")), std::runtime_error);
}

std::set<std::string> base_keys(const Catalogue& c) {
  std::set<std::string> keys;
  for (auto& [k, v] : c.entries()) keys.insert(k.substr(0, k.find('[')));
  return keys;
}

TEST(EmbeddedCatalogues, EveryKeyIsInEnglishAndWelsh) {
  const auto& m = Messages::embedded();
  auto en = base_keys(m.catalogue(Lang::en));
  auto cy = base_keys(m.catalogue(Lang::cy));
  ASSERT_GT(en.size(), 10u);
  for (auto& k : en) EXPECT_TRUE(cy.count(k)) << "missing in Welsh: " << k;
  for (auto& k : cy) EXPECT_TRUE(en.count(k)) << "missing in English: " << k;
}

TEST(EmbeddedCatalogues, PluralKeysHaveEveryFormTheLanguageNeeds) {
  const auto& m = Messages::embedded();
  for (Lang lang : kLanguages) {
    const auto& c = m.catalogue(lang);
    for (auto& [k, v] : c.entries()) {
      auto bracket = k.find('[');
      if (bracket == std::string::npos) continue;
      auto base = k.substr(0, bracket);
      for (auto cat : plural_categories(lang)) {
        auto full = base + "[" + std::string(plural_category_name(cat)) + "]";
        EXPECT_NE(c.find(full), nullptr) << lang_code(lang) << " lacks " << full;
      }
    }
  }
}

}  // namespace
}  // namespace roundtable::core

namespace roundtable::core {
namespace {

TEST(Catalogue, FindsKeysOfEveryLengthWhereverTheirBytesAre) {
  // Keys are hashed eight bytes at a time with the last eight overlapping: keys of every length up to five words of
  // eight, that differ only in their last byte, and looked up from a buffer of their own, each find their message.
  std::string text;
  std::vector<std::string> keys;
  for (std::size_t length = 1; length <= 40; ++length) {
    for (char last : {'a', 'b'}) {
      std::string key(length - 1, 'k');
      key += last;
      keys.push_back(key);
      text += key + " = message " + key + "\n";
    }
  }
  const auto c = Catalogue::parse(text);
  for (const auto& key : keys) {
    const std::string copy = "  " + key + "  ";  // not the bytes the catalogue holds
    const auto* found = c.find(std::string_view(copy).substr(2, key.size()));
    ASSERT_NE(found, nullptr) << key;
    EXPECT_EQ(*found, "message " + key);
    EXPECT_EQ(hash_key(key), hash_key(std::string_view(copy).substr(2, key.size())));
  }
  EXPECT_EQ(c.find("kkkc"), nullptr);
  EXPECT_EQ(c.find(""), nullptr);
  EXPECT_EQ(c.find(std::string(41, 'k')), nullptr);
}

TEST(Catalogue, KeyHashesSpreadTheEmbeddedKeys) {
  // A hash that sent many of the real keys to the same value would make every look-up walk a long chain.
  const auto& entries = Messages::embedded().catalogue(Lang::en).entries();
  std::set<std::size_t> hashes;
  for (const auto& [key, text] : entries) hashes.insert(hash_key(key));
  EXPECT_EQ(hashes.size(), entries.size());
}

TEST(Messages, FallsBackToEnglishThenTheKeyAndCountsInPlurals) {
  Messages m(Catalogue::parse("only.en = English\nboth = Both\nitems[one] = {n} item\nitems[other] = {n} items\n"),
             Catalogue::parse("both = Y ddau\n"));
  const struct {
    Lang lang;
    std::string_view key;
    std::string_view text;
  } cases[] = {{Lang::en, "both", "Both"},
               {Lang::cy, "both", "Y ddau"},
               {Lang::cy, "only.en", "English"},
               {Lang::en, "missing.key", "missing.key"},
               {Lang::cy, "missing.key", "missing.key"}};
  for (const auto& c : cases) EXPECT_EQ(m.get(c.lang, c.key), c.text) << c.key;
  EXPECT_EQ(m.plural(Lang::en, "items", 1), "1 item");
  EXPECT_EQ(m.plural(Lang::en, "items", 1234567890123LL), "1234567890123 items");
  EXPECT_EQ(m.plural(Lang::cy, "items", 2), "2 items");
  EXPECT_EQ(m.plural(Lang::en, "nothing", 3), "nothing");
}

}  // namespace
}  // namespace roundtable::core
