/// The roles a person may hold in an organisation (one per membership). Shared by the signed-in person that every
/// request carries (http::Principal) and by the modules' policies, so a role is a type, not a string.
#pragma once

namespace roundtable::core {

enum class Role { org_admin, facilitator, finance, member };

}  // namespace roundtable::core
