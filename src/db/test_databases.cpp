#include "db/test_databases.hpp"

#include <soci/soci.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "db/migrator.hpp"

namespace roundtable::db::testing {

std::vector<std::string> backends() {
  std::vector<std::string> out{"sqlite"};
  if (const char* url = std::getenv("ROUNDTABLE_TEST_POSTGRES_URL"); url && *url) out.push_back("postgresql");
  return out;
}

std::unique_ptr<Database> fresh_database(const std::string& backend) {
  if (backend == "sqlite") {
    static int counter = 0;
    auto dir = std::filesystem::temp_directory_path() / ("rt-db-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto file = dir / ("t" + std::to_string(++counter) + ".db");
    std::filesystem::remove(file);
    auto db = Database::open("sqlite:" + file.string(), 2);
    migrate(*db);
    return db;
  }
  const char* url = std::getenv("ROUNDTABLE_TEST_POSTGRES_URL");
  if (!url) throw std::runtime_error("ROUNDTABLE_TEST_POSTGRES_URL is not set");
  // A schema of this process's own, so test processes can run side by side (ctest -j) on one server.
  const std::string schema = "rt_test_" + std::to_string(::getpid());
  {
    auto admin = Database::open(url, 1);
    admin->run_sync([&](soci::session& s) {
      s << "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
      s << "CREATE SCHEMA " + schema;
    });
  }
  const std::string base(url);
  const std::string in_schema =
      base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
  auto db = Database::open(in_schema, 2);
  migrate(*db);
  return db;
}

}  // namespace roundtable::db::testing
