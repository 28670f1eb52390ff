/// Organisations and memberships: plain types shared by the store, the service and the pages (no SOCI, no Beast).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account.hpp"
#include "core/i18n.hpp"
#include "core/roles.hpp"

namespace roundtable::organisations {

using accounts::is_plausible_email;
using accounts::normalise_email;
using accounts::User;

/// What a person may do in one organisation.
using core::Role;
/// How a person takes part; a member may have several.
enum class MemberType { lived_experience, unpaid_carer, staff, partner_organisation };
/// Whether anyone may join or only people who were invited.
enum class SignupMode { invitation, open };

std::string_view role_code(Role r);
std::optional<Role> parse_role(std::string_view code);
std::string_view member_type_code(MemberType t);
std::optional<MemberType> parse_member_type(std::string_view code);
/// Member types kept as comma-separated codes (copies on memberships and group_members, migrations 0025 and 0068), in
/// their codes' order; unknown codes are left out.
std::vector<MemberType> member_types_of(std::string_view codes);
std::string_view signup_mode_code(SignupMode m);
std::optional<SignupMode> parse_signup_mode(std::string_view code);

inline constexpr Role kAllRoles[] = {Role::org_admin, Role::facilitator, Role::finance, Role::member};
inline constexpr MemberType kAllMemberTypes[] = {MemberType::lived_experience, MemberType::unpaid_carer,
                                                 MemberType::staff, MemberType::partner_organisation};

struct Organisation {
  long long id = 0;
  std::string slug;
  std::string name;
  std::vector<core::Lang> languages{core::Lang::en, core::Lang::cy};
  SignupMode signup_mode = SignupMode::invitation;
  long long created_at = 0;
  long long member_count = 0;
  /// The organisation's logo, if it has one: its address (/files/...).
  std::string logo_url;
};

struct MembershipRow {
  long long org_id = 0;
  std::string org_slug;
  std::string org_name;
  Role role = Role::member;
  std::vector<MemberType> member_types;
  /// The organisation's logo (/files/...), or "" when it has none.
  std::string org_logo_url;
};

/// Languages as stored ("en,cy") and back.
std::string languages_code(const std::vector<core::Lang>& langs);
std::vector<core::Lang> parse_languages(std::string_view code);

/// An organisation's web address part: 2 to 40 of a-z, 0-9 and single hyphens, not at either end.
bool is_valid_slug(std::string_view slug);

}  // namespace roundtable::organisations
