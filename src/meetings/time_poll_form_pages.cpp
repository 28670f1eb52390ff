// "Find a time": opening a poll for a group, changing it, and scheduling the meeting at the time chosen.
#include "meetings/time_poll_form.hpp"
#include "meetings/time_poll_page_parts.hpp"
#include "meetings/time_poll_pages.hpp"
#include "security/tokens.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

/// The poll's title (with its hint when it is being opened) and purpose.
void about_fields(Html& h, const core::Translator& t, const TimePollForm& form,
                  const std::vector<view::FieldError>& errors, bool opening) {
  govuk::input(h, {.id = "title",
                   .name = "title",
                   .value = form.title,
                   .label = small_label(s(t("meetings.polls.form.title"))),
                   .hint = {.text = opening ? s(t("meetings.polls.form.title_hint")) : std::string()},
                   .error_message = field_error_message(t, errors, "title")});
  govuk::textarea(h, {.id = "purpose",
                      .name = "purpose",
                      .rows = 3,
                      .value = form.purpose,
                      .label = small_label(s(t("meetings.polls.form.purpose"))),
                      .hint = {.text = s(t("meetings.polls.form.purpose_hint"))},
                      .error_message = field_error_message(t, errors, "purpose")});
}

Response render_new(OrgRequest& req, const PagesDeps& deps, const groups::Group& g, const TimePollForm& form,
                    const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string base = group_meetings_url(req, g.id);
  auto page = page_builder(ctx, deps, s(t("meetings.polls.new.title")));
  page.caption(g.details.name).back_link(base, s(t("meetings.polls.back_to_meetings"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("meetings.polls.new.lead"));
  govuk::form_start(h, {.action = "/o/" + req.membership.org_slug + "/groups/" + std::to_string(g.id) + "/polls",
                        .csrf_token = ctx.csrf_token});
  govuk::hidden(h, "create_key", form.create_key);
  about_fields(h, t, form, errors, true);
  govuk::heading(h, 2, "m", t("meetings.polls.form.times_title"));
  govuk::paragraph(h, t("meetings.polls.form.times_lead"));
  candidate_fields(h, t, form.rows, errors);
  date_fields(h, t, "closes", {form.closes_day, form.closes_month, form.closes_year},
              s(t("meetings.polls.form.closes")), s(t("meetings.polls.form.closes_hint")), errors);
  // The button that opens the poll comes first, so that Enter in a box opens it rather than adding rows.
  govuk::button_group_start(h);
  govuk::button(h, {.text = s(t("meetings.polls.new.button")), .prevent_double_click = true});
  add_time_buttons(h, t, form.rows.size());
  govuk::button_group_end(h);
  govuk::form_end(h);
  return page.respond();
}

Response render_edit(OrgRequest& req, const PagesDeps& deps, const TimePoll& p, const TimePollForm& form,
                     const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string base = poll_url(req, p.id);
  auto page = page_builder(ctx, deps, s(t("meetings.polls.edit.title")));
  page.caption(p.details.title).back_link(base, s(t("meetings.polls.back_to_poll"))).errors(t, errors);
  Html& h = page.body();
  govuk::form_start(h, {.action = base + "/edit", .csrf_token = ctx.csrf_token});
  about_fields(h, t, form, errors, false);
  date_fields(h, t, "closes", {form.closes_day, form.closes_month, form.closes_year},
              s(t("meetings.polls.form.closes")), s(t("meetings.polls.form.closes_hint")), errors);
  submit_button(h, t("meetings.polls.edit.button"));
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<MeetingForm> fill_from_poll(OrgRequest& req, const PagesDeps& deps, long long group_id, MeetingForm form) {
  const auto params = req.ctx.query_params();
  const auto poll_id = http::parse_id(params.trimmed("poll"));
  const auto option_id = http::parse_id(params.trimmed("option"));
  if (!poll_id || !option_id || !deps.polls) co_return form;
  auto op = deps.polls->poll_page(req.membership.org_id, *poll_id, req.principal.user_id);
  const auto found = co_await std::move(op);
  if (!found || found->poll.poll.group_id != group_id) co_return form;
  const auto& p = found->poll.poll;
  if (!may_poll(req, found->poll, Action::run_poll, deps.polls->now())) co_return form;
  const auto* o = p.option(*option_id);
  if (!o) co_return form;
  MeetingDetails d;
  d.title = p.details.title;
  d.purpose = p.details.purpose;
  d.starts_at = o->starts_at;
  d.ends_at = o->ends_at;
  const auto key = form.create_key;
  form = form_of(d);
  form.create_key = key;
  form.from_poll = std::to_string(p.id);
  co_return form;
}

awaitable<void> link_poll(OrgRequest& req, const PagesDeps& deps, std::string poll, long long meeting_id) {
  const auto poll_id = http::parse_id(poll);
  if (!poll_id || !deps.polls) co_return;
  auto op = deps.polls->link_meeting(who_of(req), req.membership.org_id, *poll_id, meeting_id);
  co_await std::move(op);
}

awaitable<Response> poll_new(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Action::run_poll);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  TimePollForm form;
  form.create_key = security::random_token(16);
  form.rows.resize(kPollStartRows);
  co_return render_new(req, deps, g, form, {});
}

awaitable<Response> poll_create(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps, Action::run_poll);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  if (!deps.polls) co_return deps.not_found(ctx);
  auto form = read_time_poll(ctx.form);
  const long long now = deps.polls->now();
  if (!form.add.empty()) {
    // A button that adds rows or suggested times: the form again, with them, and nothing saved.
    add_rows(form, form.add, now);
    co_return render_new(req, deps, g, form, {});
  }
  const auto errors = field_errors(t, check_time_poll(form, true, now));
  if (!errors.empty()) co_return render_new(req, deps, g, form, errors);
  auto op = deps.polls->open_poll(who_of(req), req.membership.org_id, g.id, poll_details_of(form),
                                  poll_options_of(form), form.create_key);
  const long long id = co_await std::move(op);
  if (id == 0) co_return deps.not_found(ctx);
  ctx.set_flash("meetings.polls.done.opened", {{"title", form.title}});
  co_return http::redirect(ctx.request, poll_url(req, id));
}

awaitable<Response> poll_edit(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_poll(req, deps, Action::run_poll);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& p = std::get<PollPage>(loaded).poll.poll;
  co_return render_edit(req, deps, p, form_of(p), {});
}

awaitable<Response> poll_save(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_poll(req, deps, Action::run_poll);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& p = std::get<PollPage>(loaded).poll.poll;
  const auto form = read_time_poll(ctx.form);
  const auto errors = field_errors(t, check_time_poll(form, false, deps.polls->now()));
  if (!errors.empty()) co_return render_edit(req, deps, p, form, errors);
  auto op = deps.polls->update(who_of(req), req.membership.org_id, p.id, poll_details_of(form));
  co_return after(req, deps, co_await std::move(op), poll_url(req, p.id), "meetings.polls.done.saved");
}

}  // namespace roundtable::meetings::pages
