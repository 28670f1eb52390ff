/// The SQL of series of open sessions (series.hpp). Every function takes the caller's session; changes run inside
/// the service's db::WriteTransaction. Each page reads a constant number of queries however many sessions and people.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
void insert_session(soci::session& s, const Series& series, const series::Date& date, long long actor, long long now);
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

/// For the report: everyone in the organisation with this member type, and everyone who came to a session of the
/// series, with their member types, when they joined, the sessions they came to and those to come they are going to.
std::vector<series::ReportPerson> report_people(soci::session& s, long long org_id, long long series_id,
                                                std::string_view member_type, long long now);

// For demo data.
long long count_for_org(soci::session& s, long long org_id);

}  // namespace roundtable::meetings::series_store
