#include "db/migrator.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace roundtable::db {

std::vector<std::pair<std::string_view, std::string_view>> embedded_migrations();

namespace {

long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void ensure_table(soci::session& s) {
  s << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
       "applied_at BIGINT NOT NULL)";
}

std::set<int> applied_versions(soci::session& s) {
  std::set<int> out;
  soci::rowset<int> rows = (s.prepare << "SELECT version FROM schema_migrations");
  for (int v : rows) out.insert(v);
  return out;
}

}  // namespace

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
    chosen[version] = Migration{version, name, std::string(sql)};
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

int migrate(Database& db) {
  const auto migrations = migrations_for(db.backend());
  return db.run_sync([&](soci::session& s) {
    try {
      if (db.backend() == Backend::postgresql) {
        s << "SELECT pg_advisory_lock(727274)";
      }
      ensure_table(s);
      auto done = applied_versions(s);
      int applied = 0;
      for (const auto& m : migrations) {
        if (done.count(m.version)) continue;
        if (db.backend() == Backend::sqlite) {
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
            long long now = now_seconds();
            s << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)", soci::use(m.version),
                soci::use(m.name), soci::use(now);
            ++applied;
          }
          s << "COMMIT";
        } catch (...) {
          s << "ROLLBACK";
          throw;
        }
      }
      if (db.backend() == Backend::postgresql) s << "SELECT pg_advisory_unlock(727274)";
      return applied;
    } catch (const DatabaseError&) {
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
