#include "app/modules.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <zip.h>

#include <boost/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "core/i18n.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "security/tokens.hpp"
#include "testing/world.hpp"

namespace roundtable::app {
namespace {

using db::testing::run;

/// The data.json file of a data download (a zip archive).
std::string data_json_of(const std::string& zip_bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(src);
    return {};
  }
  std::string out;
  zip_stat_t st;
  if (zip_stat(archive, "data.json", 0, &st) == 0) {
    out.resize(st.size);
    zip_file_t* f = zip_fopen(archive, "data.json", 0);
    zip_fread(f, out.data(), st.size);
    zip_fclose(f);
  }
  zip_close(archive);
  return out;
}

class ModulesOnBackend : public ::testing::TestWithParam<std::string> {};

/// Every table the migrations create must be registered by a module: with personal data (for download and erasure)
/// or without.
TEST_P(ModulesOnBackend, EveryTableIsRegisteredByAModule) {
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
  Services services;
  std::set<std::string> known;
  for (const auto& m : make_modules(services)) {
    for (const auto& t : m.personal_tables) {
      EXPECT_TRUE(known.insert(std::string(t.table)).second) << t.table << " is registered twice";
      EXPECT_FALSE(t.person_column.empty()) << t.table;
      EXPECT_FALSE(t.holds.empty()) << t.table;
    }
    for (const auto& [t, why] : m.tables_without_personal_data) {
      EXPECT_TRUE(known.insert(std::string(t)).second) << t << " is registered twice";
    }
  }
  for (const auto& t : tables) {
    // FTS5 keeps its index in shadow tables named after the virtual table.
    if (t.rfind("search_fts_", 0) == 0) continue;
    EXPECT_TRUE(known.count(t)) << "table " << t
                                << " is registered by no module: list it in its module's personal_tables (how it is "
                                   "downloaded and erased) or tables_without_personal_data";
  }
  for (const auto& t : known) {
    if (t == "search_fts" && db->backend() == db::Backend::postgresql) continue;  // SQLite's FTS5 only
    EXPECT_TRUE(tables.count(t)) << "registered table " << t << " does not exist";
  }
}

/// The data download names each table in the person's language: a table without its words would show them
/// "data.table.<table>".
TEST(Modules, EveryPersonalTableHasItsDownloadHeadingInEnglishAndWelsh) {
  Services services;
  const auto& messages = core::Messages::embedded();
  for (const auto& t : personal_tables(make_modules(services))) {
    if (!t.exported) continue;
    const std::string key = "data.table." + std::string(t.table);
    EXPECT_TRUE(messages.catalogue(core::Lang::en).find(key)) << key << " is not in the English catalogue";
    EXPECT_TRUE(messages.catalogue(core::Lang::cy).find(key)) << key << " is not in the Welsh catalogue";
  }
}

/// With the register app/ gives the privacy service (every module's tables), a download holds the person's rows of
/// every module, and erasure removes them.
TEST_P(ModulesOnBackend, EveryModulesPersonalDataIsDownloadedAndErased) {
  testing::World w(GetParam());
  w.organisation("north");
  const long long nia = w.member("north", "nia@example.org", "Nia", organisations::Role::org_admin);
  const long long ceri = w.member("north", "ceri@example.org", "Ceri");
  Services services;
  services.privacy = std::make_unique<privacy::PrivacyService>(*w.db, *w.search);
  const auto modules = make_modules(services);
  const auto tables = personal_tables(modules);
  services.privacy->set_personal_tables(tables);
  w.db->run_sync([&](soci::session& s) {
    long long upload = 0;
    const std::string public_id = security::random_token(16), key = "ab/" + security::random_token(16);
    s << "INSERT INTO uploads (public_id, owner_user_id, purpose, mime, kind, bytes, width, height, original_name, "
         "storage_key, created_at) VALUES (:p, :u, 'about_me', 'image/png', 'image', 10, 1, 1, 'me.png', :k, 1) "
         "RETURNING id",
        soci::use(public_id), soci::use(ceri), soci::use(key), soci::into(upload);
    s << "INSERT INTO about_me_pages (user_id, visibility, intro, updated_at) VALUES (:u, 'named', 'Hello', 1)",
        soci::use(ceri);
    s << "INSERT INTO about_me_items (user_id, position, kind, title, body, upload_id, caption, transcript, "
         "created_at, updated_at) VALUES (:u, 1, 'photo', '', '', :up, 'My garden', '', 1, 1)",
        soci::use(ceri), soci::use(upload);
    s << "INSERT INTO about_me_viewers (user_id, viewer_user_id, created_at) VALUES (:u, :v, 1)", soci::use(ceri),
        soci::use(nia);
    // Ceri's expression of interest in a place in a group.
    long long group = 0, opportunity = 0;
    s << "INSERT INTO org_groups (org_id, name, purpose, kind, level, visibility, create_key, created_at, updated_at) "
         "SELECT id, 'Board', 'Deciding', 'standing', 'group', 'organisation', 'board-key', 1, 1 FROM organisations "
         "WHERE slug = 'north' RETURNING id",
        soci::into(group);
    s << "INSERT INTO opportunities (org_id, group_id, title, description, closes_on, audience, state, create_key, "
         "created_at, updated_at) SELECT org_id, id, 'Join us', 'Words', '2099-01-01', 'members', 'open', 'opp-key', "
         "1, "
         "1 FROM org_groups WHERE id = :g RETURNING id",
        soci::use(group), soci::into(opportunity);
    s << "INSERT INTO opportunity_interest (opportunity_id, org_id, user_id, message, created_at, updated_at) SELECT "
         "id, org_id, :u, 'I care for my dad', 1, 1 FROM opportunities WHERE id = :o",
        soci::use(ceri), soci::use(opportunity);
    // Ceri's reply to a meeting of the group, with what Ceri needs.
    s << "INSERT INTO meetings (org_id, group_id, title, purpose, starts_at, ends_at, create_key, created_at, "
         "updated_at) SELECT org_id, id, 'Board', 'Plan', 10, 20, 'meeting-key', 1, 1 FROM org_groups WHERE id = :g",
        soci::use(group);
    s << "INSERT INTO meeting_rsvps (meeting_id, org_id, user_id, answer, needs, created_at, updated_at) SELECT id, "
         "org_id, :u, 'going', 'bsl_interpreter', 1, 1 FROM meetings WHERE create_key = 'meeting-key'",
        soci::use(ceri);
    // Ceri's calendar feed (the hash of its secret).
    s << "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (:u, 'hash-of-a-secret', 1)",
        soci::use(ceri);
  });
  const std::vector<std::string> of_other_modules{"uploads",          "about_me_pages",       "about_me_items",
                                                  "about_me_viewers", "opportunity_interest", "meeting_rsvps",
                                                  "calendar_feeds"};
  for (const auto& name : of_other_modules) {
    bool registered = false;
    for (const auto& t : tables) registered |= t.table == name;
    EXPECT_TRUE(registered) << name;
  }

  const auto data = boost::json::parse(data_json_of(run(services.privacy->export_data(ceri, core::Lang::en))));
  const auto& in_download = data.at("tables").as_object();
  for (const auto& name : of_other_modules) {
    ASSERT_TRUE(in_download.contains(name)) << name << " is not in the download";
    EXPECT_EQ(in_download.at(name).at("rows").as_array().size(), 1u) << name;
  }

  EXPECT_EQ(run(services.privacy->erase_account(ceri)).outcome, privacy::EraseOutcome::erased);
  for (const auto& name : of_other_modules) {
    const std::string column = name == "uploads" ? "owner_user_id" : "user_id";
    EXPECT_EQ(w.count(name + " WHERE " + column + " = " + std::to_string(ceri)), 0) << name;
  }
  EXPECT_EQ(w.count("about_me_viewers WHERE viewer_user_id = " + std::to_string(nia)), 0)
      << "Ceri's list of viewers went with Ceri";
}

/// The measures keep the figures they worked out until their organisation's version moves (ADR 0038): every table a
/// kind of contribution's listing reads (and the loop items and decisions they read besides) must move it, through the
/// triggers of migration 0054, or a dashboard would go on showing old figures.
TEST_P(ModulesOnBackend, EveryTableTheMeasuresCountMovesTheirVersion) {
  auto db = db::testing::fresh_database(GetParam());
  Services services;
  std::set<std::string> tables{"loop_items", "decisions"};
  const std::regex from_or_join(R"((?:FROM|JOIN)\s+([a-z_]+))");
  const auto kinds = shared_of(make_modules(services)).contribution_kinds;
  EXPECT_FALSE(kinds.empty());
  for (const auto& k : kinds) {
    const std::string listing(k.listing);
    for (std::sregex_iterator it(listing.begin(), listing.end(), from_or_join), end; it != end; ++it) {
      tables.insert((*it)[1].str());
    }
  }
  db->run_sync([&](soci::session& s) {
    for (const auto& t : tables) {
      int n = 0;
      if (db->backend() == db::Backend::sqlite) {
        const std::string insert = t + "_measured_insert", update = t + "_measured_update",
                          remove = t + "_measured_delete";
        s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t AND name IN (:i, :u, :d)",
            soci::use(t), soci::use(insert), soci::use(update), soci::use(remove), soci::into(n);
        EXPECT_EQ(n, 3) << t << " is counted by the measures but has not their three triggers (migration 0054)";
      } else {
        const std::string name = t + "_measured";
        s << "SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = to_regclass(:t) AND tgname = :n", soci::use(t),
            soci::use(name), soci::into(n);
        EXPECT_EQ(n, 1) << t << " is counted by the measures but has not their trigger (migration 0054)";
      }
    }
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, ModulesOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::app
