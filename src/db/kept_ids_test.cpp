// Ids are never given out twice (issue #12 item 2, ADR 0017): migrations that run with foreign keys off, the rebuild
// of SQLite's tables with AUTOINCREMENT on a database made by the older migrations, and an erased row's id on both
// databases.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "db/migrator.hpp"
#include "db/test_databases.hpp"

namespace roundtable::db {
namespace {

/// A new, empty SQLite database with one connection, so every run_sync uses the same one (and its foreign key
/// switch can be read back).
std::unique_ptr<Database> empty_sqlite() {
  static int counter = 0;
  auto dir = std::filesystem::temp_directory_path() / ("rt-kept-ids-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto file = dir / ("k" + std::to_string(++counter) + ".db");
  std::filesystem::remove(file);
  return Database::open("sqlite:" + file.string(), 1);
}

void exec(Database& db, const std::string& sql) {
  db.run_sync([&](soci::session& s) {
    for (const auto& stmt : split_statements(sql)) s << stmt;
  });
}

std::string one(Database& db, const std::string& sql) {
  return db.run_sync([&](soci::session& s) {
    std::string out;
    soci::indicator ind = soci::i_ok;
    s << "SELECT coalesce(CAST((" + sql + ") AS TEXT), 'NULL')", soci::into(out, ind);
    return out;
  });
}

bool keys_on(Database& db) { return one(db, "SELECT foreign_keys FROM pragma_foreign_keys") == "1"; }

const std::string kMarker = "-- roundtable: foreign keys off\n";

/// Two tables, one referring to the other, with rows.
std::vector<Migration> parent_and_child() {
  return {{1, "0001_parent_and_child",
           "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
           "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES parent (id) ON DELETE "
           "CASCADE);\n"
           "CREATE INDEX child_parent ON child (parent_id);\n"
           "INSERT INTO parent (id, name) VALUES (1, 'a'), (2, 'b');\n"
           "INSERT INTO child (id, parent_id) VALUES (10, 1), (11, 2);\n"}};
}

/// Rebuilds parent with AUTOINCREMENT, as 0017 does for the real tables, then runs `tail`.
Migration rebuild_parent(const std::string& tail, bool marked = true) {
  return {2, "0002_rebuild_parent",
          (marked ? kMarker : std::string()) +
              "CREATE TABLE parent_rebuilt (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);\n"
              "INSERT INTO parent_rebuilt (id, name) SELECT id, name FROM parent;\n"
              "DROP TABLE parent;\n"
              "ALTER TABLE parent_rebuilt RENAME TO parent;\n" +
              tail};
}

std::string schema_text(Database& db) {
  return one(db,
             "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10)) FROM "
             "(SELECT * FROM sqlite_schema ORDER BY name)");
}

TEST(ForeignKeysOffMigration, RebuildsATableOthersReferToAndKeepsEveryRow) {
  auto db = empty_sqlite();
  migrate(*db, parent_and_child());
  auto ms = parent_and_child();
  ms.push_back(rebuild_parent(""));
  EXPECT_EQ(migrate(*db, ms), 1);
  EXPECT_EQ(schema_version(*db), 2);
  // With foreign keys on, dropping parent would have deleted every child (ON DELETE CASCADE).
  EXPECT_EQ(one(*db, "SELECT group_concat(id || ':' || parent_id) FROM child"), "10:1,11:2");
  EXPECT_NE(one(*db, "SELECT sql FROM sqlite_schema WHERE name = 'parent'").find("AUTOINCREMENT"), std::string::npos);
  EXPECT_TRUE(keys_on(*db)) << "foreign keys are back on";
  EXPECT_THROW(exec(*db, "INSERT INTO child (id, parent_id) VALUES (12, 99)"), soci::soci_error);
  // The checksum of a marked migration is stored and checked like any other.
  EXPECT_EQ(one(*db, "SELECT checksum FROM schema_migrations WHERE version = 2"), migration_checksum(ms[1].sql));
  ms[1].sql += "-- edited\nSELECT 1;\n";
  EXPECT_THROW(migrate(*db, ms), DatabaseError);
}

TEST(ForeignKeysOffMigration, AFailureHalfWayLeavesTheDatabaseAsItWas) {
  auto db = empty_sqlite();
  migrate(*db, parent_and_child());
  const std::string before = schema_text(*db);
  auto ms = parent_and_child();
  ms.push_back(rebuild_parent("INSERT INTO no_such_table VALUES (1);\n"));
  try {
    migrate(*db, ms);
    FAIL() << "a failing migration was applied";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("no_such_table"), std::string::npos) << e.what();
  }
  EXPECT_EQ(schema_version(*db), 1);
  EXPECT_EQ(schema_text(*db), before) << "parent is as it was, not dropped or half rebuilt";
  EXPECT_EQ(one(*db, "SELECT group_concat(id || ':' || name) FROM parent"), "1:a,2:b");
  EXPECT_EQ(one(*db, "SELECT count(*) FROM child"), "2");
  EXPECT_TRUE(keys_on(*db)) << "foreign keys are back on after the failure";
}

TEST(ForeignKeysOffMigration, RowsLeftPointingNowhereAreRefused) {
  auto db = empty_sqlite();
  migrate(*db, parent_and_child());
  const std::string before = schema_text(*db);
  auto ms = parent_and_child();
  ms.push_back(rebuild_parent("DELETE FROM parent WHERE id = 2;\n"));
  try {
    migrate(*db, ms);
    FAIL() << "a migration that broke a foreign key was applied";
  } catch (const DatabaseError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("0002_rebuild_parent"), std::string::npos) << what;
    EXPECT_NE(what.find("child"), std::string::npos) << what;
  }
  EXPECT_EQ(schema_version(*db), 1);
  EXPECT_EQ(schema_text(*db), before);
  EXPECT_EQ(one(*db, "SELECT count(*) FROM parent"), "2");
  EXPECT_TRUE(keys_on(*db));
}

TEST(ForeignKeysOffMigration, WithoutTheMarkerForeignKeysStayOn) {
  auto db = empty_sqlite();
  migrate(*db, parent_and_child());
  auto ms = parent_and_child();
  ms.push_back(rebuild_parent("", false));
  // SQLite's DROP TABLE deletes the rows first, so the children go with it: the marker is what prevents that.
  EXPECT_EQ(migrate(*db, ms), 1);
  EXPECT_EQ(one(*db, "SELECT count(*) FROM child"), "0");
}

/// Everything about a database that a rebuild must keep: each table's columns, foreign keys, indexes and rows, and
/// the triggers. sqlite_sequence (new) and schema_migrations (one row more) are left out.
std::map<std::string, std::string> snapshot(Database& db) {
  std::map<std::string, std::string> out;
  std::vector<std::string> tables;
  db.run_sync([&](soci::session& s) {
    soci::rowset<std::string> rows =
        (s.prepare << "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('sqlite_sequence', "
                      "'schema_migrations') ORDER BY name");
    for (const auto& r : rows) tables.push_back(r);
  });
  for (const auto& t : tables) {
    const std::string q = "'" + t + "'";
    out[t + " columns"] = one(db,
                              "SELECT group_concat(c, ';') FROM (SELECT cid || '|' || name || '|' || type || '|' || "
                              "\"notnull\" || '|' || coalesce(dflt_value, 'NULL') || '|' || pk || '|' || hidden AS c "
                              "FROM pragma_table_xinfo(" +
                                  q + ") ORDER BY cid)");
    out[t + " foreign keys"] =
        one(db,
            "SELECT group_concat(k, ';') FROM (SELECT \"table\" || '|' || \"from\" || '|' || coalesce(\"to\", '') || "
            "'|' || on_update || '|' || on_delete || '|' || seq AS k FROM pragma_foreign_key_list(" +
                q + ") ORDER BY 1)");
    out[t + " indexes"] = one(db,
                              "SELECT group_concat(i, ';') FROM (SELECT l.name || '|' || l.\"unique\" || '|' || "
                              "l.origin || '|' || l.partial || '|' || (SELECT group_concat(name, ',') FROM (SELECT "
                              "name FROM pragma_index_info(l.name) ORDER BY seqno)) AS i FROM pragma_index_list(" +
                                  q + ") l ORDER BY l.name)");
    std::string columns;
    db.run_sync([&](soci::session& s) {
      soci::rowset<std::string> rows = (s.prepare << "SELECT name FROM pragma_table_info(" + q + ") ORDER BY cid");
      for (const auto& c : rows) columns += (columns.empty() ? "" : " || ',' || ") + ("quote(\"" + c + "\")");
    });
    out[t + " rows"] =
        one(db, "SELECT group_concat(r, char(10)) FROM (SELECT " + columns + " AS r FROM " + t + " ORDER BY r)");
  }
  out["triggers"] = one(db,
                        "SELECT group_concat(name || ': ' || sql, char(10)) FROM (SELECT name, sql FROM "
                        "sqlite_schema WHERE type = 'trigger' ORDER BY name)");
  return out;
}

/// Rows in every table the rebuild touches, linked by foreign keys, on a database at the schema before it.
const char* kLinkedRows = R"(
INSERT INTO organisations (id, slug, name, created_at, updated_at) VALUES (1, 'demo', 'Demo', 1, 1), (2, 'north', 'North', 1, 1);
INSERT INTO users (id, email, name, created_at, updated_at) VALUES (1, 'a@x', 'Anwen', 1, 1), (2, 'b@x', 'Bethan', 1, 1), (3, 'c@x', 'Cai', 1, 1);
INSERT INTO memberships (org_id, user_id, role, created_at, sort_name) VALUES (1, 1, 'org_admin', 1, 'anwen'), (1, 2, 'member', 1, 'bethan'), (2, 3, 'member', 1, 'cai');
INSERT INTO member_types (org_id, user_id, type) VALUES (1, 2, 'unpaid_carer');
INSERT INTO uploads (id, public_id, owner_user_id, org_id, purpose, mime, kind, bytes, storage_key, created_at) VALUES (1, 'p1', 2, NULL, 'about_me', 'image/png', 'image', 10, 'k1', 1), (2, 'p2', 1, 1, 'org_logo', 'image/png', 'image', 10, 'k2', 1);
UPDATE organisations SET logo_upload_id = 2 WHERE id = 1;
INSERT INTO profiles (user_id, updated_at, photo_upload_id) VALUES (2, 1, 1);
INSERT INTO profile_interests (user_id, tag) VALUES (2, 'gardening');
INSERT INTO about_me_pages (user_id, updated_at) VALUES (2, 1);
INSERT INTO about_me_items (id, user_id, position, kind, upload_id, created_at, updated_at) VALUES (1, 2, 1, 'photo', 1, 1, 1), (2, 2, 2, 'text', NULL, 1, 1);
INSERT INTO about_me_viewers (user_id, viewer_user_id, created_at) VALUES (2, 1, 1);
INSERT INTO consents (id, user_id, purpose, version, lang, wording, given, created_at) VALUES (1, 2, 'store_data', 1, 'en', 'We keep', 1, 1), (2, 3, 'contact', 1, 'cy', 'Cysylltu', 1, 1);
INSERT INTO invitations (id, org_id, email, role, token_hash, invited_by, created_at, sent_at, expires_at, self_requested) VALUES (1, 1, 'new@x', 'member', 't1', 1, 1, 1, 9, 1);
INSERT INTO sign_in_links (id, user_id, token_hash, code_hash, browser_hash, created_at, expires_at) VALUES (1, 2, 's1', 'c', 'b', 1, 9);
INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ('r1', 2, 1, 9);
INSERT INTO two_step (user_id, secret, created_at) VALUES (1, 'SECRET', 1);
INSERT INTO two_step_recovery_codes (id, user_id, code_hash, created_at) VALUES (1, 1, 'h1', 1), (2, 1, 'h2', 1);
INSERT INTO two_step_challenges (id, user_id, token_hash, created_at, expires_at) VALUES (1, 1, 'c1', 1, 9);
INSERT INTO mail_outbox (id, to_address, subject, text_body, html_body, next_attempt_at, created_at) VALUES (1, 'a@x', 'Croeso', 'text', '<p>html</p>', 1, 1);
INSERT INTO audit_log (id, org_id, actor_user_id, subject_user_id, action, created_at) VALUES (1, 1, 1, 2, 'role_changed', 1);
INSERT INTO sessions (id, user_id, created_at, updated_at, expires_at) VALUES ('sess', 2, 1, 1, 9);
INSERT INTO settings (name, value) VALUES ('csrf_secret', 'x');
INSERT INTO search_documents (id, org_id, kind, ref, title, body, updated_at) VALUES (1, 1, 'member', '1:2', 'Bethan', 'unpaid carer', 1), (2, 2, 'member', '2:3', 'Cai', 'member', 1);
INSERT INTO search_fts (rowid, title, body) VALUES (1, 'Bethan', 'unpaid carer'), (2, 'Cai', 'member');
)";

/// Cai, the newest account, is erased as the code does it (rows go, the audit log keeps the id); and long before,
/// account 7 was erased too, which only the audit log remembers.
const char* kErasures = R"(
DELETE FROM search_documents WHERE id = 2;
INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', 2, 'Cai', 'member');
DELETE FROM users WHERE id = 3;
INSERT INTO audit_log (org_id, actor_user_id, subject_user_id, action, created_at) VALUES (2, 3, 3, 'account_erased', 2), (NULL, 7, 7, 'account_erased', 1);
)";

TEST(KeptIds, UpgradingASqliteDatabaseKeepsEverythingAndNeverGivesAnIdAgain) {
  auto db = empty_sqlite();
  auto all = migrations_for(Backend::sqlite);
  std::vector<Migration> older, through_rebuild;
  for (const auto& m : all) {
    if (m.version < kIdsNeverReusedVersion) older.push_back(m);
    // Later migrations add tables of their own: the comparison is of what the rebuild itself did.
    if (m.version <= kIdsNeverReusedVersion) through_rebuild.push_back(m);
  }
  migrate(*db, older);
  exec(*db, kLinkedRows);
  exec(*db, kErasures);
  // Before the rebuild SQLite would give the erased account's id to the next person (this is the bug).
  EXPECT_EQ(one(*db, "SELECT max(id) + 1 FROM users"), "3");
  const auto before = snapshot(*db);
  EXPECT_EQ(before.at("consents rows"), "1,2,'store_data',1,'en','We keep',1,1");
  EXPECT_EQ(before.at("organisations rows").rfind("1,'demo','Demo','en,cy','invitation',1,1,2,", 0), 0u);

  EXPECT_GE(migrate(*db, through_rebuild), 1);
  const auto after = snapshot(*db);
  for (const auto& [what, value] : before) EXPECT_EQ(after.at(what), value) << what;
  EXPECT_EQ(after.size(), before.size());
  EXPECT_EQ(one(*db, "SELECT integrity_check FROM pragma_integrity_check"), "ok");
  EXPECT_EQ(one(*db, "SELECT count(*) FROM pragma_foreign_key_check"), "0");
  EXPECT_TRUE(keys_on(*db));

  // Every table with an id now numbers with AUTOINCREMENT, from above every id it holds.
  for (const std::string t :
       {"search_documents", "mail_outbox", "organisations", "users", "audit_log", "consents", "invitations",
        "sign_in_links", "two_step_recovery_codes", "two_step_challenges", "uploads", "about_me_items"}) {
    EXPECT_NE(one(*db, "SELECT sql FROM sqlite_schema WHERE name = '" + t + "'").find("AUTOINCREMENT"),
              std::string::npos)
        << t;
    EXPECT_EQ(one(*db, "SELECT (SELECT seq FROM sqlite_sequence WHERE name = '" + t +
                           "') >= coalesce((SELECT max(id) "
                           "FROM " +
                           t + "), 0)"),
              "1")
        << t;
  }
  // The next account is numbered above every account the audit log names, erased ones included.
  exec(*db, "INSERT INTO users (email, name, created_at, updated_at) VALUES ('d@x', 'Dafydd', 3, 3)");
  EXPECT_EQ(one(*db, "SELECT id FROM users WHERE email = 'd@x'"), "8");
  exec(*db, "DELETE FROM users WHERE email = 'd@x'");
  exec(*db, "INSERT INTO users (email, name, created_at, updated_at) VALUES ('e@x', 'Efa', 3, 3)");
  EXPECT_EQ(one(*db, "SELECT id FROM users WHERE email = 'e@x'"), "9");

  // What the foreign keys and triggers did before, they still do.
  EXPECT_THROW(exec(*db, "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (1, 99, 'member', 1)"),
               soci::soci_error);
  EXPECT_EQ(one(*db, "SELECT member_count FROM organisations WHERE id = 1"), "2");
  exec(*db, "DELETE FROM users WHERE id = 2");
  EXPECT_EQ(one(*db, "SELECT member_count FROM organisations WHERE id = 1"), "1");
  for (const std::string t : {"consents", "about_me_items", "sign_in_links", "profiles", "member_types"}) {
    EXPECT_EQ(one(*db, "SELECT count(*) FROM " + t + " WHERE user_id = 2"), "0") << t;
  }
  EXPECT_EQ(one(*db, "SELECT owner_user_id FROM uploads WHERE id = 1"), "NULL") << "ON DELETE SET NULL";
  exec(*db, "DELETE FROM uploads WHERE id = 2");
  EXPECT_EQ(one(*db, "SELECT logo_upload_id FROM organisations WHERE id = 1"), "NULL");
  // Full-text search still finds documents by their kept ids.
  EXPECT_EQ(one(*db,
                "SELECT d.ref FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid WHERE "
                "search_fts MATCH 'carer'"),
            "1:2");
}

TEST(KeptIds, EveryTableWithAnIdNumbersWithAutoincrement) {
  auto db = testing::fresh_database("sqlite");
  std::string plain;
  db->run_sync([&](soci::session& s) {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT m.name, m.sql FROM sqlite_schema m JOIN pragma_table_info(m.name) c ON c.pk = 1 AND "
                      "c.type = 'INTEGER' WHERE m.type = 'table' AND m.name NOT LIKE 'search_fts%' AND m.name <> "
                      "'schema_migrations'");
    for (const auto& r : rows) {
      if (r.get<std::string>(1).find("AUTOINCREMENT") == std::string::npos) plain += r.get<std::string>(0) + " ";
    }
  });
  EXPECT_EQ(plain, "") << "tables whose ids SQLite would give out again";
}

class KeptIdsOnBackend : public ::testing::TestWithParam<std::string> {};

TEST_P(KeptIdsOnBackend, AnErasedAccountsIdIsNeverGivenToTheNextOne) {
  auto db = testing::fresh_database(GetParam());
  const auto id_of = [&](const std::string& email) {
    return db->run_sync([&](soci::session& s) {
      s << "INSERT INTO users (email, name, created_at, updated_at) VALUES (:e, 'x', 1, 1)", soci::use(email);
      long long id = 0;
      s << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(id);
      return id;
    });
  };
  const long long first = id_of("first@example.org");
  db->run_sync([&](soci::session& s) { s << "DELETE FROM users WHERE id = :id", soci::use(first); });
  const long long next = id_of("next@example.org");
  EXPECT_GT(next, first);
}

TEST_P(KeptIdsOnBackend, AFailedMigrationLeavesNothingBehindAndLetsGoOfTheLock) {
  auto db = testing::fresh_database(GetParam());
  auto ms = migrations_for(db->backend());
  const int latest = ms.back().version;
  ms.push_back({latest + 1, "9999_half_done",
                kMarker + "CREATE TABLE half_done (x INTEGER);\nINSERT INTO half_done VALUES (1);\nSELECT * FROM "
                          "no_such_table;\n"});
  EXPECT_THROW(migrate(*db, ms), DatabaseError);
  EXPECT_EQ(schema_version(*db), latest);
  ms.pop_back();
  EXPECT_EQ(migrate(*db, ms), 0) << "the migration lock was let go";
  const bool backend_sqlite = db->backend() == Backend::sqlite;
  const int tables = db->run_sync([&](soci::session& s) {
    int n = -1;
    if (backend_sqlite) {
      s << "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'", soci::into(n);
    } else {
      s << "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = "
           "'half_done'",
          soci::into(n);
    }
    return n;
  });
  EXPECT_EQ(tables, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, KeptIdsOnBackend, ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace roundtable::db
