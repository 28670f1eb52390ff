/// Message catalogues (English and Welsh) with CLDR plural rules; every user-visible string comes from here.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace roundtable::core {

enum class Lang { en, cy };

/// The languages Roundtable speaks, in the order they are offered.
inline constexpr Lang kLanguages[] = {Lang::en, Lang::cy};

enum class PluralCategory { zero, one, two, few, many, other };

/// "en" / "cy".
std::string_view lang_code(Lang lang);
/// Parses "en" or "cy" (case-insensitive, region ignored: "cy-GB"); nullopt otherwise.
std::optional<Lang> parse_lang(std::string_view code);
/// Picks the first supported language from an Accept-Language header; nullopt if none.
std::optional<Lang> lang_from_accept_language(std::string_view header);

/// CLDR cardinal plural category of an integer count.
PluralCategory plural_category(Lang lang, long long n);
std::string_view plural_category_name(PluralCategory category);
/// The categories a language distinguishes (en: one, other; cy: all six).
std::vector<PluralCategory> plural_categories(Lang lang);

/// Replaces {name} placeholders. Unknown placeholders are left as they are.
std::string format(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string_view>> args);
std::string format(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& args);

/// The hash of a catalogue key (see Catalogue::KeyHash); the same for the same bytes on every call.
std::size_t hash_key(std::string_view key) noexcept;

/// One language's messages: "key = text" lines, plural forms as "key[one] = ...".
class Catalogue {
 public:
  /// Parses catalogue text; throws std::runtime_error naming the line on a syntax error.
  static Catalogue parse(std::string_view text);
  /// Adds another file's messages; throws std::runtime_error when a key is in both.
  void merge(Catalogue other);

  /// The message, or nullptr if the key is missing.
  const std::string* find(std::string_view key) const;
  /// The plural form for n, falling back to [other]; nullptr if the key is missing.
  const std::string* find_plural(std::string_view key, PluralCategory category) const;
  /// Looked up by string_view without making a string (every page looks up dozens of keys).
  /// Keys are short dotted names ("groups.list.people_count") looked up hundreds of times a page: they are hashed
  /// eight bytes at a time with a multiply each, cheaper than std::hash's general-purpose byte hash.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const noexcept { return hash_key(key); }
  };
  using Entries = std::unordered_map<std::string, std::string, KeyHash, std::equal_to<>>;
  /// Every key and its text, in no particular order.
  const Entries& entries() const { return entries_; }

 private:
  Entries entries_;
};

/// Both languages' catalogues. Missing Welsh text falls back to English, then to the key.
class Messages {
 public:
  /// The catalogues compiled into the binary from locales/*.catalog (en.catalog plus any <feature>.en.catalog).
  static const Messages& embedded();
  Messages(Catalogue en, Catalogue cy);

  /// A key written in the code (a literal, so in the program's read-only memory) is remembered by its address in a
  /// small table per thread: a page looks up hundreds of keys, and finding each in the catalogue's hash table was
  /// 4-5 % of a list page's CPU (docs/PERFORMANCE.md). Other keys (built at run time) are looked up every time.
  std::string_view get(Lang lang, std::string_view key) const;
  /// Plural message with {n} replaced by the count.
  std::string plural(Lang lang, std::string_view key, long long n) const;
  const Catalogue& catalogue(Lang lang) const { return lang == Lang::cy ? cy_ : en_; }

 private:
  /// A number of this object's own: a copy, or another object made where a destroyed one was, has another, so the
  /// table of remembered keys never answers for the wrong messages.
  struct Instance {
    Instance();
    Instance(const Instance&) : Instance() {}
    Instance(Instance&& other) noexcept;
    Instance& operator=(const Instance&);
    Instance& operator=(Instance&& other) noexcept;
    unsigned long long id;
  };
  std::string_view find(Lang lang, std::string_view key) const;

  Catalogue en_;
  Catalogue cy_;
  Instance instance_;
};

/// A language bound to the messages: what views use to say things.
class Translator {
 public:
  Translator(const Messages& messages, Lang lang) : messages_(&messages), lang_(lang) {}
  std::string_view operator()(std::string_view key) const { return messages_->get(lang_, key); }
  std::string plural(std::string_view key, long long n) const { return messages_->plural(lang_, key, n); }
  Lang lang() const { return lang_; }
  const Messages& messages() const { return *messages_; }

 private:
  const Messages* messages_;
  Lang lang_;
};

}  // namespace roundtable::core
