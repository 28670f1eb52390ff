#include "organisations/picture_page.hpp"

#include "accounts/pages_common.hpp"
#include "view/file_upload.hpp"
#include "view/govuk/govuk.hpp"
#include "view/govuk/typography.hpp"
#include "view/html.hpp"

namespace roundtable::organisations::pages {

using boost::asio::awaitable;
using namespace accounts::pages;
namespace govuk = view::govuk;

namespace {

std::string key_of(const PicturePage& p, std::string_view what) { return std::string(p.key) + "." + std::string(what); }

}  // namespace

http::Response picture_page(http::RequestContext& ctx, const view::Assets& assets, const PicturePage& p,
                            const std::vector<view::FieldError>& errors) {
  auto t = ctx.t();
  view::PageBuilder page(ctx, assets, std::string(t(key_of(p, "title"))));
  page.back_link(p.back_href, std::string(t(key_of(p, "back")))).errors(t, errors);
  if (!p.caption.empty()) page.caption(p.caption);
  auto& h = page.body();
  govuk::paragraph(h, t(key_of(p, "lead")));
  const bool has = !p.current_url.empty();
  if (has) {
    // No component shows a picture: the current one, above the form that replaces it.
    h.raw("<img class=\"").text(p.img_class).raw(" govuk-!-margin-bottom-4\" src=\"").text(p.current_url);
    h.raw("\" alt=\"").text(p.current_alt).raw("\">\n");
  }
  govuk::form_start(h, {.action = p.base, .csrf_token = ctx.csrf_token, .multipart = true});
  view::file_upload(h, t,
                    {.id = std::string(p.field),
                     .name = std::string(p.field),
                     .label = small_label(std::string(t(key_of(p, has ? "choose_new" : "choose")))),
                     .hint = {.text = std::string(t(key_of(p, "hint")))},
                     .error_message = field_error_message(t, errors, p.field),
                     .attributes = {{"accept", "image/jpeg,image/png,image/gif,image/webp"}}});
  if (p.describe) {
    govuk::input(h, {.id = "alt",
                     .name = "alt",
                     .value = p.description,
                     .label = small_label(std::string(t(key_of(p, "alt")))),
                     .hint = {.text = std::string(t(key_of(p, "alt_hint")))},
                     .error_message = field_error_message(t, errors, "alt")});
  }
  govuk::button(h, {.text = std::string(t(key_of(p, "save")))});
  govuk::form_end(h);
  if (has) {
    govuk::heading(h, 2, "m", t(key_of(p, "remove_title")));
    govuk::button_form(h,
                       {.form = {.action = p.base + "/remove", .csrf_token = ctx.csrf_token},
                        .button = {.text = std::string(t(key_of(p, "remove"))), .classes = "govuk-button--warning"}});
  }
  return page.respond();
}

awaitable<std::variant<uploads::Prepared, std::string>> checked_picture(http::RequestContext& ctx,
                                                                        uploads::UploadService* uploads,
                                                                        const PicturePage& p,
                                                                        const uploads::Allowed& rules) {
  auto t = ctx.t();
  const auto* chosen = ctx.file(p.field);
  if (!chosen || !uploads) co_return std::string(t(key_of(p, "error.missing")));
  auto check = uploads->prepare(std::string(chosen->data), chosen->filename, rules);
  auto prepared = co_await std::move(check);
  if (auto* refusal = std::get_if<uploads::Refusal>(&prepared)) {
    co_return uploads::refusal_message(t, *refusal, rules);
  }
  co_return std::move(std::get<uploads::Prepared>(prepared));
}

}  // namespace roundtable::organisations::pages
