/// Queries on a connection's own prepared statements: the hot paths' way to read (and write) without paying for
/// parsing and planning on every request, and without extra round trips on PostgreSQL.
///
/// SOCI prepares every statement afresh: on SQLite that is a parse per query, and on PostgreSQL a rowset costs
/// three round trips (prepare, execute, deallocate). db::query keeps each statement prepared per connection (SQLite:
/// a sqlite3_stmt; PostgreSQL: a named prepared statement), so a query is one round trip and no parsing.
/// docs/PERFORMANCE.md has the figures.
///
/// Parameters are written $1, $2, ... in the SQL on both databases. The SQL text is the cache key: build it from
/// fixed pieces (a handful of variants is fine), never from values.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace soci {
class session;
}

namespace roundtable::db {

/// A parameter: NULL, a whole number or text.
using Param = std::variant<std::nullptr_t, long long, std::string_view>;

/// One row of a result, valid only during the callback that receives it. Columns count from 0.
class Row {
 public:
  bool null(int column) const;
  /// 0 when NULL.
  long long integer(int column) const;
  /// "" when NULL; valid only during the callback.
  std::string_view text(int column) const;
  std::string string(int column) const { return std::string(text(column)); }

 private:
  friend struct RowAccess;
  const void* result_ = nullptr;  // sqlite3_stmt* or PGresult*
  int row_ = 0;                   // PostgreSQL: the row number
  bool postgres_ = false;
};

using RowCallback = std::function<void(const Row&)>;

/// Runs sql with params on the connection's prepared statement and calls on_row for each row, in order. on_row must
/// not run queries itself (on SQLite the statement is still being read): collect the rows, then query again. Returns
/// the number of rows changed (INSERT, UPDATE, DELETE) or 0. Throws on errors: on SQLite a soci::sqlite3_soci_error (so
/// db::is_busy_error works), on PostgreSQL a std::runtime_error with the server's message.
long long query(soci::session& s, std::string_view sql, std::span<const Param> params, const RowCallback& on_row = {});
inline long long query(soci::session& s, std::string_view sql, std::initializer_list<Param> params,
                       const RowCallback& on_row = {}) {
  return query(s, sql, std::span<const Param>(params.begin(), params.size()), on_row);
}

/// Queries that do not need each other's answers, such as a page's reads, sent together: on PostgreSQL in one round
/// trip (libpq's pipeline mode with one Sync, so they also run as one transaction and see one snapshot), on SQLite one
/// after another (there a query is a function call, and a read handler's queries share one read transaction anyway).
/// A page of five such reads is one wait for the database instead of five (docs/PERFORMANCE.md).
///
/// On PostgreSQL add() keeps a copy of the SQL and the parameters and run() sends every query added, in order, then
/// calls each one's on_row for its rows in order. On SQLite add() runs the query at once, with nothing copied (a
/// batch's copies were a few thousand instructions a page there, for nothing): its callbacks run while it runs, so as
/// with query() they must not run queries themselves. Either way run() then takes the steps added with then(), so what
/// a page reads is whole only after run(); a callback's outputs must exist when it is added, and a query may throw from
/// add() or run(). If either throws, the callbacks of some queries may have run: drop what they collected. A store's
/// read can thus be written once for a Batch, and its plain form (a session) be a batch of one. A Batch runs once.
class Batch {
 public:
  explicit Batch(soci::session& s);
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;

  void add(std::string_view sql, std::span<const Param> params, RowCallback on_row);
  void add(std::string_view sql, std::initializer_list<Param> params, RowCallback on_row) {
    add(sql, std::span<const Param>(params.begin(), params.size()), std::move(on_row));
  }
  /// A step to take once every query's rows have been handed over (such as sorting what a callback collected), in
  /// the order added.
  void then(std::function<void()> step) { steps_.push_back(std::move(step)); }
  void run();
  std::size_t size() const { return added_; }

  /// A parameter whose text the batch owns.
  using Owned = std::variant<std::nullptr_t, long long, std::string>;
  struct Query {
    std::string sql;
    std::vector<Owned> params;
    RowCallback on_row;
  };

 private:
  soci::session& session_;
  bool postgres_;
  std::size_t added_ = 0;
  std::vector<Query> queries_;
  std::vector<std::function<void()>> steps_;
  bool ran_ = false;
};

/// The plain form of a read written for a batch (`void f(Batch& b, ..., T& out)`): runs add(b, out) as a batch of
/// one and returns out.
template <class T, class Add>
T read_alone(soci::session& s, Add&& add) {
  T out{};
  Batch b(s);
  add(b, out);
  b.run();
  return out;
}

/// Whether the session is PostgreSQL's (otherwise SQLite's).
bool is_postgres(soci::session& s);

/// For `IN (...)`: appends ids (at least one) to params and returns their placeholders ("$3, $4, ..."). The list is
/// padded with its last id to 8, 32, 128, ... entries, so the SQL text, the statement cache's key, takes few forms.
std::string id_list(std::vector<Param>& params, const std::vector<long long>& ids);

/// Finalises the statements kept for this connection. Database calls it before its connections close.
void forget_statements(soci::session& s);

/// How many statements this connection keeps prepared (for tests).
std::size_t kept_statements(soci::session& s);

}  // namespace roundtable::db
