/// For database tests: the databases to run against (SQLite always; PostgreSQL when ROUNDTABLE_TEST_POSTGRES_URL is
/// set).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace roundtable::db::testing {

/// "sqlite" and, when configured, "postgresql" — for INSTANTIATE_TEST_SUITE_P.
std::vector<std::string> backends();
/// A fresh, empty, migrated database of that backend. PostgreSQL: the first one of a process gets its own schema,
/// migrated; each later one empties that schema's tables (see test_databases.cpp).
std::unique_ptr<Database> fresh_database(const std::string& backend);

}  // namespace roundtable::db::testing
