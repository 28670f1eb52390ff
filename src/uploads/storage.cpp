#include "uploads/storage.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "security/tokens.hpp"

namespace roundtable::uploads {

namespace {

constexpr size_t kNameLength = 32;

bool is_lower_hex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

/// "ab/ab0123..." with exactly 2 + 32 lowercase hex digits, the folder being the name's first two.
bool is_key(std::string_view key) {
  if (key.size() != 3 + kNameLength || key[2] != '/') return false;
  const auto dir = key.substr(0, 2);
  const auto name = key.substr(3);
  return is_lower_hex(dir) && is_lower_hex(name) && name.substr(0, 2) == dir;
}

std::string new_name() {
  unsigned char buf[kNameLength / 2];
  randombytes_buf(buf, sizeof buf);
  char hex[kNameLength + 1];
  sodium_bin2hex(hex, sizeof hex, buf, sizeof buf);
  return std::string(hex, kNameLength);
}

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& p, int err) {
  throw std::runtime_error("Could not " + what + " " + p.string() + ": " + std::strerror(err));
}

/// Closes the descriptor on every path out.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

void write_all(int fd, std::string_view bytes, const std::filesystem::path& p) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write", p, errno);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

void fsync_dir(const std::filesystem::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) fail("open the folder", dir, errno);
  if (::fsync(fd.get()) != 0) fail("flush the folder", dir, errno);
}

}  // namespace

FolderStorage::FolderStorage(std::filesystem::path root) : root_(std::move(root)) {
  std::error_code ec;
  std::filesystem::create_directories(root_, ec);
  if (ec || !std::filesystem::is_directory(root_)) {
    throw std::runtime_error("Could not create the uploads folder " + root_.string() +
                             (ec ? ": " + ec.message() : std::string(": it is not a folder")));
  }
  security::init();
}

std::optional<std::filesystem::path> FolderStorage::path_of(std::string_view key) const {
  if (!is_key(key)) return std::nullopt;
  return root_ / std::string(key.substr(0, 2)) / std::string(key.substr(3));
}

std::string FolderStorage::put(std::string_view bytes) {
  const std::string name = new_name();
  const std::string key = name.substr(0, 2) + "/" + name;
  const auto dir = root_ / name.substr(0, 2);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) fail("create the folder", dir, ec.value());
  const auto final_path = dir / name;
  // The temporary name never matches a key, so keys() and get() cannot see half a file.
  const auto tmp_path = dir / (name + ".tmp");
  {
    Fd fd(::open(tmp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (fd.get() < 0) fail("create", tmp_path, errno);
    try {
      write_all(fd.get(), bytes, tmp_path);
      if (::fsync(fd.get()) != 0) fail("flush", tmp_path, errno);
      if (::close(fd.release()) != 0) fail("close", tmp_path, errno);
    } catch (...) {
      ::unlink(tmp_path.c_str());
      throw;
    }
  }
  if (::rename(tmp_path.c_str(), final_path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp_path.c_str());
    fail("rename", tmp_path, err);
  }
  // The rename is durable only once the folder holding the new name is flushed.
  fsync_dir(dir);
  return key;
}

std::optional<std::string> FolderStorage::get(std::string_view key) {
  const auto p = path_of(key);
  if (!p) return std::nullopt;
  Fd fd(::open(p->c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::nullopt;
    fail("open", *p, errno);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) fail("read", *p, errno);
  if (!S_ISREG(st.st_mode)) return std::nullopt;
  std::string out;
  out.reserve(static_cast<size_t>(st.st_size));
  char buf[64 * 1024];
  while (true) {
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("read", *p, errno);
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

void FolderStorage::remove(std::string_view key) {
  const auto p = path_of(key);
  if (!p) return;
  if (::unlink(p->c_str()) != 0 && errno != ENOENT && errno != ENOTDIR) fail("delete", *p, errno);
}

std::vector<std::string> FolderStorage::keys() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& dir : std::filesystem::directory_iterator(root_, ec)) {
    const std::string d = dir.path().filename().string();
    if (d.size() != 2 || !is_lower_hex(d) || !dir.is_directory()) continue;
    std::error_code ec2;
    for (const auto& f : std::filesystem::directory_iterator(dir.path(), ec2)) {
      std::string key = d + "/" + f.path().filename().string();
      if (is_key(key) && f.is_regular_file()) out.push_back(std::move(key));
    }
  }
  return out;
}

std::optional<std::chrono::system_clock::time_point> FolderStorage::modified_at(std::string_view key) const {
  const auto p = path_of(key);
  if (!p) return std::nullopt;
  struct stat st {};
  if (::stat(p->c_str(), &st) != 0) return std::nullopt;
  return std::chrono::system_clock::time_point(
      std::chrono::seconds(st.st_mtim.tv_sec) +
      std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::nanoseconds(st.st_mtim.tv_nsec)));
}

}  // namespace roundtable::uploads
