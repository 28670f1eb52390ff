/// Parsers for request data: application/x-www-form-urlencoded bodies and query strings, and Cookie headers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace roundtable::http {

/// Ordered name/value pairs; a name may repeat (checkboxes).
class FormData {
 public:
  void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
  /// The first value for a name, or nullopt.
  std::optional<std::string_view> get(std::string_view name) const;
  /// The first value, or "" when absent.
  std::string_view value(std::string_view name) const { return get(name).value_or(std::string_view{}); }
  /// The first value without the spaces, tabs and line breaks around it: how forms read what people typed.
  std::string trimmed(std::string_view name) const;
  std::vector<std::string_view> all(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  size_t size() const { return fields_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct FormLimits {
  size_t max_fields = 1000;
  size_t max_name = 256;
};

/// Parses a urlencoded body or query string ('+' is a space). Nullopt on malformed escapes,
/// invalid UTF-8, NUL bytes or when a limit is exceeded. Other control characters except
/// tab, CR and LF are rejected too.
std::optional<FormData> parse_urlencoded(std::string_view body, const FormLimits& limits = {});

/// Parses a Cookie header into name/value pairs; malformed pairs are skipped, never fatal.
std::vector<std::pair<std::string_view, std::string_view>> parse_cookie_header(std::string_view header);
/// The first cookie of that name, or nullopt.
std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name);

/// s without the spaces, tabs and line breaks at either end.
std::string_view trim_space(std::string_view s);

/// The value of one hexadecimal digit (0-9, a-f, A-F), or -1 for any other character: percent-decoding.
int hex_value(char c);
/// A database id written in a path or form: 1 to 18 digits, nothing else; nullopt otherwise.
std::optional<long long> parse_id(std::string_view s);

/// Is this path a safe local redirect target ("/x", not "//x" or "http:")?
bool is_local_path(std::string_view path);

/// True if s is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

/// True if s is acceptable as a form field's name or value: valid UTF-8 with no NUL or other control characters
/// except tab, CR and LF (the rules parse_urlencoded applies after decoding).
bool is_form_text(std::string_view s);

}  // namespace roundtable::http
