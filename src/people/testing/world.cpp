#include "people/testing/world.hpp"

#include <soci/soci.h>

#include <cctype>

#include "db/test_databases.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"

namespace roundtable::people::testing {

World::World(const std::string& backend, SignInLimits limits, const core::Clock& clock) {
  security::init();
  security::set_password_cost(security::PasswordCost::fast);
  db = db::testing::fresh_database(backend);
  search = db::make_search_index(db->backend());
  people = std::make_unique<PeopleService>(*db, *search, limits, clock);
}

World::~World() = default;

long long World::organisation(const std::string& slug, std::string name) {
  if (name.empty()) {
    name = slug;
    if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  }
  return people->create_organisation_now({.slug = slug, .name = std::move(name)});
}

long long World::person(const std::string& email, const std::string& name) {
  return people->create_user_now({.email = email, .name = name}, kPassword);
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
  people->add_member_now(org_slug, email, role, std::move(types));
  return id;
}

long long World::count(const std::string& what) {
  return db->run_sync([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM " + what, soci::into(n);
    return n;
  });
}

}  // namespace roundtable::people::testing
