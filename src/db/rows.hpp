/// Reading soci::row values the same way on SQLite and PostgreSQL, whose drivers report different column types.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace soci {
class row;
}

namespace roundtable::db {

/// An integer column (INTEGER, BIGINT, COUNT(*), a boolean stored as 0/1); 0 when NULL.
long long row_int(const soci::row& r, std::size_t i);
/// An integer column that may be NULL.
std::optional<long long> row_int_or_null(const soci::row& r, std::size_t i);
/// A text column; "" when NULL.
std::string row_text(const soci::row& r, std::size_t i);

}  // namespace roundtable::db
