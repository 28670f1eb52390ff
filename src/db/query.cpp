#include "db/query.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "db/sqlite_handle.hpp"

namespace roundtable::db {

// SOCI declares SQLite's C API inside namespace sqlite_api (its header includes sqlite3.h there).
using namespace sqlite_api;

struct RowAccess {
  static Row make(const void* result, int row, bool postgres) {
    Row r;
    r.result_ = result;
    r.row_ = row;
    r.postgres_ = postgres;
    return r;
  }
};

namespace {

/// More distinct statements than this on one connection means SQL is being built from values: the rest are
/// prepared for each use instead of kept, so memory does not grow without end.
constexpr std::size_t kMaxKept = 256;

struct SqliteStatement {
  sqlite3_stmt* stmt = nullptr;
  /// index[k] is the SQLite parameter index of $k (0: not used).
  std::vector<int> index;
};

/// Lets the maps below be searched with a string_view, so a query allocates no key to find its statement.
struct SqlHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
};
template <class V>
using BySql = std::unordered_map<std::string, V, SqlHash, std::equal_to<>>;

struct Kept {
  BySql<SqliteStatement> sqlite;
  /// PostgreSQL: SQL -> the name it was prepared under on this connection.
  BySql<std::string> postgres_names;
  unsigned long long next_name = 0;
};

/// Statements kept per native connection. A connection is used by one thread at a time (Database leases it), so
/// the lock guards only the map, never a statement's use.
std::mutex kept_mutex;
std::unordered_map<const void*, std::unique_ptr<Kept>>& all_kept() {
  static std::unordered_map<const void*, std::unique_ptr<Kept>> kept;
  return kept;
}

PGconn* postgres_handle(soci::session& s) {
  return static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_;
}

/// Goes up whenever forget_statements drops a connection's statements, so no thread keeps using them from its cache.
std::atomic<unsigned long long> forgotten{0};

Kept& kept_for(const void* handle) {
  // Each thread remembers the last connection it ran a statement on: an I/O thread reads on its own connection every
  // time, and taking the lock shared by every thread for each statement made the threads wait for each other.
  thread_local struct {
    const void* handle = nullptr;
    Kept* kept = nullptr;
    unsigned long long forgotten = 0;
  } last;
  const unsigned long long now = forgotten.load(std::memory_order_acquire);
  if (last.handle == handle && last.forgotten == now) return *last.kept;
  std::lock_guard lock(kept_mutex);
  auto& slot = all_kept()[handle];
  if (!slot) slot = std::make_unique<Kept>();
  last = {handle, slot.get(), forgotten.load(std::memory_order_acquire)};
  return *slot;
}

void finalize_all(Kept& k) {
  for (auto& [sql, st] : k.sqlite) sqlite3_finalize(st.stmt);
  k.sqlite.clear();
}

[[noreturn]] void throw_sqlite(sqlite3* db, int rc, std::string_view sql) {
  throw soci::sqlite3_soci_error(std::string(sqlite3_errmsg(db)) + " while running: " + std::string(sql.substr(0, 80)),
                                 rc);
}

long long run_sqlite(soci::session& s, std::string_view sql, std::span<const Param> params, const RowCallback& on_row) {
  sqlite3* db = sqlite_handle(s);
  Kept& k = kept_for(db);
  auto it = k.sqlite.find(sql);
  // Past the limit a statement is prepared for this one use and finalised after it.
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> once(nullptr, sqlite3_finalize);
  SqliteStatement uncached;
  if (it == k.sqlite.end()) {
    SqliteStatement st;
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                k.sqlite.size() < kMaxKept ? SQLITE_PREPARE_PERSISTENT : 0, &st.stmt, nullptr);
    if (rc != SQLITE_OK) throw_sqlite(db, rc, sql);
    const int count = sqlite3_bind_parameter_count(st.stmt);
    for (int i = 1; i <= count; ++i) {
      const char* name = sqlite3_bind_parameter_name(st.stmt, i);
      int n = 0;
      if (!name || name[0] != '$' ||
          std::from_chars(name + 1, name + std::char_traits<char>::length(name), n).ec != std::errc() || n < 1) {
        sqlite3_finalize(st.stmt);
        throw std::invalid_argument("db::query: write parameters as $1, $2, ...: " + std::string(sql));
      }
      if (static_cast<int>(st.index.size()) <= n) st.index.resize(static_cast<size_t>(n) + 1, 0);
      st.index[static_cast<size_t>(n)] = i;
    }
    if (k.sqlite.size() < kMaxKept) {
      it = k.sqlite.emplace(std::string(sql), std::move(st)).first;
    } else {
      once.reset(st.stmt);
      uncached = std::move(st);
    }
  }
  const SqliteStatement& chosen = once ? uncached : it->second;
  sqlite3_stmt* stmt = chosen.stmt;
  const auto& index = chosen.index;
  // Reset whatever happens, so the statement never holds a read snapshot open between uses.
  struct Reset {
    sqlite3_stmt* stmt;
    ~Reset() {
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
    }
  } reset{stmt};
  if (params.size() + 1 < index.size()) {
    throw std::invalid_argument("db::query: fewer parameters than the SQL names: " + std::string(sql));
  }
  int k_param = 0;
  for (const Param& p : params) {
    ++k_param;
    const int i = k_param < static_cast<int>(index.size()) ? index[static_cast<size_t>(k_param)] : 0;
    if (i == 0) throw std::invalid_argument("db::query: more parameters than the SQL names: " + std::string(sql));
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(p)) {
      rc = sqlite3_bind_null(stmt, i);
    } else if (const auto* n = std::get_if<long long>(&p)) {
      rc = sqlite3_bind_int64(stmt, i, *n);
    } else {
      const auto& t = std::get<std::string_view>(p);
      rc = sqlite3_bind_text(stmt, i, t.data(), static_cast<int>(t.size()), SQLITE_STATIC);
    }
    if (rc != SQLITE_OK) throw_sqlite(db, rc, sql);
  }
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      if (on_row) on_row(RowAccess::make(stmt, 0, false));
      continue;
    }
    if (rc == SQLITE_DONE) break;
    throw_sqlite(db, rc, sql);
  }
  return sqlite3_stmt_readonly(stmt) ? 0 : sqlite3_changes64(db);
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

[[noreturn]] void throw_postgres(PGconn* conn, const PGresult* res, std::string_view sql) {
  std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw std::runtime_error(message + " while running: " + std::string(sql.substr(0, 80)));
}

/// The parameters as text for libpq (NULL for NULL), pointing into texts, which must outlive the pointers.
std::vector<const char*> postgres_values(std::span<const Param> params, std::vector<std::string>& texts) {
  texts.clear();
  texts.reserve(params.size());
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& p : params) {
    if (std::holds_alternative<std::nullptr_t>(p)) {
      values.push_back(nullptr);
      continue;
    }
    if (const auto* n = std::get_if<long long>(&p)) {
      texts.push_back(std::to_string(*n));
    } else {
      texts.emplace_back(std::get<std::string_view>(p));
    }
    values.push_back(texts.back().c_str());
  }
  return values;
}

long long run_postgres(soci::session& s, std::string_view sql, std::span<const Param> params,
                       const RowCallback& on_row) {
  PGconn* conn = postgres_handle(s);
  Kept& k = kept_for(conn);
  // libpq reads text-format parameters up to their terminating NUL (it ignores lengths for them), so each value is
  // copied into a string of its own.
  std::vector<std::string> texts;
  const auto values = postgres_values(params, texts);
  const int n_params = static_cast<int>(values.size());

  for (int attempt = 0;; ++attempt) {
    auto it = k.postgres_names.find(sql);
    if (it == k.postgres_names.end() && k.postgres_names.size() < kMaxKept) {
      std::string name = "rt_q" + std::to_string(k.next_name++);
      Result prepared(PQprepare(conn, name.c_str(), std::string(sql).c_str(), n_params, nullptr));
      if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) throw_postgres(conn, prepared.get(), sql);
      it = k.postgres_names.emplace(std::string(sql), std::move(name)).first;
    }
    // Past the limit: the unnamed statement, still one round trip. Parameters and results are all text.
    Result res(it == k.postgres_names.end()
                   ? PQexecParams(conn, std::string(sql).c_str(), n_params, nullptr, values.data(), nullptr, nullptr, 0)
                   : PQexecPrepared(conn, it->second.c_str(), n_params, values.data(), nullptr, nullptr, 0));
    const auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
      if (status == PGRES_TUPLES_OK && on_row) {
        const int rows = PQntuples(res.get());
        for (int r = 0; r < rows; ++r) on_row(RowAccess::make(res.get(), r, true));
      }
      const char* changed = PQcmdTuples(res.get());
      long long n = 0;
      if (changed && *changed) std::from_chars(changed, changed + std::char_traits<char>::length(changed), n);
      return n;
    }
    // A server restart or DISCARD forgets prepared statements: prepare again, once (outside a failed transaction).
    const char* state = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
    if (attempt == 0 && state && std::string_view(state) == "26000" && PQtransactionStatus(conn) == PQTRANS_IDLE) {
      k.postgres_names.clear();
      continue;
    }
    throw_postgres(conn, res.get(), sql);
  }
}

std::vector<Param> as_params(const std::vector<Batch::Owned>& owned) {
  std::vector<Param> params;
  params.reserve(owned.size());
  for (const auto& o : owned) {
    if (const auto* n = std::get_if<long long>(&o)) {
      params.emplace_back(*n);
    } else if (const auto* t = std::get_if<std::string>(&o)) {
      params.emplace_back(std::string_view(*t));
    } else {
      params.emplace_back(nullptr);
    }
  }
  return params;
}

/// Sends every query in libpq's pipeline mode followed by one Sync, then reads every answer: one round trip. Statements
/// not yet prepared on this connection are prepared in the same pipeline. Returns the queries' results in order, or
/// throws (after reading up to the Sync, so the connection leaves pipeline mode usable). sql_state gets the first
/// error's SQLSTATE.
std::vector<Result> postgres_pipeline(PGconn* conn, Kept& k, const std::vector<Batch::Query>& queries,
                                      std::string& sql_state) {
  struct Command {
    std::size_t query;
    bool prepare;
    std::string name;  // prepare: the name it is prepared under
  };
  std::vector<Command> commands;
  // The same SQL twice in one batch is prepared once.
  BySql<std::string> preparing;
  if (PQenterPipelineMode(conn) != 1) throw_postgres(conn, nullptr, "(entering pipeline mode)");
  std::string send_error;
  for (std::size_t i = 0; i < queries.size() && send_error.empty(); ++i) {
    const auto& q = queries[i];
    const auto params = as_params(q.params);
    std::vector<std::string> texts;
    const auto values = postgres_values(params, texts);
    const int n_params = static_cast<int>(values.size());
    const std::string* name = nullptr;
    if (auto it = k.postgres_names.find(q.sql); it != k.postgres_names.end()) {
      name = &it->second;
    } else if (auto p = preparing.find(q.sql); p != preparing.end()) {
      name = &p->second;
    } else if (k.postgres_names.size() + preparing.size() < kMaxKept) {
      std::string fresh = "rt_q" + std::to_string(k.next_name++);
      if (PQsendPrepare(conn, fresh.c_str(), q.sql.c_str(), n_params, nullptr) != 1) {
        send_error = PQerrorMessage(conn);
        break;
      }
      commands.push_back({i, true, fresh});
      name = &preparing.emplace(q.sql, std::move(fresh)).first->second;
    }
    const int sent =
        name ? PQsendQueryPrepared(conn, name->c_str(), n_params, values.data(), nullptr, nullptr, 0)
             : PQsendQueryParams(conn, q.sql.c_str(), n_params, nullptr, values.data(), nullptr, nullptr, 0);
    if (sent != 1) {
      send_error = PQerrorMessage(conn);
      break;
    }
    commands.push_back({i, false, {}});
  }
  if (PQpipelineSync(conn) != 1 && send_error.empty()) send_error = PQerrorMessage(conn);

  std::vector<Result> results(queries.size());
  Result first_error;
  std::size_t error_query = 0;
  bool lost = false;
  for (const auto& c : commands) {
    Result r(PQgetResult(conn));
    if (!r) {  // the connection broke
      lost = true;
      break;
    }
    const auto status = PQresultStatus(r.get());
    // Each command's results end with a null.
    while (PGresult* more = PQgetResult(conn)) PQclear(more);
    const bool ok = c.prepare ? status == PGRES_COMMAND_OK : status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
    if (ok) {
      if (c.prepare) {
        k.postgres_names.emplace(queries[c.query].sql, c.name);
      } else {
        results[c.query] = std::move(r);
      }
    } else if (!first_error && status != PGRES_PIPELINE_ABORTED) {
      first_error = std::move(r);
      error_query = c.query;
    }
  }
  if (!lost) {
    Result sync(PQgetResult(conn));
    lost = !sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC;
  }
  if (!lost) PQexitPipelineMode(conn);
  if (lost || PQpipelineStatus(conn) != PQ_PIPELINE_OFF) {
    throw std::runtime_error(std::string("the database connection broke while running a batch: ") +
                             PQerrorMessage(conn));
  }
  if (!send_error.empty()) throw std::runtime_error("could not send a batch of queries: " + send_error);
  if (first_error) {
    const char* state = PQresultErrorField(first_error.get(), PG_DIAG_SQLSTATE);
    sql_state = state ? state : "";
    throw_postgres(conn, first_error.get(), queries[error_query].sql);
  }
  return results;
}

void run_postgres_batch(soci::session& s, const std::vector<Batch::Query>& queries) {
  PGconn* conn = postgres_handle(s);
  Kept& k = kept_for(conn);
  std::vector<Result> results;
  for (int attempt = 0;; ++attempt) {
    std::string state;
    try {
      results = postgres_pipeline(conn, k, queries, state);
      break;
    } catch (const std::runtime_error&) {
      // A server restart or DISCARD forgets prepared statements: prepare again, once (outside a failed transaction).
      if (attempt == 0 && state == "26000" && PQtransactionStatus(conn) == PQTRANS_IDLE) {
        k.postgres_names.clear();
        continue;
      }
      throw;
    }
  }
  for (std::size_t i = 0; i < queries.size(); ++i) {
    if (!queries[i].on_row || PQresultStatus(results[i].get()) != PGRES_TUPLES_OK) continue;
    const int rows = PQntuples(results[i].get());
    for (int r = 0; r < rows; ++r) queries[i].on_row(RowAccess::make(results[i].get(), r, true));
  }
}

}  // namespace

bool Row::null(int column) const {
  if (postgres_) return PQgetisnull(static_cast<const PGresult*>(result_), row_, column) != 0;
  return sqlite3_column_type(const_cast<sqlite3_stmt*>(static_cast<const sqlite3_stmt*>(result_)), column) ==
         SQLITE_NULL;
}

long long Row::integer(int column) const {
  if (postgres_) {
    if (null(column)) return 0;
    const auto* res = static_cast<const PGresult*>(result_);
    const char* v = PQgetvalue(res, row_, column);
    long long n = 0;
    std::from_chars(v, v + PQgetlength(res, row_, column), n);
    return n;
  }
  return sqlite3_column_int64(const_cast<sqlite3_stmt*>(static_cast<const sqlite3_stmt*>(result_)), column);
}

std::string_view Row::text(int column) const {
  if (postgres_) {
    if (null(column)) return {};
    const auto* res = static_cast<const PGresult*>(result_);
    return {PQgetvalue(res, row_, column), static_cast<size_t>(PQgetlength(res, row_, column))};
  }
  auto* stmt = const_cast<sqlite3_stmt*>(static_cast<const sqlite3_stmt*>(result_));
  const auto* p = sqlite3_column_text(stmt, column);
  if (!p) return {};
  return {reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt, column))};
}

bool is_postgres(soci::session& s) { return s.get_backend_name() == "postgresql"; }

long long query(soci::session& s, std::string_view sql, std::span<const Param> params, const RowCallback& on_row) {
  return is_postgres(s) ? run_postgres(s, sql, params, on_row) : run_sqlite(s, sql, params, on_row);
}

std::string id_list(std::vector<Param>& params, const std::vector<long long>& ids) {
  if (ids.empty()) throw std::invalid_argument("db::id_list needs at least one id");
  size_t size = 8;
  while (size < ids.size()) size *= 4;
  std::string out;
  for (size_t i = 0; i < size; ++i) {
    params.emplace_back(ids[std::min(i, ids.size() - 1)]);
    if (i) out += ", ";
    out += "$" + std::to_string(params.size());
  }
  return out;
}

void forget_statements(soci::session& s) {
  if (s.get_backend() == nullptr) return;  // never connected (opening failed)
  const bool postgres = is_postgres(s);
  const void* handle = postgres ? static_cast<const void*>(postgres_handle(s)) : sqlite_handle(s);
  std::unique_ptr<Kept> k;
  {
    std::lock_guard lock(kept_mutex);
    auto it = all_kept().find(handle);
    if (it == all_kept().end()) return;
    k = std::move(it->second);
    all_kept().erase(it);
    forgotten.fetch_add(1, std::memory_order_acq_rel);
  }
  // PostgreSQL forgets prepared statements when the connection closes; SQLite must finalise them first.
  if (!postgres) finalize_all(*k);
}

std::size_t kept_statements(soci::session& s) {
  const bool postgres = is_postgres(s);
  const void* handle = postgres ? static_cast<const void*>(postgres_handle(s)) : sqlite_handle(s);
  std::lock_guard lock(kept_mutex);
  auto it = all_kept().find(handle);
  if (it == all_kept().end()) return 0;
  return postgres ? it->second->postgres_names.size() : it->second->sqlite.size();
}

Batch::Batch(soci::session& s) : session_(s), postgres_(is_postgres(s)) {}

void Batch::add(std::string_view sql, std::span<const Param> params, RowCallback on_row) {
  if (ran_) throw std::logic_error("db::Batch: add after run");
  ++added_;
  if (!postgres_) {
    query(session_, sql, params, on_row);
    return;
  }
  Query q{std::string(sql), {}, std::move(on_row)};
  q.params.reserve(params.size());
  for (const Param& p : params) {
    if (const auto* n = std::get_if<long long>(&p)) {
      q.params.emplace_back(*n);
    } else if (const auto* t = std::get_if<std::string_view>(&p)) {
      q.params.emplace_back(std::string(*t));
    } else {
      q.params.emplace_back(nullptr);
    }
  }
  queries_.push_back(std::move(q));
}

void Batch::run() {
  if (ran_) throw std::logic_error("db::Batch: run twice");
  ran_ = true;
  // On SQLite every query has run already; one query gains nothing from a pipeline.
  if (queries_.size() <= 1) {
    for (const auto& q : queries_) {
      const auto params = as_params(q.params);
      query(session_, q.sql, params, q.on_row);
    }
  } else {
    run_postgres_batch(session_, queries_);
  }
  for (const auto& step : steps_) step();
}

}  // namespace roundtable::db
