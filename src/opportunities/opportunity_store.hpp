/// The only place the opportunities module's SQL lives. Every function takes the caller's session; changes run inside
/// the service's db::WriteTransaction. Queries per page stay constant however many opportunities and applicants there
/// are. `today` turns an open opportunity whose closing date has passed into a closed one as it is read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "opportunities/opportunity.hpp"

namespace soci {
class session;
}

namespace roundtable::opportunities::store {

/// The new opportunity's id, or 0 when one with this create key exists already (the same form, sent twice).
long long insert(soci::session& s, long long org_id, long long group_id, const OpportunityDetails& d, State state,
                 std::string_view create_key, long long actor, long long now);
std::optional<long long> find_by_create_key(soci::session& s, long long org_id, std::string_view create_key);
/// The opportunity (in this organisation) with the viewer's role in its group and their expression of interest, in
/// one query.
std::optional<OpportunityForViewer> find_for_viewer(soci::session& s, long long org_id, long long id, long long viewer,
                                                    const Date& today);

/// A public opportunity as anyone may read it, with its organisation's name.
struct Public {
  std::string org_name;
  std::string org_slug;
  Opportunity opportunity;
};
/// Only one advertised to everyone that is open, closed or filled (never a draft).
std::optional<Public> find_public(soci::session& s, std::string_view org_slug, long long id, const Date& today);

/// Takes the opportunity's row for this transaction while it is open or closed (not a draft, not filled): on
/// PostgreSQL a change to who applied or who is selected waits here for an outcome being told, and then finds it
/// filled. False when it is not there or not in one of those states.
bool hold_undecided(soci::session& s, long long id);
void update_details(soci::session& s, long long id, const OpportunityDetails& d, long long now);
void set_state(soci::session& s, long long id, State state, long long now);
/// Marks it filled (the outcome told) unless it is already, or a draft: false then. On PostgreSQL a second telling at
/// the same moment waits for the first here and then finds it filled, so nobody is told twice.
bool set_filled(soci::session& s, long long id, long long now);

/// The organisation's open opportunities (closing date today or later), closing soonest first, with whether the
/// viewer expressed interest.
std::vector<OpportunityListed> list_open(soci::session& s, long long org_id, long long viewer, const Date& today);
/// Every opportunity of the group, newest first (drafts too: the pages decide who sees them).
std::vector<OpportunityListed> list_for_group(soci::session& s, long long group_id, long long viewer,
                                              const Date& today);

void upsert_interest(soci::session& s, long long id, long long org_id, long long user_id, std::string_view message,
                     std::string_view help, long long now);
/// Whether there was one to take back.
bool delete_interest(soci::session& s, long long id, long long user_id);
/// Everyone who expressed interest, oldest first, with their member types in the organisation.
std::vector<Interest> interests(soci::session& s, long long id);
/// The upload id of the person's recording, when their interest has one.
std::optional<long long> recording_of(soci::session& s, long long id, long long user_id);
/// Points the person's interest at a recording (an upload), or at none.
void set_recording(soci::session& s, long long id, long long user_id, std::optional<long long> upload_id);

/// The purpose code of interest recordings in the uploads table.
inline constexpr std::string_view kRecordingPurposeCode = "opportunity_interest";

/// What deciding who may fetch a recording needs: the opportunity its interest belongs to and the viewer's role in
/// that opportunity's group.
struct RecordingAccess {
  long long org_id = 0;
  State stored = State::draft;
  std::string closes_on;
  bool group_archived = false;
  std::optional<GroupRole> group_role;
};
/// For the upload of an interest's recording; nullopt when no interest holds it (any more).
std::optional<RecordingAccess> recording_access(soci::session& s, long long upload_id, long long viewer);
/// Removes the rows of recordings no interest holds any more (their person left the organisation, which took the
/// interest with it) uploaded before `before`; housekeeping's sweep then removes their files. Returns how many.
long long purge_unused_recordings(soci::session& s, long long before);

/// Whether the person had expressed interest.
bool set_shortlisted(soci::session& s, long long id, long long user_id, bool on);
bool set_selected(soci::session& s, long long id, long long user_id, bool on);

/// Someone who applied and has not been told the outcome yet.
struct Untold {
  long long user_id = 0;
  std::string email;
  std::string name;
  core::Lang lang = core::Lang::en;
  bool selected = false;
};
std::vector<Untold> untold(soci::session& s, long long id);
void mark_told(soci::session& s, long long id, long long user_id, long long now);
/// The organisation's name and slug.
std::pair<std::string, std::string> org_of(soci::session& s, long long org_id);

// For demo data.
long long count_for_org(soci::session& s, long long org_id);

}  // namespace roundtable::opportunities::store
