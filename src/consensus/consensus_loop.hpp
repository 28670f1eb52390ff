/// The consensus finder's kind of contribution for the loop (module::ContributionKind): a statement ("statement"),
/// seen by the group's people, with everyone who agreed with it as its supporters. A hidden statement is gone.
#pragma once

#include <vector>

#include "module/module.hpp"

namespace roundtable::consensus {

std::vector<module::ContributionKind> contribution_kinds();

}  // namespace roundtable::consensus
