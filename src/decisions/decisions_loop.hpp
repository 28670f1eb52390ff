/// The decisions' kind of contribution for the loop (module::ContributionKind): a proposal ("proposal"), seen by the
/// group's people, with everyone who voted or answered as its supporters.
#pragma once

#include <vector>

#include "module/module.hpp"

namespace roundtable::decisions {

std::vector<module::ContributionKind> contribution_kinds();

}  // namespace roundtable::decisions
