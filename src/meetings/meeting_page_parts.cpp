// What the meetings pages share: loading a meeting (or its group) for the person asking and asking the policy,
// addresses, and the words for times (London time), places, access and needs.
#include "meetings/london_time.hpp"
#include "meetings/meeting_pages.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::meetings::pages {

namespace govuk = view::govuk;
using view::Html;

policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> group_role) {
  return {req.membership.role, req.principal.two_step, group_role};
}

policy::Facts facts_of(const Meeting& m, long long now) {
  return {m.group_visibility, m.group_archived, m.cancelled(), m.started(now), m.open_to_organisation};
}

policy::Facts group_facts(const groups::Group& g) { return {g.details.visibility, g.archived(), false, false}; }

bool may(const OrgRequest& req, const MeetingForViewer& v, policy::Action action, long long now) {
  return policy::allows(actor_of(req, v.group_role), action, facts_of(v.meeting, now)) != policy::Verdict::deny;
}

namespace {

template <class T>
std::variant<T, Response> decide(OrgRequest& req, const PagesDeps& deps, policy::Verdict verdict, T found) {
  switch (verdict) {
    case policy::Verdict::allow: return found;
    case policy::Verdict::need_two_step: return http::redirect(req.ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  return deps.not_found(req.ctx);
}

}  // namespace

awaitable<std::variant<MeetingForViewer, Response>> load(OrgRequest& req, const PagesDeps& deps,
                                                         policy::Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("meeting"));
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->meeting_for(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict =
      policy::allows(actor_of(req, found->group_role), action, facts_of(found->meeting, deps.service->now()));
  co_return decide(req, deps, verdict, std::move(*found));
}

awaitable<std::variant<groups::GroupForViewer, Response>> load_group(OrgRequest& req, const PagesDeps& deps,
                                                                     policy::Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("group"));
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->group_for(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict = policy::allows(actor_of(req, found->role), action, group_facts(found->group));
  co_return decide(req, deps, verdict, std::move(*found));
}

std::string meeting_url(const OrgRequest& req, long long id) {
  return "/o/" + req.membership.org_slug + "/meetings/" + std::to_string(id);
}

std::string group_meetings_url(const OrgRequest& req, long long group_id) {
  return "/o/" + req.membership.org_slug + "/groups/" + std::to_string(group_id) + "/meetings";
}

std::string answer_name(const core::Translator& t, Answer a) {
  return s(t("meetings.answer." + std::string(answer_code(a))));
}

std::string need_name(const core::Translator& t, Need n) { return s(t("meetings.need." + std::string(need_code(n)))); }

std::string access_name(const core::Translator& t, Access a) {
  return s(t("meetings.access." + std::string(access_code(a))));
}

std::vector<std::string> needs_in_words(const core::Translator& t, const RsvpDetails& r) {
  std::vector<std::string> out;
  for (Need n : r.needs) {
    if (n == Need::other_interpreter) {
      out.push_back(core::format(t("meetings.need.interpreter_in"), {{"language", r.interpreter_language}}));
    } else if (n == Need::dietary) {
      out.push_back(core::format(t("meetings.need.dietary_is"), {{"diet", r.dietary}}));
    } else {
      out.push_back(need_name(t, n));
    }
  }
  return out;
}

void where_fields(Html& h, const core::Translator& t, const WhereValues& where,
                  const std::vector<view::FieldError>& errors) {
  govuk::heading(h, 2, "m", t("meetings.form.where_title"));
  govuk::paragraph(h, t("meetings.form.where_lead"));
  govuk::input(h, {.id = "online_url",
                   .name = "online_url",
                   .type = "url",
                   .value = where.online_url,
                   .label = small_label(s(t("meetings.form.online_url"))),
                   .hint = {.text = s(t("meetings.form.online_url_hint"))},
                   .error_message = field_error_message(t, errors, "online_url"),
                   .autocomplete = "url",
                   .spellcheck = false});
  govuk::textarea(h, {.id = "venue",
                      .name = "venue",
                      .rows = 4,
                      .value = where.venue,
                      .label = small_label(s(t("meetings.form.venue"))),
                      .hint = {.text = s(t("meetings.form.venue_hint"))},
                      .error_message = field_error_message(t, errors, "venue")});
  govuk::Checkboxes access{.name = "access",
                           .values = where.access,
                           .fieldset = small_legend(s(t("meetings.form.access"))),
                           .hint = {.text = s(t("meetings.form.access_hint"))}};
  for (Access a : kAllAccess) access.items.push_back({.text = access_name(t, a), .value = s(access_code(a))});
  govuk::checkboxes(h, access);
  govuk::textarea(h, {.id = "access_notes",
                      .name = "access_notes",
                      .rows = 3,
                      .value = where.access_notes,
                      .label = small_label(s(t("meetings.form.access_notes"))),
                      .hint = {.text = s(t("meetings.form.access_notes_hint"))},
                      .error_message = field_error_message(t, errors, "access_notes")});
}

void date_fields(Html& h, const core::Translator& t, const std::string& prefix, const DateValues& date,
                 std::string legend, std::string hint, const std::vector<view::FieldError>& errors) {
  govuk::date_input(h, {.id = prefix,
                        .name_prefix = prefix,
                        .day = govuk::DateInputItem{.name = "day",
                                                    .label = s(t("meetings.form.day")),
                                                    .value = date.day,
                                                    .classes = "govuk-input--width-2"},
                        .month = govuk::DateInputItem{.name = "month",
                                                      .label = s(t("meetings.form.month")),
                                                      .value = date.month,
                                                      .classes = "govuk-input--width-2"},
                        .year = govuk::DateInputItem{.name = "year",
                                                     .label = s(t("meetings.form.year")),
                                                     .value = date.year,
                                                     .classes = "govuk-input--width-4"},
                        .fieldset = small_legend(std::move(legend)),
                        .hint = {.text = std::move(hint)},
                        .error_message = field_error_message(t, errors, prefix + "-day")});
}

void about(Html& h, const core::Translator& t, const Meeting& m) {
  const auto& d = m.details;
  govuk::SummaryList rows;
  {
    Html when;
    when.text(when_text(t, d.starts_at, d.ends_at));
    govuk::paragraph(when, t("meetings.when.uk_time"), "govuk-body-s govuk-!-margin-bottom-0");
    rows.rows.push_back({.key = {.text = s(t("meetings.about.when"))}, .value = {.html = std::move(when)}});
  }
  if (!d.online_url.empty()) {
    Html online;
    govuk::link(online, d.online_url, t("meetings.about.join_online"));
    govuk::paragraph(online, d.online_url, "govuk-body-s govuk-!-margin-bottom-0 rt-pre-line");
    rows.rows.push_back({.key = {.text = s(t("meetings.about.online"))}, .value = {.html = std::move(online)}});
  }
  if (!d.venue.empty()) {
    rows.rows.push_back(
        {.key = {.text = s(t("meetings.about.venue"))}, .value = {.text = d.venue, .classes = "rt-pre-line"}});
  }
  if (!d.venue.empty() || !d.access.empty() || !d.access_notes.empty()) {
    Html access;
    if (d.access.empty()) {
      govuk::paragraph(access, t("meetings.about.access_none"), "govuk-body govuk-!-margin-bottom-0");
    } else {
      govuk::List items{.bullet = true};
      for (Access a : d.access) items.items.emplace_back(access_name(t, a));
      govuk::list(access, items);
    }
    if (!d.access_notes.empty()) govuk::paragraph(access, d.access_notes, "govuk-body rt-pre-line");
    rows.rows.push_back({.key = {.text = s(t("meetings.about.access"))}, .value = {.html = std::move(access)}});
  }
  govuk::summary_list(h, rows);
}

}  // namespace roundtable::meetings::pages
