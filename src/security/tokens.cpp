#include "security/tokens.hpp"

#include <pthread.h>
#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace roundtable::security {

namespace {

std::string to_base64url(const unsigned char* data, size_t len) {
  std::string out(sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), data, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

/// Forks of this process so far (counted in the child): a child's threads must not go on from its parent's state.
std::atomic<unsigned long> forks{0};

/// Random bytes for tokens without a system call for each (two a request were 1.5 % of a signed-in page's CPU,
/// docs/PERFORMANCE.md). ChaCha20 with a key from the operating system, taken per thread, again after a fork and
/// again every kRefillsPerKey refills; each refill first replaces the key with keystream ("fast key erasure"), and
/// bytes are wiped once given out, so what this thread gave out before cannot be worked out from what it holds now.
class ThreadRandom {
 public:
  ThreadRandom() = default;
  ThreadRandom(const ThreadRandom&) = delete;
  ThreadRandom& operator=(const ThreadRandom&) = delete;
  ~ThreadRandom() {
    sodium_memzero(key_, sizeof key_);
    sodium_memzero(buffer_, sizeof buffer_);
  }

  void fill(unsigned char* out, size_t n) {
    const unsigned long seen = forks.load(std::memory_order_relaxed);
    if (!keyed_ || forks_ != seen) {
      new_key();
      forks_ = seen;
    }
    while (n > 0) {
      if (used_ == sizeof buffer_) refill();
      const size_t take = std::min(n, sizeof buffer_ - used_);
      std::memcpy(out, buffer_ + used_, take);
      sodium_memzero(buffer_ + used_, take);
      used_ += take;
      out += take;
      n -= take;
    }
  }

 private:
  static constexpr unsigned kRefillsPerKey = 1024;  // 512 KB of tokens

  void new_key() {
    randombytes_buf(key_, sizeof key_);
    sodium_memzero(buffer_, sizeof buffer_);
    used_ = sizeof buffer_;
    refills_ = 0;
    keyed_ = true;
  }

  void refill() {
    if (++refills_ >= kRefillsPerKey) new_key();
    // A new key for every refill, so the nonce need never change.
    static constexpr unsigned char kNonce[crypto_stream_chacha20_NONCEBYTES] = {};
    unsigned char block[sizeof key_ + sizeof buffer_];
    crypto_stream_chacha20(block, sizeof block, kNonce, key_);
    std::memcpy(key_, block, sizeof key_);
    std::memcpy(buffer_, block + sizeof key_, sizeof buffer_);
    sodium_memzero(block, sizeof block);
    used_ = 0;
  }

  unsigned char key_[crypto_stream_chacha20_KEYBYTES] = {};
  unsigned char buffer_[512] = {};
  size_t used_ = sizeof buffer_;
  unsigned refills_ = 0;
  unsigned long forks_ = 0;
  bool keyed_ = false;
};

}  // namespace

void init() {
  // sodium_init takes a process-wide lock on every call; once is enough.
  static const bool started = [] {
    if (sodium_init() < 0) return false;
    pthread_atfork(nullptr, nullptr, [] { forks.fetch_add(1, std::memory_order_relaxed); });
    return true;
  }();
  if (!started) throw std::runtime_error("libsodium could not start");
}

std::string random_token(size_t bytes) {
  init();
  thread_local ThreadRandom random;
  std::vector<unsigned char> buf(bytes);
  random.fill(buf.data(), buf.size());
  std::string token = to_base64url(buf.data(), buf.size());
  sodium_memzero(buf.data(), buf.size());
  return token;
}

std::string keyed_hash(std::string_view key, std::string_view data) {
  init();
  unsigned char k[crypto_generichash_KEYBYTES];
  crypto_generichash(k, sizeof k, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()), data.size(), k, sizeof k);
  return to_base64url(out, sizeof out);
}

std::string hash_token(std::string_view token) {
  init();
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return to_base64url(out, sizeof out);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace roundtable::security
