#include "db/search.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdio>
#include <cstdlib>
#include <set>

#include "db/test_databases.hpp"
#include "db/transaction.hpp"

namespace roundtable::db {
namespace {

TEST(SearchTerms, KeepsWordsAndDropsSyntax) {
  EXPECT_EQ(search_terms("Coffee \"morning\" OR *NEAR(x)"),
            (std::vector<std::string>{"coffee", "morning", "or", "near", "x"}));
  EXPECT_EQ(search_terms("  ;;  "), std::vector<std::string>{});
  EXPECT_EQ(search_terms("Cyngor Sir Ddinbych"), (std::vector<std::string>{"cyngor", "sir", "ddinbych"}));
}

class SearchOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = testing::fresh_database(GetParam());
    index_ = make_search_index(db_->backend());
    db_->run_sync([&](soci::session& s) {
      index_->upsert(s, {std::nullopt, "post", "1", "en", "Monthly coffee morning",
                         "Carers meet for coffee and a chat about continuing healthcare."});
      index_->upsert(s, {std::nullopt, "post", "2", "cy", "Bore coffi misol", "Gofalwyr yn cwrdd am goffi."});
      index_->upsert(s, {7, "post", "3", "en", "Private steering group notes", "Coffee budget for the group."});
      index_->upsert(s, {8, "project", "4", "en", "Another organisation's coffee plan", "Not for org 7."});
    });
  }
  SearchResult search(SearchQuery q) {
    return db_->run_sync([&](soci::session& s) { return index_->search(s, q); });
  }
  std::unique_ptr<Database> db_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_P(SearchOnBackend, FindsPublicDocumentsAndOnlyTheOrganisationsAllowed) {
  auto r = search({.text = "coffee"});
  EXPECT_EQ(r.total, 1);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].ref, "1");
  auto r7 = search({.text = "coffee", .org_ids = {7}});
  EXPECT_EQ(r7.total, 2);
  for (auto& h : r7.hits) EXPECT_NE(h.ref, "4");
}

TEST_P(SearchOnBackend, HitsSayTheirLanguageOrganisationAndDate) {
  db_->run_sync([&](soci::session& s) {
    s << "INSERT INTO organisations (id, slug, name, created_at, updated_at) VALUES (7, 'north', 'North Carers', 0, 0)";
  });
  auto r = search({.text = "coffee", .org_ids = {7}});
  ASSERT_EQ(r.hits.size(), 2u);
  for (const auto& h : r.hits) {
    EXPECT_GT(h.updated_at, 1'700'000'000) << h.ref;
    EXPECT_EQ(h.lang, "en") << h.ref;
    EXPECT_EQ(h.org_name, h.ref == "3" ? "North Carers" : "") << h.ref;
  }
  EXPECT_EQ(search({.text = "coffi"}).hits.at(0).lang, "cy");
}

TEST_P(SearchOnBackend, FindsAPublicDocumentInFullButNeverAnOrganisationsOwn) {
  const auto doc = db_->run_sync([&](soci::session& s) { return find_public_document(s, "post", "2"); });
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->title, "Bore coffi misol");
  EXPECT_EQ(doc->body, "Gofalwyr yn cwrdd am goffi.");
  EXPECT_EQ(doc->lang, "cy");
  EXPECT_FALSE(db_->run_sync([&](soci::session& s) { return find_public_document(s, "post", "3"); }));
  EXPECT_FALSE(db_->run_sync([&](soci::session& s) { return find_public_document(s, "project", "2"); }));
  EXPECT_FALSE(db_->run_sync([&](soci::session& s) { return find_public_document(s, "post", "99"); }));
}

TEST_P(SearchOnBackend, PrefixOnLastWordAndKindsFilter) {
  EXPECT_EQ(search({.text = "cof"}).total, 2);
  EXPECT_EQ(search({.text = "coffe"}).total, 1);
  EXPECT_EQ(search({.text = "coffi"}).hits.at(0).ref, "2");
  EXPECT_EQ(search({.text = "coffee", .org_ids = {7, 8}, .kinds = {"project"}}).total, 1);
  EXPECT_EQ(search({.text = "\"\" OR ( NEAR"}).total, 0);
  EXPECT_EQ(search({.text = ""}).total, 0);
}

TEST_P(SearchOnBackend, UpsertReplacesAndRemoveDeletes) {
  db_->run_sync([&](soci::session& s) {
    index_->upsert(s, {std::nullopt, "post", "1", "en", "Renamed", "Tea instead now."});
  });
  EXPECT_EQ(search({.text = "coffee"}).total, 0);
  EXPECT_EQ(search({.text = "tea"}).total, 1);
  db_->run_sync([&](soci::session& s) { index_->remove(s, "post", "1"); });
  EXPECT_EQ(search({.text = "tea"}).total, 0);
}

TEST_P(SearchOnBackend, PagesThroughResults) {
  db_->run_sync([&](soci::session& s) {
    for (int i = 10; i < 35; ++i) {
      index_->upsert(s, {std::nullopt, "post", std::to_string(i), "en", "Meeting " + std::to_string(i), "agenda"});
    }
  });
  auto first = search({.text = "agenda", .limit = 20});
  EXPECT_EQ(first.total, 25);
  EXPECT_EQ(first.hits.size(), 20u);
  auto second = search({.text = "agenda", .limit = 20, .offset = 20});
  EXPECT_EQ(second.hits.size(), 5u);
}

TEST_P(SearchOnBackend, ShortLastWordsMatchOnlyWholeWords) {
  db_->run_sync([&](soci::session& s) {
    index_->upsert(s, {std::nullopt, "post", "50", "en", "Co-op shop", "The co op runs the shop."});
    index_->upsert(s, {std::nullopt, "post", "51", "en", "Coach trip", "A coach to the coast."});
  });
  // "co" is a whole word in document 50 only; as a prefix it would also find coffee and coach.
  auto r = search({.text = "co"});
  EXPECT_EQ(r.total, 1);
  EXPECT_EQ(r.hits.at(0).ref, "50");
  EXPECT_EQ(search({.text = "coa"}).total, 1);
}

TEST_P(SearchOnBackend, ManyMatchesAreCappedAndShownNewestFirst) {
  db_->run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    for (int i = 100; i < 100 + kSearchCountLimit + 5; ++i) {
      // Earlier documents mention the word more often, so ranking would put them first.
      std::string body = i < 110 ? "minutes minutes minutes minutes" : "minutes";
      index_->upsert(s, {std::nullopt, "post", std::to_string(i), "en", "Meeting " + std::to_string(i), body});
    }
    tx.commit();
  });
  auto r = search({.text = "minutes", .limit = 3});
  EXPECT_TRUE(r.more);
  EXPECT_EQ(r.total, kSearchCountLimit);
  ASSERT_EQ(r.hits.size(), 3u);
  EXPECT_EQ(r.hits[0].ref, std::to_string(100 + kSearchCountLimit + 4));
  EXPECT_EQ(r.hits[1].ref, std::to_string(100 + kSearchCountLimit + 3));
  // Past the counted results there is nothing more to page through.
  EXPECT_TRUE(search({.text = "minutes", .limit = 20, .offset = kSearchCountLimit}).hits.empty());
  // With few matches, the best match still comes first.
  db_->run_sync([&](soci::session& s) {
    index_->upsert(s, {std::nullopt, "post", "a", "en", "Rota", "volunteer"});
    index_->upsert(s, {std::nullopt, "post", "b", "en", "Volunteer volunteer", "volunteer volunteer volunteer"});
    index_->upsert(s, {std::nullopt, "post", "c", "en", "Later", "a volunteer"});
  });
  auto ranked = search({.text = "volunteer"});
  EXPECT_FALSE(ranked.more);
  EXPECT_EQ(ranked.total, 3);
  EXPECT_EQ(ranked.hits.at(0).ref, "b");
}

TEST_P(SearchOnBackend, FindsAGroupsDocumentsOnlyForItsMembers) {
  // A discussion topic of group 42 in organisation 7, and a reply in group 43 with no organisation.
  db_->run_sync([&](soci::session& s) {
    index_->upsert(s, {7, "topic", "5", "en", "Board coffee rota", "Who brings the coffee to the board.",
                       "/o/north/groups/42/discussion/5", 42});
    index_->upsert(s, {std::nullopt, "reply", "6", "en", "Re: rota", "Our group's coffee talk.", "", 43});
  });
  using Refs = std::set<std::string>;
  const auto refs = [&](SearchQuery q) {
    const auto r = search(q);
    Refs out;
    for (const auto& h : r.hits) out.insert(h.ref);
    EXPECT_EQ(r.total, static_cast<long long>(out.size())) << q.text;
    return out;
  };
  // Its members find it, with its organisation's name...
  EXPECT_EQ(refs({.text = "coffee", .group_ids = {42}}), (Refs{"1", "5"}));
  EXPECT_EQ(refs({.text = "coffee", .org_ids = {7}, .group_ids = {42}}), (Refs{"1", "3", "5"}));
  EXPECT_EQ(refs({.text = "coffee", .group_ids = {41, 42, 43}}), (Refs{"1", "5", "6"}));
  EXPECT_EQ(refs({.text = "coffee", .group_ids = {42}, .kinds = {"topic", "reply"}}), Refs{"5"});
  EXPECT_EQ(refs({.text = "coff", .group_ids = {43}}), (Refs{"1", "2", "6"}));
  db_->run_sync([&](soci::session& s) {
    s << "INSERT INTO organisations (id, slug, name, created_at, updated_at) VALUES (7, 'north', 'North Carers', 0, 0)";
  });
  EXPECT_EQ(search({.text = "rota", .group_ids = {42}}).hits.at(0).org_name, "North Carers");
  // ...and its group's name, read in the same query (empty for a document of no group).
  EXPECT_EQ(search({.text = "rota", .group_ids = {42}}).hits.at(0).group_name, "");
  db_->run_sync([&](soci::session& s) {
    s << "INSERT INTO org_groups (id, org_id, name, purpose, kind, level, visibility, create_key, created_at, "
         "updated_at) VALUES (42, 7, 'Carers board', '', 'standing', 'group', 'members', 'k42', 0, 0)";
  });
  const auto board = search({.text = "coffee", .org_ids = {7}, .group_ids = {42}});
  for (const auto& h : board.hits) EXPECT_EQ(h.group_name, h.ref == "5" ? "Carers board" : "") << h.ref;
  // ...and nobody else: not anonymous people, not the organisation's other members, not another group's.
  EXPECT_EQ(refs({.text = "coffee"}), Refs{"1"});
  EXPECT_EQ(refs({.text = "coffee", .org_ids = {7}}), (Refs{"1", "3"}));
  EXPECT_EQ(refs({.text = "coffee", .org_ids = {7, 8}, .group_ids = {41}}), (Refs{"1", "3", "4"}));
  EXPECT_EQ(refs({.text = "rota"}), Refs{});
  // A group's document is never a public one, even without an organisation.
  EXPECT_FALSE(db_->run_sync([&](soci::session& s) { return find_public_document(s, "reply", "6"); }));
  EXPECT_FALSE(db_->run_sync([&](soci::session& s) { return find_public_document(s, "topic", "5"); }));
  // Upserting again writes the group too: the topic leaves its group, and a public post joins one.
  db_->run_sync([&](soci::session& s) {
    index_->upsert(s, {7, "topic", "5", "en", "Board coffee rota", "Who brings the coffee to the board."});
    index_->upsert(s, {std::nullopt, "post", "1", "en", "Monthly coffee morning", "Carers meet for coffee.", "", 43});
  });
  EXPECT_EQ(refs({.text = "coffee", .org_ids = {7}}), (Refs{"3", "5"}));
  EXPECT_EQ(refs({.text = "coffee", .group_ids = {43}}), (Refs{"1", "6"}));
  EXPECT_FALSE(db_->run_sync([&](soci::session& s) { return find_public_document(s, "post", "1"); }));
  EXPECT_TRUE(db_->run_sync([&](soci::session& s) { return find_public_document(s, "post", "2"); }));
}

TEST_P(SearchOnBackend, LeavesTheConnectionPlanningKeptStatementsOnce) {
  // The search's own statements are planned for their values (ADR 0056); the connection's kept statements go on
  // being planned once after it, and the search finds the same either way.
  db_->run_sync([&](soci::session& s) {
    const auto mode = [&] {
      std::string m = "sqlite";
      if (db_->backend() == Backend::postgresql) {
        s << "SHOW plan_cache_mode", soci::into(m);
      }
      return m;
    };
    const std::string before = mode();
    auto r = index_->search(s, {.text = "coffee"});
    EXPECT_EQ(r.total, 1);
    EXPECT_EQ(mode(), before);
    if (db_->backend() == Backend::postgresql) {
      EXPECT_EQ(before, "force_generic_plan");
    }
  });
}

TEST_P(SearchOnBackend, TakesARoundTripForEachStepOnPostgresql) {
  db_->run_sync([&](soci::session& s) {
    if (db_->backend() == Backend::sqlite) {
      // SQLite runs the statements alone: the count and the page, and the prefix's count when it is needed.
      auto before = db_->statements_run();
      EXPECT_EQ(index_->search(s, {.text = "am", .org_ids = {7}, .group_ids = {41, 42}}).total, 1);
      EXPECT_EQ(db_->statements_run() - before, 2u);
      before = db_->statements_run();
      EXPECT_EQ(index_->search(s, {.text = "coffee", .org_ids = {7}}).total, 2);
      EXPECT_EQ(db_->statements_run() - before, 3u);
      return;
    }
    PGconn* conn = static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_;
    // How many times the server was waited for (libpq's trace of what was sent: one Sync a wait).
    const auto waits = [&](const SearchQuery& q, long long expected_total) {
      char* buffer = nullptr;
      std::size_t size = 0;
      FILE* trace = open_memstream(&buffer, &size);
      PQtrace(conn, trace);
      PQsetTraceFlags(conn, PQTRACE_SUPPRESS_TIMESTAMPS);
      const auto r = index_->search(s, q);
      PQuntrace(conn);
      std::fclose(trace);
      const std::string sent(buffer, size);
      std::free(buffer);
      EXPECT_EQ(r.total, expected_total) << q.text;
      int n = 0;
      for (std::size_t at = sent.find("F\t4\tSync"); at != std::string::npos; at = sent.find("F\t4\tSync", at + 1)) {
        ++n;
      }
      return n;
    };
    for (int round = 0; round < 2; ++round) {
      // The setting with the count, then the page with the setting back (statements prepared in the same trips).
      EXPECT_EQ(waits({.text = "am", .org_ids = {7}, .group_ids = {41, 42}}, 1), 2) << "round " << round;
      // A last word long enough to match as a prefix too: its count is a step of its own.
      EXPECT_EQ(waits({.text = "coffee", .org_ids = {7}}, 2), 3) << "round " << round;
    }
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchOnBackend, ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace roundtable::db
