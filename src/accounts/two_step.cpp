// Two-step sign-in: AccountService's part (the pages are in two_step_pages.cpp).
#include "accounts/two_step.hpp"

#include <sodium.h>

#include <array>

#include "accounts/account_service.hpp"
#include "accounts/account_store.hpp"
#include "accounts/sign_in_keys.hpp"
#include "accounts/sign_in_throttle.hpp"
#include "accounts/two_step_store.hpp"
#include "audit/audit_store.hpp"
#include "db/transaction.hpp"
#include "security/tokens.hpp"
#include "security/totp.hpp"

namespace roundtable::accounts {

using boost::asio::awaitable;

namespace {

constexpr long long kChallengeLifetime = 10 * 60;
constexpr int kWrongCodesPerChallenge = 5;
constexpr int kRecoveryCodes = 10;

/// Lower case letters and digits only, so "ABCDE-FGHIJ" and "abcde fghij" are the same code.
std::string normalise_recovery_code(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  return out;
}

std::string recovery_hash(std::string_view typed) {
  return security::hash_token("recovery:" + normalise_recovery_code(typed));
}

/// Ten codes of ten letters and digits (50 random bits each), shown as "abcde-fghij".
std::vector<std::string> make_recovery_codes() {
  std::vector<std::string> codes;
  for (int i = 0; i < kRecoveryCodes; ++i) {
    std::array<unsigned char, 7> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string b32 = security::base32_encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), 7));
    std::string code = normalise_recovery_code(b32.substr(0, 10));
    codes.push_back(code.substr(0, 5) + "-" + code.substr(5));
  }
  return codes;
}

bool is_app_code(std::string_view typed) {
  int digits = 0;
  for (char c : typed) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return false;
    ++digits;
  }
  return digits == 6;
}

std::vector<std::string> store_new_recovery_codes(soci::session& s, long long user_id, long long now) {
  auto codes = make_recovery_codes();
  std::vector<std::string> hashes;
  for (const auto& c : codes) hashes.push_back(recovery_hash(c));
  store::replace_recovery_codes(s, user_id, hashes, now);
  return codes;
}

/// Checks a code from the app against the enabled key (using up its step) or, if allowed, a recovery code.
enum class CodeCheck { wrong, app_code, recovery_code };
CodeCheck check_code(soci::session& s, long long user_id, const store::TwoStep& ts, std::string_view code,
                     bool allow_recovery, long long now) {
  if (is_app_code(code)) {
    if (auto step = security::verify_totp(ts.secret, code, now, ts.last_step)) {
      store::set_last_step(s, user_id, *step);
      return CodeCheck::app_code;
    }
    return CodeCheck::wrong;
  }
  if (allow_recovery && store::use_recovery_code(s, user_id, recovery_hash(code), now)) return CodeCheck::recovery_code;
  return CodeCheck::wrong;
}

}  // namespace

std::optional<std::string> open_two_step_challenge(soci::session& s, long long user_id, const std::string& next,
                                                   long long now) {
  auto ts = store::find_two_step(s, user_id);
  if (!ts || !ts->enabled_at) return std::nullopt;
  const std::string token = security::random_token();
  store::insert_two_step_challenge(s, user_id, security::hash_token(token), next, now, now + kChallengeLifetime);
  return token;
}

awaitable<std::string> AccountService::open_second_step(long long user_id, std::string next) {
  auto work = [this, user_id, next = std::move(next)](soci::session& s) -> std::string {
    // Read first: most accounts do not have it on, and their sign-in writes nothing here.
    auto ts = store::find_two_step(s, user_id);
    if (!ts || !ts->enabled_at) return {};
    db::WriteTransaction tx(s);
    auto token = open_two_step_challenge(s, user_id, next, clock_.now_seconds());
    tx.commit();
    return token.value_or("");
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<TwoStepStatus> AccountService::two_step_status(long long user_id) {
  auto op = db_.run([user_id](soci::session& s) {
    TwoStepStatus st;
    if (auto ts = store::find_two_step(s, user_id)) {
      st.enabled = ts->enabled_at.has_value();
      if (!st.enabled) st.pending_secret = ts->secret;
      st.recovery_codes_left = store::count_unused_recovery_codes(s, user_id);
    }
    return st;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<std::string>> AccountService::start_two_step(long long user_id) {
  auto op = db_.run([this, user_id](soci::session& s) -> std::optional<std::string> {
    auto ts = store::find_two_step(s, user_id);
    if (ts && ts->enabled_at) return std::nullopt;
    const std::string secret = security::new_totp_secret();
    db::WriteTransaction tx(s);
    store::put_pending_two_step(s, user_id, secret, clock_.now_seconds());
    tx.commit();
    return secret;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<std::vector<std::string>>> AccountService::confirm_two_step(long long user_id,
                                                                                    std::string code) {
  auto op =
      db_.run([this, user_id, code = std::move(code)](soci::session& s) -> std::optional<std::vector<std::string>> {
        const long long now = clock_.now_seconds();
        auto ts = store::find_two_step(s, user_id);
        if (!ts || ts->enabled_at) return std::nullopt;
        auto step = security::verify_totp(ts->secret, code, now, 0);
        if (!step) return std::nullopt;
        db::WriteTransaction tx(s);
        store::enable_two_step(s, user_id, *step, now);
        auto codes = store_new_recovery_codes(s, user_id, now);
        audit::store::record(s, {std::nullopt, user_id, user_id, audit::action::kTwoStepOn, ""});
        tx.commit();
        return codes;
      });
  co_return co_await std::move(op);
}

namespace {

/// Checks a code typed by someone already signed in, inside tx. A wrong one is recorded and committed; once as many
/// are recorded in the window as a sign-in allows, no code is tried. ok leaves tx open for the caller's change.
CodeOutcome check_signed_in_code(soci::session& s, db::WriteTransaction& tx, const SignInLimits& limits,
                                 long long user_id, const store::TwoStep& ts, const std::string& code,
                                 bool recovery_allowed, long long now) {
  const std::string key = signed_in_code_key(user_id);
  if (store::count_failures(s, key, now - limits.window_seconds) >= limits.per_account) return CodeOutcome::too_many;
  if (check_code(s, user_id, ts, code, recovery_allowed, now) != CodeCheck::wrong) return CodeOutcome::ok;
  store::record_failure(s, key, now);
  tx.commit();
  return CodeOutcome::wrong;
}

}  // namespace

awaitable<SignedInCode<std::vector<std::string>>> AccountService::new_recovery_codes(long long user_id,
                                                                                     std::string code) {
  auto op = db_.run([this, user_id, code = std::move(code)](soci::session& s) {
    SignedInCode<std::vector<std::string>> result;
    const long long now = clock_.now_seconds();
    auto ts = store::find_two_step(s, user_id);
    if (!ts || !ts->enabled_at) return result;
    db::WriteTransaction tx(s);
    result.outcome = check_signed_in_code(s, tx, limits_, user_id, *ts, code, false, now);
    if (result.outcome != CodeOutcome::ok) return result;
    result.value = store_new_recovery_codes(s, user_id, now);
    audit::store::record(s, {std::nullopt, user_id, user_id, audit::action::kRecoveryCodesRenewed, ""});
    tx.commit();
    return result;
  });
  co_return co_await std::move(op);
}

awaitable<SignedInCode<bool>> AccountService::turn_off_two_step(long long user_id, std::string code) {
  auto op = db_.run([this, user_id, code = std::move(code)](soci::session& s) {
    SignedInCode<bool> result;
    const long long now = clock_.now_seconds();
    auto ts = store::find_two_step(s, user_id);
    if (!ts || !ts->enabled_at) return result;
    db::WriteTransaction tx(s);
    result.outcome = check_signed_in_code(s, tx, limits_, user_id, *ts, code, true, now);
    if (result.outcome != CodeOutcome::ok) return result;
    store::delete_two_step(s, user_id);
    audit::store::record(s, {std::nullopt, user_id, user_id, audit::action::kTwoStepOff, ""});
    tx.commit();
    result.value = true;
    return result;
  });
  co_return co_await std::move(op);
}

awaitable<TwoStepResult> AccountService::sign_in_two_step(std::string token, std::string code,
                                                          std::string remote_address, long long known_user) {
  auto work = [this, hash = security::hash_token(token), code = std::move(code),
               remote_address = std::move(remote_address), known_user](soci::session& s) {
    TwoStepResult result;
    const long long now = clock_.now_seconds();
    auto challenge = store::find_two_step_challenge(s, hash, now);
    if (!challenge || challenge->wrong_codes >= kWrongCodesPerChallenge) return result;
    auto user = store::find_user_by_id(s, challenge->user_id);
    auto ts = store::find_two_step(s, challenge->user_id);
    if (!user || !ts || !ts->enabled_at) return result;
    const Attempt attempt{user->email, remote_address, known_user != 0 && known_user == user->id};
    const auto throttle = check_throttle(s, limits_, attempt, now);
    if (throttle.verdict == Throttle::Verdict::too_many_for_address) {
      result.outcome = TwoStepOutcome::too_many_for_address;
      return result;
    }
    if (throttle.verdict == Throttle::Verdict::wait) {
      result.outcome = TwoStepOutcome::too_many_for_account;
      result.wait_seconds = throttle.wait_seconds;
      return result;
    }
    db::WriteTransaction tx(s);
    const auto check = check_code(s, user->id, *ts, code, true, now);
    if (check == CodeCheck::wrong) {
      record_throttled_failure(s, attempt, now);
      store::record_wrong_two_step_code(s, challenge->id);
      audit::store::record(s, {std::nullopt, std::nullopt, user->id, audit::action::kSignInFailed, "two_step"});
      tx.commit();
      result.outcome =
          challenge->wrong_codes + 1 >= kWrongCodesPerChallenge ? TwoStepOutcome::expired : TwoStepOutcome::wrong;
      return result;
    }
    store::delete_two_step_challenge(s, challenge->id);
    clear_throttle(s, attempt);
    const bool recovery = check == CodeCheck::recovery_code;
    audit::store::record(
        s, {std::nullopt, user->id, user->id, audit::action::kSignedIn, recovery ? "recovery_code" : "two_step"});
    tx.commit();
    result.outcome = TwoStepOutcome::ok;
    result.user_id = user->id;
    result.lang = user->lang;
    result.next = challenge->next_path;
    result.used_recovery_code = recovery;
    result.recovery_codes_left = store::count_unused_recovery_codes(s, user->id);
    return result;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

void AccountService::turn_on_two_step_now(const std::string& email, const std::string& secret) {
  db_.run_sync([&](soci::session& s) {
    auto user = store::find_user_by_email(s, normalise_email(email));
    if (!user) throw std::invalid_argument("no account with that email");
    const long long now = clock_.now_seconds();
    db::WriteTransaction tx(s);
    store::put_pending_two_step(s, user->id, secret, now);
    store::enable_two_step(s, user->id, 0, now);
    tx.commit();
  });
}

}  // namespace roundtable::accounts
