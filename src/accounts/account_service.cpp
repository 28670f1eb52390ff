#include "accounts/account_service.hpp"

#include <soci/soci.h>

#include "accounts/account_store.hpp"
#include "accounts/sign_in_keys.hpp"
#include "accounts/sign_in_throttle.hpp"
#include "accounts/two_step.hpp"
#include "audit/audit_store.hpp"
#include "db/transaction.hpp"
#include "mail/compose.hpp"
#include "mail/outbox_store.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"

namespace roundtable::accounts {

using boost::asio::awaitable;

namespace {

bool is_unique_violation(const std::exception& e) {
  std::string what = e.what();
  return what.find("UNIQUE") != std::string::npos || what.find("unique") != std::string::npos ||
         what.find("duplicate key") != std::string::npos;
}

}  // namespace

awaitable<SignInResult> AccountService::sign_in_with_password(std::string email, std::string password,
                                                              std::string remote_address, std::string next,
                                                              long long known_user) {
  auto work = [this, email = normalise_email(email), password = std::move(password),
               remote_address = std::move(remote_address), next = std::move(next), known_user](soci::session& s) {
    SignInResult result;
    const long long now = clock_.now_seconds();
    auto user = store::find_user_by_email(s, email);
    const Attempt attempt{email, remote_address, user && known_user != 0 && user->id == known_user};
    const auto throttle = check_throttle(s, limits_, attempt, now);
    if (throttle.verdict == Throttle::Verdict::too_many_for_address) {
      result.outcome = SignInOutcome::too_many_for_address;
      return result;
    }
    if (throttle.verdict == Throttle::Verdict::wait) {
      result.outcome = SignInOutcome::too_many_for_account;
      result.wait_seconds = throttle.wait_seconds;
      return result;
    }
    bool ok = false;
    if (user && !user->password_hash.empty()) {
      ok = security::verify_password(user->password_hash, password);
    } else {
      security::verify_password_of_nobody(password);
    }
    db::WriteTransaction tx(s);
    if (!ok) {
      record_throttled_failure(s, attempt, now);
      if (user) audit::store::record(s, {std::nullopt, std::nullopt, user->id, audit::action::kSignInFailed, ""});
      tx.commit();
      return result;
    }
    clear_throttle(s, attempt);
    if (security::password_needs_rehash(user->password_hash)) {
      store::set_password_hash(s, user->id, security::hash_password(password));
    }
    result.user_id = user->id;
    result.lang = user->lang;
    if (auto token = open_two_step_challenge(s, user->id, next, now)) {
      tx.commit();
      result.outcome = SignInOutcome::two_step_needed;
      result.two_step_token = *token;
      return result;
    }
    audit::store::record(s, {std::nullopt, user->id, user->id, audit::action::kSignedIn, ""});
    tx.commit();
    result.outcome = SignInOutcome::ok;
    result.user_id = user->id;
    result.lang = user->lang;
    return result;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

namespace {

constexpr long long kResetLifetime = 60 * 60;
constexpr long long kResetsPerHour = 3;

}  // namespace

awaitable<void> AccountService::request_password_reset(std::string email) {
  auto work = [this, email = normalise_email(email)](soci::session& s) {
    // The same statements run, and a write is committed, whether or not the address has an account and whether or not
    // it asked too often: the work done, and the time it takes, does not tell whether an account exists. Where nothing
    // is sent, two stand-ins no one sees are written in place of the link and the email (migrations/0020).
    const long long now = clock_.now_seconds();
    auto user = store::find_user_by_email(s, email);
    const std::string token = security::random_token();
    const core::Lang lang = user ? user->lang : core::Lang::en;
    core::Translator t(core::Messages::embedded(), lang);
    auto message = mail::compose(
        user ? user->email : email, user ? user->name : std::string(), lang,
        std::string(t("accounts.reset.mail.subject")),
        {std::string(t("accounts.reset.mail.p1")), std::string(t("accounts.reset.mail.p2"))},
        mail::Action{std::string(t("accounts.reset.mail.button")), base_url_ + "/reset-password/" + token});
    db::WriteTransaction tx(s);
    const bool too_many = store::count_password_resets(s, user ? user->id : 0, now - 3600) >= kResetsPerHour;
    const bool send = user && !too_many;
    if (send) {
      store::insert_password_reset(s, security::hash_token(token), user->id, now, now + kResetLifetime);
      mail::store::enqueue(s, message, now);
    } else {
      store::insert_password_reset_decoy(s, security::hash_token(token), now);
      store::insert_password_reset_decoy(s, security::hash_token(security::random_token()), now);
    }
    audit::store::record(s, {std::nullopt, std::nullopt, user ? std::optional<long long>(user->id) : std::nullopt,
                             audit::action::kPasswordResetRequested, send ? "" : (user ? "too_many" : "no_account")});
    tx.commit();
    return send;
  };
  auto op = db_.run(std::move(work));
  const bool queued = co_await std::move(op);
  if (queued && mail_queued_) mail_queued_();
}

awaitable<std::optional<long long>> AccountService::password_reset_user(std::string token) {
  auto op = db_.read([this, hash = security::hash_token(token)](soci::session& s) {
    return store::valid_password_reset(s, hash, clock_.now_seconds());
  });
  co_return co_await std::move(op);
}

awaitable<AccountService::ResetResult> AccountService::reset_password(std::string token, std::string new_password) {
  auto work = [this, hash = security::hash_token(token),
               new_password = std::move(new_password)](soci::session& s) -> ResetResult {
    // On the database thread, before the transaction: argon2id is slow on purpose.
    const std::string password_hash = security::hash_password(new_password);
    db::WriteTransaction tx(s);
    const long long now = clock_.now_seconds();
    auto user_id = store::valid_password_reset(s, hash, now);
    if (!user_id) return {};
    store::set_password_hash(s, *user_id, password_hash);
    store::use_password_resets(s, *user_id, now);
    store::end_sessions(s, *user_id);
    store::clear_failures(s, account_key(store::find_user_by_id(s, *user_id)->email));
    audit::store::record(s, {std::nullopt, *user_id, *user_id, audit::action::kPasswordChanged, ""});
    ResetResult result{user_id, {}};
    // Knowing the email account is one factor: with two-step sign-in on, the second is still asked for.
    if (auto waiting = open_two_step_challenge(s, *user_id, "/", now)) result.two_step_token = *waiting;
    tx.commit();
    return result;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<void> AccountService::record_sign_out(long long user_id, bool everywhere) {
  auto work = [user_id, everywhere](soci::session& s) {
    audit::store::record(s, {std::nullopt, user_id, user_id,
                             everywhere ? audit::action::kSignedOutEverywhere : audit::action::kSignedOut, ""});
  };
  auto op = db_.run(std::move(work));
  co_await std::move(op);
}
awaitable<std::optional<User>> AccountService::user(long long user_id) {
  auto op = db_.read([user_id](soci::session& s) { return store::find_user_by_id(s, user_id); });
  co_return co_await std::move(op);
}

std::string AccountService::known_browser_cookie(long long user_id) const {
  const std::string id = std::to_string(user_id);
  return id + "." + security::keyed_hash(known_browser_secret_, "known-browser:" + id);
}

long long AccountService::known_browser_user(std::string_view cookie) const {
  const auto dot = cookie.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 18) return 0;
  const std::string id(cookie.substr(0, dot));
  for (char c : id) {
    if (c < '0' || c > '9') return 0;
  }
  if (!security::constant_time_equal(cookie, known_browser_cookie(std::stoll(id)))) return 0;
  return std::stoll(id);
}

long long AccountService::create_user_now(User user, const std::string& password) {
  user.email = normalise_email(user.email);
  if (!password.empty()) user.password_hash = security::hash_password(password);
  return db_.run_sync([&](soci::session& s) {
    if (store::find_user_by_email(s, user.email)) throw EmailTaken();
    try {
      return store::insert_user(s, user);
    } catch (const std::exception& e) {
      if (is_unique_violation(e)) throw EmailTaken();
      throw;
    }
  });
}

}  // namespace roundtable::accounts
