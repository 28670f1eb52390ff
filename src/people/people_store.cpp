#include "people/people_store.hpp"

#include <soci/soci.h>

#include <chrono>

#include "db/rows.hpp"

namespace roundtable::people::store {

long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

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
  s << "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (:org, :user, :role, :now) "
       "ON CONFLICT (org_id, user_id) DO UPDATE SET role = EXCLUDED.role",
      soci::use(org_id), soci::use(user_id), soci::use(code), soci::use(now);
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
  std::string where =
      " FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN profiles p ON p.user_id = u.id "
      "WHERE m.org_id = :org";
  std::string type = q.type ? std::string(member_type_code(*q.type)) : std::string();
  if (q.type) {
    where +=
        " AND EXISTS (SELECT 1 FROM member_types t WHERE t.org_id = m.org_id AND t.user_id = m.user_id "
        "AND t.type = :type)";
  }
  if (!q.interest.empty()) {
    where += " AND EXISTS (SELECT 1 FROM profile_interests i WHERE i.user_id = m.user_id AND i.tag = :interest)";
  }
  if (only_ids) {
    if (only_ids->empty()) return {{}, 0};
    where += " AND m.user_id IN (";
    for (size_t i = 0; i < only_ids->size(); ++i) where += (i ? ", " : "") + std::to_string((*only_ids)[i]);
    where += ")";
  }
  auto bind = [&](soci::statement& st) {
    st.exchange(soci::use(org_id, "org"));
    if (q.type) st.exchange(soci::use(type, "type"));
    if (!q.interest.empty()) st.exchange(soci::use(q.interest, "interest"));
  };
  long long total = 0;
  {
    soci::statement st(s);
    st.alloc();
    bind(st);
    st.exchange(soci::into(total));
    st.prepare("SELECT COUNT(*)" + where);
    st.define_and_bind();
    st.execute(true);
  }
  std::vector<MemberSummary> out;
  if (total == 0) return {out, 0};
  long long limit = static_cast<long long>(q.limit), offset = static_cast<long long>(q.offset);
  soci::statement st(s);
  st.alloc();
  bind(st);
  std::string sql = "SELECT u.id, u.name, p.pronouns, m.role" + where + " ORDER BY lower(u.name), u.id";
  // A search gives its own order and page (only_ids); a plain list pages here.
  if (!only_ids) {
    sql += " LIMIT :lim OFFSET :off";
    st.exchange(soci::use(limit, "lim"));
    st.exchange(soci::use(offset, "off"));
  }
  long long id = 0;
  std::string name, pronouns, role;
  soci::indicator pronouns_ind = soci::i_null;
  st.exchange(soci::into(id));
  st.exchange(soci::into(name));
  st.exchange(soci::into(pronouns, pronouns_ind));
  st.exchange(soci::into(role));
  st.prepare(sql);
  st.define_and_bind();
  if (st.execute(true)) {
    do {
      MemberSummary m;
      m.user_id = id;
      m.name = name;
      if (pronouns_ind == soci::i_ok) m.pronouns = pronouns;
      m.role = parse_role(role).value_or(Role::member);
      out.push_back(std::move(m));
    } while (st.fetch());
  }
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
  std::string ids;
  for (auto& m : out) ids += (ids.empty() ? "" : ", ") + std::to_string(m.user_id);
  soci::rowset<soci::row> types = (s.prepare << "SELECT user_id, type FROM member_types WHERE org_id = :org AND "
                                                "user_id IN (" +
                                                    ids + ") ORDER BY type",
                                   soci::use(org_id));
  for (const auto& r : types) {
    const long long uid = db::row_int(r, 0);
    for (auto& m : out) {
      if (m.user_id != uid) continue;
      if (auto t = parse_member_type(db::row_text(r, 1))) m.member_types.push_back(*t);
    }
  }
  soci::rowset<soci::row> tags =
      (s.prepare << "SELECT user_id, tag FROM profile_interests WHERE user_id IN (" + ids + ") ORDER BY tag");
  for (const auto& r : tags) {
    const long long uid = db::row_int(r, 0);
    for (auto& m : out) {
      if (m.user_id == uid) m.interests.push_back(db::row_text(r, 1));
    }
  }
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
