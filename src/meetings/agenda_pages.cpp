// A meeting's agenda: the items in order with where each came from, proposals waiting, proposing an item, topics
// members asked to raise, putting them on the agenda, ordering, changing and removing items, and saying the papers
// were sent.
#include <cstdlib>

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

std::string agenda_url(const OrgRequest& req, long long id) { return meeting_url(req, id) + "/agenda"; }

}  // namespace

Response render_agenda(OrgRequest& req, const PagesDeps& deps, const MeetingRecord& r, const ItemForm& form,
                       const PaperForm& paper, const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& v = r.meeting;
  const auto& m = v.meeting;
  const long long now = deps.service->now();
  const std::string base = agenda_url(req, m.id);
  const bool runs = may(req, v, Action::run_agenda, now);
  auto page = page_builder(ctx, deps, s(t("meetings.agenda.title")));
  page.caption(m.details.title).back_link(meeting_url(req, m.id), s(t("meetings.back"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, when_text(t, m.details.starts_at, m.details.ends_at));

  // Papers.
  if (m.papers_sent_at) {
    govuk::inset_text(
        h, {.text = core::format(t("meetings.agenda.papers_sent"), {{"date", day_text(t, *m.papers_sent_at)}})});
  } else {
    govuk::inset_text(h, {.text = s(t("meetings.agenda.papers_not_sent"))});
    if (runs) {
      govuk::button_form(
          h, {.form = {.action = meeting_url(req, m.id) + "/papers/send", .csrf_token = ctx.csrf_token},
              .button = {.text = s(t("meetings.agenda.papers_send")), .classes = "govuk-button--secondary"}});
    }
  }
  papers_section(h, t, req, r, runs, paper, errors);

  govuk::heading(h, 2, "m", t("meetings.agenda.items_title"));
  long long number = 0;
  long long accepted = 0;
  for (const auto& i : r.items) accepted += i.status == ItemStatus::accepted;
  if (accepted == 0) govuk::paragraph(h, t("meetings.agenda.none"));
  for (const auto& i : r.items) {
    if (i.status != ItemStatus::accepted) continue;
    ++number;
    govuk::heading(
        h, 3, "s",
        core::format(t("meetings.agenda.item_heading"), {{"n", std::to_string(number)}, {"title", i.title}}));
    item_source(h, t, req, i);
    if (!i.notes.empty()) govuk::paragraph(h, i.notes, "govuk-body rt-pre-line");
    loop_link(h, t, req, "agenda_item", i.id, i.title);
    if (runs) {
      const std::string item_url = base + "/items/" + std::to_string(i.id);
      if (number > 1) {
        govuk::button_form(h, {.form = {.action = item_url + "/move", .csrf_token = ctx.csrf_token},
                               .hidden = {{"direction", "up"}},
                               .button = {.text = core::format(t("meetings.agenda.move_up"), {{"title", i.title}}),
                                          .classes = "govuk-button--secondary govuk-!-margin-bottom-2"}});
      }
      if (number < accepted) {
        govuk::button_form(h, {.form = {.action = item_url + "/move", .csrf_token = ctx.csrf_token},
                               .hidden = {{"direction", "down"}},
                               .button = {.text = core::format(t("meetings.agenda.move_down"), {{"title", i.title}}),
                                          .classes = "govuk-button--secondary govuk-!-margin-bottom-2"}});
      }
      govuk::link_paragraph(h, item_url + "/edit", core::format(t("meetings.agenda.change"), {{"title", i.title}}));
    }
  }

  if (r.meeting.meeting.minutes_published_at || may(req, v, Action::record_meeting, now)) {
    govuk::link_paragraph(h, meeting_url(req, m.id) + "/minutes", t("meetings.agenda.minutes_link"));
  }

  // Proposals waiting for the people who run the group.
  if (r.items.size() > static_cast<std::size_t>(accepted)) {
    govuk::heading(h, 2, "m", t("meetings.agenda.proposals_title"));
    govuk::paragraph(h, t(runs ? "meetings.agenda.proposals_lead_run" : "meetings.agenda.proposals_lead"));
    for (const auto& i : r.items) {
      if (i.status != ItemStatus::proposed) continue;
      govuk::heading(h, 3, "s", i.title);
      item_source(h, t, req, i);
      if (!i.notes.empty()) govuk::paragraph(h, i.notes, "govuk-body rt-pre-line");
      if (runs) {
        const std::string item_url = base + "/items/" + std::to_string(i.id);
        govuk::button_form(h, {.form = {.action = item_url + "/accept", .csrf_token = ctx.csrf_token},
                               .button = {.text = core::format(t("meetings.agenda.accept"), {{"title", i.title}}),
                                          .classes = "govuk-!-margin-bottom-2"}});
        govuk::link_paragraph(h, item_url + "/edit", core::format(t("meetings.agenda.change"), {{"title", i.title}}));
      }
    }
  }

  // Topics members asked to raise.
  if (runs && !r.raised.empty()) {
    govuk::heading(h, 2, "m", t("meetings.agenda.raised_title"));
    govuk::paragraph(h, t("meetings.agenda.raised_lead"));
    for (const auto& topic : r.raised) {
      govuk::heading(h, 3, "s", topic.title);
      Html line;
      line.text(t.plural("meetings.agenda.raised_by", topic.raised_count)).text(" ");
      govuk::link(line, "/o/" + req.membership.org_slug + "/topics/" + std::to_string(topic.id),
                  t("meetings.agenda.read_topic"));
      govuk::paragraph(h, std::move(line));
      govuk::button_form(h, {.form = {.action = base + "/topics", .csrf_token = ctx.csrf_token},
                             .hidden = {{"topic", std::to_string(topic.id)}},
                             .button = {.text = core::format(t("meetings.agenda.promote"), {{"title", topic.title}}),
                                        .classes = "govuk-button--secondary"}});
    }
  }

  if (may(req, v, Action::propose_item, now)) {
    govuk::heading(h, 2, "m", t("meetings.agenda.propose_title"));
    govuk::paragraph(h, t(runs ? "meetings.agenda.propose_lead_run" : "meetings.agenda.propose_lead"));
    govuk::form_start(h, {.action = base + "/items", .csrf_token = ctx.csrf_token});
    govuk::hidden(h, "create_key", form.create_key);
    govuk::input(h, {.id = "item_title",
                     .name = "title",
                     .value = form.title,
                     .label = small_label(s(t("meetings.agenda.item_title"))),
                     .hint = {.text = s(t("meetings.agenda.item_title_hint"))},
                     .error_message = field_error_message(t, errors, "item_title")});
    govuk::textarea(h, {.id = "item_notes",
                        .name = "notes",
                        .rows = 3,
                        .value = form.notes,
                        .label = small_label(s(t("meetings.agenda.item_notes"))),
                        .hint = {.text = s(t("meetings.agenda.item_notes_hint"))},
                        .error_message = field_error_message(t, errors, "item_notes")});
    submit_button(h, t("meetings.agenda.propose_button"));
    govuk::form_end(h);
  }
  return page.respond();
}

namespace {

std::optional<long long> item_param(OrgRequest& req) { return http::parse_id(req.ctx.param("item")); }

Response render_item_form(OrgRequest& req, const PagesDeps& deps, const Meeting& m, long long item_id,
                          const ItemForm& form, const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string base = agenda_url(req, m.id);
  auto page = page_builder(ctx, deps, s(t("meetings.item_edit.title")));
  page.caption(m.details.title).back_link(base, s(t("meetings.agenda.back"))).errors(t, errors);
  Html& h = page.body();
  const std::string item_url = base + "/items/" + std::to_string(item_id);
  govuk::form_start(h, {.action = item_url + "/edit", .csrf_token = ctx.csrf_token});
  govuk::input(h, {.id = "item_title",
                   .name = "title",
                   .value = form.title,
                   .label = small_label(s(t("meetings.agenda.item_title"))),
                   .error_message = field_error_message(t, errors, "item_title")});
  govuk::textarea(h, {.id = "item_notes",
                      .name = "notes",
                      .rows = 3,
                      .value = form.notes,
                      .label = small_label(s(t("meetings.agenda.item_notes"))),
                      .error_message = field_error_message(t, errors, "item_notes")});
  submit_button(h, t("meetings.item_edit.button"));
  govuk::form_end(h);
  govuk::heading(h, 2, "m", t("meetings.item_edit.remove_title"));
  govuk::paragraph(h, t("meetings.item_edit.remove_lead"));
  govuk::button_form(
      h, {.form = {.action = item_url + "/remove", .csrf_token = ctx.csrf_token},
          .button = {.text = s(t("meetings.item_edit.remove_button")), .classes = "govuk-button--warning"}});
  return page.respond();
}

}  // namespace

/// The agenda (or the answer to send instead) for someone who may see it.
awaitable<std::variant<MeetingRecord, Response>> load_record(OrgRequest& req, const PagesDeps& deps, Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->record(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto& m = found->meeting;
  switch (policy::allows(actor_of(req, m.group_role), action, facts_of(m.meeting, deps.service->now()))) {
    case policy::Verdict::allow: co_return std::move(*found);
    case policy::Verdict::need_two_step: co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  co_return deps.not_found(ctx);
}

Who who_of(const OrgRequest& req) { return {req.principal.user_id, req.membership.role, req.principal.two_step}; }

/// After a change: back to the agenda with a message, or 404 when it was refused.
Response after(OrgRequest& req, const PagesDeps& deps, Change c, const std::string& to, const char* done_key) {
  if (c == Change::refused) return deps.not_found(req.ctx);
  if (c == Change::done) req.ctx.set_flash(done_key);
  return http::redirect(req.ctx.request, to);
}

void item_source(Html& h, const core::Translator& t, const OrgRequest& req, const AgendaItem& i) {
  if (i.topic_id) {
    Html line;
    line.text(t.plural("meetings.agenda.raised_by", i.raised_count)).text(" ");
    govuk::link(line, "/o/" + req.membership.org_slug + "/topics/" + std::to_string(*i.topic_id),
                core::format(t("meetings.agenda.topic_link"), {{"title", i.topic_title}}));
    govuk::paragraph(h, std::move(line), "govuk-body-s");
  } else {
    const std::string name = i.proposer_name.empty() ? s(t("meetings.former_member")) : i.proposer_name;
    govuk::paragraph(h, core::format(t("meetings.agenda.proposed_by"), {{"name", name}}), "govuk-body-s");
  }
}

void loop_link(Html& h, const core::Translator& t, const OrgRequest& req, std::string_view kind, long long id,
               const std::string& what) {
  // meetings_loop.cpp registers agenda items and actions with the loop; its timeline page is theirs to read.
  Html line;
  govuk::link(line, "/o/" + req.membership.org_slug + "/loop/" + std::string(kind) + "/" + std::to_string(id),
              core::format(t("meetings.loop_link"), {{"what", what}}));
  govuk::paragraph(h, std::move(line), "govuk-body-s");
}

std::string due_words(const core::Translator& t, const std::string& due_on) {
  if (due_on.size() != 10) return due_on;
  const int month = std::atoi(due_on.substr(5, 2).c_str());
  const int day = std::atoi(due_on.substr(8, 2).c_str());
  if (month < 1 || month > 12) return due_on;
  return core::format(t("date.date"), {{"day", std::to_string(day)},
                                       {"month", s(t("date.month." + std::to_string(month)))},
                                       {"year", due_on.substr(0, 4)}});
}

awaitable<Response> agenda(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_record(req, deps, Action::see_agenda);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  ItemForm form;
  form.create_key = security::random_token(16);
  PaperForm paper;
  paper.create_key = security::random_token(16);
  co_return render_agenda(req, deps, std::get<MeetingRecord>(loaded), form, paper, {});
}

awaitable<Response> propose_item(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_record(req, deps, Action::propose_item);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& rec = std::get<MeetingRecord>(loaded);
  const long long id = rec.meeting.meeting.id;
  auto form = read_item(ctx.form);
  if (form.create_key.empty()) form.create_key = security::random_token(16);
  const auto errors = field_errors(t, check_item(form));
  if (!errors.empty())
    co_return render_agenda(req, deps, rec, form, {.create_key = security::random_token(16)}, errors);
  auto op = deps.service->propose_item(who_of(req), req.membership.org_id, id, form.title, form.notes, form.create_key);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, agenda_url(req, id), "meetings.done.item_proposed");
}

awaitable<Response> promote_topic(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  const auto topic = http::parse_id(ctx.form.value("topic"));
  if (!id || !topic) co_return deps.not_found(ctx);
  auto op = deps.service->promote_topic(who_of(req), req.membership.org_id, *id, *topic);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, agenda_url(req, *id), "meetings.done.topic_promoted");
}

awaitable<Response> accept_item(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  const auto item = item_param(req);
  if (!id || !item) co_return deps.not_found(ctx);
  auto op = deps.service->accept_item(who_of(req), req.membership.org_id, *id, *item);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, agenda_url(req, *id), "meetings.done.item_accepted");
}

awaitable<Response> move_item(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  const auto item = item_param(req);
  const auto direction = ctx.form.value("direction");
  if (!id || !item || (direction != "up" && direction != "down")) co_return deps.not_found(ctx);
  auto op = deps.service->move_item(who_of(req), req.membership.org_id, *id, *item, direction == "up");
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, agenda_url(req, *id), "meetings.done.item_moved");
}

awaitable<Response> edit_item(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load_record(req, deps, Action::run_agenda);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& rec = std::get<MeetingRecord>(loaded);
  const auto item = item_param(req);
  for (const auto& i : rec.items) {
    if (item && i.id == *item) {
      co_return render_item_form(req, deps, rec.meeting.meeting, i.id, {i.title, i.notes, ""}, {});
    }
  }
  co_return deps.not_found(ctx);
}

awaitable<Response> save_item(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_record(req, deps, Action::run_agenda);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& m = std::get<MeetingRecord>(loaded).meeting.meeting;
  const auto item = item_param(req);
  if (!item) co_return deps.not_found(ctx);
  const auto form = read_item(ctx.form);
  const auto errors = field_errors(t, check_item(form));
  if (!errors.empty()) co_return render_item_form(req, deps, m, *item, form, errors);
  auto op = deps.service->update_item(who_of(req), req.membership.org_id, m.id, *item, form.title, form.notes);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, agenda_url(req, m.id), "meetings.done.item_saved");
}

awaitable<Response> remove_item(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  const auto item = item_param(req);
  if (!id || !item) co_return deps.not_found(ctx);
  auto op = deps.service->remove_item(who_of(req), req.membership.org_id, *id, *item);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, agenda_url(req, *id), "meetings.done.item_removed");
}

awaitable<Response> send_papers(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->send_papers(who_of(req), req.membership.org_id, *id);
  const auto c = co_await std::move(op);
  co_return after(req, deps, c, agenda_url(req, *id), "meetings.done.papers_sent");
}

}  // namespace roundtable::meetings::pages
