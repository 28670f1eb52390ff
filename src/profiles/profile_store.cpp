#include "profiles/profile_store.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "accounts/account_store.hpp"
#include "audit/audit.hpp"
#include "audit/audit_store.hpp"
#include "core/text.hpp"
#include "db/keyset.hpp"
#include "db/query.hpp"
#include "db/rows.hpp"

namespace roundtable::profiles::store {

using accounts::store::now_seconds;

namespace {

/// A membership's copy of the person's interests (migration 0073): tags joined by commas, in no particular order on
/// SQLite; by tag here.
std::vector<std::string> interests_of(std::string_view joined) {
  std::vector<std::string> out;
  for (const auto tag : core::comma_separated(joined)) {
    if (!tag.empty()) out.emplace_back(tag);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<SharedNeeds> shared_needs(soci::session& s, long long org_id, long long viewer_id,
                                      const std::vector<long long>& user_ids, std::string_view why) {
  std::vector<SharedNeeds> out;
  if (user_ids.empty()) return out;
  std::vector<db::Param> params;
  const std::string ids = db::id_list(params, user_ids);
  db::query(s,
            "SELECT user_id, needs, needs_other, meeting_support FROM profiles WHERE share_needs = 1 AND user_id IN (" +
                ids + ") ORDER BY user_id",
            params, [&](const db::Row& r) {
              out.push_back({r.integer(0), parse_needs(r.text(1)), r.string(2), r.string(3)});
            });
  std::vector<long long> seen;
  for (const auto& n : out) seen.push_back(n.user_id);
  // Each person can see in their data download who looked at what they shared, and why.
  audit::store::record_for_each(s, {org_id, viewer_id, std::nullopt, audit::action::kNeedsViewed, std::string(why)},
                                seen);
  return out;
}

std::optional<Profile> load_profile(soci::session& s, long long user_id) {
  std::optional<Profile> found;
  std::vector<std::string> interests;
  // The person with their profile, and their interests: one batch (one round trip on PostgreSQL).
  db::Batch b(s);
  b.add(
      "SELECT u.name, u.lang, p.user_id, p.pronouns, p.strengths, p.skills, p.lived_experience, p.needs, "
      "p.needs_other, p.meeting_support, p.share_needs, p.contact_methods, p.phone, p.contact_times, "
      "p.contact_notes, p.photo_upload_id, ph.public_id, u.email FROM users u LEFT JOIN profiles p ON p.user_id = u.id "
      "LEFT JOIN uploads ph ON ph.id = p.photo_upload_id WHERE u.id = $1",
      {user_id}, [&](const db::Row& r) {
        Profile& p = found.emplace();
        p.user_id = user_id;
        p.name = r.string(0);
        p.lang = core::parse_lang(r.text(1)).value_or(core::Lang::en);
        p.email = r.string(17);
        if (r.null(2)) return;
        p.pronouns = r.string(3);
        p.strengths = r.string(4);
        p.skills = r.string(5);
        p.lived_experience = r.string(6);
        p.needs = parse_needs(r.string(7));
        p.needs_other = r.string(8);
        p.meeting_support = r.string(9);
        p.share_needs = r.integer(10) != 0;
        p.contact_methods = parse_contact_methods(r.string(11));
        p.phone = r.string(12);
        p.contact_times = parse_contact_times(r.string(13));
        p.contact_notes = r.string(14);
        if (!r.null(15)) p.photo_upload_id = r.integer(15);
        if (p.photo_upload_id && !r.null(16)) p.photo_url = "/files/" + r.string(16);
      });
  b.add("SELECT tag FROM profile_interests WHERE user_id = $1 ORDER BY tag", {user_id},
        [&](const db::Row& row) { interests.push_back(row.string(0)); });
  b.run();
  if (!found) return std::nullopt;
  found->interests = std::move(interests);
  return found;
}

void save_profile(soci::session& s, const Profile& p) {
  const long long now = now_seconds();
  std::string lang(core::lang_code(p.lang));
  s << "UPDATE users SET name = :name, lang = :lang, updated_at = :now WHERE id = :id", soci::use(p.name),
      soci::use(lang), soci::use(now), soci::use(p.user_id);
  // The memberships' copies of the name, its sort key, the pronouns and the interests follow by triggers (migration
  // 0073).
  std::string needs = needs_code(p.needs), methods = contact_methods_code(p.contact_methods),
              times = contact_times_code(p.contact_times);
  int share = p.share_needs ? 1 : 0;
  s << "INSERT INTO profiles (user_id, pronouns, strengths, skills, lived_experience, needs, needs_other, "
       "meeting_support, share_needs, contact_methods, phone, contact_times, contact_notes, updated_at) "
       "VALUES (:id, :pronouns, :strengths, :skills, :lived, :needs, :needs_other, :support, :share, :methods, "
       ":phone, :times, :notes, :now) "
       "ON CONFLICT (user_id) DO UPDATE SET pronouns = EXCLUDED.pronouns, strengths = EXCLUDED.strengths, "
       "skills = EXCLUDED.skills, lived_experience = EXCLUDED.lived_experience, needs = EXCLUDED.needs, "
       "needs_other = EXCLUDED.needs_other, meeting_support = EXCLUDED.meeting_support, "
       "share_needs = EXCLUDED.share_needs, contact_methods = EXCLUDED.contact_methods, phone = EXCLUDED.phone, "
       "contact_times = EXCLUDED.contact_times, contact_notes = EXCLUDED.contact_notes, "
       "updated_at = EXCLUDED.updated_at",
      soci::use(p.user_id), soci::use(p.pronouns), soci::use(p.strengths), soci::use(p.skills),
      soci::use(p.lived_experience), soci::use(needs), soci::use(p.needs_other), soci::use(p.meeting_support),
      soci::use(share), soci::use(methods), soci::use(p.phone), soci::use(times), soci::use(p.contact_notes),
      soci::use(now);
  s << "DELETE FROM profile_interests WHERE user_id = :id", soci::use(p.user_id);
  for (const auto& tag : p.interests) {
    s << "INSERT INTO profile_interests (user_id, tag) VALUES (:id, :tag)", soci::use(p.user_id), soci::use(tag);
  }
}

std::optional<long long> set_photo(soci::session& s, long long user_id, std::optional<long long> upload_id) {
  long long old = 0;
  soci::indicator old_ind = soci::i_null;
  s << "SELECT photo_upload_id FROM profiles WHERE user_id = :id", soci::use(user_id), soci::into(old, old_ind);
  if (!s.got_data()) old_ind = soci::i_null;
  const long long now = now_seconds();
  long long value = upload_id.value_or(0);
  soci::indicator ind = upload_id ? soci::i_ok : soci::i_null;
  // A person who never filled in their profile has no row yet.
  s << "INSERT INTO profiles (user_id, photo_upload_id, updated_at) VALUES (:id, :photo, :now) "
       "ON CONFLICT (user_id) DO UPDATE SET photo_upload_id = EXCLUDED.photo_upload_id, "
       "updated_at = EXCLUDED.updated_at",
      soci::use(user_id), soci::use(value, ind), soci::use(now);
  return old_ind == soci::i_ok ? std::optional<long long>(old) : std::nullopt;
}

bool share_an_organisation(soci::session& s, long long a, long long b) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM memberships ma JOIN memberships mb ON mb.org_id = ma.org_id "
       "WHERE ma.user_id = :a AND mb.user_id = :b",
      soci::use(a), soci::use(b), soci::into(n);
  return n > 0;
}

DirectoryPage list_members(soci::session& s, long long org_id, const DirectoryQuery& q,
                           const std::vector<long long>* only_ids) {
  // Statements are kept prepared per connection (db::query), so their text never holds values: a filter adds a
  // fixed clause with a parameter, and lists of ids are padded to a few fixed lengths (db::id_list).
  std::vector<db::Param> params{org_id};
  // With an interest, the people who have it are few: they are found along profile_interests_tag and each joined to
  // their membership (CROSS JOIN: SQLite keeps the interest outside), not every member tested for it in turn.
  std::string from = " FROM memberships m";
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
    from = " FROM profile_interests i CROSS JOIN memberships m";
    where += " AND i.tag = $" + std::to_string(params.size()) + " AND m.user_id = i.user_id";
  }
  if (only_ids) {
    if (only_ids->empty()) return {};
    where += " AND m.user_id IN (" + db::id_list(params, *only_ids) + ")";
  }
  // How many, and the page of them: one batch (one round trip on PostgreSQL).
  db::Batch b(s);
  long long total = 0;
  if (params.size() == 1) {
    // Everyone: the count the organisation keeps (migration 0015's triggers), not 10,000 index entries a page.
    b.add("SELECT member_count FROM organisations WHERE id = $1", {org_id},
          [&](const db::Row& r) { total = r.integer(0); });
  } else if (params.size() == 2 && q.type) {
    // One member type: the count the organisation keeps of it (migration 0074's triggers), not its people counted
    // along member_types_by_type on every page (a member type is kept only for a membership: its foreign key).
    b.add("SELECT members FROM member_type_counts WHERE org_id = $1 AND type = $2", params,
          [&](const db::Row& r) { total = r.integer(0); });
  } else {
    // Counted without users or profiles: every membership has its account (foreign key).
    b.add("SELECT COUNT(*)" + from + where, params, [&](const db::Row& r) { total = r.integer(0); });
  }
  // Each membership carries the person's name, pronouns and interests (migration 0073), and memberships_directory
  // carries them all: a page is one range of the index, with no look-up in users, profiles or profile_interests.
  std::vector<MemberSummary> out;
  std::string sql = "SELECT m.user_id, m.name, m.pronouns, m.role, m.member_types, m.interests" + from + where;
  // A search gives its own order and page (only_ids); a list pages here. A list's page is a keyset: the people after
  // (or, going back, before) a member named by id, in name order, one more than the page to say whether there is
  // another page that way. An offset read every person before the page (the 250th page of 10,000 members: about 870
  // requests a second).
  const db::KeysetCursor cursor = only_ids ? db::KeysetCursor{} : db::KeysetCursor{q.after, q.before};
  if (!only_ids) {
    sql +=
        cursor.page_sql({"m.sort_name", "m.user_id"},
                        "SELECT c.sort_name, c.user_id FROM memberships c WHERE c.org_id = $1 AND c.user_id = ", params,
                        static_cast<long long>(q.limit + 1));
  } else {
    sql += " ORDER BY m.sort_name, m.user_id";
  }
  b.add(sql, params, [&](const db::Row& r) {
    MemberSummary m;
    m.user_id = r.integer(0);
    m.name = r.string(1);
    m.pronouns = r.string(2);
    m.role = parse_role(r.text(3)).value_or(Role::member);
    // The membership's copy of the member types (migration 0068), not a search of member_types per person.
    m.member_types = organisations::member_types_of(r.text(4));
    m.interests = interests_of(r.text(5));
    out.push_back(std::move(m));
  });
  b.run();
  DirectoryPage found;
  found.total = total;
  if (total == 0) return {};
  if (!only_ids) {
    // The rows come nearest the cursor first (backwards: in reverse order); one more than the page says there is
    // another page that way.
    const bool more = out.size() > q.limit;
    if (more) out.resize(q.limit);
    if (cursor.backwards()) std::reverse(out.begin(), out.end());
    found.more_before = cursor.more_before(more);
    found.more_after = cursor.more_after(more);
  } else {
    std::vector<MemberSummary> ordered;
    for (long long wanted : *only_ids) {
      for (auto& m : out) {
        if (m.user_id == wanted) ordered.push_back(m);
      }
    }
    // The search's page of them.
    found.total = static_cast<long long>(ordered.size());
    const size_t from = std::min(q.offset, ordered.size());
    const size_t to = std::min(from + q.limit, ordered.size());
    out.assign(std::make_move_iterator(ordered.begin() + static_cast<std::ptrdiff_t>(from)),
               std::make_move_iterator(ordered.begin() + static_cast<std::ptrdiff_t>(to)));
  }
  found.members = std::move(out);
  return found;
}

}  // namespace roundtable::profiles::store
