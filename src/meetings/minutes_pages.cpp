// What came of a meeting: who came, the minutes, a decision per agenda item and actions, and publishing the minutes
// (which tells everyone who raised or supported a topic on the agenda what the meeting did with it).
#include "markdown/markdown.hpp"
#include "meetings/agenda_form.hpp"
#include "meetings/meeting_pages.hpp"
#include "security/tokens.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

/// What was typed into the form that failed, to show it again.
struct Kept {
  std::optional<std::string> minutes;
  long long decision_item = 0;
  std::string decision;
  ActionForm action;
};

std::string minutes_url(const OrgRequest& req, long long id) { return meeting_url(req, id) + "/minutes"; }

std::string attendance_name(const core::Translator& t, Attendance a) {
  return s(t("meetings.attendance." + std::string(attendance_code(a))));
}

std::string action_status_name(const core::Translator& t, ActionStatus a) {
  return s(t("meetings.action_status." + std::string(action_status_code(a))));
}

void attendance_section(Html& h, const core::Translator& t, const OrgRequest& req, const MeetingRecord& r,
                        bool records) {
  const auto& m = r.meeting.meeting;
  govuk::heading(h, 2, "m", t("meetings.minutes.attendance_title"));
  if (records) {
    govuk::form_start(h, {.action = meeting_url(req, m.id) + "/attendance", .csrf_token = req.ctx.csrf_token});
    for (const auto& p : r.people) {
      govuk::Radios radios{.name = "attendance-" + std::to_string(p.user_id),
                           .value = p.status ? s(attendance_code(*p.status)) : "",
                           .fieldset = small_legend(p.name),
                           .classes = "govuk-radios--small govuk-radios--inline"};
      for (Attendance a : kAllAttendance) {
        radios.items.push_back({.text = attendance_name(t, a), .value = s(attendance_code(a))});
      }
      govuk::radios(h, radios);
    }
    submit_button(h, t("meetings.minutes.attendance_button"));
    govuk::form_end(h);
    return;
  }
  govuk::SummaryList rows;
  for (Attendance a : kAllAttendance) {
    govuk::List names{.bullet = true};
    for (const auto& p : r.people) {
      if (p.status == a) names.items.emplace_back(p.name);
    }
    if (names.items.empty()) continue;
    Html list;
    govuk::list(list, names);
    rows.rows.push_back({.key = {.text = attendance_name(t, a)}, .value = {.html = std::move(list)}});
  }
  if (rows.rows.empty()) {
    govuk::paragraph(h, t("meetings.minutes.attendance_none"));
  } else {
    govuk::summary_list(h, rows);
  }
}

/// The item's actions, each as a short list (what, who, by when, now), with buttons to change where it stands.
void actions_list(Html& h, const core::Translator& t, const OrgRequest& req, const MeetingRecord& r, long long item,
                  bool records) {
  const auto& m = r.meeting.meeting;
  bool heading = false;
  for (const auto& a : r.actions) {
    if (a.item_id != item) continue;
    if (!heading) {
      govuk::heading(h, 4, "s", t("meetings.minutes.actions_caption"));
      heading = true;
    }
    govuk::SummaryList rows;
    rows.rows.push_back({.key = {.text = s(t("meetings.minutes.action_what"))}, .value = {.text = a.what}});
    rows.rows.push_back({.key = {.text = s(t("meetings.minutes.action_owner"))},
                         .value = {.text = a.owner_name.empty() ? s(t("meetings.former_member")) : a.owner_name}});
    rows.rows.push_back(
        {.key = {.text = s(t("meetings.minutes.action_due"))}, .value = {.text = due_words(t, a.due_on)}});
    rows.rows.push_back(
        {.key = {.text = s(t("meetings.minutes.action_status"))}, .value = {.text = action_status_name(t, a.status)}});
    govuk::summary_list(h, rows);
    loop_link(h, t, req, "meeting_action", a.id, a.what);
    if (!records) continue;
    for (ActionStatus next : kAllActionStatuses) {
      if (next == a.status) continue;
      govuk::button_form(h,
                         {.form = {.action = meeting_url(req, m.id) + "/actions/" + std::to_string(a.id) + "/status",
                                   .csrf_token = req.ctx.csrf_token},
                          .hidden = {{"status", s(action_status_code(next))}},
                          .button = {.text = core::format(t("meetings.minutes.mark_as"),
                                                          {{"status", action_status_name(t, next)}, {"what", a.what}}),
                                     .classes = "govuk-button--secondary govuk-!-margin-bottom-2"}});
    }
  }
}

Response render_minutes(OrgRequest& req, const PagesDeps& deps, const MeetingRecord& r, const Kept& kept,
                        const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& v = r.meeting;
  const auto& m = v.meeting;
  const long long now = deps.service->now();
  const bool records = may(req, v, Action::record_meeting, now);
  const std::string base = meeting_url(req, m.id);
  auto page = page_builder(ctx, deps, s(t("meetings.minutes.title")));
  page.caption(m.details.title).back_link(base, s(t("meetings.back"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, when_text(t, m.details.starts_at, m.details.ends_at));
  if (m.minutes_published_at) {
    govuk::inset_text(h, {.text = core::format(t("meetings.minutes.published_on"),
                                               {{"date", day_text(t, *m.minutes_published_at)}})});
  } else if (records) {
    govuk::inset_text(h, {.text = s(t("meetings.minutes.draft"))});
  } else {
    govuk::paragraph(h, t("meetings.minutes.not_ready"));
    govuk::link_paragraph(h, base + "/agenda", t("meetings.minutes.agenda_link"));
    return page.respond();
  }

  attendance_section(h, t, req, r, records);

  govuk::heading(h, 2, "m", t("meetings.minutes.minutes_title"));
  if (records) {
    govuk::form_start(h, {.action = base + "/minutes", .csrf_token = ctx.csrf_token});
    govuk::textarea(h, {.id = "minutes",
                        .name = "minutes",
                        .rows = 10,
                        .value = kept.minutes.value_or(m.minutes),
                        .label = small_label(s(t("meetings.minutes.minutes_label"))),
                        .hint = {.text = s(t("meetings.minutes.minutes_hint"))},
                        .error_message = field_error_message(t, errors, "minutes")});
    submit_button(h, t("meetings.minutes.minutes_button"));
    govuk::form_end(h);
  } else if (m.minutes.empty()) {
    govuk::paragraph(h, t("meetings.minutes.no_minutes"));
  } else {
    markdown::render(h, m.minutes, {.top_heading_level = 3});
  }

  govuk::heading(h, 2, "m", t("meetings.minutes.items_title"));
  long long number = 0;
  for (const auto& i : r.items) {
    if (i.status != ItemStatus::accepted) continue;
    ++number;
    govuk::heading(
        h, 3, "s",
        core::format(t("meetings.agenda.item_heading"), {{"n", std::to_string(number)}, {"title", i.title}}));
    item_source(h, t, req, i);
    const std::string item_url = base + "/agenda/items/" + std::to_string(i.id);
    if (records) {
      const bool this_one = kept.decision_item == i.id;
      govuk::form_start(h, {.action = item_url + "/decision", .csrf_token = ctx.csrf_token});
      govuk::textarea(h,
                      {.id = "decision-" + std::to_string(i.id),
                       .name = "decision",
                       .rows = 3,
                       .value = this_one ? kept.decision : i.decision,
                       .label = small_label(core::format(t("meetings.minutes.decision_label"), {{"title", i.title}})),
                       .error_message = this_one ? field_error_message(t, errors, "decision") : govuk::ErrorMessage{}});
      submit_button(h, t("meetings.minutes.decision_button"));
      govuk::form_end(h);
    } else {
      govuk::paragraph(h,
                       i.decision.empty() ? s(t("meetings.minutes.no_decision"))
                                          : core::format(t("meetings.minutes.decision"), {{"decision", i.decision}}),
                       "govuk-body rt-pre-line");
    }
    actions_list(h, t, req, r, i.id, records);
  }
  if (number == 0) govuk::paragraph(h, t("meetings.agenda.none"));

  if (records && number > 0) {
    const auto& f = kept.action;
    govuk::heading(h, 2, "m", t("meetings.minutes.add_action_title"));
    govuk::form_start(h, {.action = base + "/actions", .csrf_token = ctx.csrf_token});
    govuk::hidden(h, "create_key", f.create_key.empty() ? security::random_token(16) : f.create_key);
    govuk::Select items{.id = "item",
                        .name = "item",
                        .value = f.item,
                        .label = small_label(s(t("meetings.minutes.action_item"))),
                        .error_message = field_error_message(t, errors, "item")};
    for (const auto& i : r.items) {
      if (i.status == ItemStatus::accepted) items.items.push_back({.value = std::to_string(i.id), .text = i.title});
    }
    govuk::select(h, items);
    govuk::input(h, {.id = "action_what",
                     .name = "what",
                     .value = f.what,
                     .label = small_label(s(t("meetings.minutes.action_what_label"))),
                     .error_message = field_error_message(t, errors, "action_what")});
    govuk::Select owners{.id = "owner",
                         .name = "owner",
                         .value = f.owner,
                         .label = small_label(s(t("meetings.minutes.action_owner_label"))),
                         .error_message = field_error_message(t, errors, "owner")};
    owners.items.push_back({.value = "", .text = s(t("meetings.minutes.choose_person"))});
    for (const auto& p : r.people) owners.items.push_back({.value = std::to_string(p.user_id), .text = p.name});
    govuk::select(h, owners);
    date_fields(h, t, "due", {f.day, f.month, f.year}, s(t("meetings.minutes.action_due_label")),
                s(t("meetings.minutes.action_due_hint")), errors);
    submit_button(h, t("meetings.minutes.add_action_button"));
    govuk::form_end(h);
  }

  if (records && !m.minutes_published_at) {
    govuk::heading(h, 2, "m", t("meetings.minutes.publish_title"));
    govuk::paragraph(h, t("meetings.minutes.publish_lead"));
    govuk::button_form(h, {.form = {.action = base + "/minutes/publish", .csrf_token = ctx.csrf_token},
                           .button = {.text = s(t("meetings.minutes.publish_button"))}});
  }
  return page.respond();
}

}  // namespace

awaitable<Response> minutes(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_record(req, deps, Action::see_agenda);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_minutes(req, deps, std::get<MeetingRecord>(loaded), {}, {});
}

awaitable<Response> save_attendance(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  if (!id) co_return deps.not_found(ctx);
  std::vector<std::pair<long long, Attendance>> marks;
  for (const auto& [name, value] : ctx.form.fields()) {
    if (!name.starts_with("attendance-")) continue;
    const auto user = http::parse_id(std::string_view(name).substr(11));
    const auto a = parse_attendance(value);
    if (user && a) marks.emplace_back(*user, *a);
  }
  auto op = deps.service->record_attendance(who_of(req), req.membership.org_id, *id, std::move(marks));
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, minutes_url(req, *id), "meetings.done.attendance_saved");
}

awaitable<Response> save_minutes(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_record(req, deps, Action::record_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& rec = std::get<MeetingRecord>(loaded);
  const long long id = rec.meeting.meeting.id;
  std::string text(ctx.form.value("minutes"));
  const auto errors = field_errors(t, check_minutes(text));
  if (!errors.empty()) co_return render_minutes(req, deps, rec, {.minutes = text}, errors);
  auto op = deps.service->save_minutes(who_of(req), req.membership.org_id, id, std::move(text));
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, minutes_url(req, id), "meetings.done.minutes_saved");
}

awaitable<Response> save_decision(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_record(req, deps, Action::record_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& rec = std::get<MeetingRecord>(loaded);
  const long long id = rec.meeting.meeting.id;
  const auto item = http::parse_id(ctx.param("item"));
  if (!item) co_return deps.not_found(ctx);
  std::string decision = ctx.form.trimmed("decision");
  const auto errors = field_errors(t, check_decision(decision));
  if (!errors.empty()) {
    co_return render_minutes(req, deps, rec, {.decision_item = *item, .decision = decision}, errors);
  }
  auto op = deps.service->set_decision(who_of(req), req.membership.org_id, id, *item, std::move(decision));
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, minutes_url(req, id), "meetings.done.decision_saved");
}

awaitable<Response> create_action(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_record(req, deps, Action::record_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& rec = std::get<MeetingRecord>(loaded);
  const long long id = rec.meeting.meeting.id;
  auto form = read_action(ctx.form);
  if (form.create_key.empty()) form.create_key = security::random_token(16);
  auto problems = check_action(form);
  const auto item = http::parse_id(form.item);
  const auto owner = http::parse_id(form.owner);
  if (problems.empty() && (!item || !owner)) problems.push_back({"owner", "meetings.error.action_owner_missing"});
  if (problems.empty()) {
    auto op = deps.service->add_action(who_of(req), req.membership.org_id, id, *item, form.what, *owner, due_on(form),
                                       form.create_key);
    const auto c = co_await std::move(op);
    if (c != Change::not_in_group) co_return after(req, deps, c, minutes_url(req, id), "meetings.done.action_added");
    problems.push_back({"owner", "meetings.error.action_owner_missing"});
  }
  co_return render_minutes(req, deps, rec, {.action = form}, field_errors(t, problems));
}

awaitable<Response> save_action_status(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  const auto action = http::parse_id(ctx.param("action"));
  const auto status = parse_action_status(ctx.form.value("status"));
  if (!id || !action || !status) co_return deps.not_found(ctx);
  auto op = deps.service->set_action_status(who_of(req), req.membership.org_id, *id, *action, *status);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, minutes_url(req, *id), "meetings.done.action_saved");
}

awaitable<Response> publish_minutes(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->publish_minutes(who_of(req), req.membership.org_id, *id);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, minutes_url(req, *id), "meetings.done.minutes_published");
}

}  // namespace roundtable::meetings::pages
