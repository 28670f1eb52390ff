#include "security/passwords.hpp"

#include <sodium.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

namespace roundtable::security {

namespace {

std::atomic<PasswordCost> g_cost{PasswordCost::interactive};

unsigned long long ops_limit() {
  return g_cost == PasswordCost::fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
}

size_t mem_limit() {
  // 8 KiB is libsodium's minimum; interactive is 64 MiB, the OWASP-recommended order for argon2id.
  return g_cost == PasswordCost::fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

}  // namespace

void set_password_cost(PasswordCost cost) { g_cost = cost; }

bool use_test_password_cost_if_asked() {
#if defined(__SANITIZE_ADDRESS__)
  const char* asked = std::getenv("ROUNDTABLE_TEST_FAST_PASSWORDS");
  if (asked && std::string_view(asked) == "1") {
    set_password_cost(PasswordCost::fast);
    return true;
  }
#endif
  return false;
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops_limit(), mem_limit(),
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("not enough memory to hash a password");
  }
  return std::string(out);
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string h(stored_hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

void verify_password_of_nobody(std::string_view password) {
  static const std::string nobody = hash_password("no account has this password");
  (void)verify_password(nobody, password);
}

bool password_needs_rehash(std::string_view stored_hash) {
  std::string h(stored_hash);
  return crypto_pwhash_str_needs_rehash(h.c_str(), ops_limit(), mem_limit()) != 0;
}

}  // namespace roundtable::security
