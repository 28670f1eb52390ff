/// What the sign-in steps share about two-step sign-in.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

namespace roundtable::accounts {

/// If the person has two-step sign-in on, records a sign-in waiting for its second step and returns the secret
/// for the browser's cookie; otherwise nullopt (the first step signs them in).
std::optional<std::string> open_two_step_challenge(soci::session& s, long long user_id, const std::string& next,
                                                   long long now);

}  // namespace roundtable::accounts
