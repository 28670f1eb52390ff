/// The audit log of sensitive actions: who did what to whom, and when — never the sensitive data itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace roundtable::audit {

/// Actions are stable codes; pages show them in the reader's language ("audit.action.<code>").
namespace action {
inline constexpr const char* kSignedIn = "signed_in";
inline constexpr const char* kSignInFailed = "sign_in_failed";
inline constexpr const char* kSignInEmailSent = "sign_in_email_sent";
inline constexpr const char* kSignedOut = "signed_out";
inline constexpr const char* kSignedOutEverywhere = "signed_out_everywhere";
inline constexpr const char* kOrgCreated = "org_created";
inline constexpr const char* kOrgSettingsChanged = "org_settings_changed";
inline constexpr const char* kMemberAdded = "member_added";
inline constexpr const char* kRoleChanged = "role_changed";
inline constexpr const char* kMemberRemoved = "member_removed";
inline constexpr const char* kNeedsViewed = "needs_viewed";
inline constexpr const char* kNeedsSharingChanged = "needs_sharing_changed";
inline constexpr const char* kConsentChanged = "consent_changed";
inline constexpr const char* kPasswordResetRequested = "password_reset_requested";
inline constexpr const char* kPasswordChanged = "password_changed";
inline constexpr const char* kInvitationSent = "invitation_sent";
inline constexpr const char* kInvitationRevoked = "invitation_revoked";
inline constexpr const char* kInvitationAccepted = "invitation_accepted";
inline constexpr const char* kJoinRequested = "join_requested";
inline constexpr const char* kTwoStepOn = "two_step_on";
inline constexpr const char* kTwoStepOff = "two_step_off";
inline constexpr const char* kRecoveryCodesRenewed = "recovery_codes_renewed";
inline constexpr const char* kDataExported = "data_exported";
inline constexpr const char* kAccountErased = "account_erased";
/// Someone looked at another person's About Me page.
inline constexpr const char* kAboutMeViewed = "about_me_viewed";
}  // namespace action

struct Event {
  /// nullopt: a platform-wide event.
  std::optional<long long> org_id;
  std::optional<long long> actor_user_id;
  std::optional<long long> subject_user_id;
  std::string action;
  /// A code that is not sensitive (for member_added and role_changed: the role code); never needs, passwords or
  /// message text.
  std::string detail;
};

struct Entry {
  long long id = 0;
  long long created_at = 0;
  std::optional<long long> actor_user_id;
  /// Empty when the account no longer exists (shown as "former member").
  std::string actor_name;
  std::optional<long long> subject_user_id;
  std::string subject_name;
  std::string action;
  std::string detail;
};

}  // namespace roundtable::audit
