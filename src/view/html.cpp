#include "view/html.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace roundtable::view {

namespace {

/// The characters HTML text and attribute values must not hold as they are.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'&', '<', '>', '"', '\''}) t[c] = true;
  return t;
}();

/// The first character from p on that needs escaping, or end. Nearly all text has none, so it is scanned 16 bytes
/// at a time where the processor can (SSE2 is part of every x86-64), then byte by byte with the table.
const char* next_to_escape(const char* p, const char* const end) {
#if defined(__SSE2__)
  const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'), quot = _mm_set1_epi8('"'),
                apos = _mm_set1_epi8('\'');
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, quot)), _mm_cmpeq_epi8(v, apos)));
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p != end && !kNeedsEscape[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

std::string_view entity(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    default: return "&#39;";
  }
}

/// Writes s escaped with append(string_view): runs of characters that need no escaping are copied at once.
template <class Append>
void escape_with(std::string_view s, Append&& append) {
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p != end) {
    const char* run = p;
    p = next_to_escape(p, end);
    if (p != run) append(std::string_view(run, static_cast<size_t>(p - run)));
    if (p == end) break;
    append(entity(*p));
    ++p;
  }
}

}  // namespace

void escape_into(std::string& out, std::string_view s) {
  escape_with(s, [&](std::string_view piece) { out.append(piece); });
}

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  escape_into(out, s);
  return out;
}

Html& Html::text(std::string_view s) {
  escape_with(s, [this](std::string_view piece) { put(piece); });
  return *this;
}

Html& Html::number(long long n) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  put(std::string_view(buf, static_cast<size_t>(end - buf)));
  (void)ec;  // 24 characters hold any long long
  return *this;
}

namespace {
/// How far the string's length runs ahead of the fragment: zeroing this much at a time is quick (memset does it with
/// a few vector stores), and it is enough for dozens of pieces.
constexpr std::size_t kRoom = 1024;
}  // namespace

void Html::put_past_room(std::string_view s) {
  out_.resize(size_);  // the room goes; the capacity stays
  out_.append(s);
  size_ = out_.size();
  out_.resize(std::min(out_.capacity(), size_ + kRoom));
}

void Html::reserve(std::size_t n) {
  if (out_.capacity() - size_ >= n) return;
  out_.resize(size_);
  out_.reserve(size_ + n);
  out_.resize(std::min(out_.capacity(), size_ + kRoom));
}

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace roundtable::view
