// What the "find a time" pages share: finding the poll, who may do what to it, and its words.
#include "meetings/time_poll_page_parts.hpp"

#include "view/govuk/govuk.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::meetings::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

policy::Facts poll_facts(const TimePoll& p, long long now) {
  return {p.group_visibility, p.group_archived, false, p.closed(now)};
}

}  // namespace

bool may_poll(const OrgRequest& req, const PollForViewer& v, Action action, long long now) {
  return policy::allows(actor_of(req, v.group_role), action, poll_facts(v.poll, now)) != policy::Verdict::deny;
}

std::string kind_name(const core::Translator& t, TimeKind k) {
  return s(t("meetings.polls.kind." + std::string(time_kind_code(k))));
}

std::string answer_words(const core::Translator& t, PollAnswer a) {
  return s(t("meetings.polls.answer." + std::string(poll_answer_code(a))));
}

std::string option_text(const core::Translator& t, const PollOption& o) {
  return when_text(t, o.starts_at, o.ends_at) + " (" + kind_name(t, time_kind(o.starts_at)) + ")";
}

void answers_table(Html& h, const core::Translator& t, const std::vector<OptionTally>& tallies,
                   const std::string& best_tag, const std::string& caption) {
  view::scroll_region_start(h, t, caption);
  govuk::TableWriter table(h, {.head = {{.text = s(t("meetings.polls.results.time"))},
                                        {.text = s(t("meetings.polls.answer.yes")), .format = "numeric"},
                                        {.text = s(t("meetings.polls.answer.if_need_be")), .format = "numeric"},
                                        {.text = s(t("meetings.polls.answer.no")), .format = "numeric"},
                                        {.text = s(t("meetings.polls.results.unanswered")), .format = "numeric"}},
                               .caption = caption,
                               .caption_classes = "govuk-table__caption--s",
                               .first_cell_is_header = true});
  for (const auto& r : tallies) {
    table.begin_row();
    Html when;
    when.text(option_text(t, r.option));
    if (r.best) {
      when.text(" ");
      govuk::tag(when, {.text = best_tag});
    }
    table.cell(when);
    table.cell({.text = std::to_string(r.yes), .format = "numeric"});
    table.cell({.text = std::to_string(r.if_need_be), .format = "numeric"});
    table.cell({.text = std::to_string(r.no), .format = "numeric"});
    table.cell({.text = std::to_string(r.unanswered), .format = "numeric"});
    table.end_row();
  }
  table.end();
  view::scroll_region_end(h);
}

void who_answered_table(Html& h, const core::Translator& t, const std::vector<PollOption>& options,
                        const std::vector<PollPerson>& people) {
  view::scroll_region_start(h, t, t("meetings.polls.who.caption"));
  govuk::Table head{.caption = s(t("meetings.polls.who.caption")),
                    .caption_classes = "govuk-table__caption--s",
                    .first_cell_is_header = true};
  head.head.push_back({.text = s(t("meetings.polls.who.name"))});
  for (const auto& o : options) head.head.push_back({.text = option_text(t, o)});
  govuk::TableWriter who(h, head);
  for (const auto& person : people) {
    who.begin_row();
    who.cell(person.name);
    for (const auto& o : options) {
      const auto a = person.answer_for(o.id);
      who.cell(a ? answer_words(t, *a) : s(t("meetings.polls.who.no_answer")));
    }
    who.end_row();
  }
  who.end();
  view::scroll_region_end(h);
}

void answer_radios(Html& h, const core::Translator& t, const std::vector<PollOption>& options,
                   const std::vector<PollVote>& shown, const std::vector<view::FieldError>& errors) {
  bool first = true;
  for (const auto& o : options) {
    const std::string name = "o-" + std::to_string(o.id);
    std::string value;
    for (const auto& vote : shown) {
      if (vote.option_id == o.id) value = std::string(poll_answer_code(vote.answer));
    }
    govuk::Radios radios{.name = name,
                         .value = value,
                         .fieldset = small_legend(option_text(t, o)),
                         .error_message = first ? field_error_message(t, errors, name) : govuk::ErrorMessage{},
                         .classes = "govuk-radios--small govuk-radios--inline"};
    for (PollAnswer a : kAllPollAnswers) {
      radios.items.push_back({.text = answer_words(t, a), .value = s(poll_answer_code(a))});
    }
    govuk::radios(h, radios);
    first = false;
  }
}

void candidate_fields(Html& h, const core::Translator& t, const std::vector<CandidateRow>& rows,
                      const std::vector<view::FieldError>& errors) {
  govuk::hidden(h, "rows", std::to_string(rows.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const std::string id = "c-" + std::to_string(i);
    std::string legend = core::format(t("meetings.polls.form.time_n"), {{"n", std::to_string(i + 1)}});
    if (const auto kind = row_kind(row)) legend += ": " + kind_name(t, *kind);
    Html inner;
    date_fields(inner, t, id, {row.day, row.month, row.year}, s(t("meetings.polls.form.date")), "", errors);
    for (const char* which : {"start", "end"}) {
      const std::string field = id + "-" + which;
      govuk::input(inner, {.id = field,
                           .name = field,
                           .value = std::string_view(which) == "start" ? row.start : row.end,
                           .label = small_label(s(t("meetings.form." + std::string(which)))),
                           .hint = {.text = s(t("meetings.form.time_hint"))},
                           .error_message = field_error_message(t, errors, field),
                           .classes = "govuk-input--width-5",
                           .autocomplete = "off",
                           .spellcheck = false});
    }
    govuk::fieldset(h, {.legend = {.text = legend, .classes = "govuk-fieldset__legend--s"}, .html = std::move(inner)});
  }
}

void add_time_buttons(Html& h, const core::Translator& t, std::size_t rows) {
  govuk::button(h, {.text = s(t("meetings.polls.form.add_evenings")),
                    .name = "add",
                    .value = "evenings",
                    .classes = "govuk-button--secondary"});
  govuk::button(h, {.text = s(t("meetings.polls.form.add_weekends")),
                    .name = "add",
                    .value = "weekends",
                    .classes = "govuk-button--secondary"});
  if (rows < kMaxPollOptions) {
    govuk::button(h, {.text = s(t("meetings.polls.form.add_rows")),
                      .name = "add",
                      .value = "rows",
                      .classes = "govuk-button--secondary"});
  }
}

awaitable<std::variant<PollPage, Response>> load_poll(OrgRequest& req, const PagesDeps& deps, Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("poll"));
  if (!id || !deps.polls) co_return deps.not_found(ctx);
  auto op = deps.polls->poll_page(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  switch (
      policy::allows(actor_of(req, found->poll.group_role), action, poll_facts(found->poll.poll, deps.polls->now()))) {
    case policy::Verdict::allow: co_return std::move(*found);
    case policy::Verdict::need_two_step: co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  co_return deps.not_found(ctx);
}

}  // namespace roundtable::meetings::pages
