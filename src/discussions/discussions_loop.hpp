/// The discussions' kinds of contribution for the loop (module::ContributionKind): a topic ("topic") and a reply
/// ("reply", by its post id), each seen by the group's people only, as their pages are.
#pragma once

#include <vector>

#include "module/module.hpp"

namespace roundtable::discussions {

std::vector<module::ContributionKind> contribution_kinds();

}  // namespace roundtable::discussions
