/// Use cases for accounts: sign-in with a password (with rate limits), by email, with a second step, password
/// reset, signing out, and making accounts for the command line and demo data.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "security/tokens.hpp"

namespace roundtable::accounts {

/// Limits on failed sign-ins within a window (docs/adr/0019-slow-down-not-lock-out.md): after per_account failures
/// for an account (from unknown browsers, or from its known browsers, counted apart; and for the account at one
/// address), each further try waits 1 s, 2 s, 4 s ... up to max_delay_seconds after the last failure. per_address
/// failures from one address stop its tries until the window has passed.
struct SignInLimits {
  int per_account = 5;
  int per_address = 20;
  long long window_seconds = 15 * 60;
  long long max_delay_seconds = 5 * 60;
};

/// two_step_needed: the password was right, and the person's authenticator code is asked for next.
/// too_many_for_account: too soon after failures for the account; wait_seconds says how long to wait.
enum class SignInOutcome { ok, wrong, too_many_for_account, too_many_for_address, two_step_needed };

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::wrong;
  long long user_id = 0;
  /// The person's preferred language.
  core::Lang lang = core::Lang::en;
  /// For two_step_needed: the secret of the waiting sign-in, for the browser's cookie.
  std::string two_step_token;
  /// For too_many_for_account: seconds before the next try is let in.
  long long wait_seconds = 0;
};

/// Two-step sign-in, as the person's account page shows it.
struct TwoStepStatus {
  bool enabled = false;
  /// The key being set up (not yet confirmed with a code).
  std::optional<std::string> pending_secret;
  long long recovery_codes_left = 0;
};

enum class TwoStepOutcome { ok, wrong, expired, too_many_for_account, too_many_for_address };

struct TwoStepResult {
  TwoStepOutcome outcome = TwoStepOutcome::expired;
  long long user_id = 0;
  core::Lang lang = core::Lang::en;
  std::string next;
  bool used_recovery_code = false;
  long long recovery_codes_left = 0;
  /// For too_many_for_account: seconds before the next try is let in.
  long long wait_seconds = 0;
};

/// What became of a two-step code typed by someone already signed in (turning it off, new recovery codes).
enum class CodeOutcome { ok, wrong, too_many };
template <class T>
struct SignedInCode {
  CodeOutcome outcome = CodeOutcome::wrong;
  /// Set when outcome is ok.
  T value{};
};

/// What became of the fresh proof (the password, or for an account without one an emailed code) asked for before
/// something that cannot be undone, like deleting the account.
enum class ProofOutcome { ok, wrong, too_many };

/// Sign-in by email: what became of a link or a code.
enum class EmailSignInOutcome {
  ok,
  /// The code is not the one in the email (the request stays open until 5 wrong codes).
  wrong_code,
  /// Nothing open in this browser, or the link is used up or expired: ask for a new email.
  expired,
  /// The link is fine but was opened in another browser than the one that asked.
  other_browser,
  too_many_for_account,
  too_many_for_address,
  /// The email was right; the person's authenticator code is asked for next.
  two_step_needed,
};

struct EmailSignInResult {
  EmailSignInOutcome outcome = EmailSignInOutcome::expired;
  long long user_id = 0;
  core::Lang lang = core::Lang::en;
  std::string two_step_token;
  /// Where the person wanted to go when they asked (a local path, or empty).
  std::string next;
  /// For too_many_for_account: seconds before the next try is let in.
  long long wait_seconds = 0;
};

class AccountService {
 public:
  /// clock: what time it is (tests pass a core::ManualClock to move time).
  explicit AccountService(db::Database& db, SignInLimits limits = {}, const core::Clock& clock = core::system_clock())
      : db_(db), limits_(limits), clock_(clock) {}

  /// Where links in email point (http://host:port), and who to wake when email is queued.
  void set_mail(std::string base_url, std::function<void()> mail_queued) {
    base_url_ = std::move(base_url);
    mail_queued_ = std::move(mail_queued);
  }
  const std::string& base_url() const { return base_url_; }

  /// The key that signs known-browser cookies (the server's known_browser_secret setting).
  void set_known_browser_secret(std::string secret) { known_browser_secret_ = std::move(secret); }
  /// The value of the cookie that marks a browser as one that has signed in to this account (docs/adr/0019).
  std::string known_browser_cookie(long long user_id) const;
  /// The account a known-browser cookie names, or 0 when it is missing, made up or for no account.
  long long known_browser_user(std::string_view cookie) const;

  /// Emails a password reset link (valid for an hour) if there is an account with this address; at most 3 an hour
  /// per account. Says nothing about whether the account exists.
  boost::asio::awaitable<void> request_password_reset(std::string email);
  /// The person whose reset link this is, if it can still be used.
  boost::asio::awaitable<std::optional<long long>> password_reset_user(std::string token);
  /// What a password reset leads to.
  struct ResetResult {
    /// The person, or nullopt if the link cannot be used.
    std::optional<long long> user_id;
    /// Set when the person has two-step sign-in on: the reset does not sign them in, the second step comes next
    /// (the secret of the waiting sign-in, for the browser's cookie), as after any other way of signing in.
    std::string two_step_token;
  };
  /// Sets the new password, uses up the link and ends every session.
  boost::asio::awaitable<ResetResult> reset_password(std::string token, std::string new_password);

  /// Emails a sign-in link and a 6-digit code, both usable for 15 minutes only in the browser holding
  /// browser_secret (a cookie), if there is an account with this address; at most 3 an hour per account. Says
  /// nothing about whether the account exists.
  boost::asio::awaitable<void> request_email_sign_in(std::string email, std::string browser_secret, std::string next);
  /// What confirming this link would do now, without using it up (the page behind the link shows a button).
  boost::asio::awaitable<EmailSignInOutcome> check_sign_in_link(std::string token, std::string browser_secret);
  /// Signs in with the emailed link, from the browser that asked.
  boost::asio::awaitable<EmailSignInResult> sign_in_with_link(std::string token, std::string browser_secret);
  /// Signs in with the emailed code, typed in the browser that asked; wrong codes count towards the rate limits.
  boost::asio::awaitable<EmailSignInResult> sign_in_with_code(std::string code, std::string browser_secret,
                                                              std::string remote_address, long long known_user = 0);
  /// Whether this browser has an open sign-in email request (so the code page has something to check).
  boost::asio::awaitable<bool> has_open_email_sign_in(std::string browser_secret);

  /// Fresh proof that it is the person at the keyboard, before deleting their account (email_sign_in.cpp).
  /// Whether the account has a password (then it is asked for; if not, a code sent by email).
  boost::asio::awaitable<bool> has_password(long long user_id);
  /// Emails a 6-digit code that works once, for 15 minutes, as proof (for accounts without a password); at most 3
  /// emails an hour per account, shared with sign-in emails. Returns whether one was sent.
  boost::asio::awaitable<bool> send_proof_code(long long user_id);
  /// Checks the password (or the emailed code, used up when right) unless a limit has been reached; wrong ones count
  /// towards the sign-in limits and are audited as failed sign-ins.
  boost::asio::awaitable<ProofOutcome> check_proof(long long user_id, std::string password_or_code,
                                                   std::string remote_address);

  /// Two-step sign-in (two_step.cpp).
  boost::asio::awaitable<TwoStepStatus> two_step_status(long long user_id);
  /// Starts setting up with a new key (nullopt when two-step sign-in is already on).
  boost::asio::awaitable<std::optional<std::string>> start_two_step(long long user_id);
  /// Turns it on if the code matches the key being set up; returns the new recovery codes (shown once).
  boost::asio::awaitable<std::optional<std::vector<std::string>>> confirm_two_step(long long user_id, std::string code);
  /// New recovery codes (the old ones stop working), given a current code from the app. Wrong codes are counted
  /// like sign-in failures: after as many as a sign-in allows, no code is tried until the window has passed.
  boost::asio::awaitable<SignedInCode<std::vector<std::string>>> new_recovery_codes(long long user_id,
                                                                                    std::string code);
  /// Turns it off, given a current code from the app or a recovery code (wrong codes counted the same way).
  boost::asio::awaitable<SignedInCode<bool>> turn_off_two_step(long long user_id, std::string code);
  /// With two-step sign-in on for the account: opens a waiting second step (going to `next` after it) and returns
  /// its secret for the browser's cookie; "" when the account does not have it on (pages::open_session).
  boost::asio::awaitable<std::string> open_second_step(long long user_id, std::string next);
  /// The second step of a sign-in: a code from the app (each works once) or an unused recovery code. Wrong codes
  /// count towards the sign-in limits; a waiting sign-in dies after 5 or 10 minutes.
  boost::asio::awaitable<TwoStepResult> sign_in_two_step(std::string token, std::string code,
                                                         std::string remote_address, long long known_user = 0);

  /// Checks the password unless a limit has been reached; records failures and the sign-in in the audit log.
  /// With two-step sign-in on, a right password gives two_step_needed (the sign-in waits, remembering `next`).
  /// known_user: the account this browser's known-browser cookie names (known_browser_user), or 0.
  boost::asio::awaitable<SignInResult> sign_in_with_password(std::string email, std::string password,
                                                             std::string remote_address, std::string next = "",
                                                             long long known_user = 0);
  boost::asio::awaitable<void> record_sign_out(long long user_id, bool everywhere);
  /// The account with this id, or nullopt if it is gone.
  boost::asio::awaitable<std::optional<User>> user(long long user_id);

  /// For the command line and demo data, on the calling thread. Creates an account (throws EmailTaken); an empty
  /// password means the person cannot sign in with one yet.
  long long create_user_now(User user, const std::string& password);
  /// Turns two-step sign-in on with a known key, without recovery codes (demo data only).
  void turn_on_two_step_now(const std::string& email, const std::string& secret);

 private:
  db::Database& db_;
  SignInLimits limits_;
  const core::Clock& clock_;
  std::string base_url_ = "http://127.0.0.1:8080";
  std::function<void()> mail_queued_;
  std::string known_browser_secret_ = security::random_token(32);
};

}  // namespace roundtable::accounts
