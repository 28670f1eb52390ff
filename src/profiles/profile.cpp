#include "profiles/profile.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace roundtable::profiles {

namespace {

template <class E, size_t N>
std::vector<E> parse_codes(std::string_view codes, const E (&all)[N], std::string_view (*code)(E)) {
  const auto parts = core::comma_separated(codes);
  std::vector<E> out;
  for (E e : all) {
    if (std::find(parts.begin(), parts.end(), code(e)) != parts.end()) out.push_back(e);
  }
  return out;
}

template <class E>
std::string join_codes(const std::vector<E>& v, std::string_view (*code)(E)) {
  std::string out;
  for (E e : v) {
    if (!out.empty()) out += ',';
    out += code(e);
  }
  return out;
}

}  // namespace

std::string_view need_code(Need n) {
  switch (n) {
    case Need::easy_read: return "easy_read";
    case Need::large_print: return "large_print";
    case Need::bsl: return "bsl";
    case Need::audio: return "audio";
    case Need::supporter: return "supporter";
    case Need::welsh: return "welsh";
    case Need::other: return "other";
  }
  return "other";
}

std::string_view contact_method_code(ContactMethod m) {
  switch (m) {
    case ContactMethod::email: return "email";
    case ContactMethod::phone: return "phone";
    case ContactMethod::text: return "text";
  }
  return "email";
}

std::string_view contact_time_code(ContactTime t) {
  switch (t) {
    case ContactTime::weekday_daytime: return "weekday_daytime";
    case ContactTime::evenings: return "evenings";
    case ContactTime::weekends: return "weekends";
  }
  return "weekday_daytime";
}

std::vector<Need> parse_needs(std::string_view codes) { return parse_codes(codes, kAllNeeds, need_code); }
std::vector<ContactMethod> parse_contact_methods(std::string_view codes) {
  return parse_codes(codes, kAllContactMethods, contact_method_code);
}
std::vector<ContactTime> parse_contact_times(std::string_view codes) {
  return parse_codes(codes, kAllContactTimes, contact_time_code);
}
std::string needs_code(const std::vector<Need>& v) { return join_codes(v, need_code); }
std::string contact_methods_code(const std::vector<ContactMethod>& v) { return join_codes(v, contact_method_code); }
std::string contact_times_code(const std::vector<ContactTime>& v) { return join_codes(v, contact_time_code); }

std::vector<std::string> parse_interests(std::string_view typed) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    while (!current.empty() && std::isspace(static_cast<unsigned char>(current.back()))) current.pop_back();
    if (!current.empty() && std::find(out.begin(), out.end(), current) == out.end()) out.push_back(current);
    current.clear();
  };
  for (char c : typed) {
    if (c == ',' || c == ';' || c == '\n' || c == '\r') {
      flush();
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      if (!current.empty() && current.back() != ' ') current += ' ';
    } else {
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  flush();
  return out;
}

}  // namespace roundtable::profiles
