/// Parser for multipart/form-data request bodies (file uploads); pure, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roundtable::http {

struct MultipartPart {
  std::string name;
  /// Present only for file fields (may be empty when no file was chosen).
  std::optional<std::string> filename;
  std::string content_type;
  /// Points into the body passed to parse_multipart.
  std::string_view data;
};

struct MultipartLimits {
  size_t max_parts = 100;
  size_t max_header_bytes = 8 * 1024;
};

/// Extracts the boundary parameter from a Content-Type of multipart/form-data; nullopt otherwise.
std::optional<std::string> multipart_boundary(std::string_view content_type);

/// Parses the body; nullopt when it is malformed or exceeds a limit.
std::optional<std::vector<MultipartPart>> parse_multipart(std::string_view body, std::string_view boundary,
                                                          const MultipartLimits& limits = {});

}  // namespace roundtable::http
