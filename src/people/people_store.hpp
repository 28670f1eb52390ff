/// The only place the SQL for organisations, accounts, memberships and sign-in failures lives.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "people/people.hpp"

namespace soci {
class session;
}

namespace roundtable::people::store {

long long now_seconds();

std::optional<User> find_user_by_email(soci::session& s, const std::string& email);
std::optional<User> find_user_by_id(soci::session& s, long long id);
/// Inserts the user (email already normalised); returns the new id.
long long insert_user(soci::session& s, const User& user);
void set_password_hash(soci::session& s, long long user_id, const std::string& hash);
void set_platform_admin(soci::session& s, long long user_id, bool admin);

std::optional<Organisation> find_org_by_slug(soci::session& s, const std::string& slug);
/// Sets (or with nullopt, clears) the organisation's logo; returns the upload it replaces, if any.
std::optional<long long> set_org_logo(soci::session& s, long long org_id, std::optional<long long> upload_id);
/// Every organisation with its member count, by name.
std::vector<Organisation> list_orgs(soci::session& s);
/// Inserts the organisation; returns the new id.
long long insert_org(soci::session& s, const Organisation& org);
/// Updates name, languages and sign-up mode.
void update_org(soci::session& s, const Organisation& org);

/// Adds the person to the organisation, or changes their role and member types if they are already in it.
void upsert_membership(soci::session& s, long long org_id, long long user_id, Role role,
                       const std::vector<MemberType>& types);
std::vector<MembershipRow> memberships_of(soci::session& s, long long user_id);

/// A person with their memberships (member types and logos included) and, when they are an organisation admin,
/// whether two-step sign-in is on: what every signed-in request needs, in one query.
struct UserWithMemberships {
  User user;
  std::vector<MembershipRow> memberships;
  bool admin_two_step = false;
};
std::optional<UserWithMemberships> find_user_with_memberships(soci::session& s, long long user_id);
/// Removes the person from the organisation (their member types go too).
void delete_membership(soci::session& s, long long org_id, long long user_id);
/// How many organisation admins the organisation has.
long long count_org_admins(soci::session& s, long long org_id);

/// Members of an organisation by name, with the type and interest filters; only_ids (when not null) limits the
/// list to those people, in the order given. Returns the page and the total.
std::pair<std::vector<MemberSummary>, long long> list_members(soci::session& s, long long org_id,
                                                              const DirectoryQuery& q,
                                                              const std::vector<long long>* only_ids);

/// Password reset links (token_hash: a hash of the emailed secret).
void insert_password_reset(soci::session& s, const std::string& token_hash, long long user_id, long long now,
                           long long expires_at);
/// How many reset links were made for the person since the given time.
long long count_password_resets(soci::session& s, long long user_id, long long since);
/// The person whose link this is, if it is unused and not expired.
std::optional<long long> valid_password_reset(soci::session& s, const std::string& token_hash, long long now);
/// Marks the link used, and every other link of the person too.
void use_password_resets(soci::session& s, long long user_id, long long now);
/// Ends every session of the person (after a password change).
void end_sessions(soci::session& s, long long user_id);

/// Failed sign-ins recorded under key since the given time.
long long count_failures(soci::session& s, const std::string& key, long long since);
void record_failure(soci::session& s, const std::string& key, long long at);
void clear_failures(soci::session& s, const std::string& key);
/// Deletes failures older than the given time; returns how many.
long long purge_failures(soci::session& s, long long before);
/// Deletes password reset links, sign-in links and waiting two-step sign-ins that expired before the given time.
long long purge_password_resets(soci::session& s, long long expired_before);
long long purge_sign_in_links(soci::session& s, long long expired_before);
long long purge_two_step_challenges(soci::session& s, long long expired_before);
/// Deletes invitations accepted, cancelled or expired before the given time.
long long purge_finished_invitations(soci::session& s, long long before);

}  // namespace roundtable::people::store
