// Fuzzes the Cookie header parser. The whole input is the header. Properties:
//  - every name and value is a piece of the header (a view into it), in header order, each inside one ';'-separated
//    item with its name before its value;
//  - names are non-empty, hold no '=' or ';' and are trimmed of spaces and tabs; values hold no ';' and
//    are trimmed (before the optional surrounding quotes are removed);
//  - there are no more cookies than ';'-separated items;
//  - find_cookie returns the first value for each name, and nullopt for a name that is not there.
#include <cstdint>
#include <string>
#include <string_view>

#include "http/form.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool inside(std::string_view part, std::string_view whole) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

bool blank(char c) { return c == ' ' || c == '\t'; }

bool trimmed(std::string_view s) { return s.empty() || (!blank(s.front()) && !blank(s.back())); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view header(reinterpret_cast<const char*>(data), size);
  auto cookies = roundtable::http::parse_cookie_header(header);

  size_t items = 1;
  for (char c : header) items += c == ';';
  check(cookies.size() <= items);

  const char* previous_end = header.data();
  for (size_t i = 0; i < cookies.size(); ++i) {
    const auto& [name, value] = cookies[i];
    check(!name.empty());
    check(inside(name, header) && inside(value, header));
    check(name.find_first_of("=;") == std::string_view::npos && value.find(';') == std::string_view::npos);
    check(trimmed(name));
    // In header order, value after its name, and no ';' between them.
    check(name.data() >= previous_end);
    check(value.data() >= name.data() + name.size());
    std::string_view between(name.data(), static_cast<size_t>(value.data() - name.data()));
    check(between.find(';') == std::string_view::npos);
    // The value is trimmed, or it was quoted: then the bytes around it are the quotes.
    if (!trimmed(value)) {
      check(value.data() > header.data() && value.data()[-1] == '"' &&
            inside({value.data(), value.size() + 1}, header) && value.data()[value.size()] == '"');
    }
    previous_end = value.data() + value.size();

    // find_cookie gives the first cookie with this name (checked for the first few only: each call reparses the
    // whole header, and checking them all would make long inputs quadratic and the fuzzer slow).
    if (i >= 32) continue;
    auto found = roundtable::http::find_cookie(header, name);
    check(found.has_value());
    for (const auto& [n, v] : cookies) {
      if (n == name) {
        check(found->data() == v.data() && found->size() == v.size());
        break;
      }
    }
  }

  // A name that cannot be present (it holds ';') is never found.
  check(!roundtable::http::find_cookie(header, "no;such").has_value());
  // A name absent from the parsed list is not found either.
  std::string absent = cookies.empty() ? std::string("sid") : std::string(cookies.front().first) + "x";
  bool listed = false;
  for (const auto& c : cookies) listed = listed || c.first == absent;
  check(roundtable::http::find_cookie(header, absent).has_value() == listed);
  return 0;
}
