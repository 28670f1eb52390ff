/// The boards' kind of contribution for the loop (module::ContributionKind): a card ("card"), seen by the group's
/// people, with everyone who gave it a dot as its supporters.
#pragma once

#include <vector>

#include "module/module.hpp"

namespace roundtable::boards {

std::vector<module::ContributionKind> contribution_kinds();

}  // namespace roundtable::boards
