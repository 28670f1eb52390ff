/// Write transactions. Every change that reads before it writes, or writes more than one row, runs inside one.
#pragma once

#include <exception>
#include <mutex>

namespace soci {
class session;
}

namespace roundtable::db {

/// A transaction that may write. On SQLite it begins as a writer (BEGIN IMMEDIATE): a transaction that began as a
/// reader and then writes is refused at once ("database is locked") whenever another connection committed in
/// between, and the busy timeout does not help it; one that holds the write lock from its first statement waits
/// its turn instead, and never fails later for that reason. If the lock is still busy after the busy timeout, the
/// BEGIN is tried again, up to about half a minute in all. On PostgreSQL it is a plain BEGIN.
///
/// On SQLite the writers of this process also queue on a lock of the process's own for that database file, taken
/// before BEGIN and let go at commit or rollback: the next writer starts the moment the last one ends, instead of
/// finding SQLite's lock taken and sleeping in its busy handler (1, 2, 5, 10 ... 100 ms between looks), which made
/// concurrent writes wait hundreds of milliseconds for a lock that was free most of that time (docs/PERFORMANCE.md).
///
/// Rolls back when destroyed without commit() (an exception, an early return).
class WriteTransaction {
 public:
  explicit WriteTransaction(soci::session& s);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  void commit();
  void rollback();

 private:
  /// Lets the process's writer lock go (SQLite), once.
  void release();

  soci::session& s_;
  bool open_ = true;
  /// The process's writer lock for this database file while this transaction holds it (SQLite); else null.
  std::timed_mutex* writers_ = nullptr;
};

/// True when e is SQLite's "database is locked" or "database is busy" (SQLITE_BUSY or SQLITE_LOCKED).
bool is_busy_error(const std::exception& e);

}  // namespace roundtable::db
