/// Use cases for profiles: what a person brings and needs and how to reach them, their photo, a member's profile
/// as others in their organisation see it, and the member directory.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/search.hpp"
#include "organisations/organisation_service.hpp"
#include "profiles/directory.hpp"
#include "profiles/profile.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::profiles {

/// A member's profile as someone else in their organisation may see it.
struct MemberView {
  Profile profile;
  MembershipRow membership;
  /// Needs are shown only to facilitators and organisation admins, and only if the person agreed.
  bool needs_visible = false;
  /// True when the viewer is staff but the person has not agreed to share their needs.
  bool needs_withheld = false;
  /// Contact details (phone, contact notes, and the email address if email is one of the ways they chose) are shown to
  /// facilitators and organisation admins only, and not at all when the person withdrew consent to being contacted.
  bool contact_visible = false;
  bool contact_withdrawn = false;
  /// The person has an About Me page this viewer may see (filled in by the member page).
  bool about_me_visible = false;
};

/// Keeps a person's directory entries (one per organisation, in the search index) in step with their memberships:
/// give it to organisations::OrganisationService::set_member_index.
organisations::MemberIndex member_index(db::SearchIndex& search);

class ProfileService {
 public:
  /// clock: what time it is (tests pass a core::ManualClock to move time).
  ProfileService(db::Database& db, db::SearchIndex& search, const core::Clock& clock = core::system_clock())
      : db_(db), search_(search), clock_(clock) {}

  /// Where profile photos are kept (without it, photos cannot be added) and lets people see the photos of those
  /// they share an organisation with.
  void set_uploads(uploads::UploadService* uploads);
  uploads::UploadService* uploads() const { return uploads_; }
  /// What a profile photo may be: a picture of at most 10 MB, scaled down to 800 pixels.
  static uploads::Allowed photo_rules();
  /// Makes this (checked and cleaned) picture the person's photo; the old one's file is deleted.
  boost::asio::awaitable<void> set_photo(long long user_id, uploads::Prepared photo);
  /// Takes the person's photo away and deletes its file; false when there was none.
  boost::asio::awaitable<bool> remove_photo(long long user_id);
  /// The person's own profile.
  boost::asio::awaitable<std::optional<Profile>> profile(long long user_id);
  /// Saves the person's own profile; a change to sharing their needs is audited.
  boost::asio::awaitable<void> save_profile(Profile profile);
  /// An organisation's member directory: everyone by name, or found by words in their names, strengths, skills
  /// and interests (through the search index), filtered by member type and interest.
  boost::asio::awaitable<DirectoryPage> directory(long long org_id, DirectoryQuery query);
  /// Another member's profile for a viewer in the same organisation (nullopt when the person is not a member
  /// there). viewer_is_staff: a facilitator or organisation admin there. Viewing shared needs is audited.
  boost::asio::awaitable<std::optional<MemberView>> member_profile(long long viewer_id, long long org_id,
                                                                   long long subject_id, bool viewer_is_staff);

  /// The profile of the account with this email, if there is one.
  std::optional<Profile> profile_by_email_now(const std::string& email);
  void save_profile_now(const Profile& profile);

 private:
  db::Database& db_;
  db::SearchIndex& search_;
  const core::Clock& clock_;
  uploads::UploadService* uploads_ = nullptr;
};

}  // namespace roundtable::profiles
