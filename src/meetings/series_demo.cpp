// Demo data for series of open sessions: Demo County's monthly coffee morning and its new staff.
#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "groups/group_store.hpp"
#include "meetings/agenda_store.hpp"
#include "meetings/meeting_store.hpp"
#include "meetings/series_service.hpp"
#include "meetings/series_store.hpp"

namespace roundtable::meetings {

namespace {

using core::kDay;

struct NewStarter {
  const char* email;
  const char* name;
  /// How long ago they joined.
  int days_ago;
  /// Came to the session before today; said they are going to the next one.
  bool came;
  bool going;
};

/// Adds the person to the organisation as staff, joined `days_ago` days ago (unless they are there already).
long long new_starter(soci::session& s, long long org, const NewStarter& p, long long now) {
  if (auto id = groups::store::find_user_id(s, p.email)) return *id;
  const long long joined = now - p.days_ago * kDay;
  long long id = 0;
  db::query(s,
            "INSERT INTO users (email, name, lang, created_at, updated_at) VALUES ($1, $2, 'en', $3, $3) RETURNING id",
            {p.email, p.name, joined}, [&](const db::Row& r) { id = r.integer(0); });
  db::query(s, "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES ($1, $2, 'member', $3)",
            {org, id, joined});
  db::query(s, "INSERT INTO member_types (org_id, user_id, type) VALUES ($1, $2, 'staff')", {org, id});
  return id;
}

}  // namespace

int load_series_demo(db::Database& db, SeriesService& service, long long now) {
  struct Found {
    std::optional<long long> org, group, tom;
    long long existing = 0;
  };
  const auto found = db.run_sync([&](soci::session& s) {
    Found f;
    f.org = groups::store::find_org_id(s, "demo");
    if (!f.org) return f;
    f.existing = series_store::count_for_org(s, *f.org);
    f.group = groups::store::find_group_id(s, *f.org, "Monday coffee mornings");
    f.tom = groups::store::find_user_id(s, "tom@demo.example");
    return f;
  });
  if (!found.org || !found.group || !found.tom || found.existing > 0) return 0;
  // Made about four months ago, so some sessions are over.
  const long long made_at = now - 120 * kDay;
  series::SeriesDetails d;
  d.title = "Monthly coffee morning";
  d.purpose =
      "A friendly hour to meet carers, staff and partners, share news and try out ideas. Everyone in the partnership "
      "is welcome.\n\nNew staff: please come to one in your first three months.";
  d.recurrence = {series::Frequency::monthly, 1, 1};  // the first Monday: the group is "Monday coffee mornings"
  d.start_minute = 10 * 60;
  d.length_minutes = 60;
  d.venue = "Community Hub, 12 High Street, Demo Town";
  d.access = {Access::step_free, Access::hearing_loop, Access::public_transport};
  d.access_notes = "Step-free entrance at the side door. Tea, coffee and cake.";
  d.first = series::london_date(made_at);
  d.open_to_organisation = true;
  d.rule = {"staff", 3};
  const long long id = service.create_now(*found.org, *found.group, *found.tom, d, "demo-coffee-series", made_at);
  if (id == 0) return 0;
  const NewStarter starters[] = {
      {"aled@demo.example", "Aled Hughes", 60, true, false},
      {"bethan@demo.example", "Bethan Price", 40, false, true},
      {"chloe@demo.example", "Chloe Evans", 15, false, false},
  };
  db.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long org = *found.org;
    // The sessions: the last one before today, and the next one.
    std::optional<long long> last_held, next;
    for (const auto& one : series_store::sessions(s, id, 0)) {
      if (one.ends_at <= now) last_held = one.id;
      if (one.starts_at > now && !next) next = one.id;
    }
    for (const auto& p : starters) {
      const long long user = new_starter(s, org, p, now);
      if (p.came && last_held) {
        store::upsert_reply(s, *last_held, org, user, {}, now - 20 * kDay);
        store::upsert_attendance(s, *last_held, org, user, Attendance::present, now - 10 * kDay);
      }
      if (p.going && next) store::upsert_reply(s, *next, org, user, {}, now - kDay);
    }
    // Gareth (a member of the group) came too.
    if (const auto gareth = groups::store::find_user_id(s, "gareth@demo.example"); gareth && last_held) {
      store::upsert_attendance(s, *last_held, org, *gareth, Attendance::present, now - 10 * kDay);
    }
    tx.commit();
  });
  return 1;
}

}  // namespace roundtable::meetings
