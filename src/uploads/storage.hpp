/// Where uploaded files are kept. One interface, so a later object store can stand in for the folder.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roundtable::uploads {

class Storage {
 public:
  virtual ~Storage() = default;
  /// Stores bytes under a new key (made by the storage) and returns the key. Durable when it returns.
  virtual std::string put(std::string_view bytes) = 0;
  /// The bytes, or nullopt when there is no such key.
  virtual std::optional<std::string> get(std::string_view key) = 0;
  /// Removes the key; no error when it is already gone.
  virtual void remove(std::string_view key) = 0;
};

/// Files in a folder (the data folder's "uploads"): key "ab/abcdef..." is file root/ab/abcdef...; written to a
/// temporary name, flushed to disk and renamed, so a crash never leaves half a file under a key.
class FolderStorage final : public Storage {
 public:
  /// Creates the folder if needed; throws std::runtime_error with a plain reason if it cannot.
  explicit FolderStorage(std::filesystem::path root);
  std::string put(std::string_view bytes) override;
  std::optional<std::string> get(std::string_view key) override;
  void remove(std::string_view key) override;
  /// Every key stored (for housekeeping's sweep of files no row refers to).
  std::vector<std::string> keys() const;
  /// When the file under a key was last written; nullopt for an unknown or invalid key.
  std::optional<std::chrono::system_clock::time_point> modified_at(std::string_view key) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  /// The file for a key, or nullopt when the key is not one this storage makes (no "..", no other characters).
  std::optional<std::filesystem::path> path_of(std::string_view key) const;
  std::filesystem::path root_;
};

}  // namespace roundtable::uploads
