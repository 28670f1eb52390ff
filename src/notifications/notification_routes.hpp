/// The notifications routes: the person's notices and choices under /o/{org}, and the one-click stop at /stop/{token}.
#pragma once

#include <vector>

#include "http/types.hpp"
#include "notifications/notification_pages.hpp"

namespace roundtable::notifications {

void add_notification_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps);

}  // namespace roundtable::notifications
