// Fuzzes the multipart/form-data parser and multipart_boundary.
//
// Input: byte 0 chooses the boundary's length (1..70) and byte 1 the limits; the boundary follows, then the rest.
//  1. The rest is parsed as a body with that boundary: the parser stays within its limits, every part's data lies
//     inside the body and never contains the delimiter that ends it, and a body that parses starts with the
//     delimiter.
//  2. The rest is also read as pieces (a length byte, then that many bytes; the low bits of the length byte also
//     choose a filename and a content type), a well-formed body is built from them and it must parse to exactly
//     those parts, or fail exactly when the limit on parts is exceeded.
//  3. multipart_boundary gives back a boundary written plainly or quoted into a Content-Type, and accepts only
//     multipart/form-data.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/multipart.hpp"

namespace {

using roundtable::http::multipart_boundary;
using roundtable::http::MultipartLimits;
using roundtable::http::MultipartPart;
using roundtable::http::parse_multipart;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool inside(std::string_view part, std::string_view whole) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

void check_raw(std::string_view body, std::string_view boundary, const MultipartLimits& limits) {
  auto parts = parse_multipart(body, boundary, limits);
  if (!parts) return;
  check(body.substr(0, boundary.size() + 2) == "--" + std::string(boundary));
  check(parts->size() <= limits.max_parts);
  const std::string next_delim = "\r\n--" + std::string(boundary);
  const char* previous_end = body.data();
  for (const auto& p : *parts) {
    check(inside(p.data, body));
    check(p.data.data() >= previous_end);
    previous_end = p.data.data() + p.data.size();
    // The data is followed by the delimiter and holds none itself.
    check(body.substr(static_cast<size_t>(previous_end - body.data()), next_delim.size()) == next_delim);
    check(p.data.find(next_delim) == std::string_view::npos);
  }
}

struct Expected {
  std::string name;
  std::optional<std::string> filename;
  std::string content_type;
  std::string_view data;
};

void check_generated(std::string_view rest, std::string_view boundary, const MultipartLimits& limits) {
  const std::string delim = "--" + std::string(boundary);
  const std::string next_delim = "\r\n" + delim;
  std::vector<Expected> expected;
  while (!rest.empty() && expected.size() < 16) {
    const auto len = static_cast<unsigned char>(rest[0]);
    rest.remove_prefix(1);
    std::string_view data = rest.substr(0, len);
    rest.remove_prefix(data.size());
    // Data that contains (or runs into) the delimiter cannot be sent as is; a real client picks another boundary.
    if ((std::string(data) + next_delim).find(next_delim) != data.size()) return;
    Expected e;
    e.name = "field" + std::to_string(expected.size());
    if (len & 1) e.filename = (len & 2) ? "" : "a \\\"b\\\".txt";
    if (len & 4) e.content_type = "text/plain; charset=utf-8";
    e.data = data;
    expected.push_back(std::move(e));
  }
  if (expected.empty()) return;

  std::string body;
  for (const auto& e : expected) {
    body += delim + "\r\n";
    body += "Content-Disposition: form-data; name=\"" + e.name + "\"";
    if (e.filename) body += "; filename=\"" + *e.filename + "\"";
    body += "\r\n";
    if (!e.content_type.empty()) body += "content-type: " + e.content_type + "\r\n";
    body += "\r\n";
    body += e.data;
    body += "\r\n";
  }
  body += delim + "--\r\n";

  auto parts = parse_multipart(body, boundary, limits);
  check(parts.has_value() == (expected.size() <= limits.max_parts));
  if (!parts) return;
  check(parts->size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const MultipartPart& p = (*parts)[i];
    const Expected& e = expected[i];
    check(p.name == e.name);
    // The filename is written with escaped quotes; the parser unescapes them.
    check(p.filename.has_value() == e.filename.has_value());
    if (e.filename) check(*p.filename == (e.filename->empty() ? "" : "a \"b\".txt"));
    check(p.content_type == e.content_type);
    check(p.data == e.data);
    check(inside(p.data, body));
  }
}

void check_boundary(std::string_view boundary) {
  check(!multipart_boundary("text/plain; boundary=" + std::string(boundary)).has_value());
  // Plain: a token without ';', quotes, spaces or tabs comes back as it is.
  bool token = boundary.find_first_of(";\" \t") == std::string_view::npos;
  if (token) {
    auto b = multipart_boundary("multipart/form-data; boundary=" + std::string(boundary));
    check(b.has_value() && *b == boundary);
    b = multipart_boundary("Multipart/Form-Data ;charset=utf-8; BOUNDARY=" + std::string(boundary));
    check(b.has_value() && *b == boundary);
  }
  // Quoted: anything without a quote or backslash comes back as it is.
  if (boundary.find_first_of("\"\\") == std::string_view::npos) {
    auto b = multipart_boundary("multipart/form-data; boundary=\"" + std::string(boundary) + "\"");
    check(b.has_value() && *b == boundary);
  }
  // Whatever multipart_boundary returns is usable: non-empty and at most 70 bytes.
  auto any = multipart_boundary(boundary);
  check(!any || (!any->empty() && any->size() <= 70));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  const size_t boundary_length = 1 + data[0] % 70;
  const MultipartLimits limits{.max_parts = data[1] % 9u, .max_header_bytes = 64 + 32u * (data[1] >> 4)};
  if (size < 2 + boundary_length) return 0;
  const char* chars = reinterpret_cast<const char*>(data);
  const std::string_view boundary(chars + 2, boundary_length);
  const std::string_view rest(chars + 2 + boundary_length, size - 2 - boundary_length);

  check_raw(rest, boundary, limits);
  check_generated(rest, boundary, {.max_parts = limits.max_parts, .max_header_bytes = 8 * 1024});
  check_boundary(boundary);
  // The Content-Type parser on raw bytes too.
  auto b = multipart_boundary(rest.substr(0, 256));
  check(!b || (!b->empty() && b->size() <= 70));
  return 0;
}
