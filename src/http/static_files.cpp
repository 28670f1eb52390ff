#include "http/static_files.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "security/tokens.hpp"

namespace roundtable::http {

namespace fs = std::filesystem;
namespace bhttp = boost::beast::http;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool accepts(const Request& req, std::string_view coding) {
  auto it = req.find(bhttp::field::accept_encoding);
  if (it == req.end()) return false;
  std::string_view v = it->value();
  size_t pos = 0;
  while ((pos = v.find(coding, pos)) != std::string_view::npos) {
    auto rest = v.substr(pos + coding.size());
    auto end = rest.find(',');
    auto params = rest.substr(0, end);
    if (params.find("q=0") == std::string_view::npos || params.find("q=0.") != std::string_view::npos) return true;
    pos += coding.size();
  }
  return false;
}

}  // namespace

std::string_view mime_type_for(std::string_view name) {
  if (ends_with(name, ".css")) return "text/css; charset=utf-8";
  if (ends_with(name, ".js") || ends_with(name, ".mjs")) return "text/javascript; charset=utf-8";
  if (ends_with(name, ".svg")) return "image/svg+xml";
  if (ends_with(name, ".woff2")) return "font/woff2";
  if (ends_with(name, ".woff")) return "font/woff";
  if (ends_with(name, ".png")) return "image/png";
  if (ends_with(name, ".ico")) return "image/x-icon";
  if (ends_with(name, ".json")) return "application/json";
  if (ends_with(name, ".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  static const std::regex fingerprinted(R"(.*-[0-9a-f]{8,}\.[a-z0-9]+$)");
  std::map<std::string, std::string> variants;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string rel = "/";
    rel += fs::relative(it->path(), dir).generic_string();
    if (ends_with(rel, ".gz") || ends_with(rel, ".br")) {
      variants[rel] = read_file(it->path());
      continue;
    }
    File f;
    f.identity = read_file(it->path());
    f.content_type = std::string(mime_type_for(rel));
    f.etag = "\"";
    f.etag += security::hash_token(f.identity).substr(0, 22);
    f.etag += '"';
    f.immutable = std::regex_match(rel, fingerprinted);
    files_.emplace(rel, std::move(f));
  }
  for (auto& [name, data] : variants) {
    auto base = name.substr(0, name.size() - 3);
    auto it = files_.find(base);
    if (it == files_.end()) continue;
    (ends_with(name, ".gz") ? it->second.gzip : it->second.brotli) = std::move(data);
  }
  if (auto it = files_.find("/manifest.json"); it != files_.end()) {
    boost::system::error_code jec;
    auto v = boost::json::parse(it->second.identity, jec);
    if (!jec && v.is_object()) {
      for (auto& [k, val] : v.as_object()) {
        if (val.is_string()) manifest_[std::string(k)] = std::string(val.as_string());
      }
    }
  }
}

std::optional<Response> StaticFiles::serve(const Request& req, std::string_view path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  const File& f = it->second;
  Response res{bhttp::status::ok, req.version()};
  res.set(bhttp::field::content_type, f.content_type);
  res.set(bhttp::field::etag, f.etag);
  res.set(bhttp::field::cache_control, f.immutable ? "public, max-age=31536000, immutable" : "public, max-age=300");
  if (!f.gzip.empty() || !f.brotli.empty()) res.set(bhttp::field::vary, "Accept-Encoding");
  auto inm = req.find(bhttp::field::if_none_match);
  if (inm != req.end() && inm->value().find(f.etag) != std::string_view::npos) {
    res.result(bhttp::status::not_modified);
    res.keep_alive(req.keep_alive());
    return res;
  }
  if (!f.brotli.empty() && accepts(req, "br")) {
    res.set(bhttp::field::content_encoding, "br");
    res.body() = f.brotli;
  } else if (!f.gzip.empty() && accepts(req, "gzip")) {
    res.set(bhttp::field::content_encoding, "gzip");
    res.body() = f.gzip;
  } else {
    res.body() = f.identity;
  }
  res.keep_alive(req.keep_alive());
  res.prepare_payload();
  return res;
}

}  // namespace roundtable::http
