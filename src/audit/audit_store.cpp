#include "audit/audit_store.hpp"

#include <soci/soci.h>

#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"

namespace roundtable::audit::store {

namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.created_at, a.actor_user_id, actor.name, a.subject_user_id, subject.name, a.action, a.detail "
    "FROM audit_log a LEFT JOIN users actor ON actor.id = a.actor_user_id "
    "LEFT JOIN users subject ON subject.id = a.subject_user_id ";

Entry entry_from(const soci::row& r) {
  Entry e;
  e.id = db::row_int(r, 0);
  e.created_at = db::row_int(r, 1);
  e.actor_user_id = db::row_int_or_null(r, 2);
  e.actor_name = db::row_text(r, 3);
  e.subject_user_id = db::row_int_or_null(r, 4);
  e.subject_name = db::row_text(r, 5);
  e.action = db::row_text(r, 6);
  e.detail = db::row_text(r, 7);
  return e;
}

}  // namespace

void record(soci::session& s, const Event& event) {
  const long long now = core::system_clock().now_seconds();
  long long org = event.org_id.value_or(0), actor = event.actor_user_id.value_or(0),
            subject = event.subject_user_id.value_or(0);
  soci::indicator org_ind = event.org_id ? soci::i_ok : soci::i_null;
  soci::indicator actor_ind = event.actor_user_id ? soci::i_ok : soci::i_null;
  soci::indicator subject_ind = event.subject_user_id ? soci::i_ok : soci::i_null;
  s << "INSERT INTO audit_log (org_id, actor_user_id, subject_user_id, action, detail, created_at) "
       "VALUES (:org, :actor, :subject, :action, :detail, :now)",
      soci::use(org, org_ind), soci::use(actor, actor_ind), soci::use(subject, subject_ind), soci::use(event.action),
      soci::use(event.detail), soci::use(now);
}

void record_for_each(soci::session& s, const Event& event, const std::vector<long long>& subjects) {
  if (subjects.empty()) return;
  std::vector<db::Param> params;
  params.push_back(event.org_id ? db::Param(*event.org_id) : db::Param(nullptr));
  params.push_back(event.actor_user_id ? db::Param(*event.actor_user_id) : db::Param(nullptr));
  params.push_back(std::string_view(event.action));
  params.push_back(std::string_view(event.detail));
  params.push_back(core::system_clock().now_seconds());
  const std::string ids = db::id_list(params, subjects);
  db::query(s,
            "INSERT INTO audit_log (org_id, actor_user_id, subject_user_id, action, detail, created_at) SELECT CAST($1 "
            "AS BIGINT), CAST($2 AS BIGINT), u.id, CAST($3 AS TEXT), CAST($4 AS TEXT), CAST($5 AS BIGINT) FROM users "
            "u WHERE u.id IN (" +
                ids + ")",
            params);
}

std::vector<Entry> list_for_org(soci::session& s, long long org_id, long long before_id, int limit) {
  std::vector<Entry> out;
  long long before = before_id > 0 ? before_id : (1LL << 62);
  soci::rowset<soci::row> rows =
      (s.prepare << std::string(kSelect) + "WHERE a.org_id = :org AND a.id < :before ORDER BY a.id DESC LIMIT :limit",
       soci::use(org_id), soci::use(before), soci::use(limit));
  for (const auto& r : rows) out.push_back(entry_from(r));
  return out;
}

std::vector<Entry> list_for_user(soci::session& s, long long user_id) {
  std::vector<Entry> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string(kSelect) + "WHERE a.actor_user_id = :u OR a.subject_user_id = :u2 ORDER BY a.id",
       soci::use(user_id), soci::use(user_id));
  for (const auto& r : rows) out.push_back(entry_from(r));
  return out;
}

}  // namespace roundtable::audit::store
