#include "people/personal_data.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <set>
#include <string>

#include "db/test_databases.hpp"

namespace roundtable::people {
namespace {

class PersonalDataOnBackend : public ::testing::TestWithParam<std::string> {};

/// Every table the migrations create must be registered: with personal data (for download and erasure) or without.
TEST_P(PersonalDataOnBackend, EveryTableIsRegistered) {
  auto db = db::testing::fresh_database(GetParam());
  auto tables = db->run_sync([&](soci::session& s) {
    std::set<std::string> out;
    std::string sql = db->backend() == db::Backend::sqlite
                          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                          : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()";
    soci::rowset<std::string> rows = (s.prepare << sql);
    for (auto& r : rows) out.insert(r);
    return out;
  });
  std::set<std::string> known;
  for (auto& t : personal_tables()) known.insert(std::string(t.table));
  for (auto& [t, why] : tables_without_personal_data()) known.insert(std::string(t));
  for (auto& t : tables) {
    // FTS5 keeps its index in shadow tables named after the virtual table.
    if (t.rfind("search_fts_", 0) == 0) continue;
    EXPECT_TRUE(known.count(t)) << "table " << t
                                << " is not registered in src/people/personal_data.cpp: say whether it holds "
                                   "personal data, and how it is downloaded and erased";
  }
  // And nothing registered is missing from the schema (a renamed table must be renamed here too).
  for (auto& t : known) {
    if (t == "search_fts" && db->backend() == db::Backend::postgresql) continue;  // SQLite's FTS5 only
    EXPECT_TRUE(tables.count(t)) << "registered table " << t << " does not exist";
  }
}

TEST(PersonalData, EveryPersonalTableSaysWhatItHoldsAndHowItIsErased) {
  for (auto& t : personal_tables()) {
    EXPECT_FALSE(t.person_column.empty()) << t.table;
    EXPECT_FALSE(t.holds.empty()) << t.table;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonalDataOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::people
