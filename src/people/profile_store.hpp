/// The only place profile SQL lives.
#pragma once

#include <optional>

#include "people/profile.hpp"

namespace soci {
class session;
}

namespace roundtable::people::store {

/// The person's profile (defaults when they have not filled it in), or nullopt when the account does not exist.
std::optional<Profile> load_profile(soci::session& s, long long user_id);
/// Saves every profile field, the name and the preferred language.
void save_profile(soci::session& s, const Profile& p);

}  // namespace roundtable::people::store
