#include "db/transaction.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "db/sqlite_handle.hpp"

// SOCI declares SQLite's C API inside namespace sqlite_api (its header includes sqlite3.h there).
using namespace sqlite_api;

namespace roundtable::db {

namespace {

/// The process's writer lock for the database file of this SQLite connection; null for a database in memory (one
/// connection, nothing to queue for). One lock per file, made on first use and kept.
std::timed_mutex* writers_of(soci::session& s) {
  const char* file = sqlite3_db_filename(sqlite_handle(s), "main");
  if (!file || !*file) return nullptr;
  static std::mutex guard;
  static std::unordered_map<std::string, std::unique_ptr<std::timed_mutex>> locks;
  std::lock_guard lock(guard);
  auto& m = locks[file];
  if (!m) m = std::make_unique<std::timed_mutex>();
  return m.get();
}

}  // namespace

bool is_busy_error(const std::exception& e) {
  const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&e);
  if (!sqlite) return false;
  const int primary = sqlite->result() & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

WriteTransaction::WriteTransaction(soci::session& s) : s_(s) {
  if (s_.get_backend_name() != "sqlite3") {
    s_.begin();
    return;
  }
  // The process's own writers first, in turn. Bounded like SQLite's own wait: a writer held longer than that (which
  // would be a bug) goes on to SQLite's lock and its busy handler, as before, instead of waiting here for ever.
  if (auto* writers = writers_of(s_); writers && writers->try_lock_for(std::chrono::seconds(10))) writers_ = writers;
  // busy_timeout (10 s, db/database.cpp) already waits for the write lock; this loop covers a writer that holds it
  // longer than that, so a busy moment reaches nobody as an error.
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    try {
      s_ << "BEGIN IMMEDIATE";
      return;
    } catch (const std::exception& e) {
      if (!is_busy_error(e) || attempt == kAttempts) {
        release();
        throw;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
  }
}

void WriteTransaction::release() {
  if (writers_) writers_->unlock();
  writers_ = nullptr;
}

WriteTransaction::~WriteTransaction() {
  if (open_) {
    try {
      s_.rollback();
    } catch (...) {
      // Nothing to do: the connection rolls back an unfinished transaction itself when it is used or closed.
    }
  }
  release();
}

void WriteTransaction::commit() {
  s_.commit();
  open_ = false;
  release();
}

void WriteTransaction::rollback() {
  open_ = false;
  s_.rollback();  // if it throws, the destructor lets the writer lock go
  release();
}

}  // namespace roundtable::db
