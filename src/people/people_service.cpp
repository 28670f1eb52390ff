#include "people/people_service.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "audit/audit_store.hpp"
#include "db/transaction.hpp"
#include "mail/compose.hpp"
#include "mail/outbox_store.hpp"
#include "people/consent_store.hpp"
#include "people/invitation_store.hpp"
#include "people/people_store.hpp"
#include "people/profile_store.hpp"
#include "people/sign_in_keys.hpp"
#include "people/two_step.hpp"
#include "people/two_step_store.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"

namespace roundtable::people {

using boost::asio::awaitable;

namespace {

// Rate-limit keys are hashes, so the table never holds an email or an IP address.
std::string member_ref(long long org_id, long long user_id) {
  return std::to_string(org_id) + ":" + std::to_string(user_id);
}

/// Keeps the person's directory entries (one per organisation) in the search index. Lived experience and needs are
/// never indexed.
void index_member(soci::session& s, db::SearchIndex& search, long long user_id) {
  auto profile = store::load_profile(s, user_id);
  if (!profile) return;
  std::string body = profile->strengths + "\n" + profile->skills;
  for (auto& tag : profile->interests) body += "\n" + tag;
  for (auto& m : store::memberships_of(s, user_id)) {
    search.upsert(s, {m.org_id, "member", member_ref(m.org_id, user_id), std::string(core::lang_code(profile->lang)),
                      profile->name, body, "/o/" + m.org_slug + "/people/" + std::to_string(user_id)});
  }
}

bool is_unique_violation(const std::exception& e) {
  std::string what = e.what();
  return what.find("UNIQUE") != std::string::npos || what.find("unique") != std::string::npos ||
         what.find("duplicate key") != std::string::npos;
}

}  // namespace

awaitable<SignInResult> PeopleService::sign_in_with_password(std::string email, std::string password,
                                                             std::string remote_address, std::string next) {
  auto work = [this, email = normalise_email(email), password = std::move(password),
               remote_address = std::move(remote_address), next = std::move(next)](soci::session& s) {
    SignInResult result;
    const long long now = clock_.now_seconds();
    const long long since = now - limits_.window_seconds;
    const std::string akey = account_key(email), ikey = address_key(remote_address);
    if (store::count_failures(s, ikey, since) >= limits_.per_address) {
      result.outcome = SignInOutcome::too_many_for_address;
      return result;
    }
    if (store::count_failures(s, akey, since) >= limits_.per_account) {
      result.outcome = SignInOutcome::too_many_for_account;
      return result;
    }
    auto user = store::find_user_by_email(s, email);
    bool ok = false;
    if (user && !user->password_hash.empty()) {
      ok = security::verify_password(user->password_hash, password);
    } else {
      security::verify_password_of_nobody(password);
    }
    db::WriteTransaction tx(s);
    if (!ok) {
      store::record_failure(s, akey, now);
      store::record_failure(s, ikey, now);
      if (user) audit::store::record(s, {std::nullopt, std::nullopt, user->id, audit::action::kSignInFailed, ""});
      tx.commit();
      return result;
    }
    store::clear_failures(s, akey);
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

awaitable<void> PeopleService::request_password_reset(std::string email) {
  auto work = [this, email = normalise_email(email)](soci::session& s) {
    auto user = store::find_user_by_email(s, email);
    if (!user) {
      // Same work as for a real account, so the answer's timing does not tell.
      (void)security::hash_token(security::random_token());
      return false;
    }
    const long long now = clock_.now_seconds();
    if (store::count_password_resets(s, user->id, now - 3600) >= kResetsPerHour) return false;
    const std::string token = security::random_token();
    core::Translator t(core::Messages::embedded(), user->lang);
    auto message =
        mail::compose(user->email, user->name, user->lang, std::string(t("reset.mail.subject")),
                      {std::string(t("reset.mail.p1")), std::string(t("reset.mail.p2"))},
                      mail::Action{std::string(t("reset.mail.button")), base_url_ + "/reset-password/" + token});
    db::WriteTransaction tx(s);
    store::insert_password_reset(s, security::hash_token(token), user->id, now, now + kResetLifetime);
    mail::store::enqueue(s, message, now);
    audit::store::record(s, {std::nullopt, std::nullopt, user->id, audit::action::kPasswordResetRequested, ""});
    tx.commit();
    return true;
  };
  auto op = db_.run(std::move(work));
  const bool queued = co_await std::move(op);
  if (queued && mail_queued_) mail_queued_();
}

awaitable<std::optional<long long>> PeopleService::password_reset_user(std::string token) {
  auto op = db_.run([this, hash = security::hash_token(token)](soci::session& s) {
    return store::valid_password_reset(s, hash, clock_.now_seconds());
  });
  co_return co_await std::move(op);
}

awaitable<PeopleService::ResetResult> PeopleService::reset_password(std::string token, std::string new_password) {
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
    if (auto waiting = open_two_step_challenge(s, *user_id, "/account", now)) result.two_step_token = *waiting;
    tx.commit();
    return result;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

namespace {

/// Writes the invitation email into the outbox, in the invitation's language.
void queue_invitation_email(soci::session& s, const Invitation& inv, const std::string& token,
                            const std::string& base_url, long long now) {
  core::Translator t(core::Messages::embedded(), inv.lang);
  if (inv.self_requested) {
    auto message =
        mail::compose(inv.email, inv.name, inv.lang, core::format(t("join.mail.subject"), {{"org", inv.org_name}}),
                      {core::format(t("join.mail.p1"), {{"org", inv.org_name}}), std::string(t("join.mail.p2"))},
                      mail::Action{std::string(t("join.mail.button")), base_url + "/invitations/" + token});
    mail::store::enqueue(s, message, now);
    return;
  }
  const std::string inviter = inv.invited_by_name.empty() ? std::string(t("invite.mail.someone")) : inv.invited_by_name;
  std::vector<std::string> paragraphs{core::format(t("invite.mail.p1"), {{"inviter", inviter}, {"org", inv.org_name}})};
  if (!inv.message.empty()) {
    paragraphs.push_back(core::format(t("invite.mail.message_intro"), {{"inviter", inviter}}));
    paragraphs.push_back(inv.message);
  }
  paragraphs.push_back(std::string(t("invite.mail.p2")));
  auto message =
      mail::compose(inv.email, inv.name, inv.lang,
                    core::format(t("invite.mail.subject"), {{"inviter", inviter}, {"org", inv.org_name}}), paragraphs,
                    mail::Action{std::string(t("invite.mail.button")), base_url + "/invitations/" + token});
  mail::store::enqueue(s, message, now);
}

bool is_member(soci::session& s, long long org_id, const std::string& email) {
  auto user = store::find_user_by_email(s, email);
  if (!user) return false;
  for (auto& m : store::memberships_of(s, user->id)) {
    if (m.org_id == org_id) return true;
  }
  return false;
}

void join(soci::session& s, db::SearchIndex& search, const Invitation& inv, long long user_id, long long now) {
  store::upsert_membership(s, inv.org_id, user_id, inv.role, inv.member_types);
  index_member(s, search, user_id);
  store::accept_invitation(s, inv.id, now);
  audit::store::record(
      s, {inv.org_id, user_id, user_id, audit::action::kInvitationAccepted, std::string(role_code(inv.role))});
}

}  // namespace

awaitable<InviteOutcome> PeopleService::invite(long long inviter_id, Invitation inv) {
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

}  // namespace

awaitable<void> PeopleService::request_to_join(long long org_id, std::string email, std::string name, core::Lang lang) {
  auto work = [this, org_id, email = normalise_email(email), name = std::move(name), lang](soci::session& s) {
    const long long now = clock_.now_seconds();
    // A member asking again gets nothing: the page says the same either way, so it does not tell who is a member.
    if (is_member(s, org_id, email)) return false;
    db::WriteTransaction tx(s);
    if (auto open = store::open_invitation_for(s, org_id, email, now)) {
      // Someone asking again (the email did not come) gets a new link, at most once every 10 minutes.
      auto inv = store::open_invitation(s, org_id, *open, now);
      if (!inv || inv->sent_at > now - kJoinResendAfter) return false;
      const std::string token = security::random_token();
      store::renew_invitation(s, inv->id, security::hash_token(token), now);
      queue_invitation_email(s, *inv, token, base_url_, now);
      tx.commit();
      return true;
    }
    Invitation inv;
    inv.org_id = org_id;
    inv.email = email;
    inv.name = name;
    inv.role = Role::member;
    inv.lang = lang;
    inv.self_requested = true;
    const std::string token = security::random_token();
    const long long id = store::insert_invitation(s, inv, security::hash_token(token), std::nullopt, now);
    auto stored = store::open_invitation(s, org_id, id, now);
    queue_invitation_email(s, *stored, token, base_url_, now);
    audit::store::record(s, {org_id, std::nullopt, std::nullopt, audit::action::kJoinRequested, ""});
    tx.commit();
    return true;
  };
  auto op = db_.run(std::move(work));
  const bool queued = co_await std::move(op);
  if (queued && mail_queued_) mail_queued_();
}

awaitable<bool> PeopleService::join_as_member(long long org_id, long long user_id) {
  auto work = [this, org_id, user_id](soci::session& s) {
    for (auto& m : store::memberships_of(s, user_id)) {
      if (m.org_id == org_id) return false;
    }
    db::WriteTransaction tx(s);
    store::upsert_membership(s, org_id, user_id, Role::member, {});
    index_member(s, search_, user_id);
    audit::store::record(s, {org_id, user_id, user_id, audit::action::kMemberAdded, "member"});
    tx.commit();
    return true;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<std::vector<Invitation>> PeopleService::invitations(long long org_id) {
  auto op =
      db_.run([this, org_id](soci::session& s) { return store::open_invitations(s, org_id, clock_.now_seconds()); });
  co_return co_await std::move(op);
}

awaitable<bool> PeopleService::resend_invitation(long long actor_id, long long org_id, long long id) {
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

awaitable<bool> PeopleService::revoke_invitation(long long actor_id, long long org_id, long long id) {
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

awaitable<std::optional<std::pair<Invitation, bool>>> PeopleService::invitation(std::string token) {
  auto work = [this,
               hash = security::hash_token(token)](soci::session& s) -> std::optional<std::pair<Invitation, bool>> {
    auto inv = store::invitation_by_token(s, hash, clock_.now_seconds());
    if (!inv) return std::nullopt;
    const bool has_account = store::find_user_by_email(s, inv->email).has_value();
    return std::pair{std::move(*inv), has_account};
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<AcceptResult> PeopleService::accept_invitation_as_new(std::string token, std::string name,
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
    if (store::find_user_by_email(s, inv->email)) {
      result.outcome = AcceptResult::Outcome::sign_in_first;
      return result;
    }
    const long long user_id =
        store::insert_user(s, {.email = inv->email, .name = name, .password_hash = password_hash, .lang = lang});
    ConsentRecord consent;
    consent.purpose = ConsentPurpose::store_data;
    consent.version = current_consent_version(ConsentPurpose::store_data);
    consent.lang = lang;
    consent.wording = std::string(core::Messages::embedded().get(lang, consent_wording_key(consent.purpose, 1)));
    consent.given = true;
    store::record_consent(s, user_id, consent);
    join(s, search_, *inv, user_id, now);
    tx.commit();
    result.outcome = AcceptResult::Outcome::ok;
    result.user_id = user_id;
    return result;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<AcceptResult> PeopleService::accept_invitation_as(std::string token, long long user_id) {
  auto work = [this, hash = security::hash_token(token), user_id](soci::session& s) {
    AcceptResult result;
    const long long now = clock_.now_seconds();
    db::WriteTransaction tx(s);
    auto inv = store::invitation_by_token(s, hash, now);
    if (!inv) return result;
    result.org_slug = inv->org_slug;
    result.org_name = inv->org_name;
    auto user = store::find_user_by_id(s, user_id);
    if (!user || user->email != inv->email) {
      result.outcome = AcceptResult::Outcome::wrong_account;
      return result;
    }
    join(s, search_, *inv, user_id, now);
    tx.commit();
    result.outcome = AcceptResult::Outcome::ok;
    result.user_id = user_id;
    return result;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<void> PeopleService::record_sign_out(long long user_id, bool everywhere) {
  auto work = [user_id, everywhere](soci::session& s) {
    audit::store::record(s, {std::nullopt, user_id, user_id,
                             everywhere ? audit::action::kSignedOutEverywhere : audit::action::kSignedOut, ""});
  };
  auto op = db_.run(std::move(work));
  co_await std::move(op);
}

std::optional<Person> read_person(soci::session& s, long long user_id) {
  auto found = store::find_user_with_memberships(s, user_id);
  if (!found) return std::nullopt;
  return Person{std::move(found->user), std::move(found->memberships), found->admin_two_step};
}

awaitable<std::optional<Person>> PeopleService::person(long long user_id) {
  auto op = db_.read([user_id](soci::session& s) { return read_person(s, user_id); });
  co_return co_await std::move(op);
}

awaitable<std::vector<Organisation>> PeopleService::organisations() {
  auto op = db_.run([](soci::session& s) { return store::list_orgs(s); });
  co_return co_await std::move(op);
}

awaitable<std::optional<Organisation>> PeopleService::organisation(std::string slug) {
  auto op = db_.run([slug = std::move(slug)](soci::session& s) { return store::find_org_by_slug(s, slug); });
  co_return co_await std::move(op);
}

awaitable<long long> PeopleService::create_organisation(long long actor_user_id, Organisation org) {
  auto work = [actor_user_id, org = std::move(org)](soci::session& s) {
    db::WriteTransaction tx(s);
    if (store::find_org_by_slug(s, org.slug)) throw SlugTaken();
    long long id = 0;
    try {
      id = store::insert_org(s, org);
    } catch (const std::exception& e) {
      // Another request took the address between the check and the insert.
      if (is_unique_violation(e)) throw SlugTaken();
      throw;
    }
    audit::store::record(s, {id, actor_user_id, std::nullopt, audit::action::kOrgCreated, ""});
    tx.commit();
    return id;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<void> PeopleService::update_organisation(long long actor_user_id, Organisation org) {
  auto work = [actor_user_id, org = std::move(org)](soci::session& s) {
    db::WriteTransaction tx(s);
    store::update_org(s, org);
    audit::store::record(s, {org.id, actor_user_id, std::nullopt, audit::action::kOrgSettingsChanged, ""});
    tx.commit();
  };
  auto op = db_.run(std::move(work));
  co_await std::move(op);
}

awaitable<std::vector<audit::Entry>> PeopleService::audit_log(long long org_id, long long before_id, int limit) {
  auto op = db_.run(
      [org_id, before_id, limit](soci::session& s) { return audit::store::list_for_org(s, org_id, before_id, limit); });
  co_return co_await std::move(op);
}

awaitable<std::optional<Profile>> PeopleService::profile(long long user_id) {
  auto op = db_.read([user_id](soci::session& s) { return store::load_profile(s, user_id); });
  co_return co_await std::move(op);
}

namespace {

void save_profile_in(soci::session& s, db::SearchIndex& search, const Profile& profile) {
  db::WriteTransaction tx(s);
  auto before = store::load_profile(s, profile.user_id);
  if (!before) throw std::invalid_argument("no such account");
  store::save_profile(s, profile);
  index_member(s, search, profile.user_id);
  if (before->share_needs != profile.share_needs) {
    audit::store::record(s, {std::nullopt, profile.user_id, profile.user_id, audit::action::kNeedsSharingChanged,
                             profile.share_needs ? "yes" : "no"});
  }
  tx.commit();
}

}  // namespace

awaitable<void> PeopleService::save_profile(Profile profile) {
  auto op = db_.run([this, profile = std::move(profile)](soci::session& s) { save_profile_in(s, search_, profile); });
  co_await std::move(op);
}

std::optional<Profile> PeopleService::profile_by_email_now(const std::string& email) {
  return db_.run_sync([&](soci::session& s) -> std::optional<Profile> {
    auto user = store::find_user_by_email(s, normalise_email(email));
    if (!user) return std::nullopt;
    return store::load_profile(s, user->id);
  });
}

void PeopleService::save_profile_now(const Profile& profile) {
  db_.run_sync([&](soci::session& s) { save_profile_in(s, search_, profile); });
}

awaitable<std::pair<ConsentState, std::vector<ConsentRecord>>> PeopleService::consents(long long user_id) {
  auto op = db_.run([user_id](soci::session& s) {
    return std::pair{store::consent_state(s, user_id), store::consent_history(s, user_id)};
  });
  co_return co_await std::move(op);
}

awaitable<void> PeopleService::set_consents(long long user_id, core::Lang lang,
                                            std::vector<std::pair<ConsentPurpose, bool>> decisions) {
  auto work = [user_id, lang, decisions = std::move(decisions)](soci::session& s) {
    db::WriteTransaction tx(s);
    auto state = store::consent_state(s, user_id);
    for (auto [purpose, given] : decisions) {
      const auto& now = state.of(purpose);
      const int version = current_consent_version(purpose);
      if (now && now->given == given && (!given || now->version == version)) continue;
      ConsentRecord r;
      r.purpose = purpose;
      r.version = version;
      r.lang = lang;
      r.wording = std::string(core::Messages::embedded().get(lang, consent_wording_key(purpose, version)));
      r.given = given;
      store::record_consent(s, user_id, r);
      audit::store::record(s, {std::nullopt, user_id, user_id, audit::action::kConsentChanged,
                               std::string(consent_purpose_code(purpose)) + (given ? ":yes" : ":no")});
    }
    tx.commit();
  };
  auto op = db_.run(std::move(work));
  co_await std::move(op);
}

awaitable<PeopleService::MembershipChange> PeopleService::change_membership(long long actor_id, long long org_id,
                                                                            long long user_id, Role role,
                                                                            std::vector<MemberType> types) {
  auto work = [this, actor_id, org_id, user_id, role, types = std::move(types)](soci::session& s) {
    db::WriteTransaction tx(s);
    std::optional<MembershipRow> current;
    for (auto& m : store::memberships_of(s, user_id)) {
      if (m.org_id == org_id) current = m;
    }
    if (!current) return MembershipChange::not_member;
    if (current->role == Role::org_admin && role != Role::org_admin && store::count_org_admins(s, org_id) <= 1) {
      return MembershipChange::last_admin;
    }
    store::upsert_membership(s, org_id, user_id, role, types);
    index_member(s, search_, user_id);
    if (current->role != role) {
      audit::store::record(s, {org_id, actor_id, user_id, audit::action::kRoleChanged, std::string(role_code(role))});
    }
    tx.commit();
    return MembershipChange::done;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<PeopleService::MembershipChange> PeopleService::remove_member(long long actor_id, long long org_id,
                                                                        long long user_id) {
  auto work = [this, actor_id, org_id, user_id](soci::session& s) {
    db::WriteTransaction tx(s);
    std::optional<MembershipRow> current;
    for (auto& m : store::memberships_of(s, user_id)) {
      if (m.org_id == org_id) current = m;
    }
    if (!current) return MembershipChange::not_member;
    if (current->role == Role::org_admin && store::count_org_admins(s, org_id) <= 1) {
      return MembershipChange::last_admin;
    }
    store::delete_membership(s, org_id, user_id);
    search_.remove(s, "member", member_ref(org_id, user_id));
    audit::store::record(s, {org_id, actor_id, user_id, audit::action::kMemberRemoved, ""});
    tx.commit();
    return MembershipChange::done;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

awaitable<DirectoryPage> PeopleService::directory(long long org_id, DirectoryQuery query) {
  // A plain list is a few indexed reads (read: no hop on SQLite); a search by words runs the full-text index, which
  // can take milliseconds, so it goes to the database threads.
  const bool words = !db::search_terms(query.text).empty();
  auto work = [this, org_id, words, query = std::move(query)](soci::session& s) {
    DirectoryPage page;
    if (!words) {
      auto [members, total] = store::list_members(s, org_id, query, nullptr);
      page.members = std::move(members);
      page.total = total;
      return page;
    }
    // Find up to the search's limit in the index, best first; then filter and page those people.
    auto found = search_.search(s, {.text = query.text,
                                    .org_ids = {org_id},
                                    .kinds = {"member"},
                                    .limit = static_cast<size_t>(db::kSearchCountLimit)});
    std::vector<long long> ids;
    const std::string prefix = std::to_string(org_id) + ":";
    for (auto& hit : found.hits) {
      if (hit.ref.starts_with(prefix)) ids.push_back(std::stoll(hit.ref.substr(prefix.size())));
    }
    auto [members, total] = store::list_members(s, org_id, query, &ids);
    page.total = static_cast<long long>(members.size());
    page.more = found.more;
    const size_t from = std::min(query.offset, members.size());
    const size_t to = std::min(from + query.limit, members.size());
    page.members.assign(members.begin() + static_cast<long>(from), members.begin() + static_cast<long>(to));
    return page;
  };
  auto op = words ? db_.run(std::move(work)) : db_.read(std::move(work));
  co_return co_await std::move(op);
}

awaitable<std::optional<MemberView>> PeopleService::member_profile(long long viewer_id, long long org_id,
                                                                   long long subject_id, bool viewer_is_staff) {
  auto work = [=](soci::session& s) -> std::optional<MemberView> {
    std::optional<MembershipRow> membership;
    for (auto& m : store::memberships_of(s, subject_id)) {
      if (m.org_id == org_id) membership = m;
    }
    if (!membership) return std::nullopt;
    auto profile = store::load_profile(s, subject_id);
    if (!profile) return std::nullopt;
    MemberView view{std::move(*profile), std::move(*membership)};
    const bool self = viewer_id == subject_id;
    const auto consent = store::consent_state(s, subject_id).contact;
    view.contact_withdrawn = !self && consent && !consent->given;
    view.contact_visible = (viewer_is_staff || self) && !view.contact_withdrawn;
    view.needs_visible = self || (viewer_is_staff && view.profile.share_needs);
    view.needs_withheld = viewer_is_staff && !self && !view.profile.share_needs;
    if (!view.needs_visible) {
      view.profile.needs.clear();
      view.profile.needs_other.clear();
      view.profile.meeting_support.clear();
    } else if (!self && view.profile.has_needs()) {
      // Every time staff see someone's needs, it is written down where the organisation's admins can see it.
      audit::store::record(s, {org_id, viewer_id, subject_id, audit::action::kNeedsViewed, ""});
    }
    if (!view.contact_visible) {
      view.profile.phone.clear();
      view.profile.contact_notes.clear();
    }
    return view;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

long long PeopleService::create_organisation_now(const Organisation& org) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    if (store::find_org_by_slug(s, org.slug)) throw SlugTaken();
    long long id = store::insert_org(s, org);
    audit::store::record(s, {id, std::nullopt, std::nullopt, audit::action::kOrgCreated, ""});
    tx.commit();
    return id;
  });
}

long long PeopleService::create_user_now(User user, const std::string& password) {
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

void PeopleService::add_member_now(const std::string& org_slug, const std::string& email, Role role,
                                   const std::vector<MemberType>& types) {
  db_.run_sync([&](soci::session& s) {
    auto org = store::find_org_by_slug(s, org_slug);
    if (!org) throw std::invalid_argument("there is no organisation with the web address " + org_slug);
    auto user = store::find_user_by_email(s, normalise_email(email));
    if (!user) throw std::invalid_argument("there is no account with the email address " + email);
    db::WriteTransaction tx(s);
    store::upsert_membership(s, org->id, user->id, role, types);
    index_member(s, search_, user->id);
    audit::store::record(s,
                         {org->id, std::nullopt, user->id, audit::action::kMemberAdded, std::string(role_code(role))});
    tx.commit();
  });
}

}  // namespace roundtable::people
