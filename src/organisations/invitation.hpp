/// Invitations to join an organisation by email, with a personal message.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "organisations/organisation.hpp"

namespace roundtable::organisations {

struct Invitation {
  long long id = 0;
  long long org_id = 0;
  std::string org_slug;
  std::string org_name;
  std::string email;
  /// How to greet them in the email (optional).
  std::string name;
  Role role = Role::member;
  std::vector<MemberType> member_types;
  std::string message;
  core::Lang lang = core::Lang::en;
  std::string invited_by_name;
  /// Asked for by the person themselves (open sign-up), not sent by someone in the organisation.
  bool self_requested = false;
  long long created_at = 0;
  long long sent_at = 0;
  long long expires_at = 0;
};

/// How long an invitation link works.
inline constexpr long long kInvitationLifetime = 14 * 24 * 60 * 60;

}  // namespace roundtable::organisations
