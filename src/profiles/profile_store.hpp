/// The only place profile SQL lives.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

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

/// What one person shared with the people who run their groups.
struct SharedNeeds {
  long long user_id = 0;
  std::vector<Need> needs;
  std::string needs_other;
  std::string meeting_support;
};
/// The needs of these people who agreed to share them with facilitators (people who did not agree are left out),
/// in one query; each look is recorded in the organisation's audit log (who looked at whose needs) in one statement.
std::vector<SharedNeeds> shared_needs(soci::session& s, long long org_id, long long viewer_id,
                                      const std::vector<long long>& user_ids, std::string_view why);

/// Members of an organisation by name, with the type and interest filters: a page of q.limit people after q.after
/// (or before q.before), with the total. only_ids (when not null) limits the list to those people, in the order
/// given: the page is q.limit of them after the first q.offset, the total how many of them are members.
DirectoryPage list_members(soci::session& s, long long org_id, const DirectoryQuery& q,
                           const std::vector<long long>* only_ids);

}  // namespace roundtable::profiles::store
