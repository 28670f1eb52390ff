/// What the group's meetings did with a discussion topic, for the topic's page ("What happened next"): each meeting
/// whose agenda has it, and once the minutes are out, what the meeting decided.
#pragma once

#include <vector>

#include "db/query.hpp"
#include "module/follow_up.hpp"

namespace roundtable::meetings {

/// module::FollowUpReader for kind "topic": the meetings of the topic's group with the topic accepted on their agenda,
/// for a viewer who is in the group (the ask's role; anyone else gets nothing, without a read). One indexed read.
void topic_follow_ups(db::Batch& b, const module::FollowUpAsk& ask, std::vector<module::FollowUp>& out);

}  // namespace roundtable::meetings
