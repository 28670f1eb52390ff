#include "people/people_store.hpp"

#include <soci/soci.h>

#include <chrono>

#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"

namespace roundtable::people::store {

long long now_seconds() { return core::system_clock().now_seconds(); }

namespace {

using db::row_int;
using db::row_text;

User user_from(const soci::row& r) {
  User u;
  u.id = row_int(r, 0);
  u.email = row_text(r, 1);
  u.name = row_text(r, 2);
  u.password_hash = row_text(r, 3);
  u.lang = core::parse_lang(row_text(r, 4)).value_or(core::Lang::en);
  u.platform_admin = row_int(r, 5) != 0;
  return u;
}

constexpr const char* kUserColumns = "SELECT id, email, name, password_hash, lang, platform_admin FROM users ";

std::optional<User> find_user(soci::session& s, const std::string& where, const std::string& value, long long id) {
  soci::row r;
  if (where == "email") {
    s << std::string(kUserColumns) + "WHERE email = :v", soci::use(value), soci::into(r);
  } else {
    s << std::string(kUserColumns) + "WHERE id = :v", soci::use(id), soci::into(r);
  }
  if (!s.got_data()) return std::nullopt;
  return user_from(r);
}

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

std::optional<User> find_user_by_email(soci::session& s, const std::string& email) {
  return find_user(s, "email", email, 0);
}

std::optional<User> find_user_by_id(soci::session& s, long long id) { return find_user(s, "id", "", id); }

long long insert_user(soci::session& s, const User& user) {
  long long id = 0;
  const long long now = now_seconds();
  std::string lang(core::lang_code(user.lang));
  int admin = user.platform_admin ? 1 : 0;
  soci::indicator hash_ind = user.password_hash.empty() ? soci::i_null : soci::i_ok;
  s << "INSERT INTO users (email, name, password_hash, lang, platform_admin, created_at, updated_at) "
       "VALUES (:email, :name, :hash, :lang, :admin, :now, :now2) RETURNING id",
      soci::use(user.email), soci::use(user.name), soci::use(user.password_hash, hash_ind), soci::use(lang),
      soci::use(admin), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

void set_password_hash(soci::session& s, long long user_id, const std::string& hash) {
  const long long now = now_seconds();
  s << "UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id", soci::use(hash), soci::use(now),
      soci::use(user_id);
}

void set_platform_admin(soci::session& s, long long user_id, bool admin) {
  int value = admin ? 1 : 0;
  s << "UPDATE users SET platform_admin = :admin WHERE id = :id", soci::use(value), soci::use(user_id);
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
  // One statement (one round trip on PostgreSQL): a row per membership and member type. Two-step sign-in is joined
  // only on organisation admins' rows, since it gates only their pages.
  std::optional<UserWithMemberships> out;
  db::query(s,
            "SELECT u.id, u.email, u.name, u.password_hash, u.lang, u.platform_admin, o.id, o.slug, o.name, m.role, "
            "lg.public_id, t.type, ts.enabled_at "
            "FROM users u LEFT JOIN memberships m ON m.user_id = u.id "
            "LEFT JOIN organisations o ON o.id = m.org_id "
            "LEFT JOIN uploads lg ON lg.id = o.logo_upload_id "
            "LEFT JOIN member_types t ON t.org_id = m.org_id AND t.user_id = m.user_id "
            "LEFT JOIN two_step ts ON ts.user_id = u.id AND m.role = 'org_admin' "
            "WHERE u.id = $1 ORDER BY lower(o.name), o.id, t.type",
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
              if (r.null(6)) return;
              const long long org_id = r.integer(6);
              if (out->memberships.empty() || out->memberships.back().org_id != org_id) {
                MembershipRow m;
                m.org_id = org_id;
                m.org_slug = r.string(7);
                m.org_name = r.string(8);
                m.role = parse_role(r.text(9)).value_or(Role::member);
                if (!r.null(10)) m.org_logo_url = "/files/" + r.string(10);
                out->memberships.push_back(std::move(m));
              }
              if (!r.null(11)) {
                if (auto type = parse_member_type(r.text(11))) out->memberships.back().member_types.push_back(*type);
              }
              if (!r.null(12)) out->admin_two_step = true;
            });
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

std::pair<std::vector<MemberSummary>, long long> list_members(soci::session& s, long long org_id,
                                                              const DirectoryQuery& q,
                                                              const std::vector<long long>* only_ids) {
  // Statements are kept prepared per connection (db::query), so their text never holds values: a filter adds a
  // fixed clause with a parameter, and lists of ids are padded to a few fixed lengths (db::id_list).
  std::vector<db::Param> params{org_id};
  std::string where = " WHERE m.org_id = $1";
  const std::string type = q.type ? std::string(member_type_code(*q.type)) : std::string();
  if (q.type) {
    params.emplace_back(std::string_view(type));
    where +=
        " AND EXISTS (SELECT 1 FROM member_types t WHERE t.org_id = m.org_id AND t.user_id = m.user_id AND t.type = $" +
        std::to_string(params.size()) + ")";
  }
  if (!q.interest.empty()) {
    params.emplace_back(std::string_view(q.interest));
    where += " AND EXISTS (SELECT 1 FROM profile_interests i WHERE i.user_id = m.user_id AND i.tag = $" +
             std::to_string(params.size()) + ")";
  }
  if (only_ids) {
    if (only_ids->empty()) return {{}, 0};
    where += " AND m.user_id IN (" + db::id_list(params, *only_ids) + ")";
  }
  long long total = 0;
  if (params.size() == 1) {
    // Everyone: the count the organisation keeps (migration 0015's triggers), not 10,000 index entries a page.
    db::query(s, "SELECT member_count FROM organisations WHERE id = $1", {org_id},
              [&](const db::Row& r) { total = r.integer(0); });
  } else {
    // Counted from memberships alone: every membership has its account (foreign key), so no join is needed.
    db::query(s, "SELECT COUNT(*) FROM memberships m" + where, params, [&](const db::Row& r) { total = r.integer(0); });
  }
  std::vector<MemberSummary> out;
  if (total == 0) return {out, 0};
  std::string sql =
      "SELECT u.id, u.name, p.pronouns, m.role FROM memberships m JOIN users u ON u.id = m.user_id "
      "LEFT JOIN profiles p ON p.user_id = u.id" +
      where + " ORDER BY m.sort_name, m.user_id";
  // A search gives its own order and page (only_ids); a plain list pages here.
  if (!only_ids) {
    params.emplace_back(static_cast<long long>(q.limit));
    params.emplace_back(static_cast<long long>(q.offset));
    sql += " LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" + std::to_string(params.size());
  }
  db::query(s, sql, params, [&](const db::Row& r) {
    MemberSummary m;
    m.user_id = r.integer(0);
    m.name = r.string(1);
    m.pronouns = r.string(2);
    m.role = parse_role(r.text(3)).value_or(Role::member);
    out.push_back(std::move(m));
  });
  if (only_ids) {
    std::vector<MemberSummary> ordered;
    for (long long wanted : *only_ids) {
      for (auto& m : out) {
        if (m.user_id == wanted) ordered.push_back(m);
      }
    }
    out = std::move(ordered);
  }
  if (out.empty()) return {out, total};
  std::vector<long long> page_ids;
  for (auto& m : out) page_ids.push_back(m.user_id);
  auto find = [&](long long uid) -> MemberSummary* {
    for (auto& m : out) {
      if (m.user_id == uid) return &m;
    }
    return nullptr;
  };
  std::vector<db::Param> type_params{org_id};
  const std::string type_ids = db::id_list(type_params, page_ids);
  db::query(s,
            "SELECT user_id, type FROM member_types WHERE org_id = $1 AND user_id IN (" + type_ids + ") ORDER BY type",
            type_params, [&](const db::Row& r) {
              if (auto* m = find(r.integer(0))) {
                if (auto t = parse_member_type(r.text(1))) m->member_types.push_back(*t);
              }
            });
  std::vector<db::Param> tag_params;
  const std::string tag_ids = db::id_list(tag_params, page_ids);
  db::query(s, "SELECT user_id, tag FROM profile_interests WHERE user_id IN (" + tag_ids + ") ORDER BY tag", tag_params,
            [&](const db::Row& r) {
              if (auto* m = find(r.integer(0))) m->interests.push_back(r.string(1));
            });
  return {out, total};
}

void insert_password_reset(soci::session& s, const std::string& token_hash, long long user_id, long long now,
                           long long expires_at) {
  s << "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (:h, :u, :now, :exp)",
      soci::use(token_hash), soci::use(user_id), soci::use(now), soci::use(expires_at);
}

long long count_password_resets(soci::session& s, long long user_id, long long since) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM password_resets WHERE user_id = :u AND created_at > :since", soci::use(user_id),
      soci::use(since), soci::into(n);
  return n;
}

std::optional<long long> valid_password_reset(soci::session& s, const std::string& token_hash, long long now) {
  long long user_id = 0;
  s << "SELECT user_id FROM password_resets WHERE token_hash = :h AND used_at IS NULL AND expires_at > :now",
      soci::use(token_hash), soci::use(now), soci::into(user_id);
  if (!s.got_data()) return std::nullopt;
  return user_id;
}

void use_password_resets(soci::session& s, long long user_id, long long now) {
  s << "UPDATE password_resets SET used_at = :now WHERE user_id = :u AND used_at IS NULL", soci::use(now),
      soci::use(user_id);
}

void end_sessions(soci::session& s, long long user_id) {
  s << "DELETE FROM sessions WHERE user_id = :u", soci::use(user_id);
}

long long count_failures(soci::session& s, const std::string& key, long long since) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM sign_in_failures WHERE key = :key AND at > :since", soci::use(key), soci::use(since),
      soci::into(n);
  return n;
}

void record_failure(soci::session& s, const std::string& key, long long at) {
  s << "INSERT INTO sign_in_failures (key, at) VALUES (:key, :at)", soci::use(key), soci::use(at);
}

void clear_failures(soci::session& s, const std::string& key) {
  s << "DELETE FROM sign_in_failures WHERE key = :key", soci::use(key);
}

long long purge_failures(soci::session& s, long long before) {
  soci::statement st = (s.prepare << "DELETE FROM sign_in_failures WHERE at < :before", soci::use(before));
  st.execute(true);
  return st.get_affected_rows();
}

namespace {
long long delete_where(soci::session& s, const char* sql, long long t) {
  soci::statement st = (s.prepare << sql, soci::use(t));
  st.execute(true);
  return st.get_affected_rows();
}
}  // namespace

long long purge_password_resets(soci::session& s, long long expired_before) {
  return delete_where(s, "DELETE FROM password_resets WHERE expires_at < :t", expired_before);
}

long long purge_sign_in_links(soci::session& s, long long expired_before) {
  return delete_where(s, "DELETE FROM sign_in_links WHERE expires_at < :t", expired_before);
}

long long purge_two_step_challenges(soci::session& s, long long expired_before) {
  return delete_where(s, "DELETE FROM two_step_challenges WHERE expires_at < :t", expired_before);
}

long long purge_finished_invitations(soci::session& s, long long before) {
  soci::statement st = (s.prepare << "DELETE FROM invitations WHERE (accepted_at IS NOT NULL AND accepted_at < :a) "
                                     "OR (revoked_at IS NOT NULL AND revoked_at < :b) OR expires_at < :c",
                        soci::use(before), soci::use(before), soci::use(before));
  st.execute(true);
  return st.get_affected_rows();
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

}  // namespace roundtable::people::store
