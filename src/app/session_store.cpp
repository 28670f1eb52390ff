#include "app/session_store.hpp"

#include <soci/soci.h>

#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "db/query.hpp"

namespace roundtable::app {

namespace {

long long to_seconds(std::chrono::system_clock::time_point tp) {
  return std::chrono::duration_cast<std::chrono::seconds>(tp.time_since_epoch()).count();
}

std::chrono::system_clock::time_point at(long long seconds) {
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

/// The session, and (stamp) its person's principal_stamp when it names one that exists. Ended sessions come back
/// too: the pipeline decides whether a session has ended (idle, or its lifetime used up), and tells a person who was
/// signed out why. Housekeeping deletes rows after expires_at.
///
/// With a stamp, the same statement reads the person's unread notices per organisation (unread: org_id and count, for
/// each organisation with any; migration 0060, ADR 0045). They are never kept in memory, so the count is right on the
/// next request after any change.
///
/// On PostgreSQL each part finds its rows by key: the person's stamp and their counts are looked up by the session's
/// user id, never joined, and each count comes in a row of its own after the session's (its expires_at empty). As a
/// join, PostgreSQL planned a merge along the users' index, up to the person: 10 ms a request for the 10,000th person
/// to join, against a few microseconds for the first. SQLite joins only by nested loops, each a look-up by key here,
/// and the join costs it a quarter less than the keyed form (14,600 instructions against 19,600): one row per
/// organisation with a count, the session's columns repeated.
constexpr std::string_view kSignedInSqlite =
    "SELECT s.lang, s.user_id, s.expires_at, s.second_step, s.created_at, s.updated_at, u.principal_stamp, c.org_id, "
    "c.unread FROM sessions s LEFT JOIN users u ON u.id = s.user_id LEFT JOIN unread_notices c ON c.user_id = "
    "s.user_id AND c.unread > 0 WHERE s.id = $1";
constexpr std::string_view kSignedInPostgresql =
    "SELECT s.lang, s.user_id, s.expires_at, s.second_step, s.created_at, s.updated_at, (SELECT u.principal_stamp FROM "
    "users u WHERE u.id = s.user_id), NULL, NULL FROM sessions s WHERE s.id = $1 UNION ALL SELECT NULL, NULL, NULL, "
    "NULL, NULL, NULL, NULL, c.org_id, c.unread FROM unread_notices c WHERE c.user_id = (SELECT x.user_id FROM "
    "sessions x WHERE x.id = $1) AND c.unread > 0";

std::optional<http::SessionData> read_session(soci::session& s, const std::string& id,
                                              std::optional<long long>* stamp = nullptr,
                                              std::vector<std::pair<long long, long long>>* unread = nullptr) {
  std::optional<http::SessionData> out;
  const std::string_view sql =
      stamp ? DbSessionStore::signed_in_statement(db::is_postgres(s))
            : "SELECT lang, user_id, expires_at, second_step, created_at, updated_at FROM sessions WHERE id = $1";
  db::query(s, sql, {id}, [&](const db::Row& r) {
    if (stamp && unread && !r.null(7)) unread->emplace_back(r.integer(7), r.integer(8));
    // A count's own row (PostgreSQL's form), or the session again beside another count (SQLite's).
    if (r.null(2) || out) return;
    if (stamp && !r.null(6)) *stamp = r.integer(6);
    http::SessionData data;
    data.id = id;
    if (!r.null(0)) data.lang = core::parse_lang(r.text(0));
    if (!r.null(1)) data.user_id = r.integer(1);
    data.expires_at = at(r.integer(2));
    data.second_step = r.integer(3) != 0;
    data.created_at = at(r.integer(4));
    data.last_seen_at = at(r.integer(5));
    out = std::move(data);
  });
  return out;
}

/// Puts each organisation's unread count on the person's membership of it.
void add_unread(http::Principal& p, const std::vector<std::pair<long long, long long>>& unread) {
  for (auto& m : p.memberships) {
    m.unread_notices = 0;
    for (const auto& [org_id, count] : unread) {
      if (org_id == m.org_id) m.unread_notices = count;
    }
  }
}

}  // namespace

boost::asio::awaitable<std::optional<http::SessionData>> DbSessionStore::load(std::string id) {
  // GCC 12 mishandles temporaries inside a co_await expression: build the operation first.
  auto op = db_.read([id = std::move(id)](soci::session& s) { return read_session(s, id); });
  co_return co_await std::move(op);
}

boost::asio::awaitable<http::LoadedSession> DbSessionStore::load_with_principal(std::string id,
                                                                                http::PrincipalLoader* principals) {
  if (!read_principal_) {
    auto two_visits = SessionStore::load_with_principal(std::move(id), principals);
    co_return co_await std::move(two_visits);
  }
  auto work = [this, id = std::move(id)](soci::session& s) {
    http::LoadedSession out;
    std::optional<long long> stamp;
    std::vector<std::pair<long long, long long>> unread;
    out.session = read_session(s, id, &stamp, &unread);
    if (!out.session || !out.session->user_id || !stamp) return out;
    const long long user_id = *out.session->user_id;
    if (auto kept = kept_principal(user_id, *stamp)) {
      out.principal = std::move(*kept);
    } else {
      // Read after the stamp: a change committed in between is kept under the older stamp and read again next time.
      out.principal = read_principal_(s, user_id);
      keep_principal(user_id, *stamp, out.principal);
    }
    if (out.principal) add_unread(*out.principal, unread);
    return out;
  };
  // Every signed-in request: on SQLite no hop to another thread at all (Database::read).
  auto op = db_.read(std::move(work));
  co_return co_await std::move(op);
}

std::string_view DbSessionStore::signed_in_statement(bool postgresql) {
  return postgresql ? kSignedInPostgresql : kSignedInSqlite;
}

std::optional<http::Principal> DbSessionStore::kept_principal(long long user_id, long long stamp) {
  std::lock_guard lock(principals_mutex_);
  auto it = principals_.find(user_id);
  if (it == principals_.end() || it->second.stamp != stamp) return std::nullopt;
  return it->second.principal;
}

void DbSessionStore::keep_principal(long long user_id, long long stamp, const std::optional<http::Principal>& p) {
  std::lock_guard lock(principals_mutex_);
  if (!p) {
    principals_.erase(user_id);
    return;
  }
  // Bounded: when full, start again (the next requests fill it with the people using the service now).
  if (principals_.size() >= kPrincipalsKept && !principals_.contains(user_id)) principals_.clear();
  principals_.insert_or_assign(user_id, KeptPrincipal{stamp, *p});
}

boost::asio::awaitable<void> DbSessionStore::save(const http::SessionData& session) {
  auto work = [session](soci::session& s) {
    std::string lang = session.lang ? std::string(core::lang_code(*session.lang)) : std::string();
    soci::indicator lang_ind = session.lang ? soci::i_ok : soci::i_null;
    long long user_id = session.user_id.value_or(0);
    soci::indicator user_ind = session.user_id ? soci::i_ok : soci::i_null;
    const long long now = core::system_clock().now_seconds();
    const long long created = session.created_at.time_since_epoch().count() ? to_seconds(session.created_at) : now;
    const long long seen = session.last_seen_at.time_since_epoch().count() ? to_seconds(session.last_seen_at) : now;
    long long expires = to_seconds(session.expires_at);
    const int second_step = session.second_step ? 1 : 0;
    s << "INSERT INTO sessions (id, lang, user_id, created_at, updated_at, expires_at, second_step) "
         "VALUES (:id, :lang, :user_id, :created, :seen, :expires, :second) "
         "ON CONFLICT (id) DO UPDATE SET lang = EXCLUDED.lang, user_id = EXCLUDED.user_id, "
         "updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at, second_step = EXCLUDED.second_step",
        soci::use(session.id), soci::use(lang, lang_ind), soci::use(user_id, user_ind), soci::use(created),
        soci::use(seen), soci::use(expires), soci::use(second_step);
  };
  auto op = db_.run(std::move(work));
  co_await std::move(op);
}

boost::asio::awaitable<void> DbSessionStore::touch(std::string id, std::chrono::system_clock::time_point last_seen,
                                                   std::chrono::system_clock::time_point expires_at) {
  auto work = [id = std::move(id), seen = to_seconds(last_seen), expires = to_seconds(expires_at)](soci::session& s) {
    // An update only: a session deleted meanwhile (signed out) stays deleted.
    s << "UPDATE sessions SET updated_at = :seen, expires_at = :expires WHERE id = :id", soci::use(seen),
        soci::use(expires), soci::use(id);
  };
  auto op = db_.run(std::move(work));
  co_await std::move(op);
}

boost::asio::awaitable<void> DbSessionStore::remove(std::string id) {
  auto work = [id = std::move(id)](soci::session& s) { s << "DELETE FROM sessions WHERE id = :id", soci::use(id); };
  auto op = db_.run(std::move(work));
  co_await std::move(op);
}

boost::asio::awaitable<void> DbSessionStore::remove_for_user(long long user_id) {
  auto work = [user_id](soci::session& s) { s << "DELETE FROM sessions WHERE user_id = :user_id", soci::use(user_id); };
  auto op = db_.run(std::move(work));
  co_await std::move(op);
}

long long DbSessionStore::purge_expired() {
  return db_.run_sync([](soci::session& s) {
    long long now = core::system_clock().now_seconds();
    soci::statement st = (s.prepare << "DELETE FROM sessions WHERE expires_at <= :now", soci::use(now));
    st.execute(true);
    return st.get_affected_rows();
  });
}

}  // namespace roundtable::app
