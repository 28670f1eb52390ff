#include "db/database.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <future>
#include <thread>
#include <utility>

#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "db/together.hpp"

namespace roundtable::db {
namespace {

long long count_rows(soci::session& s) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM rt_read_test", soci::into(n);
  return n;
}

void add_row(soci::session& s) { s << "INSERT INTO rt_read_test (n) VALUES (1)"; }

/// Runs handler on this thread as an I/O thread runs a request's handlers (Database::run_handlers), until it ends.
void run_as_io_thread(std::function<boost::asio::awaitable<void>()> handler) {
  boost::asio::io_context ioc;
  boost::asio::co_spawn(ioc, std::move(handler), boost::asio::detached);
  Database::run_handlers(ioc);
}

class WritesTogether : public ::testing::TestWithParam<std::string> {};

std::unique_ptr<Database> database_with_one_row() {
  auto db = testing::fresh_database("sqlite");
  db->run_sync([](soci::session& s) {
    s << "CREATE TABLE rt_read_test (n INTEGER NOT NULL)";
    add_row(s);
  });
  return db;
}

// The I/O threads run their handlers with run_handlers: the reads of one handler (a request's session and its page)
// share one read transaction, and it ends with the handler, so a request that wrote (a hop to the database threads,
// which ends the handler) reads what it wrote.
TEST(ReadsOnSqlite, OneHandlersReadsShareASnapshotThatEndsWithTheHandler) {
  auto db = database_with_one_row();
  long long first = -1, same_handler = -1, after_own_write = -1;
  unsigned long long statements = 0;
  run_as_io_thread([&]() -> boost::asio::awaitable<void> {
    auto op1 = db->read(count_rows);
    first = co_await std::move(op1);
    // Another request's write, committed between this handler's two reads.
    db->run_sync(add_row);
    const auto before = db->statements_run();
    auto op2 = db->read(count_rows);
    same_handler = co_await std::move(op2);
    statements = db->statements_run() - before;
    // This request's own write: a hop to the database threads, so this handler ends here.
    auto write = db->run([](soci::session& s) {
      add_row(s);
      return 0;
    });
    co_await std::move(write);
    auto op3 = db->read(count_rows);
    after_own_write = co_await std::move(op3);
  });
  EXPECT_EQ(first, 1);
  EXPECT_EQ(same_handler, 1) << "the second read of one handler saw another state of the database";
  EXPECT_EQ(statements, 1u) << "the read transaction counts as queries the page ran";
  EXPECT_EQ(after_own_write, 3) << "a request did not see what it had just written";
}

// Anywhere else (commands, tests, a worker's own io_context) every read() is a transaction of its own, ended when
// it returns: nothing ends one later, and an old snapshot must not outlive the read.
TEST(ReadsOnSqlite, ElsewhereEachReadSeesTheLatestCommit) {
  auto db = database_with_one_row();
  const auto [first, second] = testing::run([&]() -> boost::asio::awaitable<std::pair<long long, long long>> {
    auto op1 = db->read(count_rows);
    const long long a = co_await std::move(op1);
    db->run_sync(add_row);
    auto op2 = db->read(count_rows);
    const long long b = co_await std::move(op2);
    co_return std::pair{a, b};
  }());
  EXPECT_EQ(first, 1);
  EXPECT_EQ(second, 2);
}

// A read that fails ends its transaction at once, so the handler's next read is not left inside it.
TEST(ReadsOnSqlite, AReadThatThrowsEndsItsTransaction) {
  auto db = database_with_one_row();
  long long after = -1;
  run_as_io_thread([&]() -> boost::asio::awaitable<void> {
    try {
      auto failing = db->read([](soci::session& s) -> long long {
        count_rows(s);
        throw std::runtime_error("the page could not be read");
      });
      co_await std::move(failing);
    } catch (const std::runtime_error&) {
    }
    db->run_sync(add_row);
    auto again = db->read(count_rows);
    after = co_await std::move(again);
  });
  EXPECT_EQ(after, 2);
}

class ReadsOnAnIoThread : public ::testing::TestWithParam<std::string> {};

// A read on an I/O thread runs on that thread, on both databases: on PostgreSQL a hop to the database threads and
// back cost more than the round trip itself (docs/PERFORMANCE.md, ADR 0058). When the database server closes the
// thread's connection (a restart), the next read opens a new one instead of failing.
TEST_P(ReadsOnAnIoThread, RunThereAndOpenTheConnectionAgainWhenTheServerClosedIt) {
  auto db = testing::fresh_database(GetParam());
  const bool postgres = db->backend() == Backend::postgresql;
  const auto who = [postgres](soci::session& s) {
    long long pid = 0;
    if (postgres) s << "SELECT pg_backend_pid()", soci::into(pid);
    return std::pair{std::this_thread::get_id(), pid};
  };
  std::pair<std::thread::id, long long> first, second;
  run_as_io_thread([&]() -> boost::asio::awaitable<void> {
    auto op1 = db->read(who);
    first = co_await std::move(op1);
    if (postgres) {
      db->run_sync([&](soci::session& s) {
        s << "SELECT pg_terminate_backend(" << first.second << ")";
        long long left = 1;
        for (int i = 0; i < 200 && left > 0; ++i) {
          s << "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " << first.second, soci::into(left);
          if (left > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      });
    }
    auto op2 = db->read(who);
    second = co_await std::move(op2);
  });
  EXPECT_EQ(first.first, std::this_thread::get_id()) << "the read hopped to another thread";
  EXPECT_EQ(second.first, std::this_thread::get_id());
  if (postgres) {
    EXPECT_NE(second.second, 0);
    EXPECT_NE(second.second, first.second) << "the closed connection was not opened again";
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ReadsOnAnIoThread, ::testing::ValuesIn(testing::backends()));

// Writes run together share one commit: the first holds its transaction open while the rest queue behind it, and
// all of those then commit at once; one that fails is undone alone and its caller gets the error.
TEST_P(WritesTogether, ShareACommitAndAFailureStaysWithItsOwnCaller) {
  auto db = testing::fresh_database(GetParam());
  db->run_sync([](soci::session& s) { s << "CREATE TABLE rt_read_test (n INTEGER NOT NULL)"; });
  std::promise<void> all_queued;
  std::shared_future<void> queued = all_queued.get_future().share();
  constexpr int kWriters = 40;
  int done = 0, refused = 0;
  const auto commits_before = db->commits_run();
  boost::asio::io_context ioc;
  for (int i = 0; i < kWriters; ++i) {
    boost::asio::co_spawn(
        ioc,
        [&, i]() -> boost::asio::awaitable<void> {
          auto write = write_together(*db, [i, queued](soci::session& s) {
            if (i == 0) queued.wait();  // the first transaction commits once every other write waits
            if (i == 7) {
              add_row(s);
              throw std::runtime_error("this one cannot be saved");
            }
            add_row(s);
          });
          try {
            co_await std::move(write);
            ++done;
          } catch (const std::runtime_error&) {
            ++refused;
          }
        },
        boost::asio::detached);
  }
  ioc.poll();  // every writer has queued its write
  all_queued.set_value();
  ioc.run();
  EXPECT_EQ(done, kWriters - 1);
  EXPECT_EQ(refused, 1);
  EXPECT_EQ(db->run_sync(count_rows), kWriters - 1) << "the failed write's row was kept, or another's was lost";
  if (GetParam() == "sqlite") {
    EXPECT_LE(db->commits_run() - commits_before, 2u) << "each write committed on its own";
  }
}

// A write alone in its transaction has no savepoint of its own: when it fails, the transaction is undone with it, its
// caller gets the error, and the next write alone is saved.
TEST_P(WritesTogether, AWriteAloneThatFailsLeavesNothingBehind) {
  auto db = testing::fresh_database(GetParam());
  db->run_sync([](soci::session& s) { s << "CREATE TABLE rt_read_test (n INTEGER NOT NULL)"; });
  boost::asio::io_context ioc;
  bool refused = false;
  bool saved = false;
  boost::asio::co_spawn(
      ioc,
      [&]() -> boost::asio::awaitable<void> {
        auto failing = write_together(*db, [](soci::session& s) {
          add_row(s);
          throw std::runtime_error("this one cannot be saved");
        });
        try {
          co_await std::move(failing);
        } catch (const std::runtime_error&) {
          refused = true;
        }
        auto next = write_together(*db, [](soci::session& s) { add_row(s); });
        co_await std::move(next);
        saved = true;
      },
      boost::asio::detached);
  ioc.run();
  EXPECT_TRUE(refused);
  EXPECT_TRUE(saved);
  EXPECT_EQ(db->run_sync(count_rows), 1) << "the failed write's row was kept";
}

INSTANTIATE_TEST_SUITE_P(Backends, WritesTogether, ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace roundtable::db
