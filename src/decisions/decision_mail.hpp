/// Telling a group's people that a proposal opened or closed: through notifications::notify (in the app, and by
/// email as each person chose for the group), in each person's language.
#pragma once

#include <string>

#include "decisions/decision.hpp"
#include "decisions/results.hpp"

namespace soci {
class session;
}

namespace roundtable::decisions {

/// To everyone in the group but the proposer.
void send_opened(soci::session& s, const Proposal& p, const std::string& base_url, long long now);
/// To everyone in the group, with what came of it (and, when it broke the power-sharing rules it opened under, that
/// it is not valid and why).
void send_closed(soci::session& s, const Proposal& p, const PollResult& poll, const std::string& base_url,
                 long long now, const power::Verdict& verdict = {});

}  // namespace roundtable::decisions
