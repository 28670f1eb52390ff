/// The SQLite connection under a SOCI session, for the db library's own files (SQLite's C API: tracing, prepared
/// statements, the file's name, transaction state).
#pragma once

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace roundtable::db {

/// s must be an open SQLite session.
inline sqlite_api::sqlite3* sqlite_handle(soci::session& s) {
  return static_cast<soci::sqlite3_session_backend*>(s.get_backend())->conn_;
}

}  // namespace roundtable::db
