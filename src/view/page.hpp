/// Helpers for HTML handlers: wrap content in the layout and answer with it.
#pragma once

#include <string>

#include "http/types.hpp"
#include "view/layout.hpp"

namespace roundtable::view {

/// The layout's page description for this request (language, CSRF token, current URL).
Page page_for(const http::RequestContext& ctx, std::string title);
/// A complete HTML response.
http::Response html_page(const http::RequestContext& ctx, const Assets& assets, const Page& page, const Html& main,
                         http::Status status = http::Status::ok);

}  // namespace roundtable::view
