#include "organisations/organisation_service.hpp"

#include <soci/soci.h>

#include "accounts/account_store.hpp"
#include "audit/audit_store.hpp"
#include "db/transaction.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::organisations {

using boost::asio::awaitable;

namespace {

bool is_unique_violation(const std::exception& e) {
  std::string what = e.what();
  return what.find("UNIQUE") != std::string::npos || what.find("unique") != std::string::npos ||
         what.find("duplicate key") != std::string::npos;
}

}  // namespace

std::optional<Person> read_person(soci::session& s, long long user_id) {
  auto found = store::find_user_with_memberships(s, user_id);
  if (!found) return std::nullopt;
  return Person{std::move(found->user), std::move(found->memberships), found->two_step};
}

awaitable<std::optional<Person>> OrganisationService::person(long long user_id) {
  auto op = db_.read([user_id](soci::session& s) { return read_person(s, user_id); });
  co_return co_await std::move(op);
}

awaitable<std::vector<Organisation>> OrganisationService::organisations() {
  auto op = db_.run([](soci::session& s) { return store::list_orgs(s); });
  co_return co_await std::move(op);
}

awaitable<std::vector<Organisation>> OrganisationService::open_organisations() {
  auto op = db_.run([](soci::session& s) { return store::list_open_orgs(s); });
  co_return co_await std::move(op);
}

awaitable<std::optional<Organisation>> OrganisationService::organisation(std::string slug) {
  auto op = db_.run([slug = std::move(slug)](soci::session& s) { return store::find_org_by_slug(s, slug); });
  co_return co_await std::move(op);
}

awaitable<long long> OrganisationService::create_organisation(long long actor_user_id, Organisation org) {
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

awaitable<void> OrganisationService::update_organisation(long long actor_user_id, Organisation org) {
  auto work = [actor_user_id, org = std::move(org)](soci::session& s) {
    db::WriteTransaction tx(s);
    store::update_org(s, org);
    audit::store::record(s, {org.id, actor_user_id, std::nullopt, audit::action::kOrgSettingsChanged, ""});
    tx.commit();
  };
  auto op = db_.run(std::move(work));
  co_await std::move(op);
}

awaitable<std::vector<audit::Entry>> OrganisationService::audit_log(long long org_id, long long before_id, int limit) {
  auto op = db_.run(
      [org_id, before_id, limit](soci::session& s) { return audit::store::list_for_org(s, org_id, before_id, limit); });
  co_return co_await std::move(op);
}

awaitable<OrganisationService::MembershipChange> OrganisationService::change_membership(long long actor_id,
                                                                                        long long org_id,
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
    const auto before = store::member_type_codes(s, org_id, user_id);
    store::upsert_membership(s, org_id, user_id, role, types);
    index_member(s, user_id);
    membership_changed(s, org_id, user_id, before);
    if (current->role != role) {
      audit::store::record(s, {org_id, actor_id, user_id, audit::action::kRoleChanged, std::string(role_code(role))});
    }
    tx.commit();
    return MembershipChange::done;
  };
  auto op = db_.run(std::move(work));
  const MembershipChange change = co_await std::move(op);
  // The change may have queued email (module::MembershipChanged).
  if (change == MembershipChange::done && mail_queued_) mail_queued_();
  co_return change;
}

awaitable<OrganisationService::MembershipChange> OrganisationService::remove_member(long long actor_id,
                                                                                    long long org_id,
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
    if (member_index_.remove) member_index_.remove(s, org_id, user_id);
    for (const auto& ended : membership_ended_) ended(s, org_id, user_id);
    audit::store::record(s, {org_id, actor_id, user_id, audit::action::kMemberRemoved, ""});
    tx.commit();
    return MembershipChange::done;
  };
  auto op = db_.run(std::move(work));
  co_return co_await std::move(op);
}

long long OrganisationService::create_organisation_now(const Organisation& org) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    if (store::find_org_by_slug(s, org.slug)) throw SlugTaken();
    long long id = store::insert_org(s, org);
    audit::store::record(s, {id, std::nullopt, std::nullopt, audit::action::kOrgCreated, ""});
    tx.commit();
    return id;
  });
}

void OrganisationService::add_member_now(const std::string& org_slug, const std::string& email, Role role,
                                         const std::vector<MemberType>& types) {
  db_.run_sync([&](soci::session& s) {
    auto org = store::find_org_by_slug(s, org_slug);
    if (!org) throw std::invalid_argument("there is no organisation with the web address " + org_slug);
    auto user = accounts::store::find_user_by_email(s, normalise_email(email));
    if (!user) throw std::invalid_argument("there is no account with the email address " + email);
    db::WriteTransaction tx(s);
    const auto before = store::member_type_codes(s, org->id, user->id);
    store::upsert_membership(s, org->id, user->id, role, types);
    index_member(s, user->id);
    membership_changed(s, org->id, user->id, before);
    audit::store::record(s,
                         {org->id, std::nullopt, user->id, audit::action::kMemberAdded, std::string(role_code(role))});
    tx.commit();
  });
}

bool OrganisationService::is_member_now(const std::string& org_slug, const std::string& email) {
  return db_.run_sync([&](soci::session& s) {
    auto org = store::find_org_by_slug(s, org_slug);
    auto user = accounts::store::find_user_by_email(s, normalise_email(email));
    if (!org || !user) return false;
    for (const auto& m : store::memberships_of(s, user->id)) {
      if (m.org_id == org->id) return true;
    }
    return false;
  });
}

std::optional<std::string> sole_admin_of(soci::session& s, long long user_id) {
  for (const auto& m : store::memberships_of(s, user_id)) {
    if (m.role == Role::org_admin && store::count_org_admins(s, m.org_id) <= 1) return m.org_name;
  }
  return std::nullopt;
}

}  // namespace roundtable::organisations
