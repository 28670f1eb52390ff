/// The meetings' kinds of contribution for the loop (module::ContributionKind): an agenda item ("agenda_item", by
/// whoever proposed it) and a meeting's action ("meeting_action", by whoever owns it), each seen by the group's
/// people, as the agenda and minutes are.
#pragma once

#include <vector>

#include "module/module.hpp"

namespace roundtable::meetings {

std::vector<module::ContributionKind> contribution_kinds();

}  // namespace roundtable::meetings
