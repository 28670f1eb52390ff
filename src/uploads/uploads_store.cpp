#include <soci/soci.h>

#include <unordered_set>

#include "db/rows.hpp"
#include "security/tokens.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::uploads {

namespace {

constexpr const char* kColumns =
    "id, public_id, owner_user_id, org_id, purpose, mime, kind, bytes, width, height, original_name, created_at, "
    "storage_key";

std::string_view kind_code(media::Kind k) {
  switch (k) {
    case media::Kind::image: return "image";
    case media::Kind::audio: return "audio";
    case media::Kind::video: return "video";
    case media::Kind::document: return "document";
  }
  return "image";
}

media::Kind parse_kind(std::string_view code) {
  if (code == "audio") return media::Kind::audio;
  if (code == "video") return media::Kind::video;
  if (code == "document") return media::Kind::document;
  return media::Kind::image;
}

Upload upload_from(const soci::row& r) {
  Upload u;
  u.id = db::row_int(r, 0);
  u.public_id = db::row_text(r, 1);
  u.owner_user_id = db::row_int_or_null(r, 2);
  u.org_id = db::row_int_or_null(r, 3);
  // A purpose no module set a rule for is nobody's but the owner's (UploadService::file_for).
  u.purpose = Purpose{db::row_text(r, 4)};
  u.mime = db::row_text(r, 5);
  u.kind = parse_kind(db::row_text(r, 6));
  u.bytes = db::row_int(r, 7);
  u.width = static_cast<int>(db::row_int(r, 8));
  u.height = static_cast<int>(db::row_int(r, 9));
  u.original_name = db::row_text(r, 10);
  u.created_at = db::row_int(r, 11);
  u.storage_key = db::row_text(r, 12);
  return u;
}

template <class T>
std::optional<Upload> find_one(soci::session& s, const char* column, const T& value) {
  soci::row r;
  s << std::string("SELECT ") + kColumns + " FROM uploads WHERE " + column + " = :v", soci::use(value), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return upload_from(r);
}

}  // namespace

namespace store {

Upload save(soci::session& s, Storage& storage, const Prepared& p, Purpose purpose, std::optional<long long> owner,
            std::optional<long long> org_id, long long now) {
  Upload u;
  u.public_id = security::random_token(16);
  u.owner_user_id = owner;
  u.org_id = org_id;
  u.purpose = purpose;
  u.mime = p.mime;
  u.kind = p.kind;
  u.bytes = static_cast<long long>(p.bytes.size());
  u.width = p.width;
  u.height = p.height;
  u.original_name = p.original_name;
  u.created_at = now;
  u.storage_key = storage.put(p.bytes);

  long long owner_value = owner.value_or(0);
  soci::indicator owner_ind = owner ? soci::i_ok : soci::i_null;
  long long org_value = org_id.value_or(0);
  soci::indicator org_ind = org_id ? soci::i_ok : soci::i_null;
  const std::string& purpose_text = purpose.code;
  const std::string kind_text(kind_code(p.kind));
  s << "INSERT INTO uploads (public_id, owner_user_id, org_id, purpose, mime, kind, bytes, width, height, "
       "original_name, storage_key, created_at) VALUES (:pid, :owner, :org, :purpose, :mime, :kind, :bytes, :w, :h, "
       ":name, :key, :now) RETURNING id",
      soci::use(u.public_id), soci::use(owner_value, owner_ind), soci::use(org_value, org_ind), soci::use(purpose_text),
      soci::use(u.mime), soci::use(kind_text), soci::use(u.bytes), soci::use(u.width), soci::use(u.height),
      soci::use(u.original_name), soci::use(u.storage_key), soci::use(u.created_at), soci::into(u.id);
  return u;
}

std::optional<Upload> find_by_public_id(soci::session& s, std::string_view public_id) {
  const std::string id(public_id);
  return find_one(s, "public_id", id);
}

std::optional<Upload> find_by_id(soci::session& s, long long id) { return find_one(s, "id", id); }

std::optional<std::string> remove(soci::session& s, long long id) {
  std::string key;
  s << "SELECT storage_key FROM uploads WHERE id = :id", soci::use(id), soci::into(key);
  if (!s.got_data()) return std::nullopt;
  s << "DELETE FROM uploads WHERE id = :id", soci::use(id);
  return key;
}

std::vector<Upload> of_owner(soci::session& s, long long user_id) {
  std::vector<Upload> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kColumns + " FROM uploads WHERE owner_user_id = :u ORDER BY id",
       soci::use(user_id));
  for (const auto& r : rows) out.push_back(upload_from(r));
  return out;
}

}  // namespace store

size_t sweep_orphan_files(soci::session& s, FolderStorage& storage, std::chrono::seconds min_age) {
  const auto cutoff = std::chrono::system_clock::now() - min_age;
  // Old enough first, then the rows: a file written after the listing is never a candidate.
  std::vector<std::string> old;
  for (auto& key : storage.keys()) {
    const auto at = storage.modified_at(key);
    if (at && *at <= cutoff) old.push_back(std::move(key));
  }
  if (old.empty()) return 0;
  std::unordered_set<std::string> referenced;
  soci::rowset<std::string> rows = (s.prepare << "SELECT storage_key FROM uploads");
  for (const auto& k : rows) referenced.insert(k);
  size_t removed = 0;
  for (const auto& key : old) {
    if (referenced.count(key)) continue;
    storage.remove(key);
    ++removed;
  }
  return removed;
}

}  // namespace roundtable::uploads
