#include "db/test_databases.hpp"

#include <soci/soci.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "db/migrator.hpp"

namespace roundtable::db::testing {

namespace {

/// One statement (a DO block) that empties every table of the current schema but the migrations' list, children
/// before the tables they refer to, and restarts every sequence: DELETE on a test's few rows costs a fraction of what
/// TRUNCATE does (a new file for every table and index). Tables a test made go. Empty when a table has rows after
/// migrating (then each case migrates afresh); TRUNCATE when the references go round in a circle (slower, but still
/// far quicker than migrating).
std::string emptying_statement(soci::session& s) {
  std::vector<std::string> tables(1000);
  s << "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' "
       "ORDER BY tablename",
      soci::into(tables);
  for (const auto& t : tables) {
    int rows = 0;
    s << "SELECT COUNT(*) FROM (SELECT 1 FROM \"" + t + "\" LIMIT 1) AS x", soci::into(rows);
    if (rows != 0) return {};
  }
  // References between two different tables of the schema that stop a parent's row going while a child's refers to
  // it (ON DELETE CASCADE and SET NULL do not: organisations and uploads refer to each other that way).
  std::vector<std::string> child(1000), parent(1000);
  s << "SELECT c.relname, p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
       "JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f' AND k.confdeltype IN ('a', 'r') AND "
       "c.relnamespace = "
       "(SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.oid <> p.oid",
      soci::into(child), soci::into(parent);
  // Children first: a table is emptied once every table that refers to it has been.
  std::vector<std::string> order;
  std::vector<bool> done(tables.size(), false);
  for (bool progress = true; progress && order.size() < tables.size();) {
    progress = false;
    for (size_t i = 0; i < tables.size(); ++i) {
      if (done[i]) continue;
      bool referred = false;
      for (size_t e = 0; e < child.size() && !referred; ++e) {
        if (parent[e] != tables[i]) continue;
        for (size_t j = 0; j < tables.size(); ++j) {
          if (!done[j] && tables[j] == child[e]) referred = true;
        }
      }
      if (referred) continue;
      done[i] = true;
      order.push_back(tables[i]);
      progress = true;
    }
  }
  // A test may make tables of its own: they go, as they would with a new schema.
  std::string known = "'schema_migrations'";
  for (const auto& t : tables) known += ", '" + t + "'";
  std::string block =
      "DO $$ DECLARE r record; BEGIN FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
      "AND tablename NOT IN (" +
      known + ") LOOP EXECUTE 'DROP TABLE IF EXISTS ' || quote_ident(r.tablename) || ' CASCADE'; END LOOP; ";
  if (order.size() != tables.size()) {
    std::string list;
    for (const auto& t : tables) list += (list.empty() ? "\"" : ", \"") + t + "\"";
    return block + "TRUNCATE " + list + " RESTART IDENTITY CASCADE; END $$";
  }
  std::vector<std::string> sequences(1000);
  s << "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()", soci::into(sequences);
  for (const auto& t : order) block += "DELETE FROM \"" + t + "\"; ";
  for (const auto& q : sequences) block += "PERFORM setval('\"" + q + "\"', 1, false); ";
  return block + "END $$";
}

}  // namespace

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
  const std::string base(url);
  const std::string in_schema =
      base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
  // The migrations run once per test process, as on SQLite; each later fresh database empties every table instead
  // (and restarts its ids). Creating the schema's hundred tables and their indexes again for every case took about
  // two seconds of the server's time each, most of the unit tests' time on PostgreSQL. Empty is what a migrated
  // schema is: the first migration found no table with rows but its own list (else every case migrates afresh).
  static std::string empty_every_table;
  static bool migrated_once = false;
  if (migrated_once && !empty_every_table.empty()) {
    auto db = Database::open(in_schema, 2);
    db->run_sync([&](soci::session& s) { s << empty_every_table; });
    return db;
  }
  {
    auto admin = Database::open(url, 1);
    admin->run_sync([&](soci::session& s) {
      s << "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
      s << "CREATE SCHEMA " + schema;
    });
  }
  auto db = Database::open(in_schema, 2);
  migrate(*db);
  if (!migrated_once) {
    migrated_once = true;
    db->run_sync([&](soci::session& s) { empty_every_table = emptying_statement(s); });
  }
  return db;
}

}  // namespace roundtable::db::testing
