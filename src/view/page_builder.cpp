#include "view/page_builder.hpp"

#include "view/govuk/content.hpp"
#include "view/govuk/navigation.hpp"
#include "view/page.hpp"

namespace roundtable::view {

govuk::ErrorMessage field_error_message(const core::Translator& t, const std::vector<FieldError>& errors,
                                        std::string_view field_id) {
  auto message = error_for(errors, field_id);
  if (message.empty()) return {.text = {}};
  return {.text = std::string(message), .visually_hidden_text = std::string(t("form.error_hidden"))};
}

PageBuilder::PageBuilder(const http::RequestContext& ctx, const Assets& assets, std::string title)
    : ctx_(ctx), assets_(assets), title_(std::move(title)) {
  body_.reserve(kBodySize);
}

PageBuilder& PageBuilder::back_link(std::string href, std::string text) {
  govuk::back_link(back_, {.text = std::move(text), .href = std::move(href)});
  return *this;
}

PageBuilder& PageBuilder::success(std::string_view message) {
  if (message.empty()) return *this;
  const auto t = ctx_.t();
  govuk::notification_banner(
      banners_, {.text = std::string(message), .title_text = std::string(t("banner.success")), .type = "success"});
  return *this;
}

PageBuilder& PageBuilder::errors(const core::Translator& t, const std::vector<FieldError>& errors) {
  if (errors.empty()) return *this;
  has_errors_ = true;
  govuk::ErrorSummary summary{.title_text = std::string(t("form.error_summary_title"))};
  for (const auto& e : errors) {
    summary.error_list.push_back({.href = e.field_id.empty() ? "" : "#" + e.field_id, .text = e.message});
  }
  govuk::error_summary(errors_, summary);
  return *this;
}

PageBuilder& PageBuilder::heading(std::string text, std::string caption) {
  heading_ = std::move(text);
  if (!caption.empty()) caption_ = std::move(caption);
  show_heading_ = true;
  return *this;
}

PageBuilder& PageBuilder::caption(std::string caption) {
  caption_ = std::move(caption);
  return *this;
}

PageBuilder& PageBuilder::no_heading() {
  show_heading_ = false;
  return *this;
}

PageBuilder& PageBuilder::full_width() {
  full_width_ = true;
  return *this;
}

http::Response PageBuilder::respond(std::optional<http::Status> status) {
  const auto answer = status.value_or(has_errors_ ? http::Status::bad_request : http::Status::ok);
  auto page = page_for(ctx_, title_);
  page.has_errors = has_errors_;
  // The whole page goes into one buffer, reserved once for the parts built so far, and is moved into the response.
  Html out = html_page_start(ctx_, assets_, page, answer,
                             back_.size() + banners_.size() + errors_.size() + body_.size() + kFrameSize);
  out.append(back_);
  if (ctx_.flash) {
    const auto t = ctx_.t();
    const bool important = ctx_.flash->important;
    govuk::notification_banner(out, {.text = core::format(t(ctx_.flash->key), ctx_.flash->params),
                                     .title_text = std::string(t(important ? "banner.important" : "banner.success")),
                                     .type = important ? "" : "success"});
  }
  out.append(banners_);
  out.append(errors_);
  out.raw_if(full_width_, "<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-full\">\n",
             "<div class=\"govuk-grid-row\">\n<div class=\"govuk-grid-column-two-thirds\">\n");
  if (show_heading_) {
    if (!caption_.empty()) out.raw("<span class=\"govuk-caption-l\">").text(caption_).raw("</span>\n");
    out.raw("<h1 class=\"govuk-heading-l\">").text(heading_.empty() ? title_ : heading_).raw("</h1>\n");
  }
  out.append(body_);
  out.raw("</div>\n</div>\n");
  return html_page_end(ctx_, assets_, page, std::move(out), answer);
}

}  // namespace roundtable::view
