/// Building HTML safely: text is escaped unless it is a trusted literal written in our own code.
#pragma once

#include <string>
#include <string_view>

namespace roundtable::view {

/// Appends s with &, <, >, " and ' escaped.
void escape_into(std::string& out, std::string_view s);
std::string escape(std::string_view s);

/// An HTML fragment under construction.
class Html {
 public:
  Html() { out_.reserve(4096); }
  /// Our own markup: only string literals and already-built fragments belong here.
  Html& raw(std::string_view trusted) {
    out_.append(trusted);
    return *this;
  }
  /// Anything else (user input, messages, URLs): escaped.
  Html& text(std::string_view s) {
    escape_into(out_, s);
    return *this;
  }
  Html& number(long long n) {
    out_.append(std::to_string(n));
    return *this;
  }
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

/// Percent-encodes a query-string component.
std::string url_encode(std::string_view s);

}  // namespace roundtable::view
