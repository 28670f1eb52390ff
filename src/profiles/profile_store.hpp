/// The only place profile SQL lives.
#pragma once

#include <optional>

#include "profiles/directory.hpp"
#include "profiles/profile.hpp"

namespace soci {
class session;
}

namespace roundtable::profiles::store {

/// The person's profile (defaults when they have not filled it in), or nullopt when the account does not exist.
std::optional<Profile> load_profile(soci::session& s, long long user_id);
/// Saves every profile field, the name and the preferred language.
void save_profile(soci::session& s, const Profile& p);
/// Sets (or with nullopt, clears) the person's photo; returns the upload it replaces, if any.
std::optional<long long> set_photo(soci::session& s, long long user_id, std::optional<long long> upload_id);
/// True when the two people belong to at least one organisation in common.
bool share_an_organisation(soci::session& s, long long a, long long b);

/// Members of an organisation by name, with the type and interest filters; only_ids (when not null) limits the
/// list to those people, in the order given. Returns the page and the total.
std::pair<std::vector<MemberSummary>, long long> list_members(soci::session& s, long long org_id,
                                                              const DirectoryQuery& q,
                                                              const std::vector<long long>* only_ids);

}  // namespace roundtable::profiles::store
