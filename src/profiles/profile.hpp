/// A person's profile: what they bring, what they need (Accessible Information Standard) and how to reach them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account_form.hpp"
#include "core/i18n.hpp"
#include "organisations/organisation.hpp"

namespace roundtable::profiles {

// The accounts and organisations names profiles build on.
using accounts::FormProblem;
using accounts::kMaxNameLength;
using accounts::normalise_email;
using accounts::User;
using organisations::kAllMemberTypes;
using organisations::kAllRoles;
using organisations::member_type_code;
using organisations::MembershipRow;
using organisations::MemberType;
using organisations::parse_member_type;
using organisations::parse_role;
using organisations::Role;
using organisations::role_code;

/// Accessible Information Standard needs, plus Welsh and "other".
enum class Need { easy_read, large_print, bsl, audio, supporter, welsh, other };
enum class ContactMethod { email, phone, text };
enum class ContactTime { weekday_daytime, evenings, weekends };

inline constexpr Need kAllNeeds[] = {Need::easy_read, Need::large_print, Need::bsl,  Need::audio,
                                     Need::supporter, Need::welsh,       Need::other};
inline constexpr ContactMethod kAllContactMethods[] = {ContactMethod::email, ContactMethod::phone, ContactMethod::text};
inline constexpr ContactTime kAllContactTimes[] = {ContactTime::weekday_daytime, ContactTime::evenings,
                                                   ContactTime::weekends};

std::string_view need_code(Need n);
std::string_view contact_method_code(ContactMethod m);
std::string_view contact_time_code(ContactTime t);

/// Parses comma-separated codes, skipping unknown ones and repeats, in the canonical order.
std::vector<Need> parse_needs(std::string_view codes);
std::vector<ContactMethod> parse_contact_methods(std::string_view codes);
std::vector<ContactTime> parse_contact_times(std::string_view codes);
std::string needs_code(const std::vector<Need>& v);
std::string contact_methods_code(const std::vector<ContactMethod>& v);
std::string contact_times_code(const std::vector<ContactTime>& v);

struct Profile {
  long long user_id = 0;
  std::string name;
  std::string pronouns;
  core::Lang lang = core::Lang::en;
  // What I bring
  std::string strengths;
  std::string skills;
  std::string lived_experience;
  std::vector<std::string> interests;
  // What I need
  std::vector<Need> needs;
  std::string needs_other;
  std::string meeting_support;
  /// The person agreed that facilitators of their organisations may see their needs.
  bool share_needs = false;
  // How to reach me
  std::vector<ContactMethod> contact_methods{ContactMethod::email};
  std::string phone;
  std::vector<ContactTime> contact_times;
  std::string contact_notes;
  /// The address the person signs in with. Someone else sees it only where they may see the person's contact details
  /// and the person chose email as a way to be contacted.
  std::string email;
  /// The person's photo, if they added one: its upload and its address (/files/...).
  std::optional<long long> photo_upload_id;
  std::string photo_url;

  bool has_needs() const { return !needs.empty() || !needs_other.empty() || !meeting_support.empty(); }
};

/// Interests typed as "gardening, Welsh history; music" become lower-cased tags without repeats.
std::vector<std::string> parse_interests(std::string_view typed);

}  // namespace roundtable::profiles
