/// The SQL of series of open sessions (series.hpp). Every function takes the caller's session; changes run inside
/// the service's db::WriteTransaction. Each page reads a constant number of queries however many sessions and people.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/query.hpp"
#include "meetings/agenda.hpp"
#include "meetings/series.hpp"

namespace soci {
class session;
}

namespace roundtable::meetings::series_store {

using series::Series;
using series::SeriesDetails;

/// The new series' id, or 0 when one with this create key exists already (the same form, sent twice).
long long insert(soci::session& s, long long org_id, long long group_id, const SeriesDetails& d,
                 std::string_view create_key, long long actor, long long now);
std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key);
/// The series (in this organisation) with the viewer's role in its group, in one query.
std::optional<series::SeriesForViewer> find_for_viewer(soci::session& s, long long org_id, long long id,
                                                       long long viewer);
void update(soci::session& s, long long id, const SeriesDetails& d, long long now);

/// Makes the session on the date unless it is there already (its create key is the series and the date).
/// Returns the new session's id, or 0 when it was there already.
long long insert_session(soci::session& s, const Series& series, const series::Date& date, long long actor,
                         long long now);
/// The start of the series' latest session, called off or not (nullopt: none yet).
std::optional<long long> latest_session(soci::session& s, long long series_id);
/// Sessions not yet started and not called off, soonest first, with their ids and start times.
std::vector<std::pair<long long, long long>> sessions_to_come(soci::session& s, long long series_id, long long now);
void update_session(soci::session& s, long long meeting_id, const MeetingDetails& d, bool open, long long now);
/// Every session, soonest first, with the viewer's answer.
std::vector<series::Session> sessions(soci::session& s, long long series_id, long long viewer);

/// The series of a group, by title (id, title).
std::vector<std::pair<long long, std::string>> for_group(soci::session& s, long long group_id);
/// The organisation's open series in groups that are not archived, with their next session's start (0: none).
struct OpenSeries {
  long long id = 0;
  std::string title;
  std::string group_name;
  long long next_starts_at = 0;
};
std::vector<OpenSeries> open_for_org(soci::session& s, long long org_id, long long now);

/// The organisation's series open to it, in groups that are not archived, that have an attendance rule: each one's id
/// and the member type its rule covers.
std::vector<std::pair<long long, std::string>> with_rule_for_org(soci::session& s, long long org_id);

/// For the report: everyone in the organisation with this member type, and everyone who came to a session of the
/// series, with their member types, when they joined, the sessions they came to and those to come they are going to.
std::vector<series::ReportPerson> report_people(soci::session& s, long long org_id, long long series_id,
                                                std::string_view member_type, long long now);

/// Whom a session of the series might be for (meeting_invitation.hpp): everyone in the group, everyone who replied
/// to the session, and everyone of the rule's member type who joined at or after `covered_since` (UTC seconds), each
/// once with what invited() needs; by id.
struct Candidate {
  Recipient to;
  bool in_group = false;
  bool rule_covers = false;
  bool came = false;
  std::optional<Answer> reply;
};
/// `only`: that one person (or nobody), for a membership that just changed, instead of everyone in the organisation.
std::vector<Candidate> session_candidates(soci::session& s, const Meeting& session, std::string_view member_type,
                                          long long covered_since, std::optional<long long> only = std::nullopt);

/// Which page of the report: everyone the rule covers and everyone who came (or, not_yet_only, those covered who have
/// not come), by name then id, `limit` of them after (or before) the person with that id.
struct ReportQuery {
  bool not_yet_only = false;
  long long after = 0;
  long long before = 0;
  int limit = 50;
};
struct ReportRows {
  std::vector<series::ReportRow> rows;
  /// More people come after the last row, or before the first.
  bool more_after = false;
  bool more_before = false;
};
/// The organisation's members version (migration 0065): it goes up with any change to who is a member, when they
/// joined or their member types; 0 before the first.
void members_version(db::Batch& b, long long org_id, long long& out);
/// How many people the rule covers: members of the organisation of that member type who joined at or after
/// covered_since (UTC seconds, the start of series::covered_from's date). It reads every such member: kept by the
/// service for the members version.
long long covered_count(soci::session& s, long long org_id, std::string_view member_type, long long covered_since);
/// The report's counts in one query: how many came, and how many of them the rule covers (the caller adds `must`,
/// covered_count, and what follows from it).
void report_summary(db::Batch& b, long long org_id, long long series_id, std::string_view member_type,
                    long long covered_since, series::ReportSummary& out);
/// A page of the report in two queries however many people there are: the people with their member types (the
/// membership's copy), added to the batch (report_rows), then the sessions they came to or are going to
/// (report_sessions, once the batch has run: it asks for the page's people).
void report_rows(db::Batch& b, long long org_id, long long series_id, std::string_view member_type,
                 long long covered_since, const ReportQuery& q, ReportRows& out);
void report_sessions(soci::session& s, long long series_id, long long now, ReportRows& out);

// For demo data.
long long count_for_org(soci::session& s, long long org_id);

}  // namespace roundtable::meetings::series_store
