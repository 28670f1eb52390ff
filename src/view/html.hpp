/// Building HTML safely: text is escaped unless it is markup written as a literal in our own code.
#pragma once

#include <string>
#include <string_view>

namespace roundtable::view {

/// Appends s with &, <, >, " and ' escaped.
void escape_into(std::string& out, std::string_view s);
std::string escape(std::string_view s);

/// Markup written in our own code. Only a constant (a string literal, or a constexpr string_view) converts to it:
/// the constructors are consteval, so passing a runtime string (user input, a message, a URL) does not compile.
class Markup {
 public:
  consteval Markup(const char* s) : s_(s) {}
  consteval Markup(std::string_view s) : s_(s) {}
  constexpr std::string_view view() const { return s_; }

 private:
  std::string_view s_;
};

/// An HTML fragment under construction.
class Html {
 public:
  Html() { out_.reserve(4096); }
  /// Our own markup, written as a literal.
  Html& raw(Markup m) {
    out_.append(m.view());
    return *this;
  }
  /// One of two literals, e.g. a modifier class that depends on a flag.
  Html& raw_if(bool condition, Markup yes, Markup no = "") {
    out_.append(condition ? yes.view() : no.view());
    return *this;
  }
  /// A fragment built with another Html (already escaped where it needed to be).
  Html& append(const Html& fragment) {
    out_.append(fragment.out_);
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
  bool empty() const { return out_.empty(); }
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

  /// The one way to turn a runtime string into markup, for markup our own code generated and tested (the QR code's
  /// SVG, a component's parity test fixtures). `scripts/check-source` allows it only in the files that list it.
  static Html trusted(std::string markup) {
    Html h;
    h.out_ = std::move(markup);
    return h;
  }

 private:
  std::string out_;
};

/// Percent-encodes a query-string component.
std::string url_encode(std::string_view s);

}  // namespace roundtable::view
