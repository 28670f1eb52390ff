/// Building HTML safely: text is escaped unless it is markup written as a literal in our own code.
#pragma once

#include <cstddef>
#include <cstring>
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
///
/// Every page writes thousands of small pieces, so writing one is kept to a bounds check and a copy: the string's
/// length runs up to a kilobyte ahead of what is written (size_ says how much of out_ is the fragment), which avoids
/// std::string::append's out-of-line call for each piece. A new fragment allocates nothing until it is written to,
/// so a component's small pieces (a card's title, a link with a count) cost no more than they hold; a page's buffer
/// is reserve()d once.
class Html {
 public:
  Html() = default;
  Html(const Html& other) : out_(other.out_.data(), other.size_), size_(other.size_) {}
  Html(Html&& other) noexcept : out_(std::move(other.out_)), size_(other.size_) { other.reset(); }
  Html& operator=(const Html& other) {
    if (this != &other) {
      out_.assign(other.out_.data(), other.size_);
      size_ = other.size_;
    }
    return *this;
  }
  Html& operator=(Html&& other) noexcept {
    if (this != &other) {
      out_ = std::move(other.out_);
      size_ = other.size_;
      other.reset();
    }
    return *this;
  }
  ~Html() = default;

  /// Our own markup, written as a literal.
  Html& raw(Markup m) {
    put(m.view());
    return *this;
  }
  /// One of two literals, e.g. a modifier class that depends on a flag.
  Html& raw_if(bool condition, Markup yes, Markup no = "") {
    put(condition ? yes.view() : no.view());
    return *this;
  }
  /// A fragment built with another Html (already escaped where it needed to be).
  Html& append(const Html& fragment) {
    put(std::string_view(fragment.out_.data(), fragment.size_));
    return *this;
  }
  /// Anything else (user input, messages, URLs): escaped.
  Html& text(std::string_view s);
  Html& number(long long n);

  /// Makes room for n more bytes at once (a page that knows roughly how long it will be).
  void reserve(std::size_t n);
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  /// The fragment as a string. It trims the room kept after the written bytes, so a const Html shared between threads
  /// must not call it (only tests do).
  const std::string& str() const {
    out_.resize(size_);
    return out_;
  }
  std::string take() {
    out_.resize(size_);
    std::string s = std::move(out_);
    reset();
    return s;
  }

  /// The one way to turn a runtime string into markup, for markup our own code generated and tested (the QR code's
  /// SVG, a component's parity test fixtures). `scripts/check-source` allows it only in the files that list it.
  static Html trusted(std::string markup) {
    Html h;
    h.size_ = markup.size();
    h.out_ = std::move(markup);
    return h;
  }

 private:
  void put(std::string_view s) {
    if (out_.size() - size_ >= s.size()) {
      if (!s.empty()) std::memcpy(out_.data() + size_, s.data(), s.size());
      size_ += s.size();
    } else {
      put_past_room(s);
    }
  }
  /// put when the piece does not fit in the room left: appends it (the capacity at least doubles when it is used up)
  /// and makes room again.
  void put_past_room(std::string_view s);
  void reset() {
    out_.clear();
    size_ = 0;
  }

  /// Invariant: out_.size() >= size_; the bytes after size_ (zeros) are room to write into, not part of the fragment.
  mutable std::string out_;
  std::size_t size_ = 0;
};

/// Percent-encodes a query-string component.
std::string url_encode(std::string_view s);

/// A copy of v as a std::string: the components' fields are strings, a translation (core::Translator) a view. Page
/// files say `using view::s;`.
inline std::string s(std::string_view v) { return std::string(v); }

}  // namespace roundtable::view
