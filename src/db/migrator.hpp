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

/// The migrations for a backend, in version order: "NNNN_name.BACKEND.sql" wins over "NNNN_name.sql".
/// Fills in what the dialects write differently: "{{id}}" becomes an auto-numbered BIGINT primary key column.
std::string expand_dialect(std::string sql, Backend backend);
std::vector<Migration> migrations_for(Backend backend);
/// Splits a script into statements at semicolons that end a line; comments and blank statements are dropped.
std::vector<std::string> split_statements(std::string_view sql);
/// A migration's checksum (16 hex digits), stored when it runs: migrate() refuses a database where a migration that
/// already ran has been edited since.
std::string migration_checksum(std::string_view sql);
/// Applies pending migrations, each in its own transaction; returns how many were applied. Throws DatabaseError,
/// naming the migration, when one that already ran has been edited since (its checksum differs).
/// Safe when several servers start at once (PostgreSQL advisory lock; SQLite write lock).
int migrate(Database& db);
/// The highest applied version (0 for an empty database).
int schema_version(Database& db);

}  // namespace roundtable::db
