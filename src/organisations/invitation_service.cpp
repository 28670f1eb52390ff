/// OrganisationService's invitations and open sign-up: inviting by email, sending again, cancelling, accepting (as
/// someone new or as the signed-in person), and asking to join an organisation anyone may join.
#include <soci/soci.h>

#include "accounts/account_store.hpp"
#include "audit/audit_store.hpp"
#include "consent/consent_store.hpp"
#include "db/transaction.hpp"
#include "mail/compose.hpp"
#include "mail/outbox_store.hpp"
#include "organisations/invitation_store.hpp"
#include "organisations/organisation_service.hpp"
#include "organisations/organisation_store.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"

namespace roundtable::organisations {

using boost::asio::awaitable;
using consent::consent_wording_key;
using consent::ConsentPurpose;
using consent::ConsentRecord;
using consent::current_consent_version;

namespace {

/// The invitation email, in the invitation's language. One someone asked for themselves greets nobody by name: the
/// name was typed by whoever filled in the open form, so it must not carry their words (or a link) into the email.
mail::Message invitation_message(const Invitation& inv, const std::string& token, const std::string& base_url) {
  core::Translator t(core::Messages::embedded(), inv.lang);
  if (inv.self_requested) {
    return mail::compose(
        inv.email, "", inv.lang, core::format(t("organisations.join.mail.subject"), {{"org", inv.org_name}}),
        {core::format(t("organisations.join.mail.p1"), {{"org", inv.org_name}}),
         std::string(t("organisations.join.mail.p2"))},
        mail::Action{std::string(t("organisations.join.mail.button")), base_url + "/invitations/" + token});
  }
  const std::string inviter =
      inv.invited_by_name.empty() ? std::string(t("organisations.invite.mail.someone")) : inv.invited_by_name;
  std::vector<std::string> paragraphs{
      core::format(t("organisations.invite.mail.p1"), {{"inviter", inviter}, {"org", inv.org_name}})};
  if (!inv.message.empty()) {
    paragraphs.push_back(core::format(t("organisations.invite.mail.message_intro"), {{"inviter", inviter}}));
    paragraphs.push_back(inv.message);
  }
  paragraphs.push_back(std::string(t("organisations.invite.mail.p2")));
  return mail::compose(
      inv.email, inv.name, inv.lang,
      core::format(t("organisations.invite.mail.subject"), {{"inviter", inviter}, {"org", inv.org_name}}), paragraphs,
      mail::Action{std::string(t("organisations.invite.mail.button")), base_url + "/invitations/" + token});
}

/// Writes the invitation email into the outbox.
void queue_invitation_email(soci::session& s, const Invitation& inv, const std::string& token,
                            const std::string& base_url, long long now) {
  mail::store::enqueue(s, invitation_message(inv, token, base_url), now);
}

bool is_member(soci::session& s, long long org_id, const std::string& email) {
  auto user = accounts::store::find_user_by_email(s, email);
  if (!user) return false;
  for (auto& m : store::memberships_of(s, user->id)) {
    if (m.org_id == org_id) return true;
  }
  return false;
}

void join(soci::session& s, const MemberIndex& index, const std::vector<MembershipChangedHook>& changed,
          const Invitation& inv, long long user_id, long long now) {
  const auto before = store::member_type_codes(s, inv.org_id, user_id);
  store::upsert_membership(s, inv.org_id, user_id, inv.role, inv.member_types);
  if (index.update) index.update(s, user_id);
  for (const auto& hook : changed) hook(s, inv.org_id, user_id, before);
  store::accept_invitation(s, inv.id, now);
  audit::store::record(
      s, {inv.org_id, user_id, user_id, audit::action::kInvitationAccepted, std::string(role_code(inv.role))});
}

}  // namespace

awaitable<InviteOutcome> OrganisationService::invite(long long inviter_id, Invitation inv) {
  auto work = [this, inviter_id, inv = std::move(inv)](soci::session& s) mutable {
    inv.email = normalise_email(inv.email);
    const long long now = clock_.now_seconds();
    if (is_member(s, inv.org_id, inv.email)) return InviteOutcome::already_member;
    if (store::open_invitation_for(s, inv.org_id, inv.email, now)) return InviteOutcome::already_invited;
    const std::string token = security::random_token();
    db::WriteTransaction tx(s);
    const long long id = store::insert_invitation(s, inv, security::hash_token(token), inviter_id, now);
    auto stored = store::open_invitation(s, inv.org_id, id, now);
    queue_invitation_email(s, *stored, token, base_url_, now);
    audit::store::record(
        s, {inv.org_id, inviter_id, std::nullopt, audit::action::kInvitationSent, std::string(role_code(inv.role))});
    tx.commit();
    return InviteOutcome::sent;
  };
  auto op = db_.run(std::move(work));
  auto outcome = co_await std::move(op);
  if (outcome == InviteOutcome::sent && mail_queued_) mail_queued_();
  co_return outcome;
}

namespace {

constexpr long long kJoinResendAfter = 10 * 60;

/// Join requests are counted per client in sign_in_failures (hashed keys, kept an hour), apart from sign-ins.
std::string join_key(const std::string& client) { return security::hash_token("join:" + client); }

}  // namespace

awaitable<JoinOutcome> OrganisationService::request_to_join(JoinRequest request) {
  auto work = [this, r = std::move(request)](soci::session& s) {
    const long long now = clock_.now_seconds();
    const std::string email = normalise_email(r.email), key = join_key(r.client);
    db::WriteTransaction tx(s);
    if (accounts::store::count_failures(s, key, now - kJoinWindow) >= kJoinRequestsPerClient) {
      return JoinOutcome::too_many;
    }
    accounts::store::record_failure(s, key, now);
    // Every check runs whoever asks, so the work done (and the time taken) does not tell who is a member.
    const bool member = store::is_member_by_email(s, r.org_id, email);
    bool queued = false;
    if (auto open = store::open_invitation_for(s, r.org_id, email, now)) {
      auto inv = store::open_invitation(s, r.org_id, *open, now);
      // An invitation from the organisation's staff is left alone, so the link they emailed keeps working. Someone
      // asking again (the email did not come) gets a new link, at most once every 10 minutes.
      if (inv && inv->self_requested && !member && inv->sent_at <= now - kJoinResendAfter) {
        const std::string token = security::random_token();
        store::renew_invitation(s, inv->id, security::hash_token(token), now);
        queue_invitation_email(s, *inv, token, base_url_, now);
        queued = true;
      }
    } else {
      Invitation inv;
      inv.org_id = r.org_id;
      inv.email = email;
      inv.name = r.name;
      inv.role = Role::member;
      inv.lang = r.lang;
      inv.self_requested = true;
      const std::string token = security::random_token();
      const long long id = store::insert_invitation(s, inv, security::hash_token(token), std::nullopt, now);
      auto stored = store::open_invitation(s, r.org_id, id, now);
      auto message = invitation_message(*stored, token, base_url_);
      if (member) {
        // A member gets no email. The same statements run as for a newcomer: the invitation is cancelled where the
        // newcomer's email is queued (housekeeping deletes it later).
        store::revoke_invitation(s, id, now);
      } else {
        mail::store::enqueue(s, message, now);
        queued = true;
      }
      audit::store::record(s, {r.org_id, std::nullopt, std::nullopt, audit::action::kJoinRequested, ""});
    }
    tx.commit();
    return queued ? JoinOutcome::queued : JoinOutcome::nothing_sent;
  };
  auto op = db_.run(std::move(work));
  const JoinOutcome outcome = co_await std::move(op);
  if (outcome == JoinOutcome::queued && mail_queued_) mail_queued_();
  co_return outcome;
}

awaitable<bool> OrganisationService::join_as_member(long long org_id, long long user_id) {
  auto work = [this, org_id, user_id](soci::session& s) {
    for (auto& m : store::memberships_of(s, user_id)) {
      if (m.org_id == org_id) return false;
    }
    db::WriteTransaction tx(s);
    store::upsert_membership(s, org_id, user_id, Role::member, {});
    index_member(s, user_id);
    membership_changed(s, org_id, user_id, {});
    audit::store::record(s, {org_id, user_id, user_id, audit::action::kMemberAdded, "member"});
    tx.commit();
    return true;
  };
  auto op = db_.run(std::move(work));
  const bool joined = co_await std::move(op);
  if (joined && mail_queued_) mail_queued_();
  co_return joined;
}

awaitable<std::vector<Invitation>> OrganisationService::invitations(long long org_id) {
  auto op =
      db_.run([this, org_id](soci::session& s) { return store::open_invitations(s, org_id, clock_.now_seconds()); });
  co_return co_await std::move(op);
}

awaitable<bool> OrganisationService::resend_invitation(long long actor_id, long long org_id, long long id) {
  auto work = [this, actor_id, org_id, id](soci::session& s) {
    const long long now = clock_.now_seconds();
    db::WriteTransaction tx(s);
    auto inv = store::open_invitation(s, org_id, id, now);
    if (!inv) return false;
    const std::string token = security::random_token();
    store::renew_invitation(s, id, security::hash_token(token), now);
    queue_invitation_email(s, *inv, token, base_url_, now);
    audit::store::record(
        s, {org_id, actor_id, std::nullopt, audit::action::kInvitationSent, std::string(role_code(inv->role))});
    tx.commit();
    return true;
  };
  auto op = db_.run(std::move(work));
  const bool sent = co_await std::move(op);
  if (sent && mail_queued_) mail_queued_();
  co_return sent;
}

awaitable<bool> OrganisationService::revoke_invitation(long long actor_id, long long org_id, long long id) {
  auto work = [this, actor_id, org_id, id](soci::session& s) {
    const long long now = clock_.now_seconds();
    db::WriteTransaction tx(s);
    if (!store::open_invitation(s, org_id, id, now)) return false;
    store::revoke_invitation(s, id, now);
    audit::store::record(s, {org_id, actor_id, std::nullopt, audit::action::kInvitationRevoked, ""});
    tx.commit();
    return true;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<std::optional<std::pair<Invitation, bool>>> OrganisationService::invitation(std::string token) {
  auto work = [this,
               hash = security::hash_token(token)](soci::session& s) -> std::optional<std::pair<Invitation, bool>> {
    auto inv = store::invitation_by_token(s, hash, clock_.now_seconds());
    if (!inv) return std::nullopt;
    const bool has_account = accounts::store::find_user_by_email(s, inv->email).has_value();
    return std::pair{std::move(*inv), has_account};
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<AcceptResult> OrganisationService::accept_invitation_as_new(std::string token, std::string name,
                                                                      std::string password, core::Lang lang) {
  auto work = [this, hash = security::hash_token(token), name = std::move(name), password = std::move(password),
               lang](soci::session& s) {
    AcceptResult result;
    const std::string password_hash = security::hash_password(password);
    const long long now = clock_.now_seconds();
    db::WriteTransaction tx(s);
    auto inv = store::invitation_by_token(s, hash, now);
    if (!inv) return result;
    result.org_slug = inv->org_slug;
    result.org_name = inv->org_name;
    if (accounts::store::find_user_by_email(s, inv->email)) {
      result.outcome = AcceptResult::Outcome::sign_in_first;
      return result;
    }
    const long long user_id = accounts::store::insert_user(
        s, {.email = inv->email, .name = name, .password_hash = password_hash, .lang = lang});
    ConsentRecord consent;
    consent.purpose = ConsentPurpose::store_data;
    consent.version = current_consent_version(ConsentPurpose::store_data);
    consent.lang = lang;
    consent.wording = std::string(core::Messages::embedded().get(lang, consent_wording_key(consent.purpose, 1)));
    consent.given = true;
    consent::store::record_consent(s, user_id, consent);
    join(s, member_index_, membership_changed_, *inv, user_id, now);
    tx.commit();
    result.outcome = AcceptResult::Outcome::ok;
    result.user_id = user_id;
    return result;
  };
  auto op = db_.run(std::move(work));
  AcceptResult result = co_await std::move(op);
  // Joining may have queued email (module::MembershipChanged: a series' invitations to its sessions).
  if (result.outcome == AcceptResult::Outcome::ok && mail_queued_) mail_queued_();
  co_return result;
}

awaitable<AcceptResult> OrganisationService::accept_invitation_as(std::string token, long long user_id) {
  auto work = [this, hash = security::hash_token(token), user_id](soci::session& s) {
    AcceptResult result;
    const long long now = clock_.now_seconds();
    db::WriteTransaction tx(s);
    auto inv = store::invitation_by_token(s, hash, now);
    if (!inv) return result;
    result.org_slug = inv->org_slug;
    result.org_name = inv->org_name;
    auto user = accounts::store::find_user_by_id(s, user_id);
    if (!user || user->email != inv->email) {
      result.outcome = AcceptResult::Outcome::wrong_account;
      return result;
    }
    join(s, member_index_, membership_changed_, *inv, user_id, now);
    tx.commit();
    result.outcome = AcceptResult::Outcome::ok;
    result.user_id = user_id;
    return result;
  };
  auto op = db_.run(std::move(work));
  AcceptResult result = co_await std::move(op);
  // Joining may have queued email (module::MembershipChanged: a series' invitations to its sessions).
  if (result.outcome == AcceptResult::Outcome::ok && mail_queued_) mail_queued_();
  co_return result;
}

}  // namespace roundtable::organisations
