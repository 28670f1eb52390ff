#include "db/migrator.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "db/test_databases.hpp"

namespace roundtable::db {
namespace {

TEST(SplitStatements, SplitsAtLineEndSemicolonsAndDropsComments) {
  auto s = split_statements("-- a comment\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n  y TEXT\n);\nSELECT 1");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "CREATE TABLE a (x INT)");
  EXPECT_EQ(s[1], "CREATE TABLE b (\n  y TEXT\n)");
  EXPECT_EQ(s[2], "SELECT 1\n");
}

TEST(Migrations, BackendVariantsReplaceTheGenericFile) {
  for (auto backend : {Backend::sqlite, Backend::postgresql}) {
    auto ms = migrations_for(backend);
    ASSERT_GE(ms.size(), 2u);
    for (size_t i = 1; i < ms.size(); ++i) EXPECT_LT(ms[i - 1].version, ms[i].version);
    bool has_fts = false;
    for (auto& m : ms) has_fts |= m.sql.find("fts5") != std::string::npos;
    EXPECT_EQ(has_fts, backend == Backend::sqlite);
  }
}

TEST(DatabaseUrl, ParsesAndRefusesClearly) {
  EXPECT_EQ(parse_database_url("sqlite:data/x.db").target, "data/x.db");
  EXPECT_EQ(parse_database_url("sqlite:///tmp/x.db").target, "/tmp/x.db");
  EXPECT_EQ(parse_database_url("postgresql://u@h/db").backend, Backend::postgresql);
  EXPECT_EQ(parse_database_url("postgresql://me:p%27w@127.0.0.1:5433/rt?connect_timeout=3").target,
            "host='127.0.0.1' port='5433' user='me' password='p\\'w' dbname='rt' connect_timeout='3'");
  EXPECT_THROW(parse_database_url("mysql://x"), DatabaseError);
  EXPECT_EQ(redact_url("postgresql://me:secret@host/db"), "postgresql://me:***@host/db");
  try {
    parse_database_url("mongodb://me:secret@h/db");
    FAIL();
  } catch (const DatabaseError& e) {
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos);
  }
}

TEST(Database, MissingFolderIsOneClearLine) {
  try {
    Database::open("sqlite:/nonexistent-folder-rt/x.db");
    FAIL();
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos);
  }
}

TEST(Database, UnreachablePostgresIsOneClearLine) {
  try {
    Database::open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 1);
    FAIL();
  } catch (const DatabaseError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("cannot open the database"), std::string::npos);
    EXPECT_EQ(what.find('\n'), std::string::npos);
  }
}

class MigratorOnBackend : public ::testing::TestWithParam<std::string> {};

TEST_P(MigratorOnBackend, AppliesOnceAndIsIdempotent) {
  auto db = testing::fresh_database(GetParam());
  const int latest = migrations_for(db->backend()).back().version;
  EXPECT_EQ(schema_version(*db), latest);
  EXPECT_EQ(migrate(*db), 0);
  db->run_sync([](soci::session& s) {
    s << "INSERT INTO settings (name, value) VALUES ('a', 'b')";
    std::string v;
    s << "SELECT value FROM settings WHERE name = 'a'", soci::into(v);
    EXPECT_EQ(v, "b");
  });
  EXPECT_TRUE(db->ping());
}

INSTANTIATE_TEST_SUITE_P(Backends, MigratorOnBackend, ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace roundtable::db
