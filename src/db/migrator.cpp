#include "db/migrator.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "core/clock.hpp"

namespace roundtable::db {

std::vector<std::pair<std::string_view, std::string_view>> embedded_migrations();

namespace {

void ensure_table(soci::session& s) {
  s << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
       "applied_at BIGINT NOT NULL, checksum TEXT)";
  // Databases made before migrations had checksums get the column; their rows are filled in by migrate().
  bool has_checksum = true;
  if (s.get_backend_name() == "sqlite3") {
    int n = 0;
    s << "SELECT COUNT(*) FROM pragma_table_info('schema_migrations') WHERE name = 'checksum'", soci::into(n);
    has_checksum = n > 0;
  } else {
    int n = 0;
    s << "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND "
         "table_name = 'schema_migrations' AND column_name = 'checksum'",
        soci::into(n);
    has_checksum = n > 0;
  }
  if (!has_checksum) s << "ALTER TABLE schema_migrations ADD COLUMN checksum TEXT";
}

/// Applied versions and their stored checksums ("" where none was stored yet).
std::map<int, std::string> applied_versions(soci::session& s) {
  std::map<int, std::string> out;
  soci::rowset<soci::row> rows = (s.prepare << "SELECT version, checksum FROM schema_migrations");
  for (const auto& r : rows) {
    out[r.get<int>(0)] = r.get_indicator(1) == soci::i_ok ? r.get<std::string>(1) : std::string();
  }
  return out;
}

/// Refuses to run against a database where a migration that already ran has since been edited; fills in the
/// checksums of migrations that ran before checksums were kept.
void check_applied(soci::session& s, const std::vector<Migration>& migrations, const std::map<int, std::string>& done) {
  for (const auto& m : migrations) {
    auto it = done.find(m.version);
    if (it == done.end()) continue;
    const std::string sum = migration_checksum(m.sql);
    if (it->second.empty()) {
      s << "UPDATE schema_migrations SET checksum = :c WHERE version = :v", soci::use(sum), soci::use(m.version);
    } else if (it->second != sum) {
      throw DatabaseError("migration " + m.name + " was changed after it ran on this database (checksum " + it->second +
                          ", now " + sum + "). Put the change in a new migration and restore this one as it was.");
    }
  }
}

/// Throws, naming the first row whose foreign key points at nothing, when a migration that ran with foreign keys off
/// left any.
void check_foreign_keys(soci::session& s, const std::string& migration) {
  soci::rowset<soci::row> rows = (s.prepare << "PRAGMA foreign_key_check");
  for (const auto& r : rows) {
    const std::string table = r.get<std::string>(0);
    const std::string parent = r.get<std::string>(2);
    throw DatabaseError("migration " + migration + " left a row in " + table + " that refers to a missing row in " +
                        parent);
  }
}

bool foreign_keys_on(soci::session& s) {
  int on = 0;
  s << "PRAGMA foreign_keys", soci::into(on);
  return on != 0;
}

void set_foreign_keys(soci::session& s, bool on, const std::string& migration) {
  s << (on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
  if (foreign_keys_on(s) != on) {
    throw DatabaseError("migration " + migration + " could not turn foreign keys " + (on ? "on" : "off"));
  }
}

/// Runs one migration in its own transaction; false when another server applied it first. With check_keys, every
/// foreign key is checked before the commit (the migration ran with them off).
bool apply_one(soci::session& s, Backend backend, const Migration& m, bool check_keys) {
  if (backend == Backend::sqlite) {
    s << "BEGIN IMMEDIATE";
  } else {
    s << "BEGIN";
  }
  try {
    // Another server may have applied it while we waited for the lock.
    int exists = 0;
    s << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(m.version), soci::into(exists);
    if (exists == 0) {
      for (const auto& stmt : split_statements(m.sql)) s << stmt;
      if (check_keys) check_foreign_keys(s, m.name);
      long long now = core::system_clock().now_seconds();
      const std::string sum = migration_checksum(m.sql);
      s << "INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (:v, :n, :t, :c)",
          soci::use(m.version), soci::use(m.name), soci::use(now), soci::use(sum);
    }
    s << "COMMIT";
    return exists == 0;
  } catch (...) {
    s << "ROLLBACK";
    throw;
  }
}

}  // namespace

std::string migration_checksum(std::string_view sql) {
  // FNV-1a, 64 bits: finds a migration edited by mistake (it is not a defence against someone with write access).
  unsigned long long h = 1469598103934665603ULL;
  for (unsigned char c : sql) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = hex[h & 15];
  return out;
}

std::string expand_dialect(std::string sql, Backend backend, int version) {
  static constexpr std::string_view kId = "{{id}}";
  // Migrations before kIdsNeverReusedVersion keep the expansion they ran with, so their checksums still match; that
  // migration rebuilt their tables with AUTOINCREMENT (ADR 0017).
  const std::string_view id = backend == Backend::postgresql ? "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                              : version < kIdsNeverReusedVersion ? "id INTEGER PRIMARY KEY"
                                                                 : "id INTEGER PRIMARY KEY AUTOINCREMENT";
  for (auto at = sql.find(kId); at != std::string::npos; at = sql.find(kId, at + id.size())) {
    sql.replace(at, kId.size(), id);
  }
  return sql;
}

std::vector<Migration> migrations_for(Backend backend) {
  const std::string suffix = backend == Backend::sqlite ? ".sqlite" : ".postgresql";
  const std::string other = backend == Backend::sqlite ? ".postgresql" : ".sqlite";
  std::map<int, Migration> chosen;
  for (auto& [name_view, sql] : embedded_migrations()) {
    std::string name(name_view);
    bool specific = false;
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      name.resize(name.size() - suffix.size());
      specific = true;
    } else if (name.size() > other.size() && name.compare(name.size() - other.size(), other.size(), other) == 0) {
      continue;
    }
    int version = std::stoi(name.substr(0, name.find('_')));
    auto it = chosen.find(version);
    if (it != chosen.end() && !specific) continue;
    chosen[version] = Migration{version, name, expand_dialect(std::string(sql), backend, version)};
  }
  std::vector<Migration> out;
  for (auto& [v, m] : chosen) out.push_back(std::move(m));
  return out;
}

std::vector<std::string> split_statements(std::string_view sql) {
  std::vector<std::string> out;
  std::string current;
  while (!sql.empty()) {
    auto nl = sql.find('\n');
    std::string_view line = sql.substr(0, nl);
    sql = nl == std::string_view::npos ? std::string_view{} : sql.substr(nl + 1);
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line.substr(first, 2) == "--") continue;
    current.append(line);
    current.push_back('\n');
    auto last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(std::move(current));
  return out;
}

bool runs_without_foreign_keys(std::string_view sql) {
  static constexpr std::string_view kMarker = "-- roundtable: foreign keys off";
  return sql.substr(0, kMarker.size()) == kMarker &&
         (sql.size() == kMarker.size() || sql[kMarker.size()] == '\n' || sql[kMarker.size()] == '\r');
}

int migrate(Database& db) { return migrate(db, migrations_for(db.backend())); }

int migrate(Database& db, const std::vector<Migration>& migrations) {
  return db.run_sync([&](soci::session& s) {
    try {
      if (db.backend() == Backend::postgresql) {
        s << "SELECT pg_advisory_lock(727274)";
      }
      ensure_table(s);
      auto done = applied_versions(s);
      check_applied(s, migrations, done);
      int applied = 0;
      for (const auto& m : migrations) {
        if (done.count(m.version)) continue;
        // SQLite rebuilds a table that others refer to only with foreign keys off, and ignores the switch inside a
        // transaction: they go off before BEGIN and back on after COMMIT or ROLLBACK, whatever happened.
        if (db.backend() != Backend::sqlite || !runs_without_foreign_keys(m.sql)) {
          applied += apply_one(s, db.backend(), m, false) ? 1 : 0;
          continue;
        }
        const bool keys_were_on = foreign_keys_on(s);
        set_foreign_keys(s, false, m.name);
        try {
          applied += apply_one(s, db.backend(), m, true) ? 1 : 0;
        } catch (...) {
          try {
            set_foreign_keys(s, keys_were_on, m.name);
          } catch (...) {
            // The migration's own failure is the one to report; the server does not start either way.
          }
          throw;
        }
        set_foreign_keys(s, keys_were_on, m.name);
      }
      if (db.backend() == Backend::postgresql) s << "SELECT pg_advisory_unlock(727274)";
      return applied;
    } catch (const DatabaseError&) {
      if (db.backend() == Backend::postgresql) {
        try {
          s << "SELECT pg_advisory_unlock(727274)";
        } catch (...) {
        }
      }
      throw;
    } catch (const std::exception& e) {
      if (db.backend() == Backend::postgresql) {
        try {
          s << "SELECT pg_advisory_unlock(727274)";
        } catch (...) {
        }
      }
      std::string msg = e.what();
      throw DatabaseError("a database migration failed: " + msg.substr(0, msg.find('\n')));
    }
  });
}

int schema_version(Database& db) {
  return db.run_sync([](soci::session& s) {
    ensure_table(s);
    int v = 0;
    soci::indicator ind;
    s << "SELECT MAX(version) FROM schema_migrations", soci::into(v, ind);
    return ind == soci::i_ok ? v : 0;
  });
}

}  // namespace roundtable::db
