/// The navigation on every page of an organisation (GOV.UK service navigation): the organisation's name, then its
/// places (home, groups, people... as the modules register them), with the current one marked.
#pragma once

#include <cstddef>

#include "http/types.hpp"
#include "view/html.hpp"

namespace roundtable::view {

/// The navigation for this request: empty unless the page is under /o/{org} and the signed-in person is a member of
/// that organisation (so a page that answers 404 tells nobody the organisation exists).
Html org_navigation(const http::RequestContext& ctx);
/// The same, written into out (the page's buffer).
void org_navigation(Html& out, const http::RequestContext& ctx);
/// Roughly how many bytes the navigation takes, for reserving a page's buffer.
inline constexpr std::size_t kNavigationSize = 2048;

}  // namespace roundtable::view
