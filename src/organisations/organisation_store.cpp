#include "organisations/organisation_store.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "accounts/account_store.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"

namespace roundtable::organisations::store {

namespace {

using accounts::store::now_seconds;
using db::row_int;
using db::row_text;

Organisation org_from(const soci::row& r) {
  Organisation o;
  o.id = row_int(r, 0);
  o.slug = row_text(r, 1);
  o.name = row_text(r, 2);
  o.languages = parse_languages(row_text(r, 3));
  o.signup_mode = parse_signup_mode(row_text(r, 4)).value_or(SignupMode::invitation);
  o.created_at = row_int(r, 5);
  return o;
}

}  // namespace

std::string org_slug(soci::session& s, long long org_id) {
  std::string out;
  db::query(s, "SELECT slug FROM organisations WHERE id = $1", {org_id}, [&](const db::Row& r) { out = r.string(0); });
  return out;
}

std::optional<Organisation> find_org_by_slug(soci::session& s, const std::string& slug) {
  soci::row r;
  s << "SELECT o.id, o.slug, o.name, o.languages, o.signup_mode, o.created_at, u.public_id FROM organisations o "
       "LEFT JOIN uploads u ON u.id = o.logo_upload_id WHERE o.slug = :slug",
      soci::use(slug), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  auto org = org_from(r);
  if (const auto public_id = row_text(r, 6); !public_id.empty()) org.logo_url = "/files/" + public_id;
  return org;
}

std::vector<Organisation> list_orgs(soci::session& s) {
  std::vector<Organisation> out;
  soci::rowset<soci::row> rows = (s.prepare << "SELECT o.id, o.slug, o.name, o.languages, o.signup_mode, o.created_at, "
                                               "(SELECT COUNT(*) FROM memberships m WHERE m.org_id = o.id) "
                                               "FROM organisations o ORDER BY lower(o.name), o.id");
  for (const auto& r : rows) {
    auto o = org_from(r);
    o.member_count = row_int(r, 6);
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<Organisation> list_open_orgs(soci::session& s) {
  std::vector<Organisation> out;
  db::query(s, "SELECT id, slug, name FROM organisations WHERE signup_mode = 'open' ORDER BY lower(name), id", {},
            [&](const db::Row& r) {
              Organisation o;
              o.id = r.integer(0);
              o.slug = r.string(1);
              o.name = r.string(2);
              o.signup_mode = SignupMode::open;
              out.push_back(std::move(o));
            });
  return out;
}

long long insert_org(soci::session& s, const Organisation& org) {
  long long id = 0;
  const long long now = now_seconds();
  std::string langs = languages_code(org.languages);
  std::string mode(signup_mode_code(org.signup_mode));
  s << "INSERT INTO organisations (slug, name, languages, signup_mode, created_at, updated_at) "
       "VALUES (:slug, :name, :langs, :mode, :now, :now2) RETURNING id",
      soci::use(org.slug), soci::use(org.name), soci::use(langs), soci::use(mode), soci::use(now), soci::use(now),
      soci::into(id);
  return id;
}

void update_org(soci::session& s, const Organisation& org) {
  const long long now = now_seconds();
  std::string langs = languages_code(org.languages);
  std::string mode(signup_mode_code(org.signup_mode));
  s << "UPDATE organisations SET name = :name, languages = :langs, signup_mode = :mode, updated_at = :now "
       "WHERE id = :id",
      soci::use(org.name), soci::use(langs), soci::use(mode), soci::use(now), soci::use(org.id);
}

void upsert_membership(soci::session& s, long long org_id, long long user_id, Role role,
                       const std::vector<MemberType>& types) {
  const long long now = now_seconds();
  std::string code(role_code(role));
  // sort_name orders the member directory (migration 0015): the person's name in lower case.
  s << "INSERT INTO memberships (org_id, user_id, role, created_at, sort_name) "
       "VALUES (:org, :user, :role, :now, (SELECT lower(name) FROM users WHERE id = :user2)) "
       "ON CONFLICT (org_id, user_id) DO UPDATE SET role = EXCLUDED.role",
      soci::use(org_id), soci::use(user_id), soci::use(code), soci::use(now), soci::use(user_id);
  s << "DELETE FROM member_types WHERE org_id = :org AND user_id = :user", soci::use(org_id), soci::use(user_id);
  for (auto t : types) {
    std::string type(member_type_code(t));
    s << "INSERT INTO member_types (org_id, user_id, type) VALUES (:org, :user, :type)", soci::use(org_id),
        soci::use(user_id), soci::use(type);
  }
}

std::vector<std::string> member_type_codes(soci::session& s, long long org_id, long long user_id) {
  std::vector<std::string> out;
  soci::rowset<std::string> rows =
      (s.prepare << "SELECT type FROM member_types WHERE org_id = :org AND user_id = :user ORDER BY type",
       soci::use(org_id), soci::use(user_id));
  for (const auto& type : rows) out.push_back(type);
  return out;
}

std::vector<MembershipRow> memberships_of(soci::session& s, long long user_id) {
  std::vector<MembershipRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT o.id, o.slug, o.name, m.role, u.public_id "
                    "FROM memberships m JOIN organisations o ON o.id = m.org_id "
                    "LEFT JOIN uploads u ON u.id = o.logo_upload_id WHERE m.user_id = :user ORDER BY lower(o.name)",
       soci::use(user_id));
  for (const auto& r : rows) {
    MembershipRow m;
    m.org_id = row_int(r, 0);
    m.org_slug = row_text(r, 1);
    m.org_name = row_text(r, 2);
    m.role = parse_role(row_text(r, 3)).value_or(Role::member);
    if (const auto logo = row_text(r, 4); !logo.empty()) m.org_logo_url = "/files/" + logo;
    out.push_back(std::move(m));
  }
  soci::rowset<soci::row> types =
      (s.prepare << "SELECT org_id, type FROM member_types WHERE user_id = :user ORDER BY type", soci::use(user_id));
  for (const auto& r : types) {
    const long long org_id = row_int(r, 0);
    for (auto& m : out) {
      if (m.org_id != org_id) continue;
      if (auto t = parse_member_type(row_text(r, 1))) m.member_types.push_back(*t);
    }
  }
  return out;
}

std::optional<UserWithMemberships> find_user_with_memberships(soci::session& s, long long user_id) {
  // One statement (one round trip on PostgreSQL): a row per membership and member type. Two-step sign-in for every
  // account: a session of an account that has it on is signed in only once it passed the second step.
  std::optional<UserWithMemberships> out;
  db::query(s,
            "SELECT u.id, u.email, u.name, u.password_hash, u.lang, u.platform_admin, o.id, o.slug, o.name, m.role, "
            "lg.public_id, t.type, ts.enabled_at "
            "FROM users u LEFT JOIN memberships m ON m.user_id = u.id "
            "LEFT JOIN organisations o ON o.id = m.org_id "
            "LEFT JOIN uploads lg ON lg.id = o.logo_upload_id "
            "LEFT JOIN member_types t ON t.org_id = m.org_id AND t.user_id = m.user_id "
            "LEFT JOIN two_step ts ON ts.user_id = u.id "
            "WHERE u.id = $1",
            {user_id}, [&](const db::Row& r) {
              if (!out) {
                out.emplace();
                User& u = out->user;
                u.id = r.integer(0);
                u.email = r.string(1);
                u.name = r.string(2);
                u.password_hash = r.string(3);
                u.lang = core::parse_lang(r.text(4)).value_or(core::Lang::en);
                u.platform_admin = r.integer(5) != 0;
              }
              if (!r.null(12)) out->two_step = true;
              if (r.null(6)) return;
              const long long org_id = r.integer(6);
              // A row per membership and member type, in no set order: each membership is found by its id.
              auto it = std::find_if(out->memberships.begin(), out->memberships.end(),
                                     [&](const MembershipRow& m) { return m.org_id == org_id; });
              if (it == out->memberships.end()) {
                MembershipRow m;
                m.org_id = org_id;
                m.org_slug = r.string(7);
                m.org_name = r.string(8);
                m.role = parse_role(r.text(9)).value_or(Role::member);
                if (!r.null(10)) m.org_logo_url = "/files/" + r.string(10);
                out->memberships.push_back(std::move(m));
                it = out->memberships.end() - 1;
              }
              if (!r.null(11)) {
                if (auto type = parse_member_type(r.text(11))) it->member_types.push_back(*type);
              }
            });
  // Sorted here rather than by ORDER BY lower(...), which made SQLite build a temporary B-tree on every signed-in
  // request (core/text.hpp): organisations by name, each one's member types by their code.
  if (out) {
    auto& ms = out->memberships;
    std::sort(ms.begin(), ms.end(), [](const MembershipRow& a, const MembershipRow& b) {
      if (const int c = core::compare_folded(a.org_name, b.org_name); c != 0) return c < 0;
      return a.org_id < b.org_id;
    });
    for (auto& m : ms) {
      std::sort(m.member_types.begin(), m.member_types.end(),
                [](MemberType a, MemberType b) { return member_type_code(a) < member_type_code(b); });
    }
  }
  return out;
}

void delete_membership(soci::session& s, long long org_id, long long user_id) {
  s << "DELETE FROM member_types WHERE org_id = :org AND user_id = :user", soci::use(org_id), soci::use(user_id);
  s << "DELETE FROM memberships WHERE org_id = :org AND user_id = :user", soci::use(org_id), soci::use(user_id);
}

long long count_org_admins(soci::session& s, long long org_id) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM memberships WHERE org_id = :org AND role = 'org_admin'", soci::use(org_id), soci::into(n);
  return n;
}

std::optional<long long> set_org_logo(soci::session& s, long long org_id, std::optional<long long> upload_id) {
  long long old = 0;
  soci::indicator old_ind = soci::i_null;
  s << "SELECT logo_upload_id FROM organisations WHERE id = :id", soci::use(org_id), soci::into(old, old_ind);
  if (!s.got_data()) old_ind = soci::i_null;
  long long value = upload_id.value_or(0);
  soci::indicator ind = upload_id ? soci::i_ok : soci::i_null;
  const long long now = now_seconds();
  s << "UPDATE organisations SET logo_upload_id = :logo, updated_at = :now WHERE id = :id", soci::use(value, ind),
      soci::use(now), soci::use(org_id);
  return old_ind == soci::i_ok ? std::optional<long long>(old) : std::nullopt;
}

}  // namespace roundtable::organisations::store
