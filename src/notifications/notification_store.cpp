#include "notifications/notification_store.hpp"

#include <algorithm>
#include <tuple>

#include "db/query.hpp"
#include "security/tokens.hpp"

namespace roundtable::notifications::store {

namespace {
constexpr std::string_view kStopSecret = "notification_stop_secret";
}

Choice choice_of(soci::session& s, long long user_id, long long group_id) {
  Choice out = Choice::immediate;
  db::query(s, "SELECT choice FROM notification_choices WHERE user_id = $1 AND group_id = $2", {user_id, group_id},
            [&](const db::Row& r) { out = parse_choice(r.text(0)).value_or(Choice::immediate); });
  return out;
}

std::vector<GroupChoice> choices_in_org(soci::session& s, long long org_id, long long user_id) {
  std::vector<GroupChoice> out;
  db::query(s,
            "SELECT g.id, g.name, c.choice, 0 AS outside FROM group_members m JOIN org_groups g ON g.id = m.group_id "
            "LEFT JOIN notification_choices c ON c.user_id = m.user_id AND c.group_id = m.group_id "
            "WHERE m.user_id = $1 AND m.org_id = $2 AND g.archived_at IS NULL "
            "UNION ALL SELECT g.id, g.name, c.choice, 1 AS outside FROM notification_choices c JOIN org_groups g ON "
            "g.id = c.group_id WHERE c.user_id = $1 AND c.org_id = $2 AND g.archived_at IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM group_members m WHERE m.group_id = c.group_id AND m.user_id = c.user_id)",
            {user_id, org_id}, [&](const db::Row& r) {
              out.push_back({r.integer(0), r.string(1),
                             r.null(2) ? Choice::immediate : parse_choice(r.text(2)).value_or(Choice::immediate),
                             r.integer(3) != 0});
            });
  // Put in order here rather than by the database's sorter (two fifths of the statement's work for a person's
  // twenty groups): the groups they are in, then the others, each by name (byte order, the same on both databases).
  std::sort(out.begin(), out.end(), [](const GroupChoice& a, const GroupChoice& b) {
    return std::tie(a.outside, a.group_name, a.group_id) < std::tie(b.outside, b.group_name, b.group_id);
  });
  return out;
}

bool set_choice(soci::session& s, long long org_id, long long user_id, long long group_id, Choice choice,
                long long now) {
  bool done = false;
  db::query(s,
            "INSERT INTO notification_choices (org_id, user_id, group_id, choice, updated_at) SELECT org_id, "
            "user_id, group_id, $4, $5 FROM group_members WHERE org_id = $1 AND user_id = $2 AND group_id = $3 "
            "ON CONFLICT (user_id, group_id) DO UPDATE SET choice = excluded.choice, updated_at = excluded.updated_at "
            "RETURNING group_id",
            {org_id, user_id, group_id, choice_code(choice), now}, [&](const db::Row&) { done = true; });
  return done;
}

bool heard_from(soci::session& s, long long org_id, long long user_id, long long group_id) {
  bool out = false;
  db::query(s, "SELECT 1 FROM notices WHERE org_id = $1 AND user_id = $2 AND group_id = $3 LIMIT 1",
            {org_id, user_id, group_id}, [&](const db::Row&) { out = true; });
  return out;
}

bool set_choice_heard(soci::session& s, long long org_id, long long user_id, long long group_id, Choice choice,
                      long long now) {
  bool done = false;
  db::query(s,
            "INSERT INTO notification_choices (org_id, user_id, group_id, choice, updated_at) SELECT org_id, "
            "user_id, $3, $4, $5 FROM memberships WHERE org_id = $1 AND user_id = $2 ON CONFLICT (user_id, "
            "group_id) DO UPDATE SET choice = excluded.choice, updated_at = excluded.updated_at RETURNING group_id",
            {org_id, user_id, group_id, choice_code(choice), now}, [&](const db::Row&) { done = true; });
  return done;
}

long long insert_notice(soci::session& s, const Notice& n, std::string_view digest, long long now) {
  long long id = 0;
  // A string's text is never a null pointer, which db::query would bind as NULL.
  const std::string waiting(digest);
  db::query(s,
            "INSERT INTO notices (org_id, user_id, group_id, kind, title, url, created_at, digest) VALUES ($1, $2, "
            "$3, $4, $5, $6, $7, $8) RETURNING id",
            {n.org_id, n.user_id, n.group_id, n.kind, n.title, n.url, now, waiting},
            [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

void list_notices(db::Batch& b, long long org_id, long long user_id, long long before_id, int limit,
                  std::vector<NoticeRow>& out) {
  const long long before = before_id > 0 ? before_id : (1LL << 62);
  b.add(
      "SELECT n.id, n.group_id, g.name, n.kind, n.title, n.url, n.created_at, n.read_at FROM notices n JOIN "
      "org_groups g ON g.id = n.group_id WHERE n.user_id = $1 AND n.org_id = $2 AND n.id < $3 ORDER BY n.id "
      "DESC LIMIT $4",
      {user_id, org_id, before, static_cast<long long>(limit)}, [&out](const db::Row& r) {
        out.push_back(
            {r.integer(0), r.integer(1), r.string(2), r.string(3), r.string(4), r.string(5), r.integer(6), r.null(7)});
      });
}

void unread_count(db::Batch& b, long long org_id, long long user_id, long long& out) {
  // The counter the triggers of migration 0060 keep with every change to notices, in the same transaction: one row
  // however many notices the person has (the navigation reads the same counter with the session).
  b.add("SELECT unread FROM unread_notices WHERE user_id = $1 AND org_id = $2", {user_id, org_id},
        [&out](const db::Row& r) { out = r.integer(0); });
}

long long mark_all_read(soci::session& s, long long org_id, long long user_id, long long now) {
  return db::query(s, "UPDATE notices SET read_at = $3 WHERE user_id = $1 AND org_id = $2 AND read_at IS NULL",
                   {user_id, org_id, now});
}

std::optional<std::string> group_name(soci::session& s, long long org_id, long long group_id) {
  std::optional<std::string> out;
  db::query(s, "SELECT name FROM org_groups WHERE id = $1 AND org_id = $2", {group_id, org_id},
            [&](const db::Row& r) { out = r.string(0); });
  return out;
}

std::string stop_secret(soci::session& s) {
  std::string out;
  db::query(s, "SELECT value FROM settings WHERE name = $1", {kStopSecret},
            [&](const db::Row& r) { out = r.string(0); });
  return out;
}

std::string ensure_stop_secret(soci::session& s) {
  if (auto secret = stop_secret(s); !secret.empty()) return secret;
  const std::string fresh = security::random_token(32);
  db::query(s, "INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            {kStopSecret, fresh});
  return stop_secret(s);
}

int demo_choices(soci::session& s, long long now) {
  const long long weekly = db::query(
      s,
      "INSERT INTO notification_choices (org_id, user_id, group_id, choice, updated_at) SELECT gm.org_id, gm.user_id, "
      "gm.group_id, 'weekly', $1 FROM group_members gm JOIN users u ON u.id = gm.user_id JOIN organisations o ON "
      "o.id = gm.org_id WHERE o.slug = 'demo' AND u.email = 'ngozi@demo.example' ON CONFLICT (user_id, group_id) "
      "DO NOTHING",
      {now});
  // Priya is not in the coffee mornings' group and stopped its emails from one of them: her "how we contact you"
  // page shows it among the groups she is not in, where she can change it back.
  const long long stopped = db::query(
      s,
      "INSERT INTO notification_choices (org_id, user_id, group_id, choice, updated_at) SELECT m.org_id, m.user_id, "
      "g.id, 'none', $1 FROM memberships m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.org_id "
      "JOIN org_groups g ON g.org_id = o.id AND g.name = 'Monday coffee mornings' WHERE o.slug = 'demo' AND "
      "u.email = 'priya@demo.example' AND NOT EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = g.id AND "
      "gm.user_id = m.user_id) ON CONFLICT (user_id, group_id) DO NOTHING",
      {now});
  return static_cast<int>(weekly + stopped);
}

}  // namespace roundtable::notifications::store
