/// The database: a SOCI connection pool served by its own thread pool, for SQLite or PostgreSQL.
#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace soci {
class session;
class connection_pool;
}  // namespace soci

namespace boost::asio {
class io_context;
}

namespace roundtable::db {

enum class Backend { sqlite, postgresql };

/// A database problem that the person running Roundtable can act on; what() is one plain line.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parsed --database URL.
struct DatabaseUrl {
  Backend backend = Backend::sqlite;
  /// SQLite: the file path. PostgreSQL: the libpq connection URI.
  std::string target;
};

/// Parses "sqlite:PATH", "sqlite://PATH" or "postgresql://..." / "postgres://..."; throws DatabaseError.
DatabaseUrl parse_database_url(const std::string& url);
/// The URL with any password replaced by ***, for messages and logs.
std::string redact_url(const std::string& url);

struct PoolStats {
  size_t size = 0;
  size_t in_use = 0;
  unsigned long long acquired_total = 0;
  unsigned long long waited_total = 0;
};

class Database {
 public:
  /// A pool of pool_size connections (0: 4 for SQLite, 8 for PostgreSQL), all opened now on SQLite, one now and the
  /// others when first used on PostgreSQL; throws DatabaseError with a clear reason.
  static std::unique_ptr<Database> open(const std::string& url, size_t pool_size = 0);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return backend_; }

  /// Runs fn(soci::session&) on the database thread pool and resumes the caller with its result.
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F&, soci::session&>> run(F fn) {
    return on_pool(std::move(fn), false);
  }

  /// Runs fn(soci::session&), which only reads, and resumes the caller with its result. On SQLite it runs at once on
  /// the calling thread, on a read-only connection of that thread's own: a read from SQLite (WAL, memory-mapped)
  /// takes microseconds and never waits for a writer, while a hop to the database threads and back costs more than
  /// the read (docs/PERFORMANCE.md). A write inside fn fails (the connection is query_only). On PostgreSQL, on an I/O
  /// thread (run_handlers), it runs at once too, on a connection of that thread's own: the hop to the database
  /// threads and back cost more than the round trip (ADR 0058); elsewhere it is run(). Only for reads that take
  /// microseconds (a few indexed lookups, a batch): a slow query here, such as a full-text search, would hold up
  /// every request on that I/O thread.
  ///
  /// On SQLite, fn's statements run in one read transaction: they see one state of the database, and SQLite takes and
  /// lets go of its locks once for them all, not for each statement (three system calls and a lock shared by the
  /// threads; docs/PERFORMANCE.md). On a thread that runs its handlers with run_handlers(), the reads of one handler
  /// share that transaction, which ends when the handler does.
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F&, soci::session&>> read(F fn) {
    if (backend_ == Backend::sqlite) {
      ReadHold hold(*this);
      if constexpr (std::is_void_v<std::invoke_result_t<F&, soci::session&>>) {
        fn(hold.session);
        hold.done();
        co_return;
      } else {
        auto result = fn(hold.session);
        hold.done();
        co_return result;
      }
    }
    if (on_io_thread()) {
      // PostgreSQL on an I/O thread: this thread's own connection, at once (no hop to the database threads).
      co_return once_more_if_lost(
          fn, [this]() -> soci::session& { return postgres_reader_for_this_thread(); },
          [this] { return postgres_reader_lost(); });
    }
    auto op = on_pool(std::move(fn), true);
    co_return co_await std::move(op);
  }

  /// A write to run together with others (write_together in db/together.hpp): work runs on a database thread inside
  /// a savepoint of a write transaction it may share; done is called once that transaction has committed (null) or
  /// failed, or work threw (the exception).
  using TogetherWork = std::function<void(soci::session&)>;
  using TogetherDone = std::function<void(std::exception_ptr)>;
  void together(TogetherWork work, TogetherDone done);

  /// Runs the context's handlers on this thread, one at a time, until it stops; after each, ends the read
  /// transaction its reads shared on SQLite (read()). A handler is a coroutine's steps from one wait to the next, and a
  /// write waits (it is a hop to the database threads), so no write of this thread comes between reads that share one:
  /// a request's session and its page are read in one transaction, and SQLite's locks are taken once for them.
  /// The I/O threads run this (ADR 0054).
  static void run_handlers(boost::asio::io_context& ioc);

  /// Runs fn(soci::session&) on the calling thread (command-line tasks, start-up).
  template <class F>
  auto run_sync(F&& fn) {
    Lease lease(*this);
    return fn(lease.session());
  }

  /// True if a trivial query succeeds now.
  bool ping();
  PoolStats stats() const;
  /// SQL statements run so far (SQLite only; 0 on PostgreSQL).
  unsigned long long statements_run() const { return statements_.load(); }
  /// Of those, the ones that may change the database (SQLite's sqlite3_stmt_readonly is false), other than audit
  /// entries (which record who looked at what): the tests' check that no GET route changes anything.
  unsigned long long writes_run() const { return writes_.load(); }
  /// Transactions committed (SQLite only): every one began as a writer (db::WriteTransaction), so each commit is the
  /// moment the database's file is written and synced.
  unsigned long long commits_run() const { return commits_.load(); }
  /// Pool metrics in Prometheus text format.
  std::string render_metrics() const;
  /// Waits for queued work and stops the database threads.
  void close();

 private:
  Database(Backend backend, size_t size);
  /// Runs fn on a pool connection on the database threads. A PostgreSQL connection the server closed (it restarted)
  /// is opened again before use (Lease::session). A connection lost while fn ran fails fn's request; with
  /// again_if_lost (reads only: running them twice changes nothing) fn runs once more on a new connection instead.
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F&, soci::session&>> on_pool(F fn, bool again_if_lost) {
    using R = std::invoke_result_t<F&, soci::session&>;
    return boost::asio::co_spawn(
        threads_.get_executor(),
        [this, fn = std::move(fn), again_if_lost]() mutable -> boost::asio::awaitable<R> {
          Lease lease(*this);
          if (!again_if_lost) co_return fn(lease.session());
          co_return once_more_if_lost(
              fn, [&]() -> soci::session& { return lease.session(); }, [&] { return lease.lost(); });
        },
        boost::asio::use_awaitable);
  }
  /// Runs fn(open()), a read; if it throws because the connection was lost (lost()), runs it once more on the
  /// connection open() gives then (a new one): running a read twice changes nothing.
  template <class F, class Open, class Lost>
  static std::invoke_result_t<F&, soci::session&> once_more_if_lost(F& fn, Open open, Lost lost) {
    try {
      return fn(open());
    } catch (...) {
      if (!lost()) throw;
    }
    return fn(open());
  }
  /// SQLite: this thread's read-only connection to this database, opened on first use.
  soci::session& reader_for_this_thread();
  /// True on a thread that runs its handlers with run_handlers (an I/O thread).
  static bool on_io_thread();
  /// PostgreSQL: this I/O thread's connection to this database, opened on first use and again after a read found it
  /// closed.
  soci::session& postgres_reader_for_this_thread();
  /// PostgreSQL: whether the server closed this thread's connection (the next postgres_reader_for_this_thread opens
  /// a new one).
  bool postgres_reader_lost();
  /// SQLite: this thread's reader inside a read transaction, begun when made unless this handler's reads already
  /// began one (run_handlers). Destroyed after done(), it leaves the transaction for the handler's next reads on such a
  /// thread and ends it on any other; destroyed without done() (fn threw), it ends it.
  class ReadHold {
   public:
    explicit ReadHold(Database& db);
    ~ReadHold();
    ReadHold(const ReadHold&) = delete;
    ReadHold& operator=(const ReadHold&) = delete;
    void done() { done_ = true; }
    soci::session& session;

   private:
    bool done_ = false;
  };
  /// Opens one of the pool's connections; throws DatabaseError.
  void connect(soci::session& s);
  /// SQLite: counts the statements run on this connection in statements_.
  void count_statements(soci::session& s);

  /// Borrows one connection from the pool for the lifetime of the lease.
  class Lease {
   public:
    explicit Lease(Database& db);
    ~Lease();
    /// The connection, opened first if it never was or (PostgreSQL) the server has closed it.
    soci::session& session();
    /// PostgreSQL: the server closed the connection (the next session() opens a new one). Always false on SQLite.
    bool lost();

   private:
    Database& db_;
    size_t index_;
  };

  Backend backend_;
  size_t size_;
  std::unique_ptr<soci::connection_pool> pool_;
  boost::asio::thread_pool threads_;
  std::atomic<size_t> in_use_{0};
  std::atomic<unsigned long long> acquired_{0};
  std::atomic<unsigned long long> waited_{0};
  /// SQL statements run on SQLite connections (every one, SOCI's and db::query's).
  std::atomic<unsigned long long> statements_{0};
  std::atomic<unsigned long long> writes_{0};
  std::atomic<unsigned long long> commits_{0};
  /// PostgreSQL: connections found closed by the server and opened again.
  std::atomic<unsigned long long> reopened_{0};
  /// How to open another connection (the SQLite file, or PostgreSQL's connection string): the pool's on PostgreSQL,
  /// and on SQLite the read-only ones opened for threads that read (read()); the URL without its password for errors.
  std::string target_;
  std::string redacted_url_;
  /// Tells this database's connections apart from those of one that was at the same address before.
  unsigned long long id_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<soci::session>> readers_;

  /// Runs the writes waiting to be run together, a transaction at a time, until none is left (a database thread).
  void commit_together();
  struct Together {
    TogetherWork work;
    TogetherDone done;
  };
  std::mutex together_mutex_;
  std::vector<Together> together_queue_;
  /// A database thread is in commit_together: a write that comes now joins its next transaction.
  bool together_running_ = false;
};

}  // namespace roundtable::db
