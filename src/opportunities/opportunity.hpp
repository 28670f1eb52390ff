/// Recruitment into groups: an opportunity advertises a place in a group, people express interest in their own words,
/// and the group's facilitators shortlist, select and tell everyone the outcome. Plain types shared by the store, the
/// service, the policy and the pages (no SOCI, no Beast).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "groups/group.hpp"
#include "organisations/organisation.hpp"

namespace roundtable::opportunities {

using groups::GroupRole;
using organisations::MemberType;

/// Who it is advertised to.
enum class Audience {
  /// The organisation's members.
  members,
  /// Anyone: a public page; expressing interest still needs signing in as a member.
  everyone,
};

/// Where it is. `closed` is also what an open opportunity becomes once its closing date has passed (worked out on
/// reading, from the date); `filled` once everyone who applied was told the outcome.
enum class State { draft, open, closed, filled };

std::string_view audience_code(Audience a);
std::optional<Audience> parse_audience(std::string_view code);
std::string_view state_code(State s);
std::optional<State> parse_state(std::string_view code);

inline constexpr Audience kAllAudiences[] = {Audience::members, Audience::everyone};

/// A date as YYYY-MM-DD.
struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};
/// "2026-12-31" → the date, when it is a real one.
std::optional<Date> parse_date(std::string_view iso);
std::string date_code(const Date& d);
/// Today in the process's time zone (Europe/London unless TZ says otherwise).
Date local_date(long long unix_seconds);
/// Noon on that day, local time (to show it with view::format_date).
long long noon_of(const Date& d);

/// The state as people see it today: an open one whose closing date has passed is closed.
State state_on(State stored, std::string_view closes_on, const Date& today);

/// What the opportunity's form sets.
struct OpportunityDetails {
  std::string title;
  /// Markdown.
  std::string description;
  std::string time_asked;
  std::string payment;
  std::string support;
  /// YYYY-MM-DD
  std::string closes_on;
  Audience audience = Audience::members;
};

struct Opportunity {
  long long id = 0;
  long long org_id = 0;
  long long group_id = 0;
  std::string group_name;
  groups::Visibility group_visibility = groups::Visibility::organisation;
  bool group_archived = false;
  OpportunityDetails details;
  /// As stored (draft, open, closed or filled).
  State stored = State::draft;
  /// As it is today (state_on).
  State state = State::draft;
  long long created_at = 0;
  long long updated_at = 0;
  std::optional<long long> outcome_told_at;
  long long interest_count = 0;
};

/// A recording someone gave with their expression of interest (audio, or a video): an upload of purpose
/// kRecordingPurpose, at /files/{public_id}.
struct Recording {
  long long upload_id = 0;
  std::string public_id;
  /// The file's type as sniffed when it was uploaded ("audio/webm").
  std::string mime;
  bool video = false;
};

/// A person's expression of interest: their own words, a recording, or both.
struct Interest {
  long long user_id = 0;
  std::string name;
  std::vector<MemberType> member_types;
  std::string message;
  std::string help;
  std::optional<Recording> recording;
  bool shortlisted = false;
  bool selected = false;
  long long created_at = 0;
  long long updated_at = 0;
  std::optional<long long> told_at;
};

/// Where an applicant is, as the applicants page and its spreadsheet say it: not selected once the outcome was told
/// and they were not chosen.
enum class ApplicantStatus { interested, shortlisted, selected, not_selected };
ApplicantStatus applicant_status(const Interest& i);
std::string_view applicant_status_code(ApplicantStatus s);

/// An opportunity as one person sees it: with their role in its group and their own expression of interest.
struct OpportunityForViewer {
  Opportunity opportunity;
  std::optional<GroupRole> group_role;
  std::optional<Interest> mine;
};

/// A line in a list of opportunities.
struct OpportunityListed {
  long long id = 0;
  long long group_id = 0;
  std::string group_name;
  std::string title;
  std::string time_asked;
  std::string closes_on;
  Audience audience = Audience::members;
  State state = State::draft;
  long long interest_count = 0;
  /// The viewer expressed interest.
  bool mine = false;
};

}  // namespace roundtable::opportunities
