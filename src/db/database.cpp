#include "db/database.hpp"

#include <poll.h>
#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/url/parse.hpp>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <regex>

#include "core/log.hpp"
#include "db/query.hpp"
#include "db/sqlite_handle.hpp"
#include "db/transaction.hpp"

namespace roundtable::db {

// SOCI declares SQLite's C API inside namespace sqlite_api (its header includes sqlite3.h there).
using namespace sqlite_api;

namespace {

/// Drivers put details on later lines; the person running Roundtable gets them on one.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// The read transaction around a read() on SQLite (Database::ReadHold); not counted as statements.
constexpr const char* kReadBegin = "BEGIN DEFERRED TRANSACTION";
constexpr const char* kReadEnd = "END TRANSACTION";
/// Around each of the writes run together (Database::together); not counted as statements either.
constexpr const char* kTogetherSavepoint = "SAVEPOINT rt_together";
constexpr const char* kTogetherRelease = "RELEASE SAVEPOINT rt_together";
constexpr const char* kTogetherUndo = "ROLLBACK TO SAVEPOINT rt_together";
/// At most this many writes in one transaction: the first of them do not wait for ever more to join.
constexpr size_t kMostTogether = 256;

void configure_sqlite(soci::session& s) {
  s << "PRAGMA journal_mode=WAL";
  // FULL: a commit is on disk before we answer, so it survives a crash and a power cut (see docs/adr/0003).
  s << "PRAGMA synchronous=FULL";
  s << "PRAGMA foreign_keys=ON";
  s << "PRAGMA busy_timeout=10000";
  // Reads through a memory map instead of a pread() per page; the page cache per connection is 16 MiB.
  // docs/PERFORMANCE.md measured pread() as half the server's CPU on search pages.
  s << "PRAGMA mmap_size=268435456";
  s << "PRAGMA cache_size=-16384";
}

std::string quote_libpq(std::string_view v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

/// SOCI 4.0 mangles URIs, so hand libpq its keyword/value form.
std::string libpq_keywords(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) throw DatabaseError("the database URL '" + redact_url(url) + "' is not a valid URL");
  const auto& u = *parsed;
  std::string out;
  auto add = [&](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    out += quote_libpq(value);
  };
  add("host", u.encoded_host().empty() ? std::string() : std::string(u.host()));
  add("port", u.port());
  add("user", u.has_userinfo() ? std::string(u.user()) : std::string());
  add("password", u.has_password() ? std::string(u.password()) : std::string());
  std::string path = u.path();
  if (!path.empty() && path.front() == '/') path.erase(0, 1);
  add("dbname", path);
  for (auto param : u.params()) add(param.key, param.value);
  return out;
}

}  // namespace

DatabaseUrl parse_database_url(const std::string& url) {
  DatabaseUrl u;
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    u.backend = Backend::postgresql;
    u.target = libpq_keywords(url);
    return u;
  }
  if (url.rfind("sqlite:", 0) == 0) {
    u.backend = Backend::sqlite;
    u.target = url.substr(7);
    if (u.target.rfind("//", 0) == 0) u.target = u.target.substr(2);
    if (u.target.empty())
      throw DatabaseError("the database URL 'sqlite:' needs a file path, e.g. sqlite:data/roundtable.db");
    return u;
  }
  throw DatabaseError("unsupported database URL '" + redact_url(url) +
                      "': use sqlite:PATH or postgresql://user@host:port/dbname");
}

std::string redact_url(const std::string& url) {
  static const std::regex password(R"(^([a-z]+://[^:/@]+):[^@]*@)");
  return std::regex_replace(url, password, "$1:***@");
}

namespace {
std::atomic<unsigned long long> next_database_id{1};
}  // namespace

Database::Database(Backend backend, size_t size)
    : backend_(backend),
      size_(size),
      pool_(std::make_unique<soci::connection_pool>(size)),
      threads_(size),
      id_(next_database_id++) {}

Database::~Database() {
  close();
  // SQLite cannot close a connection that still has prepared statements.
  std::vector<soci::session*> all;
  for (size_t i = 0; i < size_; ++i) all.push_back(&pool_->at(i));
  for (auto& r : readers_) all.push_back(r.get());
  for (auto* s : all) {
    try {
      forget_statements(*s);
    } catch (...) {
      // A connection in a bad state: closing it is all that is left to do.
    }
  }
}

std::unique_ptr<Database> Database::open(const std::string& url, size_t pool_size) {
  auto u = parse_database_url(url);
  if (u.backend == Backend::sqlite) {
    // Each connection is used by one thread at a time (a pool lease, or a reader kept for its I/O thread), so SQLite
    // need not lock every call on a connection: multi-thread mode, not serialized. It can only be chosen before
    // SQLite starts; later it answers SQLITE_MISUSE and keeps serialized mode, which is merely slower.
    static std::once_flag once;
    // Nor count its memory use under a lock on every allocation (we never read the counts).
    std::call_once(once, [] {
      (void)sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
      (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
  }
  if (pool_size == 0) pool_size = u.backend == Backend::sqlite ? 4 : 8;
  std::unique_ptr<Database> db(new Database(u.backend, pool_size));
  if (u.backend == Backend::sqlite) {
    auto parent = std::filesystem::path(u.target).parent_path();
    std::error_code ec;
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
      throw DatabaseError("cannot open the database: the folder '" + parent.string() + "' does not exist");
    }
  }
  db->target_ = u.target;
  db->redacted_url_ = redact_url(url);
  // PostgreSQL: one connection now, so a server that cannot reach the database says so at once; the others when the
  // pool first hands them out (Lease::session). Each is a new PostgreSQL backend, about 30 ms of its CPU here, and a
  // command or a quiet server rarely needs more than two.
  const size_t now = u.backend == Backend::sqlite ? pool_size : 1;
  for (size_t i = 0; i < now; ++i) db->connect(db->pool_->at(i));
  return db;
}

void Database::connect(soci::session& s) {
  try {
    if (backend_ == Backend::sqlite) {
      s.open(soci::sqlite3, "db=\"" + target_ + "\" timeout=10 shared_cache=false");
      configure_sqlite(s);
      count_statements(s);
    } else {
      s.open(soci::postgresql, target_);
      // Notices ("relation already exists, skipping") would otherwise go to stderr from libpq.
      s << "SET client_min_messages TO WARNING";
      // Each kept statement (db::query) is planned once, not on every run: by default PostgreSQL plans a prepared
      // statement afresh for its values whenever its generic plan looks dearer, and planning cost more than running
      // our indexed reads (ADR 0056).
      s << "SET plan_cache_mode TO force_generic_plan";
    }
  } catch (const std::exception& e) {
    throw DatabaseError("cannot open the database at " + redacted_url_ + ": " + one_line(e.what()));
  }
}

void Database::count_statements(soci::session& s) {
  // Counts every statement run (roundtable_db_statements_total): the tests' guard against a page whose number of
  // queries grows with the data.
  // ROUNDTABLE_SLOW_SQL_MICROSECONDS=N (for finding where a page's time goes, docs/PERFORMANCE.md): each statement
  // that took N µs or more is logged with its time and text. Read once; off by default (timing every statement has a
  // cost).
  static const long long slow_us = [] {
    const char* v = std::getenv("ROUNDTABLE_SLOW_SQL_MICROSECONDS");
    long long n = -1;
    if (v && *v) std::from_chars(v, v + std::strlen(v), n);
    return n;
  }();
  sqlite3_trace_v2(
      sqlite_handle(s), SQLITE_TRACE_STMT | (slow_us >= 0 ? SQLITE_TRACE_PROFILE : 0),
      [](unsigned event, void* context, void* stmt, void* sql) {
        // SQLite's own time for a statement (the PROFILE event's) counts whole milliseconds: each statement is timed
        // from its start (the STMT event) instead.
        thread_local std::chrono::steady_clock::time_point started;
        if (event == SQLITE_TRACE_PROFILE) {
          const long long us =
              std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
          if (us >= slow_us) {
            const char* text = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
            core::log::warn("slow_sql",
                            {{"microseconds", std::to_string(us)}, {"sql", text ? std::string_view(text) : ""}});
          }
          return 0;
        }
        // Count the statements Roundtable runs, not their parts: statements inside triggers are reported as
        // comments ("-- ..."), and full-text search runs its own on its tables and checks the file's version, naming
        // them 'main'.'...' (how many depends on how its index happens to be laid out).
        const char* text = static_cast<const char*>(sql);
        if (slow_us >= 0 && !(text && text[0] == '-' && text[1] == '-')) started = std::chrono::steady_clock::now();
        // Nor the read transaction around a read() (ReadHold): it is not a query the page asked for.
        const bool part = text && ((text[0] == '-' && text[1] == '-') || std::strstr(text, "'main'.") != nullptr ||
                                   std::strcmp(text, kReadBegin) == 0 || std::strcmp(text, kReadEnd) == 0 ||
                                   std::strcmp(text, kTogetherSavepoint) == 0 ||
                                   std::strcmp(text, kTogetherRelease) == 0 || std::strcmp(text, kTogetherUndo) == 0);
        if (!part) {
          auto* db = static_cast<Database*>(context);
          db->statements_.fetch_add(1);
          // Transaction control only times the writes of the statements between (SQLite calls BEGIN IMMEDIATE a
          // write: it takes the lock). An audit entry is not a change of state either: it records who looked at
          // what (a GET may write one); nor is a "seen" mark (tables named seen_*: how far a person has read).
          const bool counts =
              !text || (std::strncmp(text, "BEGIN", 5) != 0 && std::strncmp(text, "INSERT INTO audit_log", 21) != 0 &&
                        std::strncmp(text, "INSERT INTO seen_", 17) != 0);
          if (counts && !sqlite3_stmt_readonly(static_cast<sqlite3_stmt*>(stmt))) {
            db->writes_.fetch_add(1);
          }
          if (text && std::strncmp(text, "COMMIT", 6) == 0) db->commits_.fetch_add(1);
        }
        return 0;
      },
      this);
}

namespace {

/// A reader of this thread: one per database it has read from (ids are never reused), and whether a read
/// transaction is open on it now.
struct ThreadReader {
  unsigned long long database_id;
  soci::session* session;
  bool open = false;
};
thread_local std::vector<ThreadReader> thread_readers;
bool postgres_connection_lost(soci::session& s);
bool postgres_connection_bad(soci::session& s);
/// True on a thread that runs its handlers with Database::run_handlers: it ends open read transactions after each.
thread_local bool thread_ends_reads = false;

ThreadReader* thread_reader(unsigned long long id) {
  for (auto& r : thread_readers) {
    if (r.database_id == id) return &r;
  }
  return nullptr;
}

void end_read(ThreadReader& r) {
  r.open = false;
  try {
    query(*r.session, kReadEnd, {});
  } catch (const std::exception&) {
    // Ending a transaction that only read cannot lose anything; rolling it back lets its snapshot go all the same.
    sqlite3_exec(sqlite_handle(*r.session), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

/// Keeps a new connection with the database's (readers, which close it with the database) as this thread's reader of
/// the database with that id.
soci::session& keep_for_this_thread(std::mutex& mutex, std::vector<std::unique_ptr<soci::session>>& readers,
                                    unsigned long long database_id, std::unique_ptr<soci::session> s) {
  soci::session* raw = s.get();
  {
    std::lock_guard lock(mutex);
    readers.push_back(std::move(s));
  }
  thread_readers.push_back({database_id, raw});
  return *raw;
}

}  // namespace

soci::session& Database::reader_for_this_thread() {
  if (auto* r = thread_reader(id_)) return *r->session;
  auto s = std::make_unique<soci::session>();
  s->open(soci::sqlite3, "db=\"" + target_ + "\" timeout=10 shared_cache=false");
  configure_sqlite(*s);
  *s << "PRAGMA query_only=ON";
  count_statements(*s);
  return keep_for_this_thread(readers_mutex_, readers_, id_, std::move(s));
}

bool Database::on_io_thread() { return thread_ends_reads; }

soci::session& Database::postgres_reader_for_this_thread() {
  if (auto* r = thread_reader(id_)) {
    soci::session& s = *r->session;
    // Not looked at before each read, as a pool connection is (a poll each time): a read that finds it closed runs
    // once more (read()), and the failed read has marked it bad by then.
    if (s.get_backend() != nullptr && !postgres_connection_bad(s)) return s;
    if (s.get_backend() != nullptr) {
      forget_statements(s);
      s.close();
      reopened_++;
    }
    connect(s);
    return s;
  }
  auto s = std::make_unique<soci::session>();
  connect(*s);
  return keep_for_this_thread(readers_mutex_, readers_, id_, std::move(s));
}

bool Database::postgres_reader_lost() {
  auto* r = thread_reader(id_);
  return r && r->session->get_backend() != nullptr && postgres_connection_lost(*r->session);
}

Database::ReadHold::ReadHold(Database& db) : session(db.reader_for_this_thread()) {
  ThreadReader& r = *thread_reader(db.id_);
  if (r.open) return;  // this handler's reads began one already
  // A transaction left open (an END that failed and a ROLLBACK that failed too) would keep an old snapshot forever.
  if (!sqlite3_get_autocommit(sqlite_handle(session)))
    sqlite3_exec(sqlite_handle(session), "ROLLBACK", nullptr, nullptr, nullptr);
  query(session, kReadBegin, {});
  r.open = true;
}

Database::ReadHold::~ReadHold() {
  for (auto& r : thread_readers) {
    if (r.session == &session && r.open && (!done_ || !thread_ends_reads)) end_read(r);
  }
}

void Database::run_handlers(boost::asio::io_context& ioc) {
  thread_ends_reads = true;
  while (ioc.run_one() != 0) {
    for (auto& r : thread_readers) {
      if (r.open) end_read(r);
    }
  }
  thread_ends_reads = false;
}

Database::Lease::Lease(Database& db) : db_(db) {
  if (db_.in_use_.fetch_add(1) >= db_.size_) db_.waited_++;
  db_.acquired_++;
  index_ = db_.pool_->lease();
}

Database::Lease::~Lease() {
  db_.pool_->give_back(index_);
  db_.in_use_--;
}

namespace {

/// PostgreSQL: whether libpq has found the connection closed (no system call: what it knows already).
bool postgres_connection_bad(soci::session& s) {
  return PQstatus(static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_) == CONNECTION_BAD;
}

/// PostgreSQL: whether the server has closed this idle connection (a restart, an administrator's
/// pg_terminate_backend, an idle timeout). libpq notices only when it reads, so look whether anything is waiting on
/// the socket without blocking (one system call when nothing is: an idle connection's usual state) and if so read
/// it: the server's last message, then the end of the stream, which marks the connection bad.
bool postgres_connection_lost(soci::session& s) {
  PGconn* conn = static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_;
  for (int reads = 0; reads < 4 && PQstatus(conn) != CONNECTION_BAD; ++reads) {
    pollfd waiting{PQsocket(conn), POLLIN, 0};
    if (waiting.fd < 0 || ::poll(&waiting, 1, 0) <= 0) break;
    if (PQconsumeInput(conn) == 0) break;
  }
  return PQstatus(conn) == CONNECTION_BAD;
}

}  // namespace

soci::session& Database::Lease::session() {
  soci::session& s = db_.pool_->at(index_);
  // Only this lease uses the connection now, so opening it here races with nobody.
  if (s.get_backend() == nullptr) {
    db_.connect(s);
  } else if (db_.backend_ == Backend::postgresql && postgres_connection_lost(s)) {
    // Its prepared statements went with it. Opened again here, so one restart of the database server does not fail
    // every later request on this connection (as it did).
    forget_statements(s);
    s.close();
    db_.reopened_++;
    db_.connect(s);
  }
  return s;
}

bool Database::Lease::lost() {
  soci::session& s = db_.pool_->at(index_);
  return db_.backend_ == Backend::postgresql && s.get_backend() != nullptr && postgres_connection_lost(s);
}

bool Database::ping() {
  try {
    return run_sync([](soci::session& s) {
      int one = 0;
      s << "SELECT 1", soci::into(one);
      return one == 1;
    });
  } catch (const std::exception&) {
    return false;
  }
}

PoolStats Database::stats() const {
  return PoolStats{size_, std::min(in_use_.load(), size_), acquired_.load(), waited_.load()};
}

std::string Database::render_metrics() const {
  auto s = stats();
  std::string out;
  out += "# HELP roundtable_db_pool_size Database connections in the pool.\n# TYPE roundtable_db_pool_size gauge\n";
  out += "roundtable_db_pool_size " + std::to_string(s.size) + "\n";
  out += "# HELP roundtable_db_pool_in_use Database connections in use now.\n# TYPE roundtable_db_pool_in_use gauge\n";
  out += "roundtable_db_pool_in_use " + std::to_string(s.in_use) + "\n";
  out +=
      "# HELP roundtable_db_pool_acquired_total Connections handed out.\n"
      "# TYPE roundtable_db_pool_acquired_total counter\n";
  out += "roundtable_db_pool_acquired_total " + std::to_string(s.acquired_total) + "\n";
  out +=
      "# HELP roundtable_db_pool_waited_total Times work waited for a free connection.\n"
      "# TYPE roundtable_db_pool_waited_total counter\n";
  out += "roundtable_db_pool_waited_total " + std::to_string(s.waited_total) + "\n";
  if (backend_ == Backend::postgresql) {
    out +=
        "# HELP roundtable_db_connections_reopened_total Pool connections the database server had closed, opened "
        "again (PostgreSQL).\n"
        "# TYPE roundtable_db_connections_reopened_total counter\n";
    out += "roundtable_db_connections_reopened_total " + std::to_string(reopened_.load()) + "\n";
  }
  if (backend_ == Backend::sqlite) {
    out +=
        "# HELP roundtable_db_statements_total SQL statements run (SQLite).\n"
        "# TYPE roundtable_db_statements_total counter\n";
    out += "roundtable_db_statements_total " + std::to_string(statements_.load()) + "\n";
    out +=
        "# HELP roundtable_db_writes_total SQL statements run that may change the database, other than audit entries "
        "(SQLite).\n"
        "# TYPE roundtable_db_writes_total counter\n";
    out += "roundtable_db_writes_total " + std::to_string(writes_.load()) + "\n";
    out +=
        "# HELP roundtable_db_commits_total Transactions committed (SQLite).\n"
        "# TYPE roundtable_db_commits_total counter\n";
    out += "roundtable_db_commits_total " + std::to_string(commits_.load()) + "\n";
  }
  out += std::string("# HELP roundtable_db_backend The database in use.\n# TYPE roundtable_db_backend gauge\n") +
         "roundtable_db_backend{backend=\"" + (backend_ == Backend::sqlite ? "sqlite" : "postgresql") + "\"} 1\n";
  return out;
}

void Database::together(TogetherWork work, TogetherDone done) {
  bool start = false;
  {
    std::lock_guard lock(together_mutex_);
    together_queue_.push_back({std::move(work), std::move(done)});
    start = !together_running_;
    together_running_ = true;
  }
  if (start) boost::asio::post(threads_, [this] { commit_together(); });
}

void Database::commit_together() {
  for (;;) {
    std::vector<Together> batch;
    {
      std::lock_guard lock(together_mutex_);
      if (together_queue_.empty()) {
        together_running_ = false;
        return;
      }
      // The writes that came while the last transaction committed (its sync of the file) form the next one.
      const size_t n = std::min(together_queue_.size(), kMostTogether);
      batch.assign(std::make_move_iterator(together_queue_.begin()),
                   std::make_move_iterator(together_queue_.begin() + static_cast<std::ptrdiff_t>(n)));
      together_queue_.erase(together_queue_.begin(), together_queue_.begin() + static_cast<std::ptrdiff_t>(n));
    }
    std::vector<std::exception_ptr> errors(batch.size());
    std::exception_ptr failed;
    try {
      Lease lease(*this);
      soci::session& s = lease.session();
      WriteTransaction tx(s);
      if (batch.size() == 1) {
        // Alone in its transaction: a failure undoes the transaction itself, so no savepoint is needed (two round
        // trips fewer on PostgreSQL, where a quiet moment's checklist view is such a write).
        try {
          batch[0].work(s);
        } catch (...) {
          errors[0] = std::current_exception();
        }
        if (!errors[0]) tx.commit();
      } else {
        for (size_t i = 0; i < batch.size(); ++i) {
          query(s, kTogetherSavepoint, {});
          try {
            batch[i].work(s);
          } catch (...) {
            // Only this write's changes are undone; the others still commit.
            errors[i] = std::current_exception();
            query(s, kTogetherUndo, {});
          }
          query(s, kTogetherRelease, {});
        }
        tx.commit();
      }
    } catch (...) {
      failed = std::current_exception();
    }
    for (size_t i = 0; i < batch.size(); ++i) batch[i].done(failed ? failed : errors[i]);
  }
}

void Database::close() { threads_.join(); }

}  // namespace roundtable::db
