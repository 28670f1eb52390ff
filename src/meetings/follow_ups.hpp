/// What the group's meetings did with a discussion topic, for the topic's page ("What happened next"): each meeting
/// whose agenda has it, and once the minutes are out, what the meeting decided.
#pragma once

#include <soci/soci.h>

#include <string_view>
#include <vector>

#include "module/follow_up.hpp"

namespace roundtable::meetings {

/// module::FollowUpSource for kind "topic": the meetings (of the topic's group, in org_id) with the topic accepted on
/// their agenda, for a viewer who is in the group (anyone else gets nothing). One indexed read.
void topic_follow_ups(soci::session& s, std::string_view kind, long long org_id, long long topic_id, long long viewer,
                      std::vector<module::FollowUp>& out);

}  // namespace roundtable::meetings
