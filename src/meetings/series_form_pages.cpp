// Series of open sessions: making one for a group and changing one.
#include "meetings/series_form.hpp"
#include "meetings/series_page_parts.hpp"
#include "meetings/series_pages.hpp"
#include "security/tokens.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

void render_form(OrgRequest& req, const PagesDeps& deps, view::PageBuilder& page, const std::string& action,
                 const SeriesForm& form, const std::vector<view::FieldError>& errors, bool creating) {
  (void)deps;
  auto& ctx = req.ctx;
  auto t = ctx.t();
  Html& h = page.body();
  if (creating) govuk::paragraph(h, t("meetings.series.new.lead"));
  govuk::form_start(h, {.action = action, .csrf_token = ctx.csrf_token});
  if (creating) govuk::hidden(h, "create_key", form.create_key);
  govuk::input(h, {.id = "title",
                   .name = "title",
                   .value = form.title,
                   .label = small_label(s(t("meetings.series.form.title"))),
                   .hint = {.text = s(t("meetings.series.form.title_hint"))},
                   .error_message = field_error_message(t, errors, "title")});
  govuk::textarea(h, {.id = "purpose",
                      .name = "purpose",
                      .rows = 5,
                      .value = form.purpose,
                      .label = small_label(s(t("meetings.series.form.purpose"))),
                      .hint = {.text = s(t("meetings.series.form.purpose_hint"))},
                      .error_message = field_error_message(t, errors, "purpose")});
  govuk::heading(h, 2, "m", t("meetings.series.form.when_title"));
  if (creating) {
    govuk::Radios frequency{.name = "frequency",
                            .value = form.frequency,
                            .fieldset = small_legend(s(t("meetings.series.form.frequency"))),
                            .error_message = field_error_message(t, errors, "frequency")};
    for (const char* code : {"weekly", "fortnightly", "monthly"}) {
      frequency.items.push_back({.text = s(t("meetings.series.frequency." + std::string(code))), .value = code});
    }
    govuk::radios(h, frequency);
    govuk::Select weekday{.id = "weekday",
                          .name = "weekday",
                          .value = form.weekday,
                          .label = small_label(s(t("meetings.series.form.weekday"))),
                          .error_message = field_error_message(t, errors, "weekday")};
    for (int day : {1, 2, 3, 4, 5, 6, 0}) {
      weekday.items.push_back({.value = std::to_string(day), .text = s(t("meetings.weekday." + std::to_string(day)))});
    }
    govuk::select(h, weekday);
    govuk::Select week{.id = "week_of_month",
                       .name = "week_of_month",
                       .value = form.week_of_month,
                       .label = small_label(s(t("meetings.series.form.week_of_month"))),
                       .hint = {.text = s(t("meetings.series.form.week_of_month_hint"))},
                       .error_message = field_error_message(t, errors, "week_of_month")};
    for (int n = 1; n <= series::kLastWeek; ++n) {
      week.items.push_back({.value = std::to_string(n), .text = s(t("meetings.series.week." + std::to_string(n)))});
    }
    govuk::select(h, week);
  } else {
    govuk::inset_text(h, {.text = s(t("meetings.series.edit.pattern_fixed"))});
  }
  govuk::input(h, {.id = "start",
                   .name = "start",
                   .value = form.start,
                   .label = small_label(s(t("meetings.series.form.start"))),
                   .hint = {.text = s(t("meetings.series.form.start_hint"))},
                   .error_message = field_error_message(t, errors, "start"),
                   .classes = "govuk-input--width-5",
                   .autocomplete = "off",
                   .spellcheck = false});
  govuk::input(h, {.id = "length",
                   .name = "length",
                   .inputmode = "numeric",
                   .value = form.length,
                   .label = small_label(s(t("meetings.series.form.length"))),
                   .hint = {.text = s(t("meetings.series.form.length_hint"))},
                   .error_message = field_error_message(t, errors, "length"),
                   .classes = "govuk-input--width-4",
                   .autocomplete = "off",
                   .spellcheck = false});
  if (creating) {
    date_fields(h, t, "first", {form.first_day, form.first_month, form.first_year}, s(t("meetings.series.form.first")),
                s(t("meetings.series.form.first_hint")), errors);
  }
  date_fields(h, t, "last", {form.last_day, form.last_month, form.last_year}, s(t("meetings.series.form.last")),
              s(t("meetings.series.form.last_hint")), errors);
  where_fields(h, t, {form.online_url, form.venue, form.access, form.access_notes}, errors);
  govuk::heading(h, 2, "m", t("meetings.series.form.who_title"));
  govuk::Checkboxes open{.name = "open",
                         .values = form.open ? std::vector<std::string>{"yes"} : std::vector<std::string>{}};
  open.items.push_back({.text = s(t("meetings.series.form.open")),
                        .value = "yes",
                        .hint = {.text = s(t("meetings.series.form.open_hint"))}});
  govuk::checkboxes(h, open);
  govuk::Radios type{.name = "rule_type",
                     .value = form.rule_type,
                     .fieldset = small_legend(s(t("meetings.series.form.rule_type"))),
                     .hint = {.text = s(t("meetings.series.form.rule_type_hint"))},
                     .error_message = field_error_message(t, errors, "rule_type")};
  type.items.push_back({.text = s(t("meetings.series.form.rule_none")), .value = ""});
  for (const char* code : kRuleMemberTypes) type.items.push_back({.text = member_type_words(t, code), .value = code});
  govuk::radios(h, type);
  govuk::input(h, {.id = "rule_months",
                   .name = "rule_months",
                   .inputmode = "numeric",
                   .value = form.rule_months,
                   .label = small_label(s(t("meetings.series.form.rule_months"))),
                   .hint = {.text = s(t("meetings.series.form.rule_months_hint"))},
                   .error_message = field_error_message(t, errors, "rule_months"),
                   .classes = "govuk-input--width-2",
                   .autocomplete = "off",
                   .spellcheck = false});
  submit_button(h, t(creating ? "meetings.series.new.button" : "meetings.series.edit.button"));
  govuk::form_end(h);
}

}  // namespace

awaitable<Response> new_series(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  SeriesForm form;
  form.create_key = security::random_token(16);
  form.frequency = "monthly";
  form.weekday = "3";
  form.week_of_month = "1";
  form.length = "60";
  // Open to everyone by default in a group that is a series of open sessions.
  form.open = g.details.kind == groups::Kind::series;
  auto page = page_builder(ctx, deps, s(t("meetings.series.new.title")));
  const auto base = group_series_url(req, g.id);
  page.caption(g.details.name).back_link(base, s(t("meetings.series.back")));
  render_form(req, deps, page, base, form, {}, true);
  co_return page.respond();
}

awaitable<Response> create_series(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  const auto form = read_series(ctx.form);
  const auto base = group_series_url(req, g.id);
  const auto errors = field_errors(t, check_series(form, true, deps.service->now()));
  if (!errors.empty()) {
    auto page = page_builder(ctx, deps, s(t("meetings.series.new.title")));
    page.caption(g.details.name).back_link(base, s(t("meetings.series.back"))).errors(t, errors);
    render_form(req, deps, page, base, form, errors, true);
    co_return page.respond();
  }
  auto op = deps.series->create(who_of(req), req.membership.org_id, g.id, details_of(form), form.create_key);
  const long long id = co_await std::move(op);
  if (id == 0) co_return deps.not_found(ctx);
  ctx.set_flash("meetings.series.done.created", {{"title", form.title}});
  co_return http::redirect(ctx.request, series_url(req, id));
}

awaitable<Response> edit_series(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_series(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& sr = std::get<SeriesPage>(loaded).series.series;
  if (sr.group_archived) co_return deps.not_found(ctx);
  const auto base = series_url(req, sr.id);
  auto page = page_builder(ctx, deps, s(t("meetings.series.edit.title")));
  page.caption(sr.details.title).back_link(base, s(t("meetings.series.back_to_series")));
  render_form(req, deps, page, base + "/edit", form_of(sr.details), {}, false);
  co_return page.respond();
}

awaitable<Response> save_series(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_series(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& sr = std::get<SeriesPage>(loaded).series.series;
  const auto base = series_url(req, sr.id);
  auto form = read_series(ctx.form);
  // The first date cannot change; it is checked against the last.
  form.first_day = std::to_string(sr.details.first.day);
  form.first_month = std::to_string(sr.details.first.month);
  form.first_year = std::to_string(sr.details.first.year);
  const auto errors = field_errors(t, check_series(form, false, deps.service->now()));
  if (!errors.empty()) {
    auto page = page_builder(ctx, deps, s(t("meetings.series.edit.title")));
    page.caption(sr.details.title).back_link(base, s(t("meetings.series.back_to_series"))).errors(t, errors);
    render_form(req, deps, page, base + "/edit", form, errors, false);
    co_return page.respond();
  }
  auto op = deps.series->update(who_of(req), req.membership.org_id, sr.id, details_of(form));
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("meetings.series.done.saved");
  co_return http::redirect(ctx.request, base);
}

}  // namespace roundtable::meetings::pages
