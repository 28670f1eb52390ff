/// Helpers for HTML handlers: wrap content in the layout and answer with it.
#pragma once

#include <cstddef>
#include <string>

#include "http/types.hpp"
#include "view/layout.hpp"

namespace roundtable::view {

/// The layout's page description for this request (language, CSRF token, current URL).
Page page_for(const http::RequestContext& ctx, std::string title);
/// A complete HTML response.
http::Response html_page(const http::RequestContext& ctx, const Assets& assets, const Page& page, const Html& main,
                         http::Status status = http::Status::ok);

/// The same page written into one buffer, for a caller that writes its main content straight into it instead of
/// building it apart first: html_page_start writes the layout up to the main content (with the organisation's
/// navigation, as html_page adds it) into a buffer reserved for main_size more bytes; html_page_end closes the layout
/// and moves the buffer into the response.
Html html_page_start(const http::RequestContext& ctx, const Assets& assets, const Page& page, http::Status status,
                     std::size_t main_size);
http::Response html_page_end(const http::RequestContext& ctx, const Assets& assets, const Page& page, Html out,
                             http::Status status);

}  // namespace roundtable::view
