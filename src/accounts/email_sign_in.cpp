// Sign-in by email without a password: AccountService's part (the pages are in email_sign_in_pages.cpp).
#include <sodium.h>

#include "accounts/account_service.hpp"
#include "accounts/account_store.hpp"
#include "accounts/email_sign_in_store.hpp"
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

constexpr long long kLinkLifetime = 15 * 60;
constexpr long long kEmailsPerHour = 3;
constexpr int kWrongCodesPerEmail = 5;

/// Six digits, evenly spread, with leading zeros.
std::string random_code() {
  std::string code = std::to_string(randombytes_uniform(1000000));
  return std::string(6 - code.size(), '0') + code;
}

/// The code is hashed with the request's own secret, so a leaked table gives no list of codes to try.
std::string code_hash(const std::string& token_hash, const std::string& code) {
  return security::keyed_hash(token_hash, "code:" + code);
}

std::string browser_hash(const std::string& browser_secret) {
  return security::hash_token("browser:" + browser_secret);
}

/// Digits only, so "123 456" and "123-456" work as typed.
std::string digits_of(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

/// Signs the person in: uses up every open request of theirs, clears failures and writes the audit log.
EmailSignInResult complete(soci::session& s, const store::SignInLink& link, const char* how, long long now,
                           const Attempt& attempt) {
  EmailSignInResult result;
  auto user = store::find_user_by_id(s, link.user_id);
  if (!user) return result;
  db::WriteTransaction tx(s);
  store::use_sign_in_links(s, link.user_id, now);
  store::clear_failures(s, account_key(user->email));
  if (!attempt.email.empty()) clear_throttle(s, attempt);
  result.user_id = user->id;
  result.lang = user->lang;
  result.next = link.next_path;
  if (auto token = open_two_step_challenge(s, user->id, link.next_path, now)) {
    tx.commit();
    result.outcome = EmailSignInOutcome::two_step_needed;
    result.two_step_token = *token;
    return result;
  }
  audit::store::record(s, {std::nullopt, user->id, user->id, audit::action::kSignedIn, how});
  tx.commit();
  result.outcome = EmailSignInOutcome::ok;
  return result;
}

}  // namespace

awaitable<void> AccountService::request_email_sign_in(std::string email, std::string browser_secret, std::string next) {
  auto work = [this, email = normalise_email(email), browser = browser_hash(browser_secret),
               next = std::move(next)](soci::session& s) {
    auto user = store::find_user_by_email(s, email);
    if (!user) {
      (void)security::hash_token(security::random_token());
      return false;
    }
    const long long now = clock_.now_seconds();
    if (store::count_sign_in_links(s, user->id, now - 3600) >= kEmailsPerHour) return false;
    const std::string token = security::random_token();
    const std::string token_hash = security::hash_token(token);
    const std::string code = random_code();
    core::Translator t(core::Messages::embedded(), user->lang);
    auto message = mail::compose(
        user->email, user->name, user->lang, std::string(t("accounts.email_sign_in.mail.subject")),
        {std::string(t("accounts.email_sign_in.mail.p1")),
         core::format(t("accounts.email_sign_in.mail.code"), {{"code", code}}),
         std::string(t("accounts.email_sign_in.mail.p2")), std::string(t("accounts.email_sign_in.mail.p3"))},
        mail::Action{std::string(t("accounts.email_sign_in.mail.button")), base_url_ + "/sign-in/link/" + token});
    db::WriteTransaction tx(s);
    store::insert_sign_in_link(s, user->id, token_hash, code_hash(token_hash, code), browser, next, now,
                               now + kLinkLifetime);
    mail::store::enqueue(s, message, now);
    audit::store::record(s, {std::nullopt, std::nullopt, user->id, audit::action::kSignInEmailSent, ""});
    tx.commit();
    return true;
  };
  auto op = db_.run(std::move(work));
  const bool queued = co_await std::move(op);
  if (queued && mail_queued_) mail_queued_();
}

namespace {

EmailSignInOutcome link_state(const std::optional<store::SignInLink>& link, const std::string& browser, long long now) {
  if (!link || link->used_at || link->expires_at <= now) return EmailSignInOutcome::expired;
  if (!security::constant_time_equal(link->browser_hash, browser)) return EmailSignInOutcome::other_browser;
  return EmailSignInOutcome::ok;
}

}  // namespace

awaitable<EmailSignInOutcome> AccountService::check_sign_in_link(std::string token, std::string browser_secret) {
  auto op =
      db_.run([this, hash = security::hash_token(token), browser = browser_hash(browser_secret)](soci::session& s) {
        return link_state(store::find_sign_in_link_by_token(s, hash), browser, clock_.now_seconds());
      });
  co_return co_await std::move(op);
}

awaitable<EmailSignInResult> AccountService::sign_in_with_link(std::string token, std::string browser_secret) {
  auto op =
      db_.run([this, hash = security::hash_token(token), browser = browser_hash(browser_secret)](soci::session& s) {
        const long long now = clock_.now_seconds();
        auto link = store::find_sign_in_link_by_token(s, hash);
        EmailSignInResult result;
        result.outcome = link_state(link, browser, now);
        if (result.outcome != EmailSignInOutcome::ok) return result;
        // Opening the emailed link proves the email account, like a right code: the counters start again.
        return complete(s, *link, "email_link", now, Attempt{});
      });
  co_return co_await std::move(op);
}

awaitable<bool> AccountService::has_open_email_sign_in(std::string browser_secret) {
  auto op = db_.run([this, browser = browser_hash(browser_secret)](soci::session& s) {
    return !store::find_open_sign_in_links_by_browser(s, browser, clock_.now_seconds()).empty();
  });
  co_return co_await std::move(op);
}

awaitable<EmailSignInResult> AccountService::sign_in_with_code(std::string code, std::string browser_secret,
                                                               std::string remote_address, long long known_user) {
  auto work = [this, code = digits_of(code), browser = browser_hash(browser_secret),
               remote_address = std::move(remote_address), known_user](soci::session& s) {
    EmailSignInResult result;
    const long long now = clock_.now_seconds();
    auto links = store::find_open_sign_in_links_by_browser(s, browser, now);
    if (links.empty()) return result;
    // Every open request in a browser is for the same address (or the person changed their mind: the newest wins).
    auto user = store::find_user_by_id(s, links.front().user_id);
    if (!user) return result;
    const Attempt attempt{user->email, remote_address, known_user != 0 && known_user == user->id};
    const auto throttle = check_throttle(s, limits_, attempt, now);
    if (throttle.verdict == Throttle::Verdict::too_many_for_address) {
      result.outcome = EmailSignInOutcome::too_many_for_address;
      return result;
    }
    if (throttle.verdict == Throttle::Verdict::wait) {
      result.outcome = EmailSignInOutcome::too_many_for_account;
      result.wait_seconds = throttle.wait_seconds;
      return result;
    }
    // Emails can arrive out of order, so the code of any open request made in this browser works.
    for (const auto& link : links) {
      if (security::constant_time_equal(link.code_hash, code_hash(link.token_hash, code)))
        return complete(s, link, "email_code", now, attempt);
    }
    db::WriteTransaction tx(s);
    record_throttled_failure(s, attempt, now);
    bool any_open = false;
    for (const auto& link : links) {
      if (store::record_wrong_code(s, link.id, kWrongCodesPerEmail, now) < kWrongCodesPerEmail) any_open = true;
    }
    audit::store::record(s, {std::nullopt, std::nullopt, user->id, audit::action::kSignInFailed, "email_code"});
    tx.commit();
    result.outcome = any_open ? EmailSignInOutcome::wrong_code : EmailSignInOutcome::expired;
    return result;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

namespace {

/// Proof codes live with sign-in requests, under a "browser" that no cookie can name (every browser's is a hash), so
/// they can never sign anyone in; their link token is never sent.
std::string proof_holder(long long user_id) { return "proof:" + std::to_string(user_id); }

}  // namespace

awaitable<bool> AccountService::has_password(long long user_id) {
  auto op = db_.read([user_id](soci::session& s) {
    auto user = store::find_user_by_id(s, user_id);
    return user && !user->password_hash.empty();
  });
  co_return co_await std::move(op);
}

awaitable<bool> AccountService::send_proof_code(long long user_id) {
  auto work = [this, user_id](soci::session& s) {
    auto user = store::find_user_by_id(s, user_id);
    if (!user) return false;
    const long long now = clock_.now_seconds();
    if (store::count_sign_in_links(s, user->id, now - 3600) >= kEmailsPerHour) return false;
    const std::string token_hash = security::hash_token(security::random_token());
    const std::string code = random_code();
    core::Translator t(core::Messages::embedded(), user->lang);
    auto message = mail::compose(user->email, user->name, user->lang, std::string(t("accounts.proof.mail.subject")),
                                 {std::string(t("accounts.proof.mail.p1")),
                                  core::format(t("accounts.email_sign_in.mail.code"), {{"code", code}}),
                                  std::string(t("accounts.proof.mail.p2")), std::string(t("accounts.proof.mail.p3"))},
                                 std::nullopt);
    db::WriteTransaction tx(s);
    store::insert_sign_in_link(s, user->id, token_hash, code_hash(token_hash, code), proof_holder(user->id), "", now,
                               now + kLinkLifetime);
    mail::store::enqueue(s, message, now);
    tx.commit();
    return true;
  };
  auto op = db_.run(std::move(work));
  const bool queued = co_await std::move(op);
  if (queued && mail_queued_) mail_queued_();
  co_return queued;
}

awaitable<ProofOutcome> AccountService::check_proof(long long user_id, std::string password_or_code,
                                                    std::string remote_address) {
  auto work = [this, user_id, typed = std::move(password_or_code),
               remote_address = std::move(remote_address)](soci::session& s) {
    const long long now = clock_.now_seconds();
    auto user = store::find_user_by_id(s, user_id);
    if (!user) return ProofOutcome::wrong;
    // The browser is signed in to this account, so its failures count as a known browser's.
    const Attempt attempt{user->email, remote_address, true};
    if (check_throttle(s, limits_, attempt, now).verdict != Throttle::Verdict::go) return ProofOutcome::too_many;
    std::vector<store::SignInLink> links;
    if (!user->password_hash.empty()) {
      if (security::verify_password(user->password_hash, typed)) return ProofOutcome::ok;
    } else {
      links = store::find_open_sign_in_links_by_browser(s, proof_holder(user->id), now);
      const std::string code = digits_of(typed);
      for (const auto& link : links) {
        if (code.size() == 6 && security::constant_time_equal(link.code_hash, code_hash(link.token_hash, code))) {
          db::WriteTransaction tx(s);
          store::use_sign_in_links(s, user->id, now);
          tx.commit();
          return ProofOutcome::ok;
        }
      }
    }
    db::WriteTransaction tx(s);
    record_throttled_failure(s, attempt, now);
    for (const auto& link : links) store::record_wrong_code(s, link.id, kWrongCodesPerEmail, now);
    audit::store::record(s, {std::nullopt, user->id, user->id, audit::action::kSignInFailed, "proof"});
    tx.commit();
    return ProofOutcome::wrong;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

}  // namespace roundtable::accounts
