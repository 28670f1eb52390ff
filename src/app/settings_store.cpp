#include "app/settings_store.hpp"

#include <soci/soci.h>

namespace roundtable::app {

std::string get_or_create_setting(db::Database& db, const std::string& name, const std::string& initial_value) {
  return db.run_sync([&](soci::session& s) {
    s << "INSERT INTO settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING", soci::use(name),
        soci::use(initial_value);
    std::string value;
    s << "SELECT value FROM settings WHERE name = :name", soci::into(value), soci::use(name);
    return value;
  });
}

}  // namespace roundtable::app
