#include "core/i18n.hpp"

#include <link.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace roundtable::core {

std::vector<std::pair<std::string_view, std::string_view>> embedded_catalogs();

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::string_view lang_code(Lang lang) { return lang == Lang::cy ? "cy" : "en"; }

std::optional<Lang> parse_lang(std::string_view code) {
  auto c = lower(trim(code));
  auto dash = c.find_first_of("-_");
  if (dash != std::string::npos) c.resize(dash);
  if (c == "en") return Lang::en;
  if (c == "cy") return Lang::cy;
  return std::nullopt;
}

std::optional<Lang> lang_from_accept_language(std::string_view header) {
  std::optional<Lang> best;
  double best_q = 0;
  while (!header.empty()) {
    auto comma = header.find(',');
    auto item = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    auto semi = item.find(';');
    auto tag = trim(item.substr(0, semi));
    double q = 1.0;
    if (semi != std::string_view::npos) {
      auto params = item.substr(semi + 1);
      auto qpos = params.find("q=");
      if (qpos != std::string_view::npos) {
        try {
          q = std::stod(std::string(params.substr(qpos + 2)));
        } catch (const std::exception&) {
          q = 0;
        }
      }
    }
    auto lang = parse_lang(tag);
    if (lang && q > best_q) {
      best = lang;
      best_q = q;
    }
  }
  return best;
}

PluralCategory plural_category(Lang lang, long long n) {
  if (n < 0) n = -n;
  if (lang == Lang::en) return n == 1 ? PluralCategory::one : PluralCategory::other;
  // CLDR Welsh cardinals: zero n=0, one n=1, two n=2, few n=3, many n=6, other.
  switch (n) {
    case 0: return PluralCategory::zero;
    case 1: return PluralCategory::one;
    case 2: return PluralCategory::two;
    case 3: return PluralCategory::few;
    case 6: return PluralCategory::many;
    default: return PluralCategory::other;
  }
}

std::string_view plural_category_name(PluralCategory category) {
  switch (category) {
    case PluralCategory::zero: return "zero";
    case PluralCategory::one: return "one";
    case PluralCategory::two: return "two";
    case PluralCategory::few: return "few";
    case PluralCategory::many: return "many";
    case PluralCategory::other: return "other";
  }
  return "other";
}

std::vector<PluralCategory> plural_categories(Lang lang) {
  if (lang == Lang::en) return {PluralCategory::one, PluralCategory::other};
  return {PluralCategory::zero, PluralCategory::one,  PluralCategory::two,
          PluralCategory::few,  PluralCategory::many, PluralCategory::other};
}

namespace {
template <class Args>
std::string format_with(std::string_view pattern, const Args& args) {
  // Room for the pattern and every value once: one allocation (a date, a name and a count often outgrow a guess).
  std::size_t room = pattern.size();
  for (const auto& a : args) room += a.second.size();
  std::string out;
  out.reserve(room);
  size_t i = 0;
  while (i < pattern.size()) {
    // The words up to the next brace in one piece (every page formats dozens of these).
    const auto open = pattern.find('{', i);
    if (open == std::string_view::npos) {
      out.append(pattern.substr(i));
      break;
    }
    out.append(pattern.substr(i, open - i));
    auto close = pattern.find('}', open);
    if (close != std::string_view::npos) {
      auto name = pattern.substr(open + 1, close - open - 1);
      auto it = std::find_if(args.begin(), args.end(), [&](auto& a) { return a.first == name; });
      if (it != args.end()) {
        out.append(it->second);
        i = close + 1;
        continue;
      }
    }
    // Not a name given: the brace stays as it is.
    out.push_back('{');
    i = open + 1;
  }
  return out;
}
}  // namespace

std::string format(std::string_view pattern,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> args) {
  return format_with(pattern, args);
}

std::string format(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& args) {
  return format_with(pattern, args);
}

std::size_t hash_key(std::string_view key) noexcept {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const auto load = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  const auto mix = [](std::uint64_t h, std::uint64_t w) {
    h = (h ^ w) * kMul;
    return h ^ (h >> 29);
  };
  std::uint64_t h = key.size() * kMul;
  const char* p = key.data();
  const std::size_t n = key.size();
  if (n >= 8) {
    const char* const last = p + n - 8;
    for (; p < last; p += 8) h = mix(h, load(p));
    // The last eight bytes, overlapping the ones before when the length is not a multiple of eight.
    h = mix(h, load(last));
  } else {
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < n; ++i) w |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    h = mix(h, w);
  }
  return static_cast<std::size_t>(h ^ (h >> 32));
}

Catalogue Catalogue::parse(std::string_view text) {
  Catalogue c;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    auto nl = text.find('\n');
    auto line = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (line.empty() || line.front() == '#') continue;
    auto eq = line.find('=');
    if (eq == std::string_view::npos) {
      throw std::runtime_error("catalogue line " + std::to_string(line_no) + ": expected 'key = text'");
    }
    auto key = trim(line.substr(0, eq));
    auto value = trim(line.substr(eq + 1));
    if (key.empty()) throw std::runtime_error("catalogue line " + std::to_string(line_no) + ": empty key");
    std::string unescaped;
    for (size_t i = 0; i < value.size(); ++i) {
      if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == 'n') {
        unescaped.push_back('\n');
        ++i;
      } else {
        unescaped.push_back(value[i]);
      }
    }
    if (!c.entries_.emplace(std::string(key), std::move(unescaped)).second) {
      throw std::runtime_error("catalogue line " + std::to_string(line_no) + ": duplicate key " + std::string(key));
    }
  }
  return c;
}

void Catalogue::merge(Catalogue other) {
  for (auto& [key, value] : other.entries_) {
    if (!entries_.emplace(key, std::move(value)).second) {
      throw std::runtime_error("catalogue: key " + key + " is in two catalogue files");
    }
  }
}

const std::string* Catalogue::find(std::string_view key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

const std::string* Catalogue::find_plural(std::string_view key, PluralCategory category) const {
  // "key[category]", built on the stack: plurals are looked up on every line of a list.
  auto with = [&](std::string_view cat) -> const std::string* {
    char buf[160];
    if (key.size() + cat.size() + 2 > sizeof buf) return find(std::string(key) + "[" + std::string(cat) + "]");
    size_t n = key.copy(buf, key.size());
    buf[n++] = '[';
    n += cat.copy(buf + n, cat.size());
    buf[n++] = ']';
    return find(std::string_view(buf, n));
  };
  if (auto* s = with(plural_category_name(category))) return s;
  return with("other");
}

Messages::Messages(Catalogue en, Catalogue cy) : en_(std::move(en)), cy_(std::move(cy)) {}

const Messages& Messages::embedded() {
  static const Messages messages = [] {
    Catalogue en, cy;
    // locales/en.catalog and locales/<feature>.en.catalog make up English; the same for Welsh.
    auto is_lang = [](std::string_view name, std::string_view code) {
      return name == code ||
             (name.size() > code.size() && name.ends_with(code) && name[name.size() - code.size() - 1] == '.');
    };
    for (auto& [name, text] : embedded_catalogs()) {
      if (is_lang(name, "en")) en.merge(Catalogue::parse(text));
      if (is_lang(name, "cy")) cy.merge(Catalogue::parse(text));
    }
    return Messages(std::move(en), std::move(cy));
  }();
  return messages;
}

namespace {

std::atomic<unsigned long long> next_instance{1};

/// The program's read-only memory (its loaded segments that are not writable): where string literals are.
struct ReadOnlyImage {
  std::array<std::pair<std::uintptr_t, std::uintptr_t>, 8> ranges{};
  std::size_t count = 0;
  bool holds(const char* p) const {
    const auto a = reinterpret_cast<std::uintptr_t>(p);
    for (std::size_t i = 0; i < count; ++i) {
      if (a >= ranges[i].first && a < ranges[i].second) return true;
    }
    return false;
  }
};

const ReadOnlyImage& read_only_image() {
  static const ReadOnlyImage image = [] {
    ReadOnlyImage found;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) {
          auto& image = *static_cast<ReadOnlyImage*>(out);
          // The first object is the program itself; shared libraries follow.
          for (int i = 0; i < info->dlpi_phnum && image.count < image.ranges.size(); ++i) {
            const auto& ph = info->dlpi_phdr[i];
            if (ph.p_type != PT_LOAD || (ph.p_flags & PF_W) != 0) continue;
            const std::uintptr_t start = info->dlpi_addr + ph.p_vaddr;
            image.ranges[image.count++] = {start, start + ph.p_memsz};
          }
          return 1;  // the program only
        },
        &found);
    return found;
  }();
  return image;
}

}  // namespace

Messages::Instance::Instance() : id(next_instance.fetch_add(1)) {}
Messages::Instance::Instance(Instance&& other) noexcept : Instance() { other.id = next_instance.fetch_add(1); }
Messages::Instance& Messages::Instance::operator=(const Instance&) {
  id = next_instance.fetch_add(1);
  return *this;
}
Messages::Instance& Messages::Instance::operator=(Instance&& other) noexcept {
  id = next_instance.fetch_add(1);
  other.id = next_instance.fetch_add(1);
  return *this;
}

std::string_view Messages::find(Lang lang, std::string_view key) const {
  if (auto* s = catalogue(lang).find(key)) return *s;
  if (auto* s = en_.find(key)) return *s;
  return key;
}

std::string_view Messages::get(Lang lang, std::string_view key) const {
  if (!read_only_image().holds(key.data())) return find(lang, key);
  // A literal's text never changes, so its address and length name it; the answer is valid while this object
  // lives, and the instance number tells a remembered answer of a destroyed one.
  struct Remembered {
    const char* key = nullptr;
    std::size_t size = 0;
    unsigned long long instance = 0;
    Lang lang = Lang::en;
    std::string_view text;
  };
  thread_local std::array<Remembered, 512> remembered{};
  const auto address = reinterpret_cast<std::uintptr_t>(key.data());
  auto& slot = remembered[((address >> 3) ^ (address >> 12) ^ key.size()) % remembered.size()];
  if (slot.key == key.data() && slot.size == key.size() && slot.instance == instance_.id && slot.lang == lang) {
    return slot.text;
  }
  const auto text = find(lang, key);
  slot = {key.data(), key.size(), instance_.id, lang, text};
  return text;
}

std::string Messages::plural(Lang lang, std::string_view key, long long n) const {
  auto category = plural_category(lang, n);
  const std::string* s = catalogue(lang).find_plural(key, category);
  if (!s) s = en_.find_plural(key, plural_category(Lang::en, n));
  if (!s) return std::string(key);
  char count[24];
  const auto end = std::to_chars(count, count + sizeof count, n).ptr;
  return format(*s, {{"n", std::string_view(count, static_cast<std::size_t>(end - count))}});
}

}  // namespace roundtable::core
