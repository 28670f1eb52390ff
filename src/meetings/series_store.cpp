#include "meetings/series_store.hpp"

#include <algorithm>
#include <map>

#include "db/keyset.hpp"
#include "db/query.hpp"
#include "organisations/organisation.hpp"

namespace roundtable::meetings::series_store {

namespace {

const std::string kColumns =
    "ms.id, ms.org_id, ms.group_id, g.name, g.visibility, g.archived_at, ms.title, ms.purpose, ms.frequency, "
    "ms.weekday, ms.week_of_month, ms.start_minute, ms.length_minutes, ms.online_url, ms.venue, ms.access, "
    "ms.access_notes, ms.first_date, ms.last_date, ms.open_to_org, ms.rule_member_type, ms.rule_months, ms.created_at";
constexpr int kColumnCount = 23;

Series series_of(const db::Row& r) {
  Series out;
  out.id = r.integer(0);
  out.org_id = r.integer(1);
  out.group_id = r.integer(2);
  out.group_name = r.string(3);
  out.group_visibility = groups::parse_visibility(r.text(4)).value_or(groups::Visibility::members);
  out.group_archived = !r.null(5);
  auto& d = out.details;
  d.title = r.string(6);
  d.purpose = r.string(7);
  d.recurrence.frequency = series::parse_frequency(r.text(8)).value_or(series::Frequency::monthly);
  d.recurrence.weekday = static_cast<int>(r.integer(9));
  d.recurrence.week_of_month = static_cast<int>(r.integer(10));
  d.start_minute = static_cast<int>(r.integer(11));
  d.length_minutes = static_cast<int>(r.integer(12));
  d.online_url = r.string(13);
  d.venue = r.string(14);
  d.access = parse_access_list(r.text(15));
  d.access_notes = r.string(16);
  d.first = series::parse_date(r.text(17)).value_or(series::Date{});
  d.last = series::parse_date(r.text(18));
  d.open_to_organisation = r.integer(19) != 0;
  d.rule.member_type = r.string(20);
  d.rule.months = static_cast<int>(r.integer(21));
  out.created_at = r.integer(22);
  return out;
}

}  // namespace

long long insert(soci::session& s, long long org_id, long long group_id, const SeriesDetails& d,
                 std::string_view create_key, long long actor, long long now) {
  long long id = 0;
  const auto access = access_list_code(d.access);
  const auto first = series::date_text(d.first);
  const auto last = d.last ? series::date_text(*d.last) : std::string();
  db::query(s,
            "INSERT INTO meeting_series (org_id, group_id, title, purpose, frequency, weekday, week_of_month, "
            "start_minute, length_minutes, online_url, venue, access, access_notes, first_date, last_date, "
            "open_to_org, rule_member_type, rule_months, create_key, created_by, created_at, updated_at) VALUES ($1, "
            "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21) ON "
            "CONFLICT (org_id, create_key) DO NOTHING RETURNING id",
            {org_id,
             group_id,
             d.title,
             d.purpose,
             series::frequency_code(d.recurrence.frequency),
             static_cast<long long>(d.recurrence.weekday),
             static_cast<long long>(d.recurrence.week_of_month),
             static_cast<long long>(d.start_minute),
             static_cast<long long>(d.length_minutes),
             d.online_url,
             d.venue,
             access,
             d.access_notes,
             first,
             last,
             d.open_to_organisation ? 1LL : 0LL,
             d.rule.member_type,
             static_cast<long long>(d.rule.months),
             create_key,
             actor,
             now},
            [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM meeting_series WHERE org_id = $1 AND create_key = $2", {org_id, create_key},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

std::optional<series::SeriesForViewer> find_for_viewer(soci::session& s, long long org_id, long long id,
                                                       long long viewer) {
  std::optional<series::SeriesForViewer> out;
  db::query(s,
            "SELECT " + kColumns +
                ", gm.role FROM meeting_series ms JOIN org_groups g ON g.id = ms.group_id LEFT JOIN group_members gm "
                "ON gm.group_id = ms.group_id AND gm.user_id = $3 WHERE ms.id = $2 AND ms.org_id = $1",
            {org_id, id, viewer}, [&](const db::Row& r) {
              series::SeriesForViewer v;
              v.series = series_of(r);
              if (!r.null(kColumnCount)) v.group_role = groups::parse_group_role(r.text(kColumnCount));
              out = std::move(v);
            });
  return out;
}

void update(soci::session& s, long long id, const SeriesDetails& d, long long now) {
  const auto access = access_list_code(d.access);
  const auto last = d.last ? series::date_text(*d.last) : std::string();
  db::query(s,
            "UPDATE meeting_series SET title = $1, purpose = $2, start_minute = $3, length_minutes = $4, online_url = "
            "$5, venue = $6, access = $7, access_notes = $8, last_date = $9, open_to_org = $10, rule_member_type = "
            "$11, rule_months = $12, updated_at = $13 WHERE id = $14",
            {d.title, d.purpose, static_cast<long long>(d.start_minute), static_cast<long long>(d.length_minutes),
             d.online_url, d.venue, access, d.access_notes, last, d.open_to_organisation ? 1LL : 0LL,
             d.rule.member_type, static_cast<long long>(d.rule.months), now, id});
}

long long insert_session(soci::session& s, const Series& series, const series::Date& date, long long actor,
                         long long now) {
  const auto m = series::session_details(series.details, date);
  const auto access = access_list_code(m.access);
  const auto key = "series-" + std::to_string(series.id) + "-" + series::date_text(date);
  long long id = 0;
  db::query(s,
            "INSERT INTO meetings (org_id, group_id, title, purpose, starts_at, ends_at, online_url, venue, access, "
            "access_notes, create_key, created_by, created_at, updated_at, series_id, open_to_org) VALUES ($1, $2, "
            "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15) ON CONFLICT (org_id, create_key) DO "
            "NOTHING RETURNING id",
            {series.org_id, series.group_id, m.title, m.purpose, m.starts_at, m.ends_at, m.online_url, m.venue, access,
             m.access_notes, key, actor, now, series.id, series.details.open_to_organisation ? 1LL : 0LL},
            [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

std::optional<long long> latest_session(soci::session& s, long long series_id) {
  std::optional<long long> out;
  db::query(s, "SELECT MAX(starts_at) FROM meetings WHERE series_id = $1", {series_id}, [&](const db::Row& r) {
    if (!r.null(0)) out = r.integer(0);
  });
  return out;
}

std::vector<std::pair<long long, long long>> sessions_to_come(soci::session& s, long long series_id, long long now) {
  std::vector<std::pair<long long, long long>> out;
  db::query(s,
            "SELECT id, starts_at FROM meetings WHERE series_id = $1 AND starts_at > $2 AND cancelled_at IS NULL "
            "ORDER BY starts_at, id",
            {series_id, now}, [&](const db::Row& r) { out.emplace_back(r.integer(0), r.integer(1)); });
  return out;
}

void update_session(soci::session& s, long long meeting_id, const MeetingDetails& d, bool open, long long now) {
  const auto access = access_list_code(d.access);
  db::query(s,
            "UPDATE meetings SET title = $1, purpose = $2, starts_at = $3, ends_at = $4, online_url = $5, venue = $6, "
            "access = $7, access_notes = $8, open_to_org = $9, updated_at = $10 WHERE id = $11",
            {d.title, d.purpose, d.starts_at, d.ends_at, d.online_url, d.venue, access, d.access_notes,
             open ? 1LL : 0LL, now, meeting_id});
}

std::vector<series::Session> sessions(soci::session& s, long long series_id, long long viewer) {
  std::vector<series::Session> out;
  db::query(s,
            "SELECT m.id, m.starts_at, m.ends_at, m.cancelled_at, (SELECT COUNT(*) FROM meeting_rsvps x WHERE "
            "x.meeting_id = m.id AND x.answer = 'going'), r.answer FROM meetings m LEFT JOIN meeting_rsvps r ON "
            "r.meeting_id = m.id AND r.user_id = $2 WHERE m.series_id = $1 ORDER BY m.starts_at, m.id",
            {series_id, viewer}, [&](const db::Row& r) {
              series::Session one;
              one.id = r.integer(0);
              one.starts_at = r.integer(1);
              one.ends_at = r.integer(2);
              one.cancelled = !r.null(3);
              one.going = r.integer(4);
              if (!r.null(5)) one.mine = parse_answer(r.text(5));
              out.push_back(one);
            });
  return out;
}

std::vector<std::pair<long long, std::string>> for_group(soci::session& s, long long group_id) {
  std::vector<std::pair<long long, std::string>> out;
  db::query(s, "SELECT id, title FROM meeting_series WHERE group_id = $1 ORDER BY title, id", {group_id},
            [&](const db::Row& r) { out.emplace_back(r.integer(0), r.string(1)); });
  return out;
}

std::vector<OpenSeries> open_for_org(soci::session& s, long long org_id, long long now) {
  std::vector<OpenSeries> out;
  db::query(s,
            "SELECT ms.id, ms.title, g.name, (SELECT MIN(m.starts_at) FROM meetings m WHERE m.series_id = ms.id AND "
            "m.starts_at > $2 AND m.cancelled_at IS NULL) FROM meeting_series ms JOIN org_groups g ON g.id = "
            "ms.group_id WHERE ms.org_id = $1 AND ms.open_to_org = 1 AND g.archived_at IS NULL ORDER BY ms.title, "
            "ms.id",
            {org_id, now}, [&](const db::Row& r) {
              OpenSeries o;
              o.id = r.integer(0);
              o.title = r.string(1);
              o.group_name = r.string(2);
              o.next_starts_at = r.null(3) ? 0 : r.integer(3);
              out.push_back(std::move(o));
            });
  return out;
}

std::vector<std::pair<long long, std::string>> with_rule_for_org(soci::session& s, long long org_id) {
  std::vector<std::pair<long long, std::string>> out;
  db::query(s,
            "SELECT ms.id, ms.rule_member_type FROM meeting_series ms JOIN org_groups g ON g.id = ms.group_id WHERE "
            "ms.org_id = $1 AND ms.open_to_org = 1 AND g.archived_at IS NULL AND ms.rule_months > 0 AND "
            "ms.rule_member_type <> '' ORDER BY ms.id",
            {org_id}, [&](const db::Row& r) { out.emplace_back(r.integer(0), r.string(1)); });
  return out;
}

std::vector<series::ReportPerson> report_people(soci::session& s, long long org_id, long long series_id,
                                                std::string_view member_type, long long now) {
  // People of the member type, and people who came: one row each with their member types.
  std::vector<series::ReportPerson> people;
  std::map<long long, std::size_t> at;
  db::query(s,
            "SELECT ms.user_id, u.name, ms.created_at, mt.type FROM memberships ms JOIN users u ON u.id = ms.user_id "
            "LEFT JOIN member_types mt ON mt.org_id = ms.org_id AND mt.user_id = ms.user_id WHERE ms.org_id = $1 AND "
            "(EXISTS (SELECT 1 FROM member_types t WHERE t.org_id = ms.org_id AND t.user_id = ms.user_id AND t.type = "
            "$3) OR EXISTS (SELECT 1 FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE "
            "m.series_id = $2 AND a.user_id = ms.user_id AND a.status = 'present')) ORDER BY u.name, ms.user_id, "
            "mt.type",
            {org_id, series_id, member_type}, [&](const db::Row& r) {
              // One row per member type: the person's first row makes them.
              const long long user = r.integer(0);
              if (!at.contains(user)) {
                series::ReportPerson p;
                p.user_id = user;
                p.name = r.string(1);
                p.joined_at = r.integer(2);
                at[user] = people.size();
                people.push_back(std::move(p));
              }
              if (!r.null(3)) people[at[user]].member_types.push_back(r.string(3));
            });
  // What each came to, and the sessions to come they are going to.
  db::query(s,
            "SELECT a.user_id, m.starts_at, 1 FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE "
            "m.series_id = $1 AND a.status = 'present' UNION ALL SELECT r.user_id, m.starts_at, 0 FROM meeting_rsvps "
            "r JOIN meetings m ON m.id = r.meeting_id WHERE m.series_id = $1 AND r.answer = 'going' AND m.starts_at > "
            "$2 AND m.cancelled_at IS NULL ORDER BY 2",
            {series_id, now}, [&](const db::Row& r) {
              const auto found = at.find(r.integer(0));
              if (found == at.end()) return;
              auto& p = people[found->second];
              (r.integer(2) == 1 ? p.attended : p.going).push_back(r.integer(1));
            });
  return people;
}

namespace {

/// The rule covers the membership `ms`: parameter $since is the start of the first joining date covered, $type the
/// member type, tested on the membership's copy of its member types (migration 0068; no code is part of another), so
/// a page read along memberships_directory needs neither the table nor member_types for it (migration 0069).
std::string covered_sql(int since, int type) {
  return "(ms.created_at >= $" + std::to_string(since) + " AND (',' || ms.member_types || ',') LIKE ('%,' || CAST($" +
         std::to_string(type) + " AS TEXT) || ',%'))";
}

}  // namespace

std::vector<Candidate> session_candidates(soci::session& s, const Meeting& session, std::string_view member_type,
                                          long long covered_since, std::optional<long long> only) {
  std::vector<Candidate> out;
  const std::string covered = covered_sql(5, 6);
  db::query(s,
            "SELECT u.id, u.email, u.name, u.lang, gm.user_id, CASE WHEN " + covered +
                " THEN 1 ELSE 0 END, CASE WHEN EXISTS (SELECT 1 FROM meeting_attendance a JOIN meetings x ON x.id = "
                "a.meeting_id WHERE x.series_id = $4 AND a.user_id = ms.user_id AND a.status = 'present') THEN 1 ELSE "
                "0 END, r.answer FROM memberships ms JOIN users u ON u.id = ms.user_id LEFT JOIN group_members gm ON "
                "gm.group_id = $2 AND gm.user_id = ms.user_id LEFT JOIN meeting_rsvps r ON r.meeting_id = $3 AND "
                "r.user_id = ms.user_id WHERE ms.org_id = $1" +
                (only ? " AND ms.user_id = $7" : "") + " AND (gm.user_id IS NOT NULL OR r.user_id IS NOT NULL OR " +
                covered + ") ORDER BY u.id",
            only ? std::vector<db::Param>{session.org_id, session.group_id, session.id, session.series_id,
                                          covered_since, member_type, *only}
                 : std::vector<db::Param>{session.org_id, session.group_id, session.id, session.series_id,
                                          covered_since, member_type},
            [&](const db::Row& r) {
              Candidate c;
              c.to.user_id = r.integer(0);
              c.to.email = r.string(1);
              c.to.name = r.string(2);
              c.to.lang = core::parse_lang(r.text(3)).value_or(core::Lang::en);
              c.in_group = !r.null(4);
              c.rule_covers = r.integer(5) != 0;
              c.came = r.integer(6) != 0;
              if (!r.null(7)) c.reply = parse_answer(r.text(7));
              out.push_back(std::move(c));
            });
  return out;
}

namespace {

/// The rule covers the membership `ms`: $3 the start of the first joining date covered, $4 the member type.
const std::string kCovered = covered_sql(3, 4);
/// The person came to a session of the series $2. Who came is found once for the statement and each membership looked
/// up in it (SQLite keeps the list in an index of its own, PostgreSQL in a hash), not searched for each membership the
/// page steps over: that search was a tenth of the report's instructions on SQLite (docs/PERFORMANCE.md).
const std::string kCame =
    "ms.user_id IN (SELECT a.user_id FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE "
    "m.series_id = $2 AND a.status = 'present')";

}  // namespace

void members_version(db::Batch& b, long long org_id, long long& out) {
  b.add("SELECT version FROM members_versions WHERE org_id = $1", {org_id},
        [&out](const db::Row& r) { out = r.integer(0); });
}

long long covered_count(soci::session& s, long long org_id, std::string_view member_type, long long covered_since) {
  long long n = 0;
  // From the member types (not by testing every member of the organisation).
  db::query(s,
            "SELECT COUNT(*) FROM member_types t JOIN memberships c ON c.org_id = t.org_id AND c.user_id = t.user_id "
            "WHERE t.org_id = $1 AND t.type = $2 AND c.created_at >= $3",
            {org_id, member_type, covered_since}, [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

void report_summary(db::Batch& b, long long org_id, long long series_id, std::string_view member_type,
                    long long covered_since, series::ReportSummary& out) {
  // Who came, from the series' attendance, with whether each is covered: each of them found in memberships (CROSS
  // JOIN keeps that order; SQLite would otherwise read every membership of the organisation along the covering
  // memberships_directory to test each against them).
  b.add("SELECT COALESCE(SUM(CASE WHEN " + kCovered +
            " THEN 1 ELSE 0 END), 0), COUNT(*) FROM (SELECT DISTINCT a.user_id FROM meeting_attendance a JOIN "
            "meetings m ON m.id = a.meeting_id WHERE m.series_id = $2 AND a.status = 'present') came CROSS JOIN "
            "memberships ms WHERE ms.org_id = $1 AND ms.user_id = came.user_id",
        {org_id, series_id, covered_since, member_type}, [&out](const db::Row& r) {
          out.must_came = r.integer(0);
          out.came = r.integer(1);
        });
}

void report_rows(db::Batch& b, long long org_id, long long series_id, std::string_view member_type,
                 long long covered_since, const ReportQuery& q, ReportRows& out) {
  const db::KeysetCursor cursor{q.after, q.before};
  std::vector<db::Param> params{org_id, series_id, covered_since, member_type};
  std::string sql =
      "SELECT ms.user_id, ms.name, ms.created_at, CASE WHEN " + kCovered + " THEN 1 ELSE 0 END, CASE WHEN " + kCame +
      " THEN 1 ELSE 0 END, ms.member_types FROM memberships ms WHERE ms.org_id = $1 AND " +
      (q.not_yet_only ? "(" + kCovered + " AND NOT " + kCame + ")" : "(" + kCovered + " OR " + kCame + ")");
  // The page starts after (or ends before) a person named by id only, so no name is in the address. In the member
  // directory's order (memberships_directory): the page is read along that index until it has its people, instead of
  // testing and sorting every member of the organisation (14 ms a page with 10,000). The name is the membership's copy
  // (migration 0073), in that index too.
  sql +=
      cursor.page_sql({"ms.sort_name", "ms.user_id"},
                      "SELECT c.sort_name, c.user_id FROM memberships c WHERE c.org_id = $1 AND c.user_id = ", params,
                      static_cast<long long>(q.limit + 1));
  b.add(sql, params, [&out](const db::Row& r) {
    series::ReportRow row;
    row.person.user_id = r.integer(0);
    row.person.name = r.string(1);
    row.person.joined_at = r.integer(2);
    row.must = r.integer(3) != 0;
    row.came = r.integer(4) != 0;
    // The membership's copy of the member types (migration 0068), in their codes' order.
    for (const auto t : organisations::member_types_of(r.text(5))) {
      row.person.member_types.emplace_back(organisations::member_type_code(t));
    }
    out.rows.push_back(std::move(row));
  });
  b.then([&out, cursor, limit = q.limit] {
    const bool more = out.rows.size() > static_cast<std::size_t>(limit);
    if (more) out.rows.pop_back();
    if (cursor.backwards()) std::reverse(out.rows.begin(), out.rows.end());
    out.more_before = cursor.more_before(more);
    out.more_after = cursor.more_after(more);
  });
}

void report_sessions(soci::session& s, long long series_id, long long now, ReportRows& out) {
  if (out.rows.empty()) return;
  std::map<long long, std::size_t> at;
  std::vector<long long> ids;
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    at[out.rows[i].person.user_id] = i;
    ids.push_back(out.rows[i].person.user_id);
  }
  std::vector<db::Param> session_params{series_id, now};
  const auto session_ids = db::id_list(session_params, ids);
  db::query(s,
            "SELECT a.user_id, m.starts_at, 1 FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE "
            "m.series_id = $1 AND a.status = 'present' AND a.user_id IN (" +
                session_ids +
                ") UNION ALL SELECT r.user_id, m.starts_at, 0 FROM meeting_rsvps r JOIN meetings m ON m.id = "
                "r.meeting_id WHERE m.series_id = $1 AND r.answer = 'going' AND m.starts_at > $2 AND m.cancelled_at "
                "IS NULL AND r.user_id IN (" +
                session_ids + ") ORDER BY 2",
            session_params, [&](const db::Row& r) {
              const auto found = at.find(r.integer(0));
              if (found == at.end()) return;
              auto& p = out.rows[found->second].person;
              (r.integer(2) == 1 ? p.attended : p.going).push_back(r.integer(1));
            });
}

long long count_for_org(soci::session& s, long long org_id) {
  long long n = 0;
  db::query(s, "SELECT COUNT(*) FROM meeting_series WHERE org_id = $1", {org_id},
            [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

}  // namespace roundtable::meetings::series_store
