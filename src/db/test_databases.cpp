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
    // Every migration is run once per test process, into a file that each fresh database then starts as a copy
    // of: running them for every case cost more than most cases. The copy is taken with no connection open, so
    // the file holds everything (closing the last connection checkpoints the write-ahead log into it).
    static const std::filesystem::path migrated = [&dir] {
      auto file = dir / "migrated.db";
      std::filesystem::remove(file);
      auto db = Database::open("sqlite:" + file.string(), 1);
      migrate(*db);
      db.reset();
      if (std::filesystem::exists(file.string() + "-wal"))
        throw std::runtime_error("the migrated test database kept a write-ahead log after closing");
      return file;
    }();
    auto file = dir / ("t" + std::to_string(++counter) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    std::filesystem::copy_file(migrated, file);
    return Database::open("sqlite:" + file.string(), 2);
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
