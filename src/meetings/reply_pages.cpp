// Replying to a meeting (going, maybe, not going, and what you need), calling a meeting off with a reason, and the
// facilitators' checklist of who is coming and what each person needs.
#include "meetings/meeting_form.hpp"
#include "meetings/meeting_pages.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

Response render_reply(OrgRequest& req, const PagesDeps& deps, const Meeting& m, const ReplyForm& form,
                      const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string base = meeting_url(req, m.id);
  auto page = page_builder(ctx, deps, s(t("meetings.reply.title")));
  page.caption(m.details.title).back_link(base, s(t("meetings.back"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, when_text(t, m.details.starts_at, m.details.ends_at));
  govuk::form_start(h, {.action = base + "/reply", .csrf_token = ctx.csrf_token});
  govuk::Radios answer{.name = "answer",
                       .value = form.answer,
                       .fieldset = small_legend(s(t("meetings.reply.answer"))),
                       .error_message = field_error_message(t, errors, "answer")};
  for (Answer a : kAllAnswers) answer.items.push_back({.text = answer_name(t, a), .value = s(answer_code(a))});
  govuk::radios(h, answer);

  Html language;
  govuk::input(language, {.id = "interpreter_language",
                          .name = "interpreter_language",
                          .value = form.interpreter_language,
                          .label = small_label(s(t("meetings.reply.language"))),
                          .error_message = field_error_message(t, errors, "interpreter_language"),
                          .classes = "govuk-!-width-one-half"});
  Html diet;
  govuk::textarea(diet, {.id = "dietary",
                         .name = "dietary",
                         .rows = 2,
                         .value = form.dietary,
                         .label = small_label(s(t("meetings.reply.dietary"))),
                         .error_message = field_error_message(t, errors, "dietary")});
  govuk::Checkboxes needs{.name = "needs",
                          .values = form.needs,
                          .fieldset = small_legend(s(t("meetings.reply.needs"))),
                          .hint = {.text = s(t("meetings.reply.needs_hint"))}};
  for (Need n : kAllNeeds) {
    govuk::ChoiceItem item{.text = need_name(t, n), .value = s(need_code(n))};
    if (n == Need::other_interpreter) item.conditional = language;
    if (n == Need::dietary) item.conditional = diet;
    needs.items.push_back(std::move(item));
  }
  govuk::checkboxes(h, needs);
  govuk::textarea(h, {.id = "note",
                      .name = "note",
                      .rows = 3,
                      .value = form.note,
                      .label = small_label(s(t("meetings.reply.note"))),
                      .hint = {.text = s(t("meetings.reply.note_hint"))},
                      .error_message = field_error_message(t, errors, "note")});
  submit_button(h, t("meetings.reply.button"));
  govuk::form_end(h);
  return page.respond();
}

Response render_cancel(OrgRequest& req, const PagesDeps& deps, const Meeting& m, const std::string& reason,
                       const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string base = meeting_url(req, m.id);
  auto page = page_builder(ctx, deps, s(t("meetings.cancel.title")));
  page.caption(m.details.title).back_link(base, s(t("meetings.back"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, when_text(t, m.details.starts_at, m.details.ends_at));
  govuk::paragraph(h, t("meetings.cancel.lead"));
  govuk::form_start(h, {.action = base + "/cancel", .csrf_token = ctx.csrf_token});
  govuk::textarea(h, {.id = "reason",
                      .name = "reason",
                      .rows = 3,
                      .value = reason,
                      .label = small_label(s(t("meetings.cancel.reason"))),
                      .hint = {.text = s(t("meetings.cancel.reason_hint"))},
                      .error_message = field_error_message(t, errors, "reason")});
  govuk::warning_text(h,
                      {.text = s(t("meetings.cancel.warning")), .icon_fallback_text = s(t("meetings.warning_word"))});
  submit_button(h, t("meetings.cancel.button"), "govuk-button--warning");
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> reply_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::reply);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<MeetingForViewer>(loaded);
  co_return render_reply(req, deps, v.meeting, v.mine ? form_of(*v.mine) : ReplyForm{}, {});
}

awaitable<Response> save_reply(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::reply);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& m = std::get<MeetingForViewer>(loaded).meeting;
  const auto form = read_reply(ctx.form);
  const auto errors = field_errors(t, check_reply(form));
  if (!errors.empty()) co_return render_reply(req, deps, m, form, errors);
  auto op = deps.service->reply(req.membership.org_id, m.id, req.principal.user_id, details_of(form));
  if (co_await std::move(op) != ReplyOutcome::done) co_return deps.not_found(ctx);
  ctx.set_flash("meetings.done.replied");
  co_return http::redirect(ctx.request, meeting_url(req, m.id));
}

awaitable<Response> save_arranged(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::see_checklist);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& m = std::get<MeetingForViewer>(loaded).meeting;
  // The buttons' own values: anything else names nobody's need here.
  const auto person = http::parse_id(ctx.form.value("person"));
  const auto need = parse_need(ctx.form.value("need"));
  const std::string arranged(ctx.form.value("arranged"));
  if (!person || !need || (arranged != "yes" && arranged != "no")) co_return deps.not_found(ctx);
  auto op = deps.service->mark_arranged(req.membership.org_id, m.id, req.principal.user_id, *person, *need,
                                        arranged == "yes");
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash(arranged == "yes" ? "meetings.done.arranged" : "meetings.done.not_arranged");
  co_return http::redirect(ctx.request, meeting_url(req, m.id) + "/checklist#need-" + std::to_string(*person) + "-" +
                                            std::string(need_code(*need)));
}

awaitable<Response> cancel_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::cancel_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  co_return render_cancel(req, deps, std::get<MeetingForViewer>(loaded).meeting, "", {});
}

awaitable<Response> cancel_meeting(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::cancel_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& m = std::get<MeetingForViewer>(loaded).meeting;
  const std::string reason = ctx.form.trimmed("reason");
  const auto errors = field_errors(t, check_reason(reason));
  if (!errors.empty()) co_return render_cancel(req, deps, m, reason, errors);
  auto op = deps.service->cancel_meeting(req.membership.org_id, m.id, reason);
  if (co_await std::move(op)) ctx.set_flash("meetings.done.cancelled", {{"title", m.details.title}});
  co_return http::redirect(ctx.request, meeting_url(req, m.id));
}

awaitable<Response> checklist(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::see_checklist);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& m = std::get<MeetingForViewer>(loaded).meeting;
  auto op = deps.service->checklist(req.membership.org_id, m.id, req.principal.user_id);
  const auto people = co_await std::move(op);
  if (!people) co_return deps.not_found(ctx);
  const auto counts = count_needs(*people);
  const std::string base = meeting_url(req, m.id);
  auto page = page_builder(ctx, deps, s(t("meetings.checklist.title")));
  page.caption(m.details.title).back_link(meeting_url(req, m.id), s(t("meetings.back"))).full_width();
  Html& h = page.body();
  govuk::paragraph(h, when_text(t, m.details.starts_at, m.details.ends_at));
  govuk::paragraph(h, t("meetings.checklist.private"));

  govuk::heading(h, 2, "m", t("meetings.checklist.answers_title"));
  govuk::list(h, {.items = {t.plural("meetings.checklist.going", counts.going),
                            t.plural("meetings.checklist.maybe", counts.maybe),
                            t.plural("meetings.checklist.not_going", counts.not_going),
                            t.plural("meetings.checklist.no_reply", counts.no_reply)},
                  .bullet = true});

  govuk::heading(h, 2, "m", t("meetings.checklist.arrange_title"));
  govuk::List arrange{.bullet = true};
  for (std::size_t i = 0; i < std::size(kAllNeeds); ++i) {
    if (counts.need[i] == 0) continue;
    arrange.items.emplace_back(
        t.plural("meetings.checklist.need." + std::string(need_code(kAllNeeds[i])), counts.need[i]));
  }
  if (arrange.items.empty()) {
    govuk::paragraph(h, t("meetings.checklist.nothing_to_arrange"));
  } else {
    govuk::list(h, arrange);
    // What is still to do, from the ticks below.
    const long long unmet = unmet_support(*people);
    govuk::paragraph(h, unmet == 0 ? s(t("meetings.checklist.all_arranged"))
                                   : t.plural("meetings.checklist.still_to_arrange", unmet));
  }

  govuk::heading(h, 2, "m", t("meetings.checklist.people_title"));
  // On a narrow screen the table scrolls sideways rather than widening the page.
  view::scroll_region_start(h, t, t("meetings.checklist.people_caption"));
  govuk::TableWriter table(h, {.head = {{.text = s(t("meetings.checklist.person"))},
                                        {.text = s(t("meetings.checklist.answer"))},
                                        {.text = s(t("meetings.checklist.needs"))},
                                        {.text = s(t("meetings.checklist.note"))}},
                               .caption = s(t("meetings.checklist.people_caption")),
                               .caption_classes = "govuk-visually-hidden",
                               .first_cell_is_header = true});
  for (const auto& p : *people) {
    table.begin_row();
    table.cell(p.name);
    if (!p.reply) {
      table.cell(t("meetings.checklist.no_answer"));
      table.cell("");
      table.cell("");
    } else {
      table.cell(answer_name(t, p.reply->answer));
      const auto needs = needs_in_words(t, *p.reply);
      if (needs.empty()) {
        table.cell(t("meetings.checklist.needs_none"));
      } else if (p.reply->answer == Answer::not_going) {
        Html list;
        govuk::List items{.classes = "govuk-!-margin-bottom-0"};
        for (const auto& n : needs) items.items.emplace_back(n);
        govuk::list(list, items);
        table.cell(list);
      } else {
        // Each need with its tick: arranged or not yet, and the button that changes it (it says whose need it is).
        govuk::List items{.classes = "govuk-!-margin-bottom-0"};
        for (std::size_t i = 0; i < needs.size(); ++i) {
          const Need need = p.reply->needs[i];
          const bool done = p.is_arranged(need);
          items.item_ids.push_back("need-" + std::to_string(p.user_id) + "-" + std::string(need_code(need)));
          Html item;
          item.text(needs[i]).text(" ");
          govuk::tag(item, {.text = s(t(done ? "meetings.checklist.arranged" : "meetings.checklist.not_arranged")),
                            .classes = done ? "govuk-tag--green" : "govuk-tag--yellow"});
          Html words;
          words.text(t(done ? "meetings.checklist.undo_arranged" : "meetings.checklist.mark_arranged"));
          govuk::visually_hidden(
              words, " " + core::format(t("meetings.checklist.whose_need"), {{"need", needs[i]}, {"name", p.name}}));
          govuk::button_form(item, {.form = {.action = base + "/checklist/arranged", .csrf_token = ctx.csrf_token},
                                    .hidden = {{"person", std::to_string(p.user_id)},
                                               {"need", s(need_code(need))},
                                               {"arranged", done ? "no" : "yes"}},
                                    .button = {.html = std::move(words),
                                               .classes = "govuk-button--secondary govuk-!-margin-bottom-2"}});
          items.items.emplace_back(std::move(item));
        }
        Html list;
        govuk::list(list, items);
        table.cell(list);
      }
      table.cell(govuk::TableCell{.text = p.reply->note, .classes = "rt-pre-line"});
    }
    table.end_row();
  }
  table.end();
  view::scroll_region_end(h);
  co_return page.respond();
}

}  // namespace roundtable::meetings::pages
