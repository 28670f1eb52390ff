/// Helpers for HTML handlers: wrap content in the layout and answer with it.
#pragma once

#include <string>

#include "app/services.hpp"
#include "http/types.hpp"
#include "view/layout.hpp"

namespace roundtable::app {

/// The layout's page description for this request (language, CSRF token, current URL).
view::Page page_for(const http::RequestContext& ctx, std::string title);
/// A complete HTML response.
http::Response html_page(const http::RequestContext& ctx, const Services& services, const view::Page& page,
                         const std::string& main_html, http::Status status = http::Status::ok);

}  // namespace roundtable::app
