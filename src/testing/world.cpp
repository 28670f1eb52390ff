#include "testing/world.hpp"

#include <soci/soci.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "accounts/accounts_module.hpp"
#include "consent/consent_module.hpp"
#include "core/build_paths.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "organisations/organisation_routes.hpp"
#include "organisations/organisations_module.hpp"
#include "privacy/personal_data.hpp"
#include "profiles/profiles_module.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"

namespace roundtable::testing {

World::World(const std::string& backend, SignInLimits limits, const core::Clock& clock) {
  security::init();
  security::set_password_cost(security::PasswordCost::fast);
  db = db::testing::fresh_database(backend);
  search = db::make_search_index(db->backend());
  accounts = std::make_unique<accounts::AccountService>(*db, limits, clock);
  consent = std::make_unique<consent::ConsentService>(*db);
  organisations = std::make_unique<organisations::OrganisationService>(*db, clock);
  profiles = std::make_unique<profiles::ProfileService>(*db, *search, clock);
  privacy = std::make_unique<privacy::PrivacyService>(*db, *search, clock);
  organisations->set_member_index(profiles::member_index(*search));
  privacy->set_personal_tables(personal_tables());
}

World::~World() = default;

std::vector<module::PersonalTable> World::personal_tables() {
  std::vector<module::PersonalTable> out;
  for (const auto* part : {&accounts::personal_tables(), &consent::personal_tables(), &organisations::personal_tables(),
                           &profiles::personal_tables(), &privacy::personal_tables()}) {
    out.insert(out.end(), part->begin(), part->end());
  }
  return out;
}

long long World::organisation(const std::string& slug, std::string name) {
  if (name.empty()) {
    name = slug;
    if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  }
  return organisations->create_organisation_now({.slug = slug, .name = std::move(name)});
}

long long World::person(const std::string& email, const std::string& name) {
  return accounts->create_user_now({.email = email, .name = name}, kPassword);
}

long long World::member(const std::string& org_slug, const std::string& email, const std::string& name, Role role,
                        std::vector<MemberType> types) {
  long long id = db->run_sync([&](soci::session& s) {
    long long found = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(found, ind);
    return ind == soci::i_ok ? found : 0LL;
  });
  if (id == 0) id = person(email, name);
  organisations->add_member_now(org_slug, email, role, std::move(types));
  return id;
}

long long World::count(const std::string& what) {
  return db->run_sync([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM " + what, soci::into(n);
    return n;
  });
}

std::string World::fixture(const std::string& path) {
  std::ifstream in(std::string(core::build_paths::source_dir()) + "/tests/integration/fixtures/" + path,
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool World::fetches(uploads::UploadService& uploads, const std::string& public_id, std::optional<long long> who) {
  std::optional<http::Principal> viewer;
  if (who) viewer = db->run_sync([&](soci::session& s) { return organisations::read_principal(s, *who); });
  return db::testing::run(uploads.file_for(public_id, viewer)).has_value();
}

}  // namespace roundtable::testing
