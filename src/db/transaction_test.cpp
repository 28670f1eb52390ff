#include "db/transaction.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "db/test_databases.hpp"

// SOCI declares SQLite's C API inside namespace sqlite_api (its header includes sqlite3.h there).
using namespace sqlite_api;

namespace roundtable::db {
namespace {

// Two connections to one database: the first reads and then writes in one transaction, the second commits a write
// in between. This is every "look, then change" use case (add an About Me item after reading the page's order).
class ReadThenWrite : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = testing::fresh_database(GetParam());
    db_->run_sync([](soci::session& s) { s << "CREATE TABLE rt_tx_test (n INTEGER NOT NULL)"; });
  }
  long long count() {
    return db_->run_sync([](soci::session& s) {
      long long n = 0;
      s << "SELECT COUNT(*) FROM rt_tx_test", soci::into(n);
      return n;
    });
  }
  std::unique_ptr<Database> db_;
};

TEST_P(ReadThenWrite, WriteTransactionWaitsItsTurnInsteadOfFailing) {
  std::promise<void> read_done;
  auto other = std::async(std::launch::async, [&, ready = read_done.get_future()]() mutable {
    ready.wait();
    // Waits for the first transaction's write lock (SQLite) or simply commits (PostgreSQL).
    db_->run_sync([](soci::session& s) { s << "INSERT INTO rt_tx_test (n) VALUES (2)"; });
  });
  db_->run_sync([&](soci::session& s) {
    WriteTransaction tx(s);
    long long n = -1;
    s << "SELECT COUNT(*) FROM rt_tx_test", soci::into(n);
    EXPECT_EQ(n, 0);
    read_done.set_value();
    // Give the other connection time to try its write while this transaction is open.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    s << "INSERT INTO rt_tx_test (n) VALUES (1)";
    tx.commit();
  });
  other.get();
  EXPECT_EQ(count(), 2);
}

TEST_P(ReadThenWrite, RollsBackWhenNotCommitted) {
  db_->run_sync([](soci::session& s) {
    WriteTransaction tx(s);
    s << "INSERT INTO rt_tx_test (n) VALUES (1)";
  });
  EXPECT_EQ(count(), 0);
  // The connection is usable again: a new transaction begins on it.
  db_->run_sync([](soci::session& s) {
    WriteTransaction tx(s);
    s << "INSERT INTO rt_tx_test (n) VALUES (1)";
    tx.commit();
  });
  EXPECT_EQ(count(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReadThenWrite, ::testing::ValuesIn(testing::backends()));

// Why WriteTransaction exists: on SQLite, a plain (deferred) transaction that has read cannot become a writer once
// another connection has committed, and fails at once with "database is locked", whatever the busy timeout. If this
// test starts failing, SQLite changed, not Roundtable.
TEST(DeferredTransactionOnSqlite, FailsAtOnceWhenAnotherConnectionCommittedAfterItsRead) {
  auto db = testing::fresh_database("sqlite");
  db->run_sync([](soci::session& s) { s << "CREATE TABLE rt_tx_test (n INTEGER NOT NULL)"; });
  db->run_sync([&](soci::session& first) {
    first.begin();
    long long n = -1;
    first << "SELECT COUNT(*) FROM rt_tx_test", soci::into(n);
    db->run_sync([](soci::session& second) { second << "INSERT INTO rt_tx_test (n) VALUES (2)"; });
    try {
      first << "INSERT INTO rt_tx_test (n) VALUES (1)";
      ADD_FAILURE() << "the stale reader was allowed to write";
    } catch (const std::exception& e) {
      EXPECT_TRUE(is_busy_error(e)) << e.what();
    }
    first.rollback();
  });
}

// On SQLite this process's writers queue on a lock of its own, so a second writer waits for the first to end
// without meeting SQLite's lock, whose busy handler sleeps up to 100 ms between looks: under many concurrent writes
// (each view of a meeting's support checklist writes its audit entries) those sleeps made waits of hundreds of ms.
TEST(WriteTransactionOnSqlite, ASecondWriterWaitsItsTurnWithoutSqlitesBusyHandler) {
  auto db = testing::fresh_database("sqlite");
  db->run_sync([](soci::session& s) { s << "CREATE TABLE rt_tx_test (n INTEGER NOT NULL)"; });
  std::atomic<int> busy_calls{0};
  std::promise<void> first_began;
  auto second = std::async(std::launch::async, [&, began = first_began.get_future()]() mutable {
    began.wait();
    db->run_sync([&](soci::session& s) {
      sqlite3* c = static_cast<soci::sqlite3_session_backend*>(s.get_backend())->conn_;
      // Counts SQLite's busy waits (and waits 1 ms each, as its own handler would at first).
      sqlite3_busy_handler(
          c,
          [](void* calls, int) {
            static_cast<std::atomic<int>*>(calls)->fetch_add(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return 1;
          },
          &busy_calls);
      {
        WriteTransaction tx(s);
        s << "INSERT INTO rt_tx_test (n) VALUES (2)";
        tx.commit();
      }
      sqlite3_busy_timeout(c, 10000);  // the pool connection's own again
    });
  });
  db->run_sync([&](soci::session& s) {
    WriteTransaction tx(s);
    s << "INSERT INTO rt_tx_test (n) VALUES (1)";
    first_began.set_value();
    // The second writer tries to begin while this one holds the lock.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    tx.commit();
  });
  second.get();
  const long long rows = db->run_sync([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM rt_tx_test", soci::into(n);
    return n;
  });
  EXPECT_EQ(rows, 2);
  EXPECT_EQ(busy_calls.load(), 0) << "the second writer met SQLite's lock instead of waiting its turn";
}

}  // namespace
}  // namespace roundtable::db
