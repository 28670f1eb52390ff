/// The only place the SQL for organisations and memberships lives.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "organisations/organisation.hpp"

namespace soci {
class session;
}

namespace roundtable::organisations::store {

std::optional<Organisation> find_org_by_slug(soci::session& s, const std::string& slug);
/// The organisation's slug ("" when there is none), for links written outside a request (email, search entries).
std::string org_slug(soci::session& s, long long org_id);
/// Sets (or with nullopt, clears) the organisation's logo; returns the upload it replaces, if any.
std::optional<long long> set_org_logo(soci::session& s, long long org_id, std::optional<long long> upload_id);
/// Every organisation with its member count, by name.
std::vector<Organisation> list_orgs(soci::session& s);
/// The organisations anyone may join (sign-up open), by name: id, slug and name only.
std::vector<Organisation> list_open_orgs(soci::session& s);
/// Inserts the organisation; returns the new id.
long long insert_org(soci::session& s, const Organisation& org);
/// Updates name, languages and sign-up mode.
void update_org(soci::session& s, const Organisation& org);

/// Adds the person to the organisation, or changes their role and member types if they are already in it.
void upsert_membership(soci::session& s, long long org_id, long long user_id, Role role,
                       const std::vector<MemberType>& types);
/// The codes of the member types the person has in the organisation ("staff", ...), none when they are not in it.
std::vector<std::string> member_type_codes(soci::session& s, long long org_id, long long user_id);
std::vector<MembershipRow> memberships_of(soci::session& s, long long user_id);

/// A person with their memberships (member types and logos included) and, when they are an organisation admin,
/// whether two-step sign-in is on: what every signed-in request needs, in one query.
struct UserWithMemberships {
  User user;
  std::vector<MembershipRow> memberships;
  /// Two-step sign-in is on for the account.
  bool two_step = false;
};
std::optional<UserWithMemberships> find_user_with_memberships(soci::session& s, long long user_id);
/// Removes the person from the organisation (their member types go too).
void delete_membership(soci::session& s, long long org_id, long long user_id);
/// How many organisation admins the organisation has.
long long count_org_admins(soci::session& s, long long org_id);

}  // namespace roundtable::organisations::store
