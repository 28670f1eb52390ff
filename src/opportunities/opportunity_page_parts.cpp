// What the opportunities pages share: loading an opportunity (or its group) for the person asking and asking the
// policy, addresses, and the words for states, audiences and dates.
#include <charconv>

#include "opportunities/opportunity_pages.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/recorder.hpp"

namespace roundtable::opportunities::pages {

namespace govuk = view::govuk;
using view::Html;

std::optional<long long> parse_id(std::string_view s) {
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> group_role) {
  return {req.membership.role, req.principal.two_step, group_role};
}

policy::Facts facts_of(const Opportunity& o) { return {o.state, o.group_archived}; }

bool may(const OrgRequest& req, const OpportunityForViewer& v, policy::Action action) {
  return policy::allows(actor_of(req, v.group_role), action, facts_of(v.opportunity)) != policy::Verdict::deny;
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

awaitable<std::variant<OpportunityForViewer, Response>> load(OrgRequest& req, const PagesDeps& deps,
                                                             policy::Action action) {
  auto& ctx = req.ctx;
  const auto id = parse_id(ctx.param("opportunity"));
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->opportunity_for(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict = policy::allows(actor_of(req, found->group_role), action, facts_of(found->opportunity));
  co_return decide(req, deps, verdict, std::move(*found));
}

awaitable<std::variant<groups::GroupForViewer, Response>> load_group(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = parse_id(ctx.param("group"));
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->group_for(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict = policy::allows(actor_of(req, found->role), policy::Action::create_opportunity,
                                      {State::draft, found->group.archived()});
  co_return decide(req, deps, verdict, std::move(*found));
}

std::string list_url(const OrgRequest& req) { return "/o/" + req.membership.org_slug + "/opportunities"; }

std::string opportunity_url(const OrgRequest& req, long long id) { return list_url(req) + "/" + std::to_string(id); }

std::string group_opportunities_url(const OrgRequest& req, long long group_id) {
  return "/o/" + req.membership.org_slug + "/groups/" + std::to_string(group_id) + "/opportunities";
}

std::string state_name(const core::Translator& t, State s) {
  return std::string(t("opportunities.state." + std::string(state_code(s))));
}

std::string audience_name(const core::Translator& t, Audience a) {
  return std::string(t("opportunities.audience." + std::string(audience_code(a))));
}

void state_tag(Html& h, const core::Translator& t, State s) {
  const char* colour = "";
  switch (s) {
    case State::draft: colour = "govuk-tag--grey"; break;
    case State::open: colour = "govuk-tag--green"; break;
    case State::closed: colour = "govuk-tag--yellow"; break;
    case State::filled: colour = "govuk-tag--blue"; break;
  }
  govuk::tag(h, {.text = state_name(t, s), .classes = colour});
}

std::string closing_date(const core::Translator& t, const std::string& closes_on) {
  const auto d = parse_date(closes_on);
  return d ? view::format_date(t, noon_of(*d)) : closes_on;
}

void about(Html& h, const core::Translator& t, const Opportunity& o) {
  govuk::SummaryList rows;
  auto row = [&](const char* key, const std::string& value) {
    rows.rows.push_back({.key = {.text = std::string(t(key))}, .value = {.text = value, .classes = "rt-pre-line"}});
  };
  row("opportunities.about.group", o.group_name);
  row("opportunities.about.time_asked", o.details.time_asked);
  row("opportunities.about.payment", o.details.payment);
  row("opportunities.about.support",
      o.details.support.empty() ? std::string(t("opportunities.about.support_none")) : o.details.support);
  row("opportunities.about.closes", closing_date(t, o.details.closes_on));
  row("opportunities.about.audience", audience_name(t, o.details.audience));
  govuk::summary_list(h, rows);
}

std::string recording_type(std::string_view mime) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"audio/mpeg", "MP3"}, {"audio/mp4", "M4A"},       {"audio/ogg", "OGG"},
      {"audio/wav", "WAV"},  {"audio/flac", "FLAC"},     {"audio/webm", "WebM"},
      {"video/mp4", "MP4"},  {"video/quicktime", "MOV"}, {"video/webm", "WebM"}};
  for (const auto& [type, name] : kNames) {
    if (type == mime) return std::string(name);
  }
  return std::string(mime);
}

void recording_row(govuk::SummaryList& rows, const core::Translator& t, const Recording& r,
                   const std::optional<std::string>& who) {
  const auto type = recording_type(r.mime);
  Html value;
  govuk::paragraph(
      value, core::format(t(r.video ? "opportunities.recording.note_video" : "opportunities.recording.note_audio"),
                          {{"type", type}}));
  view::media_player(value, {.url = uploads::file_url(r.public_id),
                             .mime = r.mime,
                             .video = r.video,
                             .label = who ? core::format(t("opportunities.recording.label"), {{"name", *who}})
                                          : std::string(t("opportunities.recording.your_label")),
                             .link_text = core::format(t("opportunities.recording.download"), {{"type", type}})});
  rows.rows.push_back(
      {.key = {.text = std::string(t("opportunities.recording.title"))}, .value = {.html = std::move(value)}});
}

void interest_rows(govuk::SummaryList& rows, const core::Translator& t, const Interest& i,
                   const std::optional<std::string>& who) {
  if (!i.message.empty()) {
    rows.rows.push_back({.key = {.text = std::string(t("opportunities.interest.message"))},
                         .value = {.text = i.message, .classes = "rt-pre-line"}});
  }
  if (i.recording) recording_row(rows, t, *i.recording, who);
  if (!i.help.empty()) {
    rows.rows.push_back({.key = {.text = std::string(t("opportunities.interest.help"))},
                         .value = {.text = i.help, .classes = "rt-pre-line"}});
  }
}

}  // namespace roundtable::opportunities::pages
