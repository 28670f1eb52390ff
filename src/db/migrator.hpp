/// Versioned schema migrations, compiled into the binary from migrations/*.sql, applied in order on both backends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace roundtable::db {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
};

/// The migration that rebuilt SQLite's tables so that ids are never given out twice (ADR 0017). From it on, "{{id}}"
/// is AUTOINCREMENT on SQLite; the migrations before it keep the text they ran with, so their checksums still match.
inline constexpr int kIdsNeverReusedVersion = 17;

/// Fills in what the dialects write differently: "{{id}}" becomes an auto-numbered BIGINT primary key column whose
/// numbers are never used twice (for migrations from kIdsNeverReusedVersion on; see above).
std::string expand_dialect(std::string sql, Backend backend, int version);
/// The migrations for a backend, in version order: "NNNN_name.BACKEND.sql" wins over "NNNN_name.sql".
std::vector<Migration> migrations_for(Backend backend);
/// Whether a migration asks to run with foreign keys off: its first line is "-- roundtable: foreign keys off". On
/// SQLite, migrate() turns them off around its transaction (SQLite rebuilds a table that others refer to only so) and
/// checks every foreign key before committing; PostgreSQL ignores it.
bool runs_without_foreign_keys(std::string_view sql);
/// Splits a script into statements at semicolons that end a line; comments and blank statements are dropped.
std::vector<std::string> split_statements(std::string_view sql);
/// A migration's checksum (16 hex digits), stored when it runs: migrate() refuses a database where a migration that
/// already ran has been edited since.
std::string migration_checksum(std::string_view sql);
/// Applies pending migrations, each in its own transaction; returns how many were applied. Throws DatabaseError,
/// naming the migration, when one that already ran has been edited since (its checksum differs).
/// Safe when several servers start at once (PostgreSQL advisory lock; SQLite write lock).
int migrate(Database& db);
/// The same with a given list of migrations (in version order), for tests.
int migrate(Database& db, const std::vector<Migration>& migrations);
/// The highest applied version (0 for an empty database).
int schema_version(Database& db);

}  // namespace roundtable::db
