/// The opportunities module's use cases: advertise a place in a group, change, publish and close it, express (change,
/// take back) interest, shortlist and select, and tell everyone who applied the outcome in their language (the
/// selected join the group). Each use case is one database visit in one transaction. Who may do what is the policy's
/// job (opportunity_policy.hpp); the pages ask it before calling here, and the service keeps the rules a policy
/// cannot see (nobody is told twice; interest only while it is open).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "groups/group.hpp"
#include "opportunities/opportunity.hpp"
#include "opportunities/opportunity_store.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::organisations {
class OrganisationService;
}

namespace roundtable::opportunities {

using boost::asio::awaitable;

/// A group's opportunities page, read in one visit.
struct GroupOpportunities {
  groups::GroupForViewer group;
  std::vector<OpportunityListed> opportunities;
};

/// Why an expression of interest was not kept.
enum class InterestOutcome {
  done,
  /// The opportunity is not there, or not open any more.
  not_open,
  /// The person is in the group already.
  in_group,
  /// The person is no longer a member of the organisation.
  not_in_organisation,
};

/// What uploads calls the files of interest recordings (who may fetch them: register_recording_access).
inline const uploads::Purpose kRecordingPurpose{std::string(store::kRecordingPurposeCode)};

/// The recording rules of About Me's "Add a recording" and "Add a video" together: audio up to 25 MB or a video up
/// to 50 MB, checked by their content and with their metadata removed (uploads::prepare_file); never a photo.
uploads::Allowed recording_allowed();

/// What changing an expression of interest does to its recording.
struct RecordingChange {
  /// A new recording (checked and cleaned), replacing any there was.
  std::optional<uploads::Prepared> file;
  /// Remove the one there is (ignored when a new one is given).
  bool remove = false;
};

/// What telling the outcome did.
struct OutcomeTold {
  /// False when it was told already (or the opportunity is not there): nobody was told again.
  bool done = false;
  int selected = 0;
  int not_selected = 0;
};

class OpportunityService {
 public:
  /// organisations: where links in email point and who to wake when email is queued (nullptr in some tests).
  /// uploads: where recordings are kept (nullptr in tests without recordings: then none can be given).
  OpportunityService(db::Database& db, const core::Clock& clock,
                     const organisations::OrganisationService* organisations = nullptr,
                     uploads::UploadService* uploads = nullptr)
      : db_(db), clock_(clock), organisations_(organisations), uploads_(uploads) {}

  /// The group (in this organisation) as the viewer sees it, for advertising a place in it.
  awaitable<std::optional<groups::GroupForViewer>> group_for(long long org_id, long long group_id, long long viewer);
  /// The group and its opportunities (drafts too).
  awaitable<std::optional<GroupOpportunities>> group_opportunities(long long org_id, long long group_id,
                                                                   long long viewer);
  /// Advertises a place in the group, as a draft or open at once. The same create_key twice makes one: the second
  /// call returns the first one's id (0: the group is not there or archived).
  awaitable<long long> create_opportunity(long long org_id, long long group_id, long long actor,
                                          OpportunityDetails details, bool publish, std::string create_key);
  awaitable<std::optional<OpportunityForViewer>> opportunity_for(long long org_id, long long id, long long viewer);
  awaitable<std::optional<store::Public>> public_opportunity(std::string org_slug, long long id);
  /// The organisation's open opportunities.
  awaitable<std::vector<OpportunityListed>> open_opportunities(long long org_id, long long viewer);
  /// Everyone who expressed interest.
  awaitable<std::vector<Interest>> applicants(long long org_id, long long id);

  /// Changes what it says; false when it is gone or filled.
  awaitable<bool> update_opportunity(long long org_id, long long id, OpportunityDetails details);
  /// Publishes a draft; false when it was not one.
  awaitable<bool> open_opportunity(long long org_id, long long id);
  /// Closes an open one now; false when it was not open.
  awaitable<bool> close_opportunity(long long org_id, long long id);

  /// Keeps (or changes) the person's expression of interest, while it is open, with the change to its recording (a
  /// replaced or removed one is deleted). The form checks that there are words or a recording.
  awaitable<InterestOutcome> express_interest(long long org_id, long long id, long long user, std::string message,
                                              std::string help, RecordingChange recording = {});
  /// Takes it back (and deletes its recording), while it is open; false when there was none (or it has closed).
  awaitable<bool> withdraw_interest(long long org_id, long long id, long long user);
  /// Marks or unmarks an applicant as shortlisted (select: as selected) until the outcome is told; false when they
  /// did not apply or it is filled.
  awaitable<bool> mark(long long org_id, long long id, long long user, bool select, bool on);
  /// Tells everyone who applied the outcome, by email in their language: the selected join the group (as members),
  /// the others are thanked. It is then filled; nobody is ever told twice.
  awaitable<OutcomeTold> tell_outcome(long long org_id, long long id, long long actor);

  /// For demo data and tests, on the calling thread.
  long long create_now(long long org_id, long long group_id, long long actor, const OpportunityDetails& details,
                       State state, long long at);
  void express_interest_now(long long org_id, long long id, long long user, const std::string& message,
                            const std::string& help, long long at,
                            const std::optional<uploads::Prepared>& recording = std::nullopt);
  void mark_now(long long id, long long user, bool shortlisted, bool selected);
  /// send_mail false: the people are marked as told without email (demo data).
  OutcomeTold tell_outcome_now(long long org_id, long long id, long long actor, long long at, bool send_mail = true);

  /// Today, by the service's clock (forms check closing dates against it).
  Date today() const;
  const core::Clock& clock() const { return clock_; }
  /// Where recordings are kept; nullptr when the service has none.
  uploads::UploadService* uploads() const { return uploads_; }

 private:
  std::string base_url() const;

  db::Database& db_;
  const core::Clock& clock_;
  const organisations::OrganisationService* organisations_;
  uploads::UploadService* uploads_;
};

/// Who may fetch an interest's recording, for uploads (/files/...): its owner (the uploads rule), and whoever the
/// policy lets play it (hear_recording: the people who see the opportunity's applicants) while an interest holds it;
/// nobody else, not signed in, or in another organisation.
void register_recording_access(uploads::UploadService& uploads, const core::Clock& clock);

}  // namespace roundtable::opportunities
