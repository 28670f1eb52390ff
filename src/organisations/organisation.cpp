#include "organisations/organisation.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace roundtable::organisations {

std::string_view role_code(Role r) {
  switch (r) {
    case Role::org_admin: return "org_admin";
    case Role::facilitator: return "facilitator";
    case Role::finance: return "finance";
    case Role::member: return "member";
  }
  return "member";
}

std::optional<Role> parse_role(std::string_view code) {
  for (Role r : kAllRoles) {
    if (role_code(r) == code) return r;
  }
  return std::nullopt;
}

std::string_view member_type_code(MemberType t) {
  switch (t) {
    case MemberType::lived_experience: return "lived_experience";
    case MemberType::unpaid_carer: return "unpaid_carer";
    case MemberType::staff: return "staff";
    case MemberType::partner_organisation: return "partner_organisation";
  }
  return "staff";
}

std::optional<MemberType> parse_member_type(std::string_view code) {
  for (MemberType t : kAllMemberTypes) {
    if (member_type_code(t) == code) return t;
  }
  return std::nullopt;
}

std::vector<MemberType> member_types_of(std::string_view codes) {
  std::vector<MemberType> out;
  for (const auto code : core::comma_separated(codes)) {
    if (auto t = parse_member_type(code)) out.push_back(*t);
  }
  std::sort(out.begin(), out.end(),
            [](MemberType a, MemberType b) { return member_type_code(a) < member_type_code(b); });
  return out;
}

std::string_view signup_mode_code(SignupMode m) { return m == SignupMode::open ? "open" : "invitation"; }

std::optional<SignupMode> parse_signup_mode(std::string_view code) {
  if (code == "open") return SignupMode::open;
  if (code == "invitation") return SignupMode::invitation;
  return std::nullopt;
}

std::string languages_code(const std::vector<core::Lang>& langs) {
  std::string out;
  for (auto l : langs) {
    if (!out.empty()) out += ',';
    out += core::lang_code(l);
  }
  return out;
}

std::vector<core::Lang> parse_languages(std::string_view code) {
  std::vector<core::Lang> out;
  while (!code.empty()) {
    auto comma = code.find(',');
    auto part = code.substr(0, comma);
    if (auto l = core::parse_lang(part); l && std::find(out.begin(), out.end(), *l) == out.end()) out.push_back(*l);
    if (comma == std::string_view::npos) break;
    code.remove_prefix(comma + 1);
  }
  if (out.empty()) out.push_back(core::Lang::en);
  return out;
}

bool is_valid_slug(std::string_view slug) {
  if (slug.size() < 2 || slug.size() > 40 || slug.front() == '-' || slug.back() == '-') return false;
  char prev = 0;
  for (char c : slug) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

}  // namespace roundtable::organisations
