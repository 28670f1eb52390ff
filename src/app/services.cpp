#include "app/services.hpp"

namespace roundtable::app {

void make_feature_services(Services& s, db::Database& db) {
  if (!s.search) s.search = db::make_search_index(db.backend());
  s.accounts = std::make_unique<accounts::AccountService>(db);
  s.consent = std::make_unique<consent::ConsentService>(db);
  s.organisations = std::make_unique<organisations::OrganisationService>(db);
  s.profiles = std::make_unique<profiles::ProfileService>(db, *s.search);
  s.privacy = std::make_unique<privacy::PrivacyService>(db, *s.search);
  // The member directory (profiles/) follows memberships, which organisations/ changes.
  s.organisations->set_member_index(profiles::member_index(*s.search));
}

}  // namespace roundtable::app
