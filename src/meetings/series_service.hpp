/// Series of open sessions (series.hpp): make one with its sessions for the months ahead, change it (and its
/// sessions to come), add more dates, read its page, the organisation's open sessions, and the attendance report.
/// Each use case is one database visit in one transaction; changes ask the meetings policy again inside it.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <compare>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "groups/group.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/series.hpp"
#include "meetings/series_store.hpp"

namespace roundtable::meetings {

/// A group's series, for its page of series.
struct GroupSeries {
  groups::GroupForViewer group;
  std::vector<std::pair<long long, std::string>> series;
};

/// A series' page: the series as the viewer sees it and its sessions.
struct SeriesPage {
  series::SeriesForViewer series;
  std::vector<series::Session> sessions;
};

/// The attendance report of a series.
struct SeriesReport {
  series::SeriesForViewer series;
  series::Report report;
};

/// Where a series' invitations link to and come from.
struct SessionMail {
  std::string base_url;
  std::string mail_from;
};

/// A page of the attendance report of a series.
struct SeriesReportPage {
  series::SeriesForViewer series;
  series::ReportSummary summary;
  series_store::ReportRows page;
};

class SeriesService {
 public:
  /// mail: where invitations link to and come from (empty: the sessions are made without emails, as for demo data).
  SeriesService(db::Database& db, const core::Clock& clock, MailHooks mail = {})
      : db_(db), clock_(clock), mail_(std::move(mail)) {}

  awaitable<std::optional<GroupSeries>> group_series(long long org_id, long long group_id, long long viewer);
  /// Makes the series and its sessions for the months ahead (series::kMonthsAhead), each invited to as a meeting is
  /// (meeting_invitation.hpp). The same create_key twice makes
  /// one: the second call returns the first one's id (0: not allowed, or the group is not there or archived).
  awaitable<long long> create(Who who, long long org_id, long long group_id, series::SeriesDetails details,
                              std::string create_key);
  awaitable<std::optional<SeriesPage>> page(long long org_id, long long id, long long viewer);
  /// Changes the series and every session of it not yet started or called off (when, where, title, who may come);
  /// their replies stay; those whose time, place or title changed email an update. The pattern and first date stay as
  /// they were. False: not allowed or not there.
  awaitable<bool> update(Who who, long long org_id, long long id, series::SeriesDetails details);
  /// Makes the sessions of the months after the latest one (up to the last date); how many (nullopt: not allowed).
  awaitable<std::optional<int>> add_dates(Who who, long long org_id, long long id);
  /// A page of the report with its counts, in a constant number of queries however many people (nullopt: not there
  /// or not allowed).
  awaitable<std::optional<SeriesReportPage>> report_page(Who who, long long org_id, long long id,
                                                         series_store::ReportQuery query);
  /// The whole report, for its spreadsheet (nullopt: not there or not allowed).
  awaitable<std::optional<SeriesReport>> report(Who who, long long org_id, long long id);
  /// The organisation's open series, for every member.
  awaitable<std::vector<series_store::OpenSeries>> open_sessions(long long org_id);

  /// For demo data and tests, on the calling thread: the series' id.
  long long create_now(long long org_id, long long group_id, long long actor, const series::SeriesDetails& details,
                       const std::string& create_key, long long at);

  long long now() const { return clock_.now_seconds(); }

 private:
  /// Where invitations link to and come from, for a change's transaction (nullopt: none are sent).
  std::optional<SessionMail> inviter() const;
  void woke_mail() const {
    if (mail_.mail_queued) mail_.mail_queued();
  }

  /// How many people a rule covers (series_store::covered_count), kept for the organisation's members version so a
  /// view of the report does not read every member of the type (migration 0065).
  /// `version`: the organisation's members version, read in the same read before.
  long long covered(soci::session& s, long long org_id, const std::string& member_type, long long since,
                    long long version);

  db::Database& db_;
  const core::Clock& clock_;
  MailHooks mail_;
  struct CoveredKey {
    long long org_id;
    std::string member_type;
    long long since;
    auto operator<=>(const CoveredKey&) const = default;
  };
  std::mutex covered_mutex_;
  std::map<CoveredKey, std::pair<long long, long long>> covered_;  // -> (members version, count)
};

}  // namespace roundtable::meetings

namespace roundtable::meetings {

/// Demo data for `serve --demo`: the demo organisation's coffee-morning group gets a monthly series (the first
/// Wednesday, 10:00am) open to everyone, with the rule "staff who joined in the last 3 months must come to one";
/// three staff who joined recently, one of whom came, one who said they will come, one who has not answered. Returns
/// how many series it made (none when the organisation has one already).
int load_series_demo(db::Database& db, SeriesService& service, long long now);

}  // namespace roundtable::meetings
