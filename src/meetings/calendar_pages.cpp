#include "meetings/calendar_pages.hpp"

#include <boost/beast/http/field.hpp>

#include "accounts/pages_common.hpp"
#include "view/dates.hpp"
#include "view/html.hpp"

namespace roundtable::meetings::calendar_pages {

namespace {

using namespace accounts::pages;
using view::Html;
namespace govuk = view::govuk;

constexpr std::string_view kPage = "/account/calendar";

using view::s;

/// How to add a feed's address to the common calendar programs.
void how_to_add(Html& h, const core::Translator& t) {
  govuk::heading(h, 2, "m", t("meetings.calendar.how.title"));
  govuk::paragraph(h, t("meetings.calendar.how.lead"));
  govuk::list(h, {.items = {s(t("meetings.calendar.how.google")), s(t("meetings.calendar.how.outlook")),
                            s(t("meetings.calendar.how.apple"))},
                  .bullet = true});
  govuk::paragraph(h, t("meetings.calendar.how.delay"));
}

/// The page, with the new address when one was just made.
Response render(RequestContext& ctx, const CalendarDeps& deps, const std::optional<long long>& made_at,
                const std::string& address) {
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t("meetings.calendar.title")));
  page.back_link("/account", s(t("meetings.calendar.back")));
  if (!address.empty()) page.success(t("meetings.calendar.made"));
  Html& h = page.body();
  govuk::paragraph(h, t("meetings.calendar.lead"));
  govuk::paragraph(h, t("meetings.calendar.which"));
  if (!address.empty()) {
    govuk::input(h, {.id = "calendar-address",
                     .name = "address",
                     .type = "url",
                     .value = address,
                     .label = small_label(s(t("meetings.calendar.address.label"))),
                     .hint = {.text = s(t("meetings.calendar.address.hint"))},
                     .spellcheck = false,
                     .attributes = {{"readonly", "readonly"}}});
    govuk::inset_text(h, {.text = s(t("meetings.calendar.address.once"))});
    how_to_add(h, t);
  } else if (made_at) {
    govuk::paragraph(h, core::format(t("meetings.calendar.on"), {{"date", view::format_date(t, *made_at)}}));
    govuk::inset_text(h, {.text = s(t("meetings.calendar.lost"))});
  } else {
    govuk::paragraph(h, t("meetings.calendar.none"));
  }
  if (made_at || !address.empty()) {
    govuk::heading(h, 2, "m", t("meetings.calendar.renew.title"));
    govuk::warning_text(h, {.text = s(t("meetings.calendar.renew.warning")),
                            .icon_fallback_text = s(t("meetings.calendar.warning_word"))});
    govuk::button_form(
        h, {.form = {.action = std::string(kPage), .csrf_token = ctx.csrf_token},
            .button = {.text = s(t("meetings.calendar.renew.button")), .classes = "govuk-button--secondary"}});
    govuk::heading(h, 2, "m", t("meetings.calendar.stop.title"));
    govuk::paragraph(h, t("meetings.calendar.stop.lead"));
    govuk::button_form(h,
                       {.form = {.action = std::string(kPage) + "/stop", .csrf_token = ctx.csrf_token},
                        .button = {.text = s(t("meetings.calendar.stop.button")), .classes = "govuk-button--warning"}});
  } else {
    govuk::button_form(h, {.form = {.action = std::string(kPage), .csrf_token = ctx.csrf_token},
                           .button = {.text = s(t("meetings.calendar.get.button"))}});
  }
  if (address.empty()) how_to_add(h, t);
  return page.respond();
}

}  // namespace

awaitable<Response> feed_page(RequestContext& ctx, const CalendarDeps& deps) {
  auto op = deps.service->made_at(ctx.principal->user_id);
  const auto made_at = co_await std::move(op);
  co_return render(ctx, deps, made_at, "");
}

awaitable<Response> new_address(RequestContext& ctx, const CalendarDeps& deps) {
  auto op = deps.service->new_address(ctx.principal->user_id);
  const auto token = co_await std::move(op);
  // Shown on this answer only: only the secret's hash is kept, so no later page can show it.
  co_return render(ctx, deps, std::nullopt, deps.service->base_url() + feed_path(token));
}

awaitable<Response> stop_feed(RequestContext& ctx, const CalendarDeps& deps) {
  auto op = deps.service->stop(ctx.principal->user_id);
  co_await std::move(op);
  ctx.set_flash("meetings.calendar.stopped");
  co_return http::redirect(ctx.request, std::string(kPage));
}

awaitable<Response> feed_file(RequestContext& ctx, const CalendarDeps& deps) {
  const auto token = token_of(ctx.param("token"));
  if (token.empty()) co_return deps.not_found(ctx);
  auto op = deps.service->feed(token);
  auto text = co_await std::move(op);
  if (!text) co_return deps.not_found(ctx);
  auto res = http::make_response(ctx.request, http::Status::ok, std::move(*text), "text/calendar; charset=utf-8");
  // Only the calendar program that asked keeps it.
  res.set(boost::beast::http::field::cache_control, "private, no-store");
  res.set(boost::beast::http::field::content_disposition, "inline; filename=\"roundtable.ics\"");
  co_return res;
}

}  // namespace roundtable::meetings::calendar_pages
