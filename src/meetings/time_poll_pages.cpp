// "Find a time": a poll's page (results and answers), answering it, closing, reopening and deleting it, and the
// polls section of a group's meetings page. Opening and changing one: time_poll_form_pages.cpp.
#include "meetings/time_poll_pages.hpp"

#include "meetings/time_poll_form.hpp"
#include "meetings/time_poll_page_parts.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

/// The results: each time with its counts, best first; for the people who run the poll, who answered what, and
/// scheduling.
void results(Html& h, const core::Translator& t, const OrgRequest& req, const PollPage& page, bool runs) {
  const auto& p = page.poll.poll;
  const auto tallies = tally(p, page.people);
  govuk::heading(h, 2, "m", t("meetings.polls.results.title"));
  govuk::paragraph(h, t.plural("meetings.polls.results.people", static_cast<long long>(page.people.size())));
  answers_table(h, t, tallies, s(t("meetings.polls.results.best")), s(t("meetings.polls.results.caption")));
  if (!runs) return;

  govuk::heading(h, 2, "m", t("meetings.polls.who.title"));
  if (page.people.empty()) {
    govuk::paragraph(h, t("meetings.polls.who.none"));
  } else {
    who_answered_table(h, t, p.options, page.people);
  }

  govuk::heading(h, 2, "m", t("meetings.polls.schedule.title"));
  if (p.meeting_id) {
    govuk::paragraph(h, t("meetings.polls.schedule.done"));
    govuk::link_paragraph(h, meeting_url(req, *p.meeting_id), t("meetings.polls.schedule.see_meeting"));
    return;
  }
  govuk::paragraph(h, t("meetings.polls.schedule.lead"));
  for (const auto& r : tallies) {
    Html item;
    govuk::link(
        item,
        group_meetings_url(req, p.group_id) + "/new?poll=" + std::to_string(p.id) +
            "&option=" + std::to_string(r.option.id),
        core::format(t("meetings.polls.schedule.at"), {{"when", when_text(t, r.option.starts_at, r.option.ends_at)}}));
    govuk::paragraph(h, std::move(item));
  }
}

Response render_poll(OrgRequest& req, const PagesDeps& deps, const PollPage& pp, const std::vector<PollVote>& typed,
                     const std::vector<view::FieldError>& errors, bool refused) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& v = pp.poll;
  const auto& p = v.poll;
  const long long now = deps.polls->now();
  const std::string base = poll_url(req, p.id);
  auto page = page_builder(ctx, deps, p.details.title);
  page.caption(p.group_name)
      .back_link(group_meetings_url(req, p.group_id), s(t("meetings.polls.back_to_meetings")))
      .errors(t, errors);
  Html& h = page.body();
  const bool closed = p.closed(now);
  if (closed) {
    govuk::inset_text(h, {.text = s(t("meetings.polls.page.closed"))});
  } else if (p.details.closes_at) {
    govuk::inset_text(
        h, {.text = core::format(t("meetings.polls.page.closes"), {{"date", day_text(t, *p.details.closes_at - 1)}})});
  } else {
    govuk::inset_text(h, {.text = s(t("meetings.polls.page.open"))});
  }
  if (!p.details.purpose.empty()) govuk::paragraph(h, p.details.purpose, "govuk-body rt-pre-line");
  govuk::paragraph(h, t("meetings.when.uk_time"), "govuk-body-s");

  // Answering: the form while it is open (and, when a closed poll refused answers, with what was typed kept).
  const bool answers = may_poll(req, v, Action::answer_poll, now);
  if (answers || refused) {
    govuk::heading(h, 2, "m", t("meetings.polls.answer.title"));
    govuk::paragraph(h, t(v.mine.empty() ? "meetings.polls.answer.lead" : "meetings.polls.answer.lead_change"));
    govuk::form_start(h, {.action = base + "/answers", .csrf_token = ctx.csrf_token});
    answer_radios(h, t, p.options, (refused || !errors.empty()) ? typed : v.mine, errors);
    submit_button(h, t("meetings.polls.answer.button"));
    govuk::form_end(h);
  } else if (v.group_role == GroupRole::observer) {
    govuk::paragraph(h, t("meetings.polls.page.observer"));
  } else if (!v.group_role) {
    govuk::paragraph(h, t("meetings.polls.page.not_in_group"));
  }

  const bool runs = may_poll(req, v, Action::run_poll, now);
  results(h, t, req, pp, runs);

  if (runs) {
    govuk::heading(h, 2, "m", t("meetings.polls.page.run_title"));
    govuk::link_paragraph(h, base + "/edit", t("meetings.polls.page.edit_link"));
    if (p.closed_at) {
      govuk::button_form(
          h, {.form = {.action = base + "/reopen", .csrf_token = ctx.csrf_token},
              .button = {.text = s(t("meetings.polls.page.reopen")), .classes = "govuk-button--secondary"}});
    } else if (closed) {
      // Closed at its closing date: a later date opens it again.
      govuk::paragraph(h, t("meetings.polls.page.closed_by_date"));
    } else {
      govuk::button_form(h,
                         {.form = {.action = base + "/close", .csrf_token = ctx.csrf_token},
                          .button = {.text = s(t("meetings.polls.page.close")), .classes = "govuk-button--secondary"}});
    }
    govuk::link_paragraph(h, base + "/delete", t("meetings.polls.page.delete_link"));
  }
  return page.respond();
}

/// Closing the poll or opening it again (the people who run it), then back to it with the done message.
awaitable<Response> set_closed(OrgRequest& req, const PagesDeps& deps, bool closed, const char* done_key) {
  auto loaded_op = load_poll(req, deps, Action::run_poll);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const long long id = std::get<PollPage>(loaded).poll.poll.id;
  auto op = deps.polls->set_closed(who_of(req), req.membership.org_id, id, closed);
  co_return after(req, deps, co_await std::move(op), poll_url(req, id), done_key);
}

}  // namespace

std::string poll_url(const OrgRequest& req, long long id) {
  return "/o/" + req.membership.org_slug + "/polls/" + std::to_string(id);
}

void polls_section(Html& h, const core::Translator& t, const OrgRequest& req, long long group_id,
                   const std::vector<PollListed>& polls, bool runs, long long now) {
  govuk::heading(h, 2, "m", t("meetings.polls.section.title"));
  govuk::paragraph(h, t("meetings.polls.section.lead"));
  bool any_open = false;
  for (const auto& p : polls) {
    if (p.closed(now)) continue;
    any_open = true;
    govuk::SummaryList rows;
    rows.rows.push_back(
        {.key = {.text = s(t("meetings.polls.section.times"))}, .value = {.text = std::to_string(p.options)}});
    rows.rows.push_back({.key = {.text = s(t("meetings.polls.section.answered"))},
                         .value = {.text = t.plural("meetings.polls.section.answered_count", p.answered)}});
    if (p.closes_at) {
      rows.rows.push_back(
          {.key = {.text = s(t("meetings.polls.section.closes"))}, .value = {.text = day_text(t, *p.closes_at - 1)}});
    }
    Html title;
    govuk::link(title, poll_url(req, p.id), p.title);
    rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.html = std::move(title), .heading_level = 3}};
    govuk::summary_list(h, rows);
  }
  if (!any_open) govuk::paragraph(h, t("meetings.polls.section.none"));
  bool closed_heading = false;
  for (const auto& p : polls) {
    if (!p.closed(now)) continue;
    if (!closed_heading) {
      govuk::heading(h, 3, "s", t("meetings.polls.section.closed_title"));
      closed_heading = true;
    }
    govuk::link_paragraph(h, poll_url(req, p.id), p.title);
  }
  if (runs) {
    govuk::button(h, {.text = s(t("meetings.polls.section.new")),
                      .href = "/o/" + req.membership.org_slug + "/groups/" + std::to_string(group_id) + "/polls/new",
                      .classes = "govuk-button--secondary"});
  }
}

awaitable<Response> poll(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_poll(req, deps, Action::see_polls);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_poll(req, deps, std::get<PollPage>(loaded), {}, {}, false);
}

awaitable<Response> poll_answer(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  // Seeing it is checked here; whether answers are still taken is the service's to say (a poll closed by date).
  auto loaded_op = load_poll(req, deps, Action::see_polls);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& pp = std::get<PollPage>(loaded);
  const auto& v = pp.poll;
  const auto role = v.group_role;
  if (role != GroupRole::lead && role != GroupRole::facilitator && role != GroupRole::member) {
    co_return deps.not_found(ctx);
  }
  const auto votes = read_poll_answers(ctx.form, v.poll);
  const auto problems = check_poll_answers(votes, v.poll);
  if (!problems.empty()) co_return render_poll(req, deps, pp, votes, field_errors(t, problems), false);
  auto op = deps.polls->answer(req.membership.org_id, v.poll.id, req.principal.user_id, votes);
  switch (co_await std::move(op)) {
    case PollAnswerOutcome::done: break;
    case PollAnswerOutcome::not_in_group: co_return deps.not_found(ctx);
    case PollAnswerOutcome::closed: {
      const std::string field = "o-" + std::to_string(v.poll.options.empty() ? 0 : v.poll.options.front().id);
      co_return render_poll(req, deps, pp, votes, field_errors(t, {{field, "meetings.polls.error.closed"}}), true);
    }
  }
  ctx.set_flash("meetings.polls.done.answered");
  co_return http::redirect(ctx.request, poll_url(req, v.poll.id));
}

awaitable<Response> poll_close(OrgRequest& req, const PagesDeps& deps) {
  return set_closed(req, deps, true, "meetings.polls.done.closed");
}

awaitable<Response> poll_reopen(OrgRequest& req, const PagesDeps& deps) {
  return set_closed(req, deps, false, "meetings.polls.done.reopened");
}

awaitable<Response> poll_delete_form(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_poll(req, deps, Action::run_poll);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& p = std::get<PollPage>(loaded).poll.poll;
  const std::string base = poll_url(req, p.id);
  auto page = page_builder(ctx, deps, s(t("meetings.polls.delete.title")));
  page.caption(p.details.title).back_link(base, s(t("meetings.polls.back_to_poll")));
  Html& h = page.body();
  govuk::paragraph(h, t("meetings.polls.delete.lead"));
  govuk::button_form(h, {.form = {.action = base + "/delete", .csrf_token = ctx.csrf_token},
                         .button = {.text = s(t("meetings.polls.delete.button")), .classes = "govuk-button--warning"}});
  govuk::link_paragraph(h, base, t("meetings.polls.delete.keep"));
  co_return page.respond();
}

awaitable<Response> poll_delete(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_poll(req, deps, Action::run_poll);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& p = std::get<PollPage>(loaded).poll.poll;
  const std::string to = group_meetings_url(req, p.group_id);
  auto op = deps.polls->remove(who_of(req), req.membership.org_id, p.id);
  const auto c = co_await std::move(op);
  if (c == Change::done) req.ctx.set_flash("meetings.polls.done.deleted", {{"title", p.details.title}});
  if (c == Change::refused) co_return deps.not_found(req.ctx);
  co_return http::redirect(req.ctx.request, to);
}

}  // namespace roundtable::meetings::pages
