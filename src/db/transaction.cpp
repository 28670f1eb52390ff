#include "db/transaction.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <thread>

namespace roundtable::db {

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
  // busy_timeout (10 s, db/database.cpp) already waits for the write lock; this loop covers a writer that holds it
  // longer than that, so a busy moment reaches nobody as an error.
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    try {
      s_ << "BEGIN IMMEDIATE";
      return;
    } catch (const std::exception& e) {
      if (!is_busy_error(e) || attempt == kAttempts) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
  }
}

WriteTransaction::~WriteTransaction() {
  if (!open_) return;
  try {
    s_.rollback();
  } catch (...) {
    // Nothing to do: the connection rolls back an unfinished transaction itself when it is used or closed.
  }
}

void WriteTransaction::commit() {
  s_.commit();
  open_ = false;
}

void WriteTransaction::rollback() {
  open_ = false;
  s_.rollback();
}

}  // namespace roundtable::db
