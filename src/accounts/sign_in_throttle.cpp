#include "accounts/sign_in_throttle.hpp"

#include <algorithm>

#include "accounts/account_store.hpp"
#include "accounts/sign_in_keys.hpp"

namespace roundtable::accounts {

namespace {

/// The key the account's failures from this kind of browser are counted under.
std::string account_bucket(const Attempt& a) {
  return a.known_browser ? known_browser_key(a.email) : account_key(a.email);
}

/// Seconds still to wait after the failures under key, or 0.
long long remaining(soci::session& s, const std::string& key, int threshold, const SignInLimits& limits,
                    long long now) {
  const long long n = store::count_failures(s, key, now - limits.window_seconds);
  const long long delay = delay_after(n, threshold, limits.max_delay_seconds);
  if (delay == 0) return 0;
  const auto last = store::last_failure(s, key);
  if (!last) return 0;
  return std::max(0LL, *last + delay - now);
}

/// The key of the account's failures at this address (known browsers' kept apart here too).
std::string pair_bucket(const Attempt& a) {
  return account_address_key((a.known_browser ? "known:" : "") + a.email, a.address);
}

}  // namespace

long long delay_after(long long failures, int threshold, long long max_delay_seconds) {
  if (failures < threshold) return 0;
  const long long doublings = std::min(failures - threshold, 30LL);
  return std::min(max_delay_seconds, 1LL << doublings);
}

Throttle check_throttle(soci::session& s, const SignInLimits& limits, const Attempt& attempt, long long now) {
  Throttle t;
  if (store::count_failures(s, address_key(attempt.address), now - limits.window_seconds) >= limits.per_address) {
    t.verdict = Throttle::Verdict::too_many_for_address;
    return t;
  }
  const long long wait = std::max(remaining(s, account_bucket(attempt), limits.per_account, limits, now),
                                  remaining(s, pair_bucket(attempt), limits.per_account, limits, now));
  if (wait > 0) {
    t.verdict = Throttle::Verdict::wait;
    t.wait_seconds = wait;
  }
  return t;
}

void record_throttled_failure(soci::session& s, const Attempt& attempt, long long now) {
  store::record_failure(s, account_bucket(attempt), now);
  store::record_failure(s, pair_bucket(attempt), now);
  store::record_failure(s, address_key(attempt.address), now);
}

void clear_throttle(soci::session& s, const Attempt& attempt) {
  store::clear_failures(s, account_bucket(attempt));
  store::clear_failures(s, pair_bucket(attempt));
}

}  // namespace roundtable::accounts
