// A group's meetings, scheduling one, a meeting's page, changing it, and its calendar file.
#include "meetings/meeting_pages.hpp"

#include "markdown/markdown.hpp"
#include "meetings/meeting_form.hpp"
#include "meetings/meeting_ics.hpp"
#include "meetings/series_pages.hpp"
#include "meetings/time_poll_pages.hpp"
#include "meetings/time_poll_service.hpp"
#include "security/tokens.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

/// One meeting in a list, as a summary card.
void card(Html& h, const core::Translator& t, const std::string& url, const MeetingListed& m) {
  govuk::SummaryList rows;
  rows.rows.push_back(
      {.key = {.text = s(t("meetings.about.when"))}, .value = {.text = when_text(t, m.starts_at, m.ends_at)}});
  std::string where;
  if (m.online && m.in_person) {
    where = s(t("meetings.list.online_and_in_person"));
  } else {
    where = s(t(m.online ? "meetings.list.online" : "meetings.list.in_person"));
  }
  rows.rows.push_back({.key = {.text = s(t("meetings.list.where"))}, .value = {.text = where}});
  if (!m.cancelled) {
    rows.rows.push_back({.key = {.text = s(t("meetings.list.going"))},
                         .value = {.text = t.plural("meetings.list.going_count", m.going)}});
  }
  if (m.mine) {
    rows.rows.push_back({.key = {.text = s(t("meetings.list.you"))}, .value = {.text = answer_name(t, *m.mine)}});
  }
  Html title;
  govuk::link(title, url, m.title);
  if (m.cancelled) {
    title.text(" ");
    govuk::tag(title, {.text = s(t("meetings.cancelled_tag")), .classes = "govuk-tag--red"});
  }
  rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.html = std::move(title), .heading_level = 3}};
  govuk::summary_list(h, rows);
}

/// The person's own answer and what they need, or how to give one, or why they do not answer.
void coming(Html& h, const core::Translator& t, const OrgRequest& req, const MeetingForViewer& v,
            const std::string& base, long long now) {
  const bool replies = may(req, v, Action::reply, now);
  if (v.mine) {
    govuk::SummaryList yours;
    yours.rows.push_back(
        {.key = {.text = s(t("meetings.page.your_answer"))}, .value = {.text = answer_name(t, v.mine->answer)}});
    const auto needs = needs_in_words(t, *v.mine);
    if (!needs.empty()) {
      Html list;
      govuk::List items{.bullet = true};
      for (const auto& n : needs) items.items.emplace_back(n);
      govuk::list(list, items);
      yours.rows.push_back({.key = {.text = s(t("meetings.page.your_needs"))}, .value = {.html = std::move(list)}});
    }
    if (!v.mine->note.empty()) {
      yours.rows.push_back({.key = {.text = s(t("meetings.page.your_note"))},
                            .value = {.text = v.mine->note, .classes = "rt-pre-line"}});
    }
    govuk::summary_list(h, yours);
    if (replies) govuk::link_paragraph(h, base + "/reply", t("meetings.page.change_reply"));
  } else if (replies) {
    govuk::paragraph(h, t("meetings.page.reply_lead"));
    govuk::button(h, {.text = s(t("meetings.page.reply")), .href = base + "/reply"});
  } else if (v.group_role == GroupRole::observer) {
    govuk::paragraph(h, t("meetings.page.observer"));
  } else if (!v.group_role) {
    govuk::paragraph(h, t("meetings.page.not_in_group"));
  } else {
    govuk::paragraph(h, t("meetings.page.replies_closed"));
  }
}

Response render_form(OrgRequest& req, const PagesDeps& deps, const std::string& caption, const std::string& action,
                     const std::string& back, const MeetingForm& form, const std::vector<view::FieldError>& errors,
                     bool creating) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t(creating ? "meetings.new.title" : "meetings.edit.title")));
  page.caption(caption).back_link(back, s(t("meetings.back"))).errors(t, errors);
  Html& h = page.body();
  if (creating) govuk::paragraph(h, t("meetings.new.lead"));
  govuk::form_start(h, {.action = action, .csrf_token = ctx.csrf_token});
  if (creating) govuk::hidden(h, "create_key", form.create_key);
  if (creating && !form.from_poll.empty()) govuk::hidden(h, "poll", form.from_poll);
  govuk::input(h, {.id = "title",
                   .name = "title",
                   .value = form.title,
                   .label = small_label(s(t("meetings.form.title"))),
                   .hint = {.text = s(t("meetings.form.title_hint"))},
                   .error_message = field_error_message(t, errors, "title")});
  govuk::textarea(h, {.id = "purpose",
                      .name = "purpose",
                      .rows = 6,
                      .value = form.purpose,
                      .label = small_label(s(t("meetings.form.purpose"))),
                      .hint = {.text = s(t("meetings.form.purpose_hint"))},
                      .error_message = field_error_message(t, errors, "purpose")});
  date_fields(h, t, "date", {form.day, form.month, form.year}, s(t("meetings.form.date")),
              s(t("meetings.form.date_hint")), errors);
  for (const char* which : {"start", "end"}) {
    const std::string name(which);
    govuk::input(h, {.id = name,
                     .name = name,
                     .value = name == "start" ? form.start : form.end,
                     .label = small_label(s(t("meetings.form." + name))),
                     .hint = {.text = s(t("meetings.form.time_hint"))},
                     .error_message = field_error_message(t, errors, name),
                     .classes = "govuk-input--width-5",
                     .autocomplete = "off",
                     .spellcheck = false});
  }
  where_fields(h, t, {form.online_url, form.venue, form.access, form.access_notes}, errors);
  submit_button(h, t(creating ? "meetings.new.button" : "meetings.edit.button"));
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> group_list(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto id = http::parse_id(ctx.param("group"));
  if (!id) co_return deps.not_found(ctx);
  // The group's polls come along (dropped below unless the person may see them).
  std::vector<PollListed> polls;
  auto op = deps.service->group_meetings(req.membership.org_id, *id, req.principal.user_id,
                                         deps.polls ? TimePollService::polls_along(polls) : groups::AlongWithGroup{});
  const auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto& g = found->group;
  const auto actor = actor_of(req, g.role);
  switch (policy::allows(actor, Action::list_meetings, group_facts(g.group))) {
    case policy::Verdict::allow: break;
    case policy::Verdict::need_two_step: co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: co_return deps.not_found(ctx);
  }
  const std::string base = group_meetings_url(req, g.group.id);
  auto page = page_builder(ctx, deps, s(t("meetings.group.title")));
  page.caption(g.group.details.name)
      .back_link("/o/" + req.membership.org_slug + "/groups/" + std::to_string(g.group.id),
                 s(t("meetings.back_to_group")));
  Html& h = page.body();
  govuk::paragraph(h, t("meetings.group.lead"));
  if (policy::allows(actor, Action::schedule_meeting, group_facts(g.group)) != policy::Verdict::deny) {
    govuk::button(h, {.text = s(t("meetings.group.schedule")), .href = base + "/new"});
  }
  const long long now = deps.service->now();
  bool upcoming_heading = false, past_heading = false;
  for (const auto& m : found->meetings) {
    const bool past = m.ends_at <= now;
    if (!past && !upcoming_heading) {
      govuk::heading(h, 2, "m", t("meetings.group.upcoming"));
      upcoming_heading = true;
    }
    if (past && !past_heading) {
      if (!upcoming_heading) {
        govuk::heading(h, 2, "m", t("meetings.group.upcoming"));
        govuk::paragraph(h, t("meetings.group.none_upcoming"));
      }
      govuk::heading(h, 2, "m", t("meetings.group.past"));
      past_heading = true;
    }
    card(h, t, meeting_url(req, m.id), m);
  }
  if (found->meetings.empty()) govuk::paragraph(h, t("meetings.group.none"));
  // "Find a time" polls, for the group's own people (time_poll_pages.cpp).
  if (deps.polls && policy::allows(actor, Action::see_polls, group_facts(g.group)) == policy::Verdict::allow) {
    polls_section(h, t, req, g.group.id, polls,
                  policy::allows(actor, Action::run_poll, group_facts(g.group)) != policy::Verdict::deny, now);
  }
  co_return page.respond();
}

awaitable<Response> new_meeting(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  MeetingForm form;
  form.create_key = security::random_token(16);
  // Scheduled from a "find a time" poll: its title and the time chosen.
  auto fill_op = fill_from_poll(req, deps, g.id, std::move(form));
  form = co_await std::move(fill_op);
  // Arranged from a link that gives the date and times (a decision's chosen time).
  if (form.from_poll.empty()) fill_from_address(form, req.ctx.query_params());
  const std::string base = group_meetings_url(req, g.id);
  co_return render_form(req, deps, g.details.name, base, base, form, {}, true);
}

awaitable<Response> create_meeting(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps, Action::schedule_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  const auto form = read_meeting(ctx.form);
  const std::string base = group_meetings_url(req, g.id);
  const auto errors = field_errors(t, check_meeting(form, true, deps.service->now()));
  if (!errors.empty()) co_return render_form(req, deps, g.details.name, base, base, form, errors, true);
  auto op = deps.service->schedule_meeting(req.membership.org_id, g.id, req.principal.user_id, details_of(form),
                                           form.create_key);
  const long long id = co_await std::move(op);
  if (id == 0) co_return deps.not_found(ctx);
  if (!form.from_poll.empty()) {
    auto link_op = link_poll(req, deps, form.from_poll, id);
    co_await std::move(link_op);
  }
  ctx.set_flash("meetings.done.scheduled", {{"title", form.title}});
  co_return http::redirect(ctx.request, meeting_url(req, id));
}

awaitable<Response> meeting(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::see_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<MeetingForViewer>(loaded);
  const auto& m = v.meeting;
  const long long now = deps.service->now();
  const std::string base = meeting_url(req, m.id);
  auto page = page_builder(ctx, deps, m.details.title);
  // A session of a series leads back to its series (someone outside the group may not see the group's meetings).
  if (m.series_id) {
    page.caption(m.group_name).back_link(series_url(req, m.series_id), s(t("meetings.series.back_to_series")));
  } else {
    page.caption(m.group_name).back_link(group_meetings_url(req, m.group_id), s(t("meetings.back_to_list")));
  }
  Html& h = page.body();
  if (m.cancelled()) {
    govuk::warning_text(h, {.text = core::format(t("meetings.page.cancelled"), {{"reason", m.cancel_reason}}),
                            .icon_fallback_text = s(t("meetings.warning_word"))});
  } else if (m.details.ends_at <= now) {
    govuk::inset_text(h, {.text = s(t("meetings.page.over"))});
  }
  about(h, t, m);
  govuk::link_paragraph(h, base + "/calendar.ics", t("meetings.page.calendar"));

  // The person's own answer, or how to give one (nothing to answer once it is called off).
  if (!m.cancelled()) {
    govuk::heading(h, 2, "m", t("meetings.page.coming_title"));
    Html counts;
    counts.text(t.plural("meetings.page.going_count", m.going)).text(" ");
    counts.text(t.plural("meetings.page.maybe_count", m.maybe));
    govuk::paragraph(h, std::move(counts));
    coming(h, t, req, v, base, now);
  }

  govuk::heading(h, 2, "m", t("meetings.page.purpose_title"));
  markdown::render(h, m.details.purpose, {.top_heading_level = 3});

  // The agenda and what came of it, for the group's own people.
  if (may(req, v, Action::see_agenda, now)) {
    govuk::heading(h, 2, "m", t("meetings.page.agenda_title"));
    govuk::link_paragraph(h, base + "/agenda", t("meetings.page.agenda_link"));
    if (m.minutes_published_at || may(req, v, Action::record_meeting, now)) {
      govuk::link_paragraph(h, base + "/minutes", t("meetings.page.minutes_link"));
    }
  }

  // Running it.
  const bool checklist = may(req, v, Action::see_checklist, now);
  const bool edits = may(req, v, Action::edit_meeting, now);
  const bool cancels = may(req, v, Action::cancel_meeting, now);
  if (checklist || edits || cancels) {
    govuk::heading(h, 2, "m", t("meetings.page.run_title"));
    if (checklist) govuk::link_paragraph(h, base + "/checklist", t("meetings.page.checklist_link"));
    if (edits) govuk::link_paragraph(h, base + "/edit", t("meetings.page.edit_link"));
    if (cancels) govuk::link_paragraph(h, base + "/cancel", t("meetings.page.cancel_link"));
  }
  co_return page.respond();
}

awaitable<Response> edit_meeting(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::edit_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& m = std::get<MeetingForViewer>(loaded).meeting;
  const std::string base = meeting_url(req, m.id);
  co_return render_form(req, deps, m.details.title, base + "/edit", base, form_of(m.details), {}, false);
}

awaitable<Response> save_meeting(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::edit_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& m = std::get<MeetingForViewer>(loaded).meeting;
  const std::string base = meeting_url(req, m.id);
  const auto form = read_meeting(ctx.form);
  const auto errors = field_errors(t, check_meeting(form, false, deps.service->now()));
  if (!errors.empty()) co_return render_form(req, deps, m.details.title, base + "/edit", base, form, errors, false);
  auto op = deps.service->update_meeting(req.membership.org_id, m.id, details_of(form));
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("meetings.done.saved");
  co_return http::redirect(ctx.request, base);
}

awaitable<Response> calendar(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::see_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& m = std::get<MeetingForViewer>(loaded).meeting;
  // The UID names the meeting and its organisation, never the address it was fetched by, so that it stays the same.
  const auto text = ics::calendar({&m, "", req.membership.org_slug + ".roundtable"});
  auto res = http::make_response(ctx.request, http::Status::ok, text, "text/calendar; charset=utf-8");
  res.set(boost::beast::http::field::content_disposition,
          "attachment; filename=\"meeting-" + std::to_string(m.id) + ".ics\"");
  co_return res;
}

}  // namespace roundtable::meetings::pages
