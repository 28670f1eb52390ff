// Fuzzes the multipart/form-data parser: never crashes, stays within its limits, and every part's data lies inside
// the body. The first byte chooses the boundary's length; the boundary is taken from the input itself.
#include <cstdint>
#include <string>
#include <string_view>

#include "http/multipart.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  size_t boundary_length = 1 + data[0] % 70;
  if (size < 1 + boundary_length) return 0;
  std::string_view boundary(reinterpret_cast<const char*>(data) + 1, boundary_length);
  std::string_view body(reinterpret_cast<const char*>(data) + 1 + boundary_length, size - 1 - boundary_length);

  // The Content-Type parser, on the same bytes.
  (void)roundtable::http::multipart_boundary(std::string("multipart/form-data; boundary=") + std::string(boundary));
  (void)roundtable::http::multipart_boundary(body.substr(0, 200));

  roundtable::http::MultipartLimits limits{.max_parts = 8, .max_header_bytes = 512};
  auto parts = roundtable::http::parse_multipart(body, boundary, limits);
  if (!parts) return 0;
  check(parts->size() <= limits.max_parts);
  for (const auto& p : *parts) {
    check(p.data.empty() ||
          (p.data.data() >= body.data() && p.data.data() + p.data.size() <= body.data() + body.size()));
    // A part never contains the delimiter that ends it.
    check(p.data.find("\r\n--" + std::string(boundary)) == std::string_view::npos);
  }
  return 0;
}
