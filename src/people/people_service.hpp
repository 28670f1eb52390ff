/// Use cases for people and organisations: sign-in with rate limits, organisations and their settings, audit.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/search.hpp"
#include "people/consent.hpp"
#include "people/data_rights.hpp"
#include "people/invitation.hpp"
#include "people/people.hpp"
#include "people/personal_data.hpp"
#include "people/profile.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::people {

/// Limits on failed sign-ins within a window: per account, and per address (the client's IP).
struct SignInLimits {
  int per_account = 5;
  int per_address = 20;
  long long window_seconds = 15 * 60;
};

/// two_step_needed: the password was right, and the person's authenticator code is asked for next.
enum class SignInOutcome { ok, wrong, too_many_for_account, too_many_for_address, two_step_needed };

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::wrong;
  long long user_id = 0;
  /// The person's preferred language.
  core::Lang lang = core::Lang::en;
  /// For two_step_needed: the secret of the waiting sign-in, for the browser's cookie.
  std::string two_step_token;
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
};

/// A signed-in person with their memberships.
struct Person {
  User user;
  std::vector<MembershipRow> memberships;
  /// Two-step sign-in is on. Read only for organisation admins (the only people it gates); false for others.
  bool two_step = false;
};

/// What became of a two-step code typed by someone already signed in (turning it off, new recovery codes).
enum class CodeOutcome { ok, wrong, too_many };
template <class T>
struct SignedInCode {
  CodeOutcome outcome = CodeOutcome::wrong;
  /// Set when outcome is ok.
  T value{};
};

/// The person with this id, their memberships and (for organisation admins) whether two-step sign-in is on, read
/// on the caller's connection; nullopt when there is no such account.
std::optional<Person> read_person(soci::session& s, long long user_id);

/// A member's profile as someone else in their organisation may see it.
struct MemberView {
  Profile profile;
  MembershipRow membership;
  /// Needs are shown only to facilitators and organisation admins, and only if the person agreed.
  bool needs_visible = false;
  /// True when the viewer is staff but the person has not agreed to share their needs.
  bool needs_withheld = false;
  /// Phone and contact notes are shown to facilitators and organisation admins only, and not at all when the
  /// person withdrew consent to being contacted.
  bool contact_visible = false;
  bool contact_withdrawn = false;
  /// The person has an About Me page this viewer may see (filled in by the member page).
  bool about_me_visible = false;
};

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
};

enum class InviteOutcome { sent, already_member, already_invited };

struct AcceptResult {
  enum class Outcome {
    ok,
    /// The link is unknown, used, revoked or expired.
    invalid,
    /// An account with the invited email exists: sign in as it to accept.
    sign_in_first,
    /// Signed in as someone else than the invited person.
    wrong_account,
  } outcome = Outcome::invalid;
  long long user_id = 0;
  std::string org_slug;
  std::string org_name;
};

/// Thrown when an organisation's web address is already used.
class SlugTaken : public std::runtime_error {
 public:
  SlugTaken() : std::runtime_error("that web address is already used by another organisation") {}
};

/// Thrown when an account with the email address exists.
class EmailTaken : public std::runtime_error {
 public:
  EmailTaken() : std::runtime_error("an account with that email address already exists") {}
};

class PeopleService {
 public:
  /// clock: what time it is (tests pass a core::ManualClock to move time).
  PeopleService(db::Database& db, db::SearchIndex& search, SignInLimits limits = {},
                const core::Clock& clock = core::system_clock())
      : db_(db), search_(search), limits_(limits), clock_(clock) {}

  /// Where links in email point (http://host:port), and who to wake when email is queued.
  void set_mail(std::string base_url, std::function<void()> mail_queued) {
    base_url_ = std::move(base_url);
    mail_queued_ = std::move(mail_queued);
  }
  const std::string& base_url() const { return base_url_; }

  /// Files to add to a person's data download besides data.json and index.html, as (name in the zip, bytes): the
  /// files they uploaded. Runs on a database thread.
  using ExportExtras =
      std::function<std::vector<std::pair<std::string, std::string>>(soci::session& s, long long user_id)>;
  void set_export_extras(ExportExtras extras) { export_extras_ = std::move(extras); }
  /// Every module's tables with personal data (app/modules.cpp gathers them), for download and erasure; the people
  /// module's own (personal_tables()) until set.
  void set_personal_tables(std::vector<PersonalTable> tables) { personal_tables_ = std::move(tables); }
  const std::vector<PersonalTable>& personal_tables_register() const { return personal_tables_; }

  /// Where profile photos are kept (without it, photos cannot be added) and lets people see the photos of those
  /// they share an organisation with.
  void set_uploads(uploads::UploadService* uploads);
  uploads::UploadService* uploads() const { return uploads_; }
  /// What a profile photo may be: a picture of at most 10 MB, scaled down to 800 pixels.
  static uploads::Allowed photo_rules();
  /// Makes this (checked and cleaned) picture the person's photo; the old one's file is deleted.
  boost::asio::awaitable<void> set_photo(long long user_id, uploads::Prepared photo);
  /// Takes the person's photo away and deletes its file; false when there was none.
  boost::asio::awaitable<bool> remove_photo(long long user_id);
  /// What a logo may be: a picture of at most 5 MB, scaled down to 600 pixels.
  static uploads::Allowed logo_rules();
  /// Makes this picture the organisation's logo (the old one's file is deleted); audited as a settings change.
  boost::asio::awaitable<void> set_org_logo(long long actor_id, long long org_id, uploads::Prepared logo);
  /// Takes the logo away; false when there was none.
  boost::asio::awaitable<bool> remove_org_logo(long long actor_id, long long org_id);

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
                                                              std::string remote_address);
  /// Whether this browser has an open sign-in email request (so the code page has something to check).
  boost::asio::awaitable<bool> has_open_email_sign_in(std::string browser_secret);

  /// Everything held about the person as a zip (data.json, and index.html in `lang`); audited as data_exported.
  boost::asio::awaitable<std::string> export_data(long long user_id, core::Lang lang);
  /// The organisation the person is the only admin of (so their account cannot be deleted yet), if any.
  boost::asio::awaitable<std::optional<std::string>> sole_admin_of(long long user_id);
  /// Erases the account (see erase_person); every session of the person ends with it.
  boost::asio::awaitable<EraseResult> erase_account(long long user_id);

  /// Open sign-up: emails someone who asked to join an organisation a link to finish joining as a member (an
  /// invitation they asked for, which proves the address is theirs). Nothing for someone already a member; asking
  /// again sends a new link at most every 10 minutes. Callers check that the organisation's sign-up is open.
  boost::asio::awaitable<void> request_to_join(long long org_id, std::string email, std::string name, core::Lang lang);
  /// Open sign-up for someone signed in: joins as a member; false if they already belong.
  boost::asio::awaitable<bool> join_as_member(long long org_id, long long user_id);

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
  /// The second step of a sign-in: a code from the app (each works once) or an unused recovery code. Wrong codes
  /// count towards the sign-in limits; a waiting sign-in dies after 5 or 10 minutes.
  boost::asio::awaitable<TwoStepResult> sign_in_two_step(std::string token, std::string code,
                                                         std::string remote_address);

  /// Invites someone by email (inv: org_id, email, name, role, member types, message, lang).
  boost::asio::awaitable<InviteOutcome> invite(long long inviter_id, Invitation inv);
  boost::asio::awaitable<std::vector<Invitation>> invitations(long long org_id);
  /// Sends an open invitation again with a new link and a new expiry; false if it is not open.
  boost::asio::awaitable<bool> resend_invitation(long long actor_id, long long org_id, long long id);
  boost::asio::awaitable<bool> revoke_invitation(long long actor_id, long long org_id, long long id);
  /// The open invitation behind a link, and whether an account with its email exists.
  boost::asio::awaitable<std::optional<std::pair<Invitation, bool>>> invitation(std::string token);
  /// Accepts for someone new: creates the account (with consent to keep their data) and the membership.
  boost::asio::awaitable<AcceptResult> accept_invitation_as_new(std::string token, std::string name,
                                                                std::string password, core::Lang lang);
  /// Accepts for the signed-in person, whose email must be the invited one.
  boost::asio::awaitable<AcceptResult> accept_invitation_as(std::string token, long long user_id);

  /// Checks the password unless a limit has been reached; records failures and the sign-in in the audit log.
  /// With two-step sign-in on, a right password gives two_step_needed (the sign-in waits, remembering `next`).
  boost::asio::awaitable<SignInResult> sign_in_with_password(std::string email, std::string password,
                                                             std::string remote_address, std::string next = "");
  boost::asio::awaitable<void> record_sign_out(long long user_id, bool everywhere);
  /// The person behind a session, or nullopt if the account is gone.
  boost::asio::awaitable<std::optional<Person>> person(long long user_id);

  boost::asio::awaitable<std::vector<Organisation>> organisations();
  boost::asio::awaitable<std::optional<Organisation>> organisation(std::string slug);
  /// Creates the organisation (throws SlugTaken); returns its id.
  boost::asio::awaitable<long long> create_organisation(long long actor_user_id, Organisation org);
  /// Saves name, languages and sign-up mode.
  boost::asio::awaitable<void> update_organisation(long long actor_user_id, Organisation org);
  boost::asio::awaitable<std::vector<audit::Entry>> audit_log(long long org_id, long long before_id, int limit);

  /// The person's own profile.
  boost::asio::awaitable<std::optional<Profile>> profile(long long user_id);
  /// Saves the person's own profile; a change to sharing their needs is audited.
  boost::asio::awaitable<void> save_profile(Profile profile);
  /// Another member's profile for a viewer in the same organisation (nullopt when the person is not a member
  /// there). viewer_is_staff: a facilitator or organisation admin there. Viewing shared needs is audited.
  /// The person's consent decisions in force, and every decision they made.
  boost::asio::awaitable<std::pair<ConsentState, std::vector<ConsentRecord>>> consents(long long user_id);
  /// Records each decision that differs from the one in force (or agrees to newer wording), with the wording in
  /// the person's language; audited.
  boost::asio::awaitable<void> set_consents(long long user_id, core::Lang lang,
                                            std::vector<std::pair<ConsentPurpose, bool>> decisions);
  enum class MembershipChange { done, not_member, last_admin };
  /// Changes a member's role and member types (an organisation must keep at least one admin); audited.
  boost::asio::awaitable<MembershipChange> change_membership(long long actor_id, long long org_id, long long user_id,
                                                             Role role, std::vector<MemberType> types);
  /// Removes a member from the organisation (not their account); audited.
  boost::asio::awaitable<MembershipChange> remove_member(long long actor_id, long long org_id, long long user_id);
  /// An organisation's member directory: everyone by name, or found by words in their names, strengths, skills
  /// and interests (through the search index), filtered by member type and interest.
  boost::asio::awaitable<DirectoryPage> directory(long long org_id, DirectoryQuery query);
  boost::asio::awaitable<std::optional<MemberView>> member_profile(long long viewer_id, long long org_id,
                                                                   long long subject_id, bool viewer_is_staff);

  /// For the command line and demo data, on the calling thread. Throws SlugTaken.
  long long create_organisation_now(const Organisation& org);
  /// Creates an account (throws EmailTaken); an empty password means the person cannot sign in with one yet.
  long long create_user_now(User user, const std::string& password);
  /// Adds an existing account to an organisation with a role (or changes it). Throws std::invalid_argument when
  /// the organisation or the account does not exist.
  void add_member_now(const std::string& org_slug, const std::string& email, Role role,
                      const std::vector<MemberType>& types);
  /// The profile of the account with this email, if there is one.
  std::optional<Profile> profile_by_email_now(const std::string& email);
  void save_profile_now(const Profile& profile);
  /// Turns two-step sign-in on with a known key, without recovery codes (demo data only).
  void turn_on_two_step_now(const std::string& email, const std::string& secret);

 private:
  db::Database& db_;
  db::SearchIndex& search_;
  SignInLimits limits_;
  const core::Clock& clock_;
  std::string base_url_ = "http://127.0.0.1:8080";
  std::function<void()> mail_queued_;
  ExportExtras export_extras_;
  std::vector<PersonalTable> personal_tables_ = personal_tables();
  uploads::UploadService* uploads_ = nullptr;
};

}  // namespace roundtable::people
