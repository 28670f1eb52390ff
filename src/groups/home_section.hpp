/// The groups module's section of a signed-in person's home page.
#pragma once

#include <memory>

#include "groups/group_service.hpp"
#include "module/module.hpp"

namespace roundtable::groups {

module::HomeSection home_section(std::shared_ptr<GroupService> service);

}  // namespace roundtable::groups
