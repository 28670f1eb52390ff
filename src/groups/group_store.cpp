#include "groups/group_store.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/text.hpp"
#include "db/keyset.hpp"
#include "db/query.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::groups::store {

namespace {

RequestState state_of(std::string_view code) {
  if (code == "declined") return RequestState::declined;
  if (code == "invited") return RequestState::invited;
  return RequestState::pending;
}

std::optional<Stage> stage_of(const db::Row& r, int column) {
  if (r.null(column)) return std::nullopt;
  return parse_stage(r.text(column));
}

db::Param stage_param(std::optional<Stage> stage) {
  if (!stage) return nullptr;
  return stage_code(*stage);
}

constexpr const char* kGroupColumns =
    "g.id, g.org_id, g.name, g.purpose, g.kind, g.level, g.visibility, g.stage, g.terms, g.terms_easy, "
    "g.ground_rules, g.ground_rules_easy, g.principles, g.principles_easy, g.archived_at, g.created_at, "
    "g.updated_at, g.member_count, g.picture_alt, "
    "(SELECT pu.public_id FROM uploads pu WHERE pu.id = g.picture_upload_id)";
constexpr int kGroupColumnCount = 20;
/// The same columns with the documents left out (in their places, so the columns keep their numbers).
constexpr const char* kGroupColumnsWithoutDocuments =
    "g.id, g.org_id, g.name, g.purpose, g.kind, g.level, g.visibility, g.stage, NULL, NULL, NULL, NULL, NULL, NULL, "
    "g.archived_at, g.created_at, g.updated_at, g.member_count, g.picture_alt, "
    "(SELECT pu.public_id FROM uploads pu WHERE pu.id = g.picture_upload_id)";

/// The address of a picture whose public id is in this column ("" for none).
std::string picture_url_of(const db::Row& r, int column) {
  return r.null(column) ? std::string() : uploads::file_url(r.text(column));
}

Group group_of(const db::Row& r) {
  Group g;
  g.id = r.integer(0);
  g.org_id = r.integer(1);
  auto& d = g.details;
  d.name = r.string(2);
  d.purpose = r.string(3);
  d.kind = parse_kind(r.text(4)).value_or(Kind::standing);
  d.level = parse_level(r.text(5)).value_or(Level::group);
  d.visibility = parse_visibility(r.text(6)).value_or(Visibility::members);
  d.stage = stage_of(r, 7);
  d.terms = {r.string(8), r.string(9)};
  d.ground_rules = {r.string(10), r.string(11)};
  d.principles = {r.string(12), r.string(13)};
  if (!r.null(14)) g.archived_at = r.integer(14);
  g.created_at = r.integer(15);
  g.updated_at = r.integer(16);
  g.member_count = r.integer(17);
  g.picture_alt = r.string(18);
  g.picture_url = picture_url_of(r, 19);
  return g;
}

GroupListed listed_of(const db::Row& r) {
  GroupListed l;
  l.id = r.integer(0);
  l.name = r.string(1);
  l.purpose = r.string(2);
  l.kind = parse_kind(r.text(3)).value_or(Kind::standing);
  l.stage = stage_of(r, 4);
  l.visibility = parse_visibility(r.text(5)).value_or(Visibility::members);
  l.archived = !r.null(6);
  l.member_count = r.integer(7);
  if (!r.null(8)) l.role = parse_group_role(r.text(8));
  l.picture_url = picture_url_of(r, 9);
  return l;
}

constexpr const char* kListColumns =
    "g.id, g.name, g.purpose, g.kind, g.stage, g.visibility, g.archived_at, "
    "g.member_count, gm.role, pu.public_id";
/// The picture's upload for kListColumns' pu.public_id: a join (a seek only for the few groups with a picture) rather
/// than a subquery run for every row of a list.
constexpr const char* kListPicture = " LEFT JOIN uploads pu ON pu.id = g.picture_upload_id";

using organisations::member_types_of;

/// The group's people with their names and member types, all read from the memberships (their copies kept by
/// triggers, migration 0025): one range of one index, not a look-up in users and member_types per person.
void members_where(db::Batch& b, long long group_id, const std::string& extra, std::vector<GroupMember>& out) {
  b.add(
      "SELECT gm.user_id, gm.name, gm.role, gm.joined_at, gm.member_types FROM group_members gm WHERE "
      "gm.group_id = $1" +
          extra,
      {group_id}, [&out](const db::Row& r) {
        out.push_back({r.integer(0), r.string(1), parse_group_role(r.text(2)).value_or(GroupRole::member),
                       member_types_of(r.text(4)), r.integer(3)});
      });
  // Who runs it first (lead, facilitators, members, observers: GroupRole's order), then by name (core/text.hpp).
  b.then([&out] {
    std::sort(out.begin(), out.end(), [](const GroupMember& a, const GroupMember& b) {
      if (a.role != b.role) return a.role < b.role;
      if (const int c = core::compare_folded(a.name, b.name); c != 0) return c < 0;
      return a.user_id < b.user_id;
    });
  });
}

}  // namespace

long long insert_group(soci::session& s, long long org_id, const GroupDetails& d, std::string_view create_key,
                       long long actor, long long now) {
  long long id = 0;
  db::query(s,
            "INSERT INTO org_groups (org_id, name, purpose, kind, level, visibility, stage, terms, terms_easy, "
            "ground_rules, ground_rules_easy, principles, principles_easy, create_key, created_by, created_at, "
            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) "
            "ON CONFLICT (org_id, create_key) DO NOTHING RETURNING id",
            {org_id, d.name, d.purpose, kind_code(d.kind), level_code(d.level), visibility_code(d.visibility),
             stage_param(d.stage), d.terms.standard, d.terms.easy_read, d.ground_rules.standard,
             d.ground_rules.easy_read, d.principles.standard, d.principles.easy_read, create_key, actor, now},
            [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM org_groups WHERE org_id = $1 AND create_key = $2", {org_id, create_key},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

namespace {

/// The group with the viewer's role, request and what they have seen ($1 organisation, $2 group, $3 viewer); made once.
const std::string& viewer_sql(Documents documents) {
  auto make = [](const char* columns) {
    return std::string("SELECT ") + columns +
           ", gm.role, r.state, (SELECT MAX(a.id) FROM group_activity a WHERE a.group_id = g.id), sg.activity_id "
           "FROM org_groups g LEFT JOIN group_members gm ON gm.group_id = g.id AND gm.user_id = $3 LEFT JOIN "
           "group_requests r ON r.group_id = g.id AND r.user_id = $3 LEFT JOIN seen_groups sg ON sg.group_id = "
           "g.id AND sg.user_id = $3 WHERE g.id = $2 AND g.org_id = $1";
  };
  static const std::string with = make(kGroupColumns);
  static const std::string without = make(kGroupColumnsWithoutDocuments);
  return documents == Documents::read ? with : without;
}

GroupForViewer viewer_of(const db::Row& r, Documents documents) {
  GroupForViewer v;
  v.group = group_of(r);
  v.group.details.documents_read = documents == Documents::read;
  if (!r.null(kGroupColumnCount)) v.role = parse_group_role(r.text(kGroupColumnCount));
  if (!r.null(kGroupColumnCount + 1)) v.request = state_of(r.text(kGroupColumnCount + 1));
  v.latest_activity = r.integer(kGroupColumnCount + 2);
  v.seen_activity = r.integer(kGroupColumnCount + 3);
  return v;
}

}  // namespace

void find_for_viewer(db::Batch& b, long long org_id, long long group_id, long long viewer, Documents documents,
                     std::optional<GroupForViewer>& out) {
  b.add(viewer_sql(documents), {org_id, group_id, viewer},
        [&out, documents](const db::Row& r) { out = viewer_of(r, documents); });
}

std::optional<GroupForViewer> find_for_viewer(soci::session& s, long long org_id, long long group_id, long long viewer,
                                              Documents documents, const AlongWithGroup& along) {
  if (!along) return find_for_viewer(s, org_id, group_id, viewer, documents);
  std::optional<GroupForViewer> out;
  db::Batch b(s);
  find_for_viewer(b, org_id, group_id, viewer, documents, out);
  along(b, group_id);
  b.run();
  return out;
}

std::optional<GroupForViewer> find_for_viewer(soci::session& s, long long org_id, long long group_id, long long viewer,
                                              Documents documents) {
  std::optional<GroupForViewer> out;
  db::query(s, viewer_sql(documents), {org_id, group_id, viewer},
            [&](const db::Row& r) { out = viewer_of(r, documents); });
  return out;
}

std::optional<PublicGroup> find_public(soci::session& s, std::string_view org_slug, long long group_id) {
  std::optional<PublicGroup> out;
  db::query(s,
            std::string("SELECT ") + kGroupColumns +
                ", o.slug, o.name, o.signup_mode FROM org_groups g JOIN organisations o ON o.id = g.org_id WHERE g.id "
                "= $1 AND o.slug = $2 AND g.visibility = 'public' AND g.archived_at IS NULL",
            {group_id, org_slug}, [&](const db::Row& r) {
              out = PublicGroup{group_of(r), r.string(kGroupColumnCount), r.string(kGroupColumnCount + 1),
                                r.text(kGroupColumnCount + 2) == "open"};
            });
  return out;
}

void update_details(soci::session& s, long long group_id, const GroupDetails& d, long long now) {
  db::query(s,
            "UPDATE org_groups SET name = $1, purpose = $2, kind = $3, level = $4, visibility = $5, terms = $6, "
            "terms_easy = $7, ground_rules = $8, ground_rules_easy = $9, principles = $10, principles_easy = $11, "
            "updated_at = $12 WHERE id = $13",
            {d.name, d.purpose, kind_code(d.kind), level_code(d.level), visibility_code(d.visibility), d.terms.standard,
             d.terms.easy_read, d.ground_rules.standard, d.ground_rules.easy_read, d.principles.standard,
             d.principles.easy_read, now, group_id});
}

void set_archived(soci::session& s, long long group_id, std::optional<long long> archived_at, long long now) {
  db::Param at = nullptr;
  if (archived_at) at = *archived_at;
  db::query(s, "UPDATE org_groups SET archived_at = $1, updated_at = $2 WHERE id = $3", {at, now, group_id});
}

std::optional<long long> set_picture(soci::session& s, long long group_id, std::optional<long long> upload_id,
                                     std::string_view alt, long long now) {
  std::optional<long long> old;
  db::query(s, "SELECT picture_upload_id FROM org_groups WHERE id = $1", {group_id}, [&](const db::Row& r) {
    if (!r.null(0)) old = r.integer(0);
  });
  db::Param id = nullptr;
  if (upload_id) id = *upload_id;
  db::query(s, "UPDATE org_groups SET picture_upload_id = $1, picture_alt = $2, updated_at = $3 WHERE id = $4",
            {id, upload_id ? alt : std::string_view(""), now, group_id});
  return old;
}

void set_picture_alt(soci::session& s, long long group_id, std::string_view alt, long long now) {
  db::query(s, "UPDATE org_groups SET picture_alt = $1, updated_at = $2 WHERE id = $3", {alt, now, group_id});
}

std::optional<PictureOwner> picture_owner(soci::session& s, long long upload_id, long long viewer) {
  std::optional<PictureOwner> out;
  db::query(s,
            "SELECT g.id, g.org_id, g.visibility, g.archived_at, gm.role, r.state FROM org_groups g LEFT JOIN "
            "group_members gm ON gm.group_id = g.id AND gm.user_id = $2 LEFT JOIN group_requests r ON r.group_id = "
            "g.id AND r.user_id = $2 WHERE g.picture_upload_id = $1",
            {upload_id, viewer}, [&](const db::Row& r) {
              PictureOwner o;
              o.group_id = r.integer(0);
              o.org_id = r.integer(1);
              o.visibility = parse_visibility(r.text(2)).value_or(Visibility::members);
              o.archived = !r.null(3);
              if (!r.null(4)) o.viewer_role = parse_group_role(r.text(4));
              o.viewer_invited = !r.null(5) && state_of(r.text(5)) == RequestState::invited;
              out = o;
            });
  return out;
}

void set_stage(soci::session& s, long long group_id, std::optional<Stage> stage, long long now) {
  db::query(s, "UPDATE org_groups SET stage = $1, updated_at = $2 WHERE id = $3", {stage_param(stage), now, group_id});
}

std::vector<GroupListed> others_for_viewer(soci::session& s, long long org_id, long long viewer, bool all,
                                           std::optional<long long> after, int limit) {
  std::vector<GroupListed> out;
  const long long everything = all ? 1 : 0;
  // In the order of the index org_groups_listed (migration 0034): open before archived, then by name. The page
  // after a group starts from that group's place in the order, read by its id.
  std::string sql = std::string("SELECT ") + kListColumns +
                    " FROM org_groups g LEFT JOIN group_members gm ON gm.group_id = g.id AND gm.user_id = $2" +
                    kListPicture +
                    " WHERE g.org_id = $1 AND gm.user_id IS NULL AND (g.visibility <> 'members' OR $3 = 1)";
  std::vector<db::Param> params{org_id, viewer, everything, static_cast<long long>(limit)};
  // Open before archived, then by name, then by id (org_groups_listed).
  static constexpr std::string_view kArchived = "(CASE WHEN g.archived_at IS NULL THEN 0 ELSE 1 END)";
  if (after) {
    // As a row value: the OR form of it tested every group against a correlated subquery (206 µs for a page near
    // the end of 500 groups, 39 µs so).
    sql += db::keyset_past({kArchived, "lower(g.name)", "g.id"}, false,
                           "SELECT (CASE WHEN a.archived_at IS NULL THEN 0 ELSE 1 END), lower(a.name), a.id FROM "
                           "org_groups a WHERE a.id = $5 AND a.org_id = $1");
    params.emplace_back(*after);
  }
  sql += db::keyset_order({kArchived, "lower(g.name)", "g.id"}, false) + " LIMIT $4";
  db::query(s, sql, params, [&](const db::Row& r) { out.push_back(listed_of(r)); });
  return out;
}

std::vector<GroupListed> groups_of(soci::session& s, long long org_id, long long user_id) {
  // Ordered by the database, as the other groups are (org_groups_listed): under PostgreSQL's language collations
  // Welsh letters such as ŵ sort as a person expects, and both lists agree.
  std::vector<GroupListed> out;
  db::query(s,
            std::string("SELECT ") + kListColumns + " FROM group_members gm JOIN org_groups g ON g.id = gm.group_id" +
                kListPicture +
                " WHERE gm.user_id = $1 AND (gm.org_id = $2 OR $2 = 0) ORDER BY CASE WHEN g.archived_at IS NULL THEN 0 "
                "ELSE 1 END, "
                "lower(g.name), g.id",
            {user_id, org_id}, [&](const db::Row& r) { out.push_back(listed_of(r)); });
  return out;
}

std::vector<HomeGroup> home_groups(soci::session& s, long long user_id) {
  // No organisation names here, and no ORDER BY: GroupService::home names and sorts them from the person's
  // memberships (a look-up in organisations and a temporary B-tree per request saved).
  std::vector<HomeGroup> out;
  db::query(
      s,
      "SELECT g.id, g.name, g.org_id, g.kind, g.stage, gm.role, COALESCE(sg.unread, 0), CASE WHEN gm.role IN "
      "('lead', 'facilitator') THEN (SELECT COUNT(*) FROM group_requests q WHERE q.group_id = g.id AND q.state = "
      "'pending') ELSE 0 END FROM group_members gm JOIN org_groups g ON g.id = gm.group_id LEFT JOIN seen_groups sg "
      "ON sg.user_id = gm.user_id AND sg.group_id = g.id WHERE gm.user_id = $1 AND g.archived_at IS NULL",
      {user_id}, [&](const db::Row& r) {
        HomeGroup h;
        h.id = r.integer(0);
        h.name = r.string(1);
        h.org_id = r.integer(2);
        h.kind = parse_kind(r.text(3)).value_or(Kind::standing);
        h.stage = stage_of(r, 4);
        h.role = parse_group_role(r.text(5)).value_or(GroupRole::member);
        h.new_things = r.integer(6);
        h.waiting_requests = r.integer(7);
        out.push_back(std::move(h));
      });
  return out;
}

std::vector<long long> group_ids_of(soci::session& s, long long user_id) {
  std::vector<long long> out;
  db::query(s, "SELECT group_id FROM group_members WHERE user_id = $1", {user_id},
            [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

void mark_seen(soci::session& s, long long user_id, long long group_id, long long activity_id, long long now) {
  // Statements on seen_* tables record who looked at what (src/db/database.cpp does not count them as changes).
  db::query(s,
            "INSERT INTO seen_groups (user_id, group_id, activity_id, unread, seen_at) VALUES ($1, $2, $3, 0, $4) ON "
            "CONFLICT (user_id, group_id) DO UPDATE SET activity_id = excluded.activity_id, unread = 0, seen_at = "
            "excluded.seen_at WHERE seen_groups.activity_id < excluded.activity_id",
            {user_id, group_id, activity_id, now});
}

std::vector<GroupMember> members(soci::session& s, long long group_id) {
  return db::read_alone<std::vector<GroupMember>>(s, [&](db::Batch& b, auto& out) { members(b, group_id, out); });
}

void members(db::Batch& b, long long group_id, std::vector<GroupMember>& out) { members_where(b, group_id, "", out); }

void first_members(db::Batch& b, long long group_id, int limit, std::vector<GroupMember>& out) {
  // SQL picks them by role, then by name as stored; members_where then orders those few as the full list does
  // (names compared with accents folded), so only the order of names differing in accents alone could pick another.
  members_where(b, group_id,
                " ORDER BY CASE gm.role WHEN 'lead' THEN 0 WHEN 'facilitator' THEN 1 WHEN 'member' THEN 2 ELSE 3 "
                "END, gm.name, gm.user_id LIMIT " +
                    std::to_string(limit),
                out);
}

void runners(db::Batch& b, long long group_id, std::vector<GroupMember>& out) {
  members_where(b, group_id, " AND gm.role IN ('lead', 'facilitator')", out);
}

std::optional<GroupRole> role_of(soci::session& s, long long group_id, long long user_id) {
  std::optional<GroupRole> out;
  db::query(s, "SELECT role FROM group_members WHERE group_id = $1 AND user_id = $2", {group_id, user_id},
            [&](const db::Row& r) { out = parse_group_role(r.text(0)); });
  return out;
}

bool is_org_member(soci::session& s, long long org_id, long long user_id) {
  bool found = false;
  db::query(s, "SELECT 1 FROM memberships WHERE org_id = $1 AND user_id = $2", {org_id, user_id},
            [&](const db::Row&) { found = true; });
  return found;
}

void add_member(soci::session& s, long long group_id, long long org_id, long long user_id, GroupRole role,
                long long now) {
  db::query(s, "INSERT INTO group_members (group_id, org_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4, $5)",
            {group_id, org_id, user_id, group_role_code(role), now});
  // What happened before they joined is not news to them.
  db::query(s,
            "INSERT INTO seen_groups (user_id, group_id, activity_id, unread, seen_at) SELECT CAST($1 AS BIGINT), "
            "CAST($2 AS BIGINT), COALESCE(MAX(id), 0), 0, CAST($3 AS BIGINT) FROM group_activity WHERE group_id = $2 "
            "ON CONFLICT (user_id, group_id) DO UPDATE SET activity_id = excluded.activity_id, unread = 0, seen_at = "
            "excluded.seen_at",
            {user_id, group_id, now});
}

void remove_member(soci::session& s, long long group_id, long long user_id) {
  db::query(s, "DELETE FROM group_members WHERE group_id = $1 AND user_id = $2", {group_id, user_id});
}

void set_role(soci::session& s, long long group_id, long long user_id, GroupRole role) {
  db::query(s, "UPDATE group_members SET role = $1 WHERE group_id = $2 AND user_id = $3",
            {group_role_code(role), group_id, user_id});
}

long long count_leads(soci::session& s, long long group_id) {
  long long n = 0;
  db::query(s, "SELECT COUNT(*) FROM group_members WHERE group_id = $1 AND role = 'lead'", {group_id},
            [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

void upsert_request(soci::session& s, long long group_id, long long org_id, long long user_id, std::string_view message,
                    long long now) {
  const auto changed = db::query(s,
                                 "UPDATE group_requests SET message = $1, state = 'pending', created_at = $2 WHERE "
                                 "group_id = $3 AND user_id = $4",
                                 {message, now, group_id, user_id});
  if (changed > 0) return;
  db::query(s,
            "INSERT INTO group_requests (group_id, org_id, user_id, message, state, created_at) VALUES ($1, $2, $3, "
            "$4, 'pending', $5)",
            {group_id, org_id, user_id, message, now});
}

std::optional<RequestState> request_state(soci::session& s, long long group_id, long long user_id) {
  std::optional<RequestState> out;
  db::query(s, "SELECT state FROM group_requests WHERE group_id = $1 AND user_id = $2", {group_id, user_id},
            [&](const db::Row& r) { out = state_of(r.text(0)); });
  return out;
}

std::vector<JoinRequest> pending_requests(soci::session& s, long long group_id) {
  std::vector<JoinRequest> out;
  db::query(s,
            "SELECT r.user_id, u.name, r.message, r.created_at FROM group_requests r JOIN users u ON u.id = "
            "r.user_id WHERE r.group_id = $1 AND r.state = 'pending' ORDER BY r.created_at, r.user_id",
            {group_id}, [&](const db::Row& r) {
              out.push_back({r.integer(0), r.string(1), r.string(2), {}, r.integer(3)});
            });
  std::map<long long, std::vector<MemberType>> types;
  db::query(s,
            "SELECT r.user_id, mt.type FROM group_requests r JOIN member_types mt ON mt.org_id = r.org_id AND "
            "mt.user_id = r.user_id WHERE r.group_id = $1 AND r.state = 'pending' ORDER BY r.user_id, mt.type",
            {group_id}, [&](const db::Row& r) {
              if (auto t = organisations::parse_member_type(r.text(1))) types[r.integer(0)].push_back(*t);
            });
  for (auto& req : out) {
    if (auto it = types.find(req.user_id); it != types.end()) req.member_types = it->second;
  }
  return out;
}

std::vector<Candidate> candidates(soci::session& s, long long org_id, long long group_id, std::string_view words,
                                  int limit) {
  std::vector<Candidate> out;
  // sort_name is the name in lower case (kept with memberships); the words are matched anywhere in it.
  std::string like = "%";
  for (char c : words) {
    if (c == '%' || c == '_' || c == '\\') like += '\\';
    like += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  like += '%';
  db::query(s,
            "SELECT u.id, u.name, r.state FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN group_requests "
            "r ON r.group_id = $2 AND r.user_id = m.user_id WHERE m.org_id = $1 AND m.sort_name LIKE $3 ESCAPE '\\' "
            "AND NOT EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = $2 AND gm.user_id = m.user_id) ORDER "
            "BY m.sort_name, m.user_id LIMIT $4",
            {org_id, group_id, std::string_view(like), static_cast<long long>(limit)}, [&](const db::Row& r) {
              Candidate c;
              c.user_id = r.integer(0);
              c.name = r.string(1);
              if (!r.null(2)) c.request = state_of(r.text(2));
              out.push_back(std::move(c));
            });
  if (out.empty()) return out;
  std::vector<db::Param> params{org_id};
  std::vector<long long> ids;
  for (const auto& c : out) ids.push_back(c.user_id);
  const std::string list = db::id_list(params, ids);
  std::map<long long, std::vector<MemberType>> types;
  db::query(s, "SELECT user_id, type FROM member_types WHERE org_id = $1 AND user_id IN (" + list + ") ORDER BY type",
            params, [&](const db::Row& r) {
              if (auto t = organisations::parse_member_type(r.text(1))) types[r.integer(0)].push_back(*t);
            });
  for (auto& c : out) {
    if (auto it = types.find(c.user_id); it != types.end()) c.member_types = it->second;
  }
  return out;
}

void invite(soci::session& s, long long group_id, long long org_id, long long user_id, long long actor, long long now) {
  const auto changed = db::query(s,
                                 "UPDATE group_requests SET state = 'invited', invited_by = $1, created_at = $2 WHERE "
                                 "group_id = $3 AND user_id = $4",
                                 {actor, now, group_id, user_id});
  if (changed > 0) return;
  db::query(
      s,
      "INSERT INTO group_requests (group_id, org_id, user_id, message, state, invited_by, created_at) VALUES ($1, "
      "$2, $3, '', 'invited', $4, $5)",
      {group_id, org_id, user_id, actor, now});
}

std::optional<MailTo> mail_to(soci::session& s, long long group_id, long long user_id) {
  std::optional<MailTo> out;
  db::query(s,
            "SELECT u.email, u.name, u.lang, g.name, o.slug, o.name FROM users u, org_groups g JOIN organisations o ON "
            "o.id = g.org_id WHERE u.id = $1 AND g.id = $2",
            {user_id, group_id}, [&](const db::Row& r) {
              out = MailTo{r.string(0), r.string(1), core::parse_lang(r.text(2)).value_or(core::Lang::en),
                           r.string(3), r.string(4), r.string(5)};
            });
  return out;
}

std::vector<Invitation> invitations_for(soci::session& s, long long user_id) {
  std::vector<Invitation> out;
  db::query(s,
            "SELECT g.id, g.name, o.slug, o.name FROM group_requests r JOIN org_groups g ON g.id = r.group_id JOIN "
            "organisations o ON o.id = g.org_id WHERE r.user_id = $1 AND r.state = 'invited' AND g.archived_at IS NULL "
            "ORDER BY r.created_at, g.id",
            {user_id}, [&](const db::Row& r) {
              out.push_back({r.integer(0), r.string(1), r.string(2), r.string(3)});
            });
  return out;
}

void count_pending_requests(db::Batch& b, long long group_id, long long& out) {
  b.add("SELECT COUNT(*) FROM group_requests WHERE group_id = $1 AND state = 'pending'", {group_id},
        [&out](const db::Row& r) { out = r.integer(0); });
}

void set_request_declined(soci::session& s, long long group_id, long long user_id) {
  db::query(s, "UPDATE group_requests SET state = 'declined' WHERE group_id = $1 AND user_id = $2",
            {group_id, user_id});
}

void delete_request(soci::session& s, long long group_id, long long user_id) {
  db::query(s, "DELETE FROM group_requests WHERE group_id = $1 AND user_id = $2", {group_id, user_id});
}

void insert_stage_change(soci::session& s, long long group_id, std::optional<Stage> from, std::optional<Stage> to,
                         std::string_view reason, long long moved_by, long long now) {
  db::query(s,
            "INSERT INTO group_stage_changes (group_id, from_stage, to_stage, reason, moved_by, moved_at) VALUES ($1, "
            "$2, $3, $4, $5, $6)",
            {group_id, stage_param(from), stage_param(to), reason, moved_by, now});
}

void stage_changes(db::Batch& b, long long group_id, std::vector<StageChange>& out) {
  b.add(
      "SELECT c.from_stage, c.to_stage, c.reason, u.name, c.moved_at FROM group_stage_changes c LEFT JOIN users "
      "u ON u.id = c.moved_by WHERE c.group_id = $1 ORDER BY c.id",
      {group_id}, [&out](const db::Row& r) {
        out.push_back({stage_of(r, 0), stage_of(r, 1), r.string(2), r.string(3), r.integer(4)});
      });
}

std::vector<StageChange> stage_changes(soci::session& s, long long group_id) {
  return db::read_alone<std::vector<StageChange>>(s, [&](db::Batch& b, auto& out) { stage_changes(b, group_id, out); });
}

void record(soci::session& s, long long group_id, ActivityKind kind, long long actor, std::optional<long long> subject,
            std::string_view detail, long long now) {
  db::Param who = nullptr;
  if (subject) who = *subject;
  db::query(s,
            "INSERT INTO group_activity (group_id, kind, actor_id, subject_id, detail, at) VALUES ($1, $2, $3, $4, "
            "$5, $6)",
            {group_id, activity_code(kind), actor, who, detail, now});
  // News for everyone else in the group (a seen_* table: their marks, not a change of state).
  db::query(s, "UPDATE seen_groups SET unread = unread + 1 WHERE group_id = $1 AND user_id <> $2", {group_id, actor});
}

void activity(db::Batch& b, long long group_id, std::optional<long long> older_than, int limit, ActivityPage& page) {
  // One more than asked for tells whether there is an older page. Two forms of the query, so each uses the index
  // (group_id, id) and PostgreSQL knows every parameter's type.
  const std::string sql = std::string(
                              "SELECT a.id, a.kind, a.actor_id, ua.name, a.subject_id, us.name, a.detail, a.at FROM "
                              "group_activity a LEFT JOIN users ua ON ua.id = a.actor_id LEFT JOIN users us ON us.id = "
                              "a.subject_id WHERE a.group_id = $1") +
                          (older_than ? " AND a.id < $3" : "") + " ORDER BY a.id DESC LIMIT $2";
  std::vector<db::Param> params{group_id, static_cast<long long>(limit + 1)};
  if (older_than) params.emplace_back(*older_than);
  b.add(sql, params, [&page](const db::Row& r) {
    Activity a;
    a.id = r.integer(0);
    a.kind = parse_activity(r.text(1)).value_or(ActivityKind::details_changed);
    a.actor_known = !r.null(3);
    a.actor = r.string(3);
    a.subject_known = !r.null(5);
    a.subject = r.string(5);
    a.detail = r.string(6);
    a.at = r.integer(7);
    page.items.push_back(std::move(a));
  });
  b.then([&page, limit] {
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.older_than = page.items.back().id;
    }
  });
}

ActivityPage activity(soci::session& s, long long group_id, std::optional<long long> older_than, int limit) {
  return db::read_alone<ActivityPage>(s,
                                      [&](db::Batch& b, auto& out) { activity(b, group_id, older_than, limit, out); });
}

std::optional<long long> find_org_id(soci::session& s, std::string_view slug) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM organisations WHERE slug = $1", {slug}, [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

std::optional<long long> find_user_id(soci::session& s, std::string_view email) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM users WHERE email = $1", {email}, [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

long long count_groups(soci::session& s, long long org_id) {
  long long n = 0;
  db::query(s, "SELECT COUNT(*) FROM org_groups WHERE org_id = $1", {org_id},
            [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

std::optional<long long> find_group_id(soci::session& s, long long org_id, std::string_view name) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM org_groups WHERE org_id = $1 AND name = $2", {org_id, name},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

}  // namespace roundtable::groups::store
