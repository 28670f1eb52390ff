/// Serves the built files in public/ from memory with ETags, long caching for fingerprinted assets and precompressed
/// variants.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "http/types.hpp"

namespace roundtable::http {

class StaticFiles {
 public:
  /// Loads every file under dir (missing dir: no files). .gz/.br siblings become variants.
  explicit StaticFiles(const std::string& dir);

  /// Answers a GET/HEAD for a path such as /assets/app-1a2b3c4d5e.css; nullopt if there is no such file.
  std::optional<Response> serve(const Request& req, std::string_view path) const;
  /// manifest.json's mapping of logical names to URLs (empty if absent).
  const std::map<std::string, std::string>& manifest() const { return manifest_; }
  size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content_type;
    std::string etag;
    std::string identity;
    std::string gzip;
    std::string brotli;
    bool immutable = false;
  };
  std::map<std::string, File, std::less<>> files_;
  std::map<std::string, std::string> manifest_;
};

/// The MIME type for a file name by extension.
std::string_view mime_type_for(std::string_view filename);

}  // namespace roundtable::http
