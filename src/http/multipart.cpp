#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace roundtable::http {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// Finds parameter `key` in "form-data; name=\"x\"; filename=\"y\"".
std::optional<std::string> header_param(std::string_view value, std::string_view key) {
  size_t i = 0;
  while (i < value.size()) {
    auto semi = value.find(';', i);
    if (semi == std::string_view::npos) return std::nullopt;
    i = semi + 1;
    while (i < value.size() && value[i] == ' ') ++i;
    auto eq = value.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    auto k = trim(value.substr(i, eq - i));
    i = eq + 1;
    std::string v;
    if (i < value.size() && value[i] == '"') {
      ++i;
      while (i < value.size() && value[i] != '"') {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        v.push_back(value[i++]);
      }
      if (i >= value.size()) return std::nullopt;
      ++i;
    } else {
      auto end = value.find(';', i);
      v = std::string(trim(value.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i)));
      i = end == std::string_view::npos ? value.size() : end;
    }
    if (iequals(k, key)) return v;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  auto semi = content_type.find(';');
  if (!iequals(trim(content_type.substr(0, semi)), "multipart/form-data")) return std::nullopt;
  auto b = header_param(content_type, "boundary");
  if (!b || b->empty() || b->size() > 70) return std::nullopt;
  return b;
}

std::optional<std::vector<MultipartPart>> parse_multipart(std::string_view body, std::string_view boundary,
                                                          const MultipartLimits& limits) {
  if (boundary.empty()) return std::nullopt;
  const std::string delim = "--" + std::string(boundary);
  const std::string next_delim = "\r\n" + delim;
  if (body.substr(0, delim.size()) != delim) return std::nullopt;
  size_t pos = delim.size();
  std::vector<MultipartPart> parts;
  while (true) {
    if (body.substr(pos, 2) == "--") return parts;
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    auto header_end = body.find("\r\n\r\n", pos);
    if (header_end == std::string_view::npos || header_end - pos > limits.max_header_bytes) return std::nullopt;
    MultipartPart part;
    bool have_disposition = false;
    std::string_view headers = body.substr(pos, header_end - pos);
    while (!headers.empty()) {
      auto nl = headers.find("\r\n");
      auto line = headers.substr(0, nl);
      headers = nl == std::string_view::npos ? std::string_view{} : headers.substr(nl + 2);
      auto colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      auto name = trim(line.substr(0, colon));
      auto value = trim(line.substr(colon + 1));
      if (iequals(name, "Content-Disposition")) {
        auto semi = value.find(';');
        if (!iequals(trim(value.substr(0, semi)), "form-data")) return std::nullopt;
        auto n = header_param(value, "name");
        if (!n) return std::nullopt;
        part.name = std::move(*n);
        part.filename = header_param(value, "filename");
        have_disposition = true;
      } else if (iequals(name, "Content-Type")) {
        part.content_type = std::string(value);
      }
    }
    if (!have_disposition) return std::nullopt;
    pos = header_end + 4;
    auto end = body.find(next_delim, pos);
    if (end == std::string_view::npos) return std::nullopt;
    part.data = body.substr(pos, end - pos);
    if (parts.size() >= limits.max_parts) return std::nullopt;
    parts.push_back(std::move(part));
    pos = end + next_delim.size();
  }
}

}  // namespace roundtable::http
