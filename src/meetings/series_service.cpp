// Series of open sessions: making one and its sessions, changing it, more dates, its page and its report.
#include "meetings/series_service.hpp"

#include <algorithm>
#include <limits>

#include "db/query.hpp"
#include "db/transaction.hpp"
#include "groups/group_store.hpp"
#include "meetings/meeting_invitation.hpp"
#include "meetings/meeting_store.hpp"
#include "meetings/series_store.hpp"

namespace roundtable::meetings {

namespace {

using policy::Action;

policy::Facts facts_of(const series::Series& s) {
  return {s.group_visibility, s.group_archived, false, false, s.details.open_to_organisation};
}

bool allowed(const Who& who, const series::SeriesForViewer& v, Action action) {
  return policy::allows({who.org_role, who.two_step, v.group_role}, action, facts_of(v.series)) ==
         policy::Verdict::allow;
}

/// Makes the sessions from `from` for the months ahead, up to the series' last date, each invited to as any new
/// meeting is (invite_to_new_meeting: the same step as the meeting form's); how many.
int make_sessions(soci::session& s, const series::Series& sr, const series::Date& from, long long actor, long long now,
                  const SessionMail* mail /* nullptr: no emails (demo data) */) {
  auto until = series::add_months(from, series::kMonthsAhead);
  if (sr.details.last && *sr.details.last < until) until = *sr.details.last;
  const auto dates = series::session_dates(sr.details.recurrence, from, until, series::kMaxSessionsAtOnce);
  for (const auto& d : dates) {
    const long long id = series_store::insert_session(s, sr, d, actor, now);
    if (id != 0 && mail) invite_to_new_meeting(s, sr.org_id, id, mail->base_url, mail->mail_from, now);
  }
  return static_cast<int>(dates.size());
}

/// The session's calendar facts changed: its time, place or title.
bool calendar_changed(const MeetingDetails& a, const MeetingDetails& b) {
  return a.starts_at != b.starts_at || a.ends_at != b.ends_at || a.venue != b.venue || a.online_url != b.online_url ||
         a.title != b.title;
}

long long create_in(soci::session& s, const Who& who, long long org_id, long long group_id,
                    const series::SeriesDetails& d, const std::string& create_key, long long now,
                    const SessionMail* mail) {
  db::WriteTransaction tx(s);
  if (auto existing = series_store::find_by_create_key(s, org_id, create_key)) return *existing;
  const auto g = groups::store::find_for_viewer(s, org_id, group_id, who.user_id, groups::Documents::left_out);
  if (!g || g->group.archived()) return 0;
  const policy::Facts facts{g->group.details.visibility, false, false, false, false};
  if (policy::allows({who.org_role, who.two_step, g->role}, Action::schedule_meeting, facts) !=
      policy::Verdict::allow) {
    return 0;
  }
  // Two copies of the form at once: on PostgreSQL both may pass the look-up above; the insert's ON CONFLICT lets one
  // through and the other finds it.
  const long long id = series_store::insert(s, org_id, group_id, d, create_key, who.user_id, now);
  if (id == 0) return series_store::find_by_create_key(s, org_id, create_key).value_or(0);
  const auto made = series_store::find_for_viewer(s, org_id, id, who.user_id);
  if (!made) return 0;
  make_sessions(s, made->series, std::max(d.first, series::london_date(now)), who.user_id, now, mail);
  tx.commit();
  return id;
}

}  // namespace

std::optional<SessionMail> SeriesService::inviter() const {
  if (!mail_.base_url) return std::nullopt;
  return SessionMail{mail_.base_url(), mail_.mail_from ? mail_.mail_from() : std::string("roundtable@localhost")};
}

awaitable<std::optional<GroupSeries>> SeriesService::group_series(long long org_id, long long group_id,
                                                                  long long viewer) {
  auto op = db_.read([=](soci::session& s) -> std::optional<GroupSeries> {
    auto g = groups::store::find_for_viewer(s, org_id, group_id, viewer, groups::Documents::left_out);
    if (!g) return std::nullopt;
    return GroupSeries{std::move(*g), series_store::for_group(s, group_id)};
  });
  co_return co_await std::move(op);
}

awaitable<long long> SeriesService::create(Who who, long long org_id, long long group_id, series::SeriesDetails details,
                                           std::string create_key) {
  auto op = db_.run([=, this, d = std::move(details), key = std::move(create_key), mail = inviter()](soci::session& s) {
    return create_in(s, who, org_id, group_id, d, key, now(), mail ? &*mail : nullptr);
  });
  const long long id = co_await std::move(op);
  if (id != 0) woke_mail();
  co_return id;
}

long long SeriesService::create_now(long long org_id, long long group_id, long long actor,
                                    const series::SeriesDetails& details, const std::string& create_key, long long at) {
  return db_.run_sync([&](soci::session& s) {
    return create_in(s, {actor, core::Role::org_admin, true}, org_id, group_id, details, create_key, at, nullptr);
  });
}

awaitable<std::optional<SeriesPage>> SeriesService::page(long long org_id, long long id, long long viewer) {
  auto op = db_.read([=](soci::session& s) -> std::optional<SeriesPage> {
    auto v = series_store::find_for_viewer(s, org_id, id, viewer);
    if (!v) return std::nullopt;
    return SeriesPage{std::move(*v), series_store::sessions(s, id, viewer)};
  });
  co_return co_await std::move(op);
}

awaitable<bool> SeriesService::update(Who who, long long org_id, long long id, series::SeriesDetails details) {
  auto op = db_.run([=, this, d = std::move(details), mail = inviter()](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto v = series_store::find_for_viewer(s, org_id, id, who.user_id);
    if (!v || v->series.group_archived || !allowed(who, *v, Action::schedule_meeting)) return false;
    // The pattern and the first date stay as they were.
    auto kept = d;
    kept.recurrence = v->series.details.recurrence;
    kept.first = v->series.details.first;
    const long long at = now();
    series_store::update(s, id, kept, at);
    for (const auto& [meeting, starts_at] : series_store::sessions_to_come(s, id, at)) {
      const auto was = store::find_for_viewer(s, org_id, meeting, 0);
      const auto next = series::session_details(kept, series::london_date(starts_at));
      series_store::update_session(s, meeting, next, kept.open_to_organisation, at);
      if (!was || !calendar_changed(was->meeting.details, next)) continue;
      // A newer version of the same calendar event, emailed as an update, as when one meeting changes.
      store::next_sequence(s, meeting);
      if (!mail) continue;
      Meeting changed = was->meeting;
      changed.details = next;
      changed.open_to_organisation = kept.open_to_organisation;
      changed.updated_at = at;
      ++changed.sequence;
      queue_invitations(s, changed, InvitationKind::changed, mail->base_url, mail->mail_from, at);
    }
    tx.commit();
    return true;
  });
  const bool done = co_await std::move(op);
  if (done) woke_mail();
  co_return done;
}

awaitable<std::optional<int>> SeriesService::add_dates(Who who, long long org_id, long long id) {
  auto op = db_.run([=, this, mail = inviter()](soci::session& s) -> std::optional<int> {
    db::WriteTransaction tx(s);
    const auto v = series_store::find_for_viewer(s, org_id, id, who.user_id);
    if (!v || v->series.group_archived || !allowed(who, *v, Action::schedule_meeting)) return std::nullopt;
    const long long at = now();
    auto from = std::max(v->series.details.first, series::london_date(at));
    if (const auto latest = series_store::latest_session(s, id)) {
      from = std::max(from, series::add_days(series::london_date(*latest), 1));
    }
    const int made = make_sessions(s, v->series, from, who.user_id, at, mail ? &*mail : nullptr);
    tx.commit();
    return made;
  });
  auto made = co_await std::move(op);
  if (made && *made > 0) woke_mail();
  co_return made;
}

awaitable<std::optional<SeriesReport>> SeriesService::report(Who who, long long org_id, long long id) {
  auto op = db_.read([=, this](soci::session& s) -> std::optional<SeriesReport> {
    auto v = series_store::find_for_viewer(s, org_id, id, who.user_id);
    if (!v || !allowed(who, *v, Action::see_checklist)) return std::nullopt;
    const long long at = now();
    auto people = series_store::report_people(s, org_id, id, v->series.details.rule.member_type, at);
    auto r = series::make_report(v->series.details.rule, std::move(people), series::london_date(at));
    return SeriesReport{std::move(*v), std::move(r)};
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<SeriesReportPage>> SeriesService::report_page(Who who, long long org_id, long long id,
                                                                      series_store::ReportQuery query) {
  auto op = db_.read([=, this](soci::session& s) -> std::optional<SeriesReportPage> {
    auto v = series_store::find_for_viewer(s, org_id, id, who.user_id);
    if (!v || !allowed(who, *v, Action::see_checklist)) return std::nullopt;
    const long long at = now();
    const auto& rule = v->series.details.rule;
    // With no rule nobody is covered: a start no one joined at or after.
    const long long since = rule.months > 0 && !rule.member_type.empty()
                                ? series::london_midnight(series::covered_from(rule, series::london_date(at)))
                                : std::numeric_limits<long long>::max();
    // The members version, who came, and the page's people together (one round trip on PostgreSQL); then how many
    // the rule covers (kept for that version) and the sessions of the page's people.
    long long version = 0;
    series::ReportSummary summary;
    series_store::ReportRows page;
    db::Batch b(s);
    series_store::members_version(b, org_id, version);
    series_store::report_summary(b, org_id, id, rule.member_type, since, summary);
    series_store::report_rows(b, org_id, id, rule.member_type, since, query, page);
    b.run();
    summary.must = covered(s, org_id, rule.member_type, since, version);
    summary.not_yet = summary.must - summary.must_came;
    series_store::report_sessions(s, id, at, page);
    return SeriesReportPage{std::move(*v), summary, std::move(page)};
  });
  co_return co_await std::move(op);
}

long long SeriesService::covered(soci::session& s, long long org_id, const std::string& member_type, long long since,
                                 long long version) {
  // The version is read before the count, in the same read: a count newer than its version is only counted again
  // once more.
  CoveredKey key{org_id, member_type, since};
  {
    std::lock_guard lock(covered_mutex_);
    if (const auto it = covered_.find(key); it != covered_.end() && it->second.first == version) {
      return it->second.second;
    }
  }
  const long long n = series_store::covered_count(s, org_id, member_type, since);
  std::lock_guard lock(covered_mutex_);
  // Bounded: a key per organisation, rule and day.
  if (covered_.size() >= 4096) covered_.clear();
  auto& kept = covered_[std::move(key)];
  if (version >= kept.first) kept = {version, n};
  return n;
}

awaitable<std::vector<series_store::OpenSeries>> SeriesService::open_sessions(long long org_id) {
  auto op = db_.read([=, this](soci::session& s) { return series_store::open_for_org(s, org_id, now()); });
  co_return co_await std::move(op);
}

}  // namespace roundtable::meetings
