/// The frame every page shares, built once: back link, success banner (also the message the previous request left,
/// RequestContext::flash), error summary, heading with caption, the column, and the answer (400 with "Error: " in the
/// title when the page shows form problems). Pages put their own
/// GOV.UK components (view/govuk/) into body().
///
///   view::PageBuilder page(ctx, assets, t("organisations.invite.new_title"));
///   page.back_link("/o/demo/invitations", t("organisations.invite.back")).errors(t, problems);
///   govuk::input(page.body(), {...});
///   co_return page.respond();
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "http/types.hpp"
#include "view/govuk/field_parts.hpp"
#include "view/html.hpp"
#include "view/layout.hpp"
#include "view/problems.hpp"

namespace roundtable::view {

/// A field's problem from a page's list, as a component's error message (with the reader's hidden "Error"; empty
/// when the field has none, so the component shows nothing).
govuk::ErrorMessage field_error_message(const core::Translator& t, const std::vector<FieldError>& errors,
                                        std::string_view field_id);

class PageBuilder {
 public:
  /// title: the page's title (the layout adds the service name), also its heading unless heading() says otherwise.
  PageBuilder(const http::RequestContext& ctx, const Assets& assets, std::string title);

  /// A back link above everything else.
  PageBuilder& back_link(std::string href, std::string text);
  /// The green "Success" banner (nothing when message is empty).
  PageBuilder& success(std::string_view message);
  /// "There is a problem" with a link to each field; when there are any, the answer is 400 and the title says
  /// "Error:".
  PageBuilder& errors(const core::Translator& t, const std::vector<FieldError>& errors);
  /// The h1 (the title when not called); a caption above it when given; no h1 when text is empty and
  /// no_heading() was called.
  PageBuilder& heading(std::string text, std::string caption = "");
  PageBuilder& caption(std::string caption);
  PageBuilder& no_heading();
  /// The whole width (tables, lists of people) instead of two thirds.
  PageBuilder& full_width();

  /// Where the page's own content goes, after the heading.
  Html& body() { return body_; }
  bool has_errors() const { return has_errors_; }

  /// The page in the layout: 200, or 400 when errors() had any, or status when given.
  http::Response respond(std::optional<http::Status> status = std::nullopt);

 private:
  /// The body's first buffer: most pages' bodies fit, a long list grows it a few times.
  static constexpr std::size_t kBodySize = 32768;
  /// Room for the frame around the body: a flash banner, the heading and the column.
  static constexpr std::size_t kFrameSize = 1024;

  const http::RequestContext& ctx_;
  const Assets& assets_;
  std::string title_;
  std::string heading_;
  std::string caption_;
  bool show_heading_ = true;
  bool full_width_ = false;
  bool has_errors_ = false;
  Html back_;
  Html banners_;
  Html errors_;
  Html body_;
};

}  // namespace roundtable::view
