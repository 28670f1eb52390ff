/// The page shell every HTML page shares: head, skip link, header with language switcher, main, footer.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "core/i18n.hpp"
#include "view/html.hpp"

namespace roundtable::view {

/// URLs of the built front-end files (from public/manifest.json).
struct Assets {
  std::string css;
  std::string js;
  std::string favicon;
  /// Reads app.css, app.js and favicon.svg from a manifest map; missing entries stay empty.
  static Assets from_manifest(const std::map<std::string, std::string>& manifest);
};

struct Page {
  /// The page's own title; the layout adds " – Roundtable".
  std::string title;
  core::Lang lang = core::Lang::en;
  /// Path and query of this page, so the language switcher can come back to it.
  std::string current_url = "/";
  std::string csrf_token;
  /// Set when a form on the page has errors: the title is prefixed with "Error: ".
  bool has_errors = false;
  /// The signed-in person's name, or empty: the header offers "Your account" and "Sign out", or "Sign in".
  std::string signed_in_as;
  /// Under the header: the organisation's navigation on its pages (view/org_navigation.hpp), or nothing.
  Html service_navigation;
};

/// Wraps the main content in the full document.
std::string render_layout(const Page& page, const Assets& assets, const Html& main);

/// The document in parts, for writing a page into one buffer: layout_start (head and header), then the service
/// navigation, layout_main_start, the main content, and layout_end (the footer). render_layout is these in turn.
void layout_start(Html& h, const Page& page, const Assets& assets);
void layout_main_start(Html& h);
void layout_end(Html& h, const Page& page, const Assets& assets);
/// Roughly how many bytes the layout adds around the main content and the navigation, for reserving a buffer.
inline constexpr std::size_t kLayoutSize = 4096;

}  // namespace roundtable::view
