/// The fixture the accounts, organisations and profiles service tests share: a fresh database on one backend with
/// every service, organisation "north" (North Wales Carers) and Ceri in it as a facilitator who is an unpaid carer
/// with lived experience. Sign-in limits are low (3 per account, 5 per address) so tests reach them quickly.
///
///   class AccountServiceOnBackend : public roundtable::testing::ServicesOnBackend {};
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "db/run_awaitable.hpp"
#include "testing/world.hpp"

namespace roundtable::testing {

class ServicesOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<World>(GetParam(), accounts::SignInLimits{.per_account = 3, .per_address = 5});
    db = world->db.get();
    search = world->search.get();
    acc = world->accounts.get();
    cons = world->consent.get();
    orgs = world->organisations.get();
    profs = world->profiles.get();
    priv = world->privacy.get();
    north = world->organisation("north", "North Wales Carers");
    ceri = world->person("Ceri@Example.org", "Ceri");
    world->member("north", "ceri@example.org", "Ceri", organisations::Role::facilitator,
                  {organisations::MemberType::unpaid_carer, organisations::MemberType::lived_experience});
  }
  /// The organisation's audit log, newest first, as action codes.
  std::vector<std::string> actions(long long org_id) {
    std::vector<std::string> out;
    for (auto& e : db::testing::run(orgs->audit_log(org_id, 0, 100))) out.push_back(e.action);
    return out;
  }
  long long count(const std::string& table) { return world->count(table); }

  std::unique_ptr<World> world;
  db::Database* db = nullptr;
  db::SearchIndex* search = nullptr;
  accounts::AccountService* acc = nullptr;
  consent::ConsentService* cons = nullptr;
  organisations::OrganisationService* orgs = nullptr;
  profiles::ProfileService* profs = nullptr;
  privacy::PrivacyService* priv = nullptr;
  long long north = 0, ceri = 0;
};

}  // namespace roundtable::testing
