/// Use cases for organisations: the organisations themselves (settings, logo, audit log), who belongs to them
/// (memberships and roles, the signed-in person with their memberships), invitations and open sign-up.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/search.hpp"
#include "organisations/invitation.hpp"
#include "organisations/organisation.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::organisations {

/// A signed-in person with their memberships.
struct Person {
  User user;
  std::vector<MembershipRow> memberships;
  /// Two-step sign-in is on for the account.
  bool two_step = false;
};

/// The person with this id, their memberships and whether two-step sign-in is on for the account, read
/// on the caller's connection; nullopt when there is no such account.
std::optional<Person> read_person(soci::session& s, long long user_id);

enum class InviteOutcome { sent, already_member, already_invited };

/// Someone not signed in asking to join an organisation anyone may join (open sign-up).
struct JoinRequest {
  long long org_id = 0;
  std::string email;
  /// Shown to the organisation's admins with the request; never put in the email.
  std::string name;
  core::Lang lang = core::Lang::en;
  /// The client's address (the trusted proxy's word for it), for the limit per client.
  std::string client;
};

/// What a join request did. The page says the same for queued and nothing_sent, so it does not tell who is a member.
enum class JoinOutcome { queued, nothing_sent, too_many };

/// At most this many join requests per client in kJoinWindow seconds.
inline constexpr int kJoinRequestsPerClient = 10;
inline constexpr long long kJoinWindow = 15 * 60;
/// The longest name the open join form takes.
inline constexpr size_t kMaxJoinNameLength = 60;

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

/// How the member directory (profiles/, above this module) keeps up with memberships: called inside the
/// transaction that adds, changes or removes a membership. Unset: nothing is indexed.
struct MemberIndex {
  /// The person joined an organisation or their membership changed.
  std::function<void(soci::session& s, long long user_id)> update;
  /// The person left the organisation.
  std::function<void(soci::session& s, long long org_id, long long user_id)> remove;
};

/// A module's step when a membership is made or changed (module::MembershipChanged): inside the transaction, after the
/// change, with the member type codes the person had there before (none when they just joined).
using MembershipChangedHook =
    std::function<void(soci::session& s, long long org_id, long long user_id, const std::vector<std::string>& before)>;

/// The organisation this person is the only admin of (so they cannot leave it or delete their account yet), read
/// on the caller's connection.
std::optional<std::string> sole_admin_of(soci::session& s, long long user_id);

class OrganisationService {
 public:
  /// clock: what time it is (tests pass a core::ManualClock to move time).
  OrganisationService(db::Database& db, const core::Clock& clock = core::system_clock()) : db_(db), clock_(clock) {}

  /// Where links in email point (http://host:port), and who to wake when email is queued.
  void set_mail(std::string base_url, std::function<void()> mail_queued) {
    base_url_ = std::move(base_url);
    mail_queued_ = std::move(mail_queued);
  }
  const std::string& base_url() const { return base_url_; }
  /// Wakes the mail worker after email was queued (modules above this one queue email too).
  void mail_queued() const {
    if (mail_queued_) mail_queued_();
  }
  /// Keeps the member directory in step with memberships (profiles::member_index).
  void set_member_index(MemberIndex index) { member_index_ = std::move(index); }
  /// What the modules drop when a membership ends (module::MembershipEnded), called inside the transaction that
  /// ends it. Set once at start, before any request.
  void set_membership_ended(std::vector<std::function<void(soci::session&, long long, long long)>> hooks) {
    membership_ended_ = std::move(hooks);
  }
  /// What the modules do when a membership is made or changed (module::MembershipChanged), called inside the
  /// transaction that does it. Set once at start, before any request.
  void set_membership_changed(std::vector<MembershipChangedHook> hooks) { membership_changed_ = std::move(hooks); }
  /// Where logos are kept (without it, logos cannot be added); lets anyone see organisations' logos.
  void set_uploads(uploads::UploadService* uploads);
  uploads::UploadService* uploads() const { return uploads_; }

  /// What a logo may be: a picture of at most 5 MB, scaled down to 600 pixels.
  static uploads::Allowed logo_rules();
  /// Makes this picture the organisation's logo (the old one's file is deleted); audited as a settings change.
  boost::asio::awaitable<void> set_org_logo(long long actor_id, long long org_id, uploads::Prepared logo);
  /// Takes the logo away; false when there was none.
  boost::asio::awaitable<bool> remove_org_logo(long long actor_id, long long org_id);

  /// Open sign-up: emails someone who asked to join an organisation a link to finish joining as a member (an
  /// invitation they asked for, which proves the address is theirs). Nothing for someone already a member, or with an
  /// open invitation from the organisation's staff (left as it is); asking again sends a new link at most every 10
  /// minutes; too_many after kJoinRequestsPerClient requests from one client. The same statements run whether or not
  /// the person is a member. Callers check that the organisation's sign-up is open.
  boost::asio::awaitable<JoinOutcome> request_to_join(JoinRequest request);
  /// Open sign-up for someone signed in: joins as a member; false if they already belong.
  boost::asio::awaitable<bool> join_as_member(long long org_id, long long user_id);

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

  /// The person behind a session, or nullopt if the account is gone.
  boost::asio::awaitable<std::optional<Person>> person(long long user_id);

  boost::asio::awaitable<std::vector<Organisation>> organisations();
  /// The organisations anyone may join, by name (for the public list).
  boost::asio::awaitable<std::vector<Organisation>> open_organisations();
  boost::asio::awaitable<std::optional<Organisation>> organisation(std::string slug);
  /// Creates the organisation (throws SlugTaken); returns its id.
  boost::asio::awaitable<long long> create_organisation(long long actor_user_id, Organisation org);
  /// Saves name, languages and sign-up mode.
  boost::asio::awaitable<void> update_organisation(long long actor_user_id, Organisation org);
  boost::asio::awaitable<std::vector<audit::Entry>> audit_log(long long org_id, long long before_id, int limit);

  enum class MembershipChange { done, not_member, last_admin };
  /// Changes a member's role and member types (an organisation must keep at least one admin); audited.
  boost::asio::awaitable<MembershipChange> change_membership(long long actor_id, long long org_id, long long user_id,
                                                             Role role, std::vector<MemberType> types);
  /// Removes a member from the organisation (not their account); audited.
  boost::asio::awaitable<MembershipChange> remove_member(long long actor_id, long long org_id, long long user_id);

  /// For the command line and demo data, on the calling thread. Throws SlugTaken.
  long long create_organisation_now(const Organisation& org);
  /// Adds an existing account to an organisation with a role (or changes it). Throws std::invalid_argument when
  /// the organisation or the account does not exist.
  void add_member_now(const std::string& org_slug, const std::string& email, Role role,
                      const std::vector<MemberType>& types);
  /// Whether the account with this email belongs to the organisation with this slug.
  bool is_member_now(const std::string& org_slug, const std::string& email);

 private:
  void index_member(soci::session& s, long long user_id) const {
    if (member_index_.update) member_index_.update(s, user_id);
  }
  /// Tells the modules (set_membership_changed) that the membership was made or changed; `before` as the hook says.
  void membership_changed(soci::session& s, long long org_id, long long user_id,
                          const std::vector<std::string>& before) const {
    for (const auto& changed : membership_changed_) changed(s, org_id, user_id, before);
  }

  db::Database& db_;
  const core::Clock& clock_;
  std::string base_url_ = "http://127.0.0.1:8080";
  std::function<void()> mail_queued_;
  MemberIndex member_index_;
  std::vector<std::function<void(soci::session&, long long, long long)>> membership_ended_;
  std::vector<MembershipChangedHook> membership_changed_;
  uploads::UploadService* uploads_ = nullptr;
};

}  // namespace roundtable::organisations
