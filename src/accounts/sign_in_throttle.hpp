/// Slowing down whoever guesses at an account, without locking its owner out (docs/adr/0019). Failed sign-ins
/// (passwords, emailed codes, two-step codes) are counted per account, per account and address, and per address;
/// failures from a browser that has signed in to the account before ("known") are counted apart from the rest.
#pragma once

#include <soci/soci.h>

#include <string>

#include "accounts/account_service.hpp"

namespace roundtable::accounts {

/// Who is trying to sign in: the account (its normalised email), the client's address, and whether the browser
/// holds a known-browser cookie for this very account.
struct Attempt {
  std::string email;
  std::string address;
  bool known_browser = false;
};

/// What the counters allow now.
struct Throttle {
  enum class Verdict { go, wait, too_many_for_address };
  Verdict verdict = Verdict::go;
  /// For wait: how many seconds before the next try is let in.
  long long wait_seconds = 0;
};

/// The delay after n failures for a threshold: none below it, then 1 s, 2 s, 4 s ... up to max_delay_seconds.
long long delay_after(long long failures, int threshold, long long max_delay_seconds);

/// Whether a try may go ahead now: the address's fixed limit in the window first, then the growing delays of the
/// account (known browsers' own count, or everyone else's) and of the account at this address.
Throttle check_throttle(soci::session& s, const SignInLimits& limits, const Attempt& attempt, long long now);
/// Counts a failure against the account (known or not), the account at this address, and the address.
void record_throttled_failure(soci::session& s, const Attempt& attempt, long long now);
/// After a success: forgets the failures of the account (of this kind) and of the account at this address.
void clear_throttle(soci::session& s, const Attempt& attempt);

}  // namespace roundtable::accounts
