#include "about_me/about_me_store.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "db/rows.hpp"

namespace roundtable::about_me::store {

namespace {

constexpr const char* kItemColumns =
    "i.id, i.user_id, i.position, i.kind, i.title, i.body, i.upload_id, i.caption, i.transcript, i.created_at, "
    "i.updated_at, u.public_id, u.mime";

Item item_from(const soci::row& r) {
  Item it;
  it.id = db::row_int(r, 0);
  it.user_id = db::row_int(r, 1);
  it.position = static_cast<int>(db::row_int(r, 2));
  it.kind = parse_item_kind(db::row_text(r, 3)).value_or(ItemKind::text);
  it.title = db::row_text(r, 4);
  it.body = db::row_text(r, 5);
  it.upload_id = db::row_int_or_null(r, 6);
  it.caption = db::row_text(r, 7);
  it.transcript = db::row_text(r, 8);
  it.created_at = db::row_int(r, 9);
  it.updated_at = db::row_int(r, 10);
  const auto public_id = db::row_text(r, 11);
  if (!public_id.empty()) it.file_url = "/files/" + public_id;
  it.file_mime = db::row_text(r, 12);
  return it;
}

/// The owner's item ids in page order.
std::vector<long long> ordered_ids(soci::session& s, long long owner_id) {
  std::vector<long long> ids;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id FROM about_me_items WHERE user_id = :u ORDER BY position, id", soci::use(owner_id));
  for (const auto& r : rows) ids.push_back(db::row_int(r, 0));
  return ids;
}

}  // namespace

PageSettings load_settings(soci::session& s, long long user_id) {
  PageSettings p;
  p.user_id = user_id;
  soci::row r;
  s << "SELECT visibility, intro, updated_at FROM about_me_pages WHERE user_id = :u", soci::use(user_id), soci::into(r);
  if (!s.got_data()) return p;
  p.visibility = parse_visibility(db::row_text(r, 0)).value_or(Visibility::only_me);
  p.intro = db::row_text(r, 1);
  p.updated_at = db::row_int(r, 2);
  return p;
}

void save_visibility(soci::session& s, long long user_id, Visibility v, long long now) {
  std::string code(visibility_code(v));
  s << "INSERT INTO about_me_pages (user_id, visibility, intro, updated_at) VALUES (:u, :v, '', :now) "
       "ON CONFLICT (user_id) DO UPDATE SET visibility = EXCLUDED.visibility, updated_at = EXCLUDED.updated_at",
      soci::use(user_id), soci::use(code), soci::use(now);
}

void save_intro(soci::session& s, long long user_id, const std::string& intro, long long now) {
  s << "INSERT INTO about_me_pages (user_id, visibility, intro, updated_at) VALUES (:u, 'only_me', :intro, :now) "
       "ON CONFLICT (user_id) DO UPDATE SET intro = EXCLUDED.intro, updated_at = EXCLUDED.updated_at",
      soci::use(user_id), soci::use(intro), soci::use(now);
}

std::vector<Item> list_items(soci::session& s, long long user_id) {
  std::vector<Item> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kItemColumns +
                        " FROM about_me_items i LEFT JOIN uploads u ON u.id = i.upload_id WHERE i.user_id = :u "
                        "ORDER BY i.position, i.id",
       soci::use(user_id));
  for (const auto& r : rows) {
    auto it = item_from(r);
    if (it.kind != ItemKind::text && it.file_url.empty()) continue;
    out.push_back(std::move(it));
  }
  return out;
}

std::optional<Item> find_item(soci::session& s, long long owner_id, long long item_id) {
  soci::row r;
  s << std::string("SELECT ") + kItemColumns +
           " FROM about_me_items i LEFT JOIN uploads u ON u.id = i.upload_id WHERE i.id = :id AND i.user_id = :u",
      soci::use(item_id), soci::use(owner_id), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return item_from(r);
}

long long count_items(soci::session& s, long long owner_id) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM about_me_items WHERE user_id = :u", soci::use(owner_id), soci::into(n);
  return n;
}

long long insert_item(soci::session& s, const Item& item, long long now) {
  long long last = 0;
  soci::indicator last_ind = soci::i_ok;
  s << "SELECT MAX(position) FROM about_me_items WHERE user_id = :u", soci::use(item.user_id),
      soci::into(last, last_ind);
  const int position = static_cast<int>(last_ind == soci::i_null ? 1 : last + 1);
  std::string kind(item_kind_code(item.kind));
  long long upload = item.upload_id.value_or(0);
  soci::indicator upload_ind = item.upload_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  s << "INSERT INTO about_me_items (user_id, position, kind, title, body, upload_id, caption, transcript, "
       "created_at, updated_at) VALUES (:u, :pos, :kind, :title, :body, :upload, :caption, :transcript, :now, :now2) "
       "RETURNING id",
      soci::use(item.user_id), soci::use(position), soci::use(kind), soci::use(item.title), soci::use(item.body),
      soci::use(upload, upload_ind), soci::use(item.caption), soci::use(item.transcript), soci::use(now),
      soci::use(now), soci::into(id);
  return id;
}

void update_item(soci::session& s, const Item& item, long long now) {
  long long upload = item.upload_id.value_or(0);
  soci::indicator upload_ind = item.upload_id ? soci::i_ok : soci::i_null;
  s << "UPDATE about_me_items SET title = :title, body = :body, upload_id = :upload, caption = :caption, "
       "transcript = :transcript, updated_at = :now WHERE id = :id AND user_id = :u",
      soci::use(item.title), soci::use(item.body), soci::use(upload, upload_ind), soci::use(item.caption),
      soci::use(item.transcript), soci::use(now), soci::use(item.id), soci::use(item.user_id);
}

std::optional<Item> delete_item(soci::session& s, long long owner_id, long long item_id) {
  auto item = find_item(s, owner_id, item_id);
  if (!item) return std::nullopt;
  s << "DELETE FROM about_me_items WHERE id = :id AND user_id = :u", soci::use(item_id), soci::use(owner_id);
  return item;
}

bool move_item(soci::session& s, long long owner_id, long long item_id, Direction d, long long now) {
  auto ids = ordered_ids(s, owner_id);
  auto at = std::find(ids.begin(), ids.end(), item_id);
  if (at == ids.end()) return false;
  auto other = swap_with(static_cast<size_t>(at - ids.begin()), ids.size(), d);
  if (!other) return false;
  std::swap(*at, ids[*other]);
  // Renumbered from 1, so positions stay distinct whatever happened before.
  for (size_t i = 0; i < ids.size(); ++i) {
    int position = static_cast<int>(i + 1);
    s << "UPDATE about_me_items SET position = :pos WHERE id = :id AND user_id = :u", soci::use(position),
        soci::use(ids[i]), soci::use(owner_id);
  }
  s << "UPDATE about_me_items SET updated_at = :now WHERE id = :id", soci::use(now), soci::use(item_id);
  return true;
}

namespace {

/// Rows of (user id, name, organisation name or NULL) in order of name and id: one Viewer per person.
std::vector<Viewer> people_from(soci::rowset<soci::row>& rows) {
  std::vector<Viewer> out;
  for (const auto& r : rows) {
    const long long id = db::row_int(r, 0);
    if (out.empty() || out.back().user_id != id) out.push_back({id, db::row_text(r, 1), {}});
    auto org = db::row_text(r, 2);
    if (!org.empty()) out.back().orgs.push_back(std::move(org));
  }
  return out;
}

}  // namespace

std::vector<Viewer> list_viewers(soci::session& s, long long owner_id) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT u.id, u.name, o.name FROM about_me_viewers v JOIN users u ON u.id = v.viewer_user_id "
                    "LEFT JOIN memberships mv ON mv.user_id = u.id AND mv.org_id IN "
                    "(SELECT org_id FROM memberships WHERE user_id = :o) "
                    "LEFT JOIN organisations o ON o.id = mv.org_id "
                    "WHERE v.user_id = :u ORDER BY u.name, u.id, o.name",
       soci::use(owner_id), soci::use(owner_id));
  return people_from(rows);
}

std::vector<Viewer> people_to_name(soci::session& s, long long owner_id) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT u.id, u.name, o.name FROM memberships mo "
                    "JOIN memberships mv ON mv.org_id = mo.org_id JOIN users u ON u.id = mv.user_id "
                    "JOIN organisations o ON o.id = mo.org_id "
                    "WHERE mo.user_id = :o AND mv.user_id <> :o2 ORDER BY u.name, u.id, o.name",
       soci::use(owner_id), soci::use(owner_id));
  return people_from(rows);
}

void add_viewer(soci::session& s, long long owner_id, long long viewer_id, long long now) {
  s << "INSERT INTO about_me_viewers (user_id, viewer_user_id, created_at) VALUES (:u, :v, :now) "
       "ON CONFLICT (user_id, viewer_user_id) DO NOTHING",
      soci::use(owner_id), soci::use(viewer_id), soci::use(now);
}

void remove_viewer(soci::session& s, long long owner_id, long long viewer_id) {
  s << "DELETE FROM about_me_viewers WHERE user_id = :u AND viewer_user_id = :v", soci::use(owner_id),
      soci::use(viewer_id);
}

void drop_viewers_without_shared_org(soci::session& s, long long user_id) {
  // Both ways: the pages this person was named on, and the people named on this person's page.
  s << "DELETE FROM about_me_viewers WHERE (user_id = :u OR viewer_user_id = :v) AND NOT EXISTS "
       "(SELECT 1 FROM memberships mo JOIN memberships mv ON mv.org_id = mo.org_id "
       "WHERE mo.user_id = about_me_viewers.user_id AND mv.user_id = about_me_viewers.viewer_user_id)",
      soci::use(user_id), soci::use(user_id);
}

bool shares_organisation(soci::session& s, long long owner_id, long long person_id) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM memberships mo JOIN memberships mv ON mv.org_id = mo.org_id "
       "WHERE mo.user_id = :o AND mv.user_id = :p",
      soci::use(owner_id), soci::use(person_id), soci::into(n);
  return n > 0;
}

ViewerFacts facts(soci::session& s, long long owner_id, long long viewer_id) {
  ViewerFacts f;
  f.owner_id = owner_id;
  f.viewer_id = viewer_id;
  long long named = 0, staff = 0, shared = 0;
  s << "SELECT COUNT(*) FROM about_me_viewers WHERE user_id = :o AND viewer_user_id = :v", soci::use(owner_id),
      soci::use(viewer_id), soci::into(named);
  s << "SELECT COUNT(*), COALESCE(SUM(CASE WHEN mv.role IN ('facilitator', 'org_admin') THEN 1 ELSE 0 END), 0) "
       "FROM memberships mo JOIN memberships mv ON mv.org_id = mo.org_id WHERE mo.user_id = :o AND mv.user_id = :v",
      soci::use(owner_id), soci::use(viewer_id), soci::into(shared), soci::into(staff);
  f.named = named > 0;
  f.shares_org = shared > 0;
  f.staff_in_owners_org = staff > 0;
  return f;
}

bool may_view(soci::session& s, long long owner_id, long long viewer_id) {
  return may_see(load_settings(s, owner_id).visibility, facts(s, owner_id, viewer_id));
}

}  // namespace roundtable::about_me::store
