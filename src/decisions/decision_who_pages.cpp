// Who chose what in a closed named poll: on the proposal's page when it is a few rows, otherwise on pages of its own,
// the group's members who took part by name, a page at a time (keyset by name then id).
#include "decisions/decision_pages.hpp"
#include "decisions/decision_words.hpp"
#include "http/form.hpp"
#include "view/govuk/govuk.hpp"
#include "view/keyset_pagination.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::decisions::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

/// People a page of who_chose.
constexpr int kWhoChosePageSize = 50;

std::string who_chose_url(const OrgRequest& req, long long id) { return decision_url(req, id) + "/who-chose-what"; }

/// The ballots' rows as a table: name, option and (not a simple poll) the rank, dots or score.
void who_chose_table(Html& h, const core::Translator& t, const Proposal& p, const std::vector<BallotRow>& rows) {
  const bool simple = p.details.process == Process::simple_poll;
  view::scroll_region_start(h, t, t("decisions.results.who_caption"));
  std::vector<govuk::TableCell> head{{.text = s(t("decisions.results.name"))},
                                     {.text = s(t("decisions.results.option"))}};
  if (!simple) head.push_back({.text = s(t("decisions.ballot.value_heading"))});
  govuk::TableWriter table(h, {.head = head,
                               .caption = s(t("decisions.results.who_caption")),
                               .caption_classes = "govuk-table__caption--s",
                               .first_cell_is_header = true});
  for (const auto& b : rows) {
    const auto* o = p.option(b.option_id);
    std::vector<govuk::TableCell> row{{.text = b.voter_name.empty() ? s(t("decisions.former_member")) : b.voter_name},
                                      {.text = o ? o->text : std::string()}};
    if (!simple) row.push_back({.text = ballot_value_words(t, p.details.process, b.value)});
    table.row(row);
  }
  table.end();
  view::scroll_region_end(h);
}

}  // namespace

void who_chose_what(Html& h, const core::Translator& t, const OrgRequest& req, const DecisionPage& page,
                    long long now) {
  const auto& p = page.view.proposal;
  if (!shows_who_chose(p, now)) return;
  if (page.named_more) {
    // Too many to show here: its own pages, by name.
    govuk::heading(h, 3, "s", t("decisions.results.who_caption"));
    govuk::link_paragraph(h, who_chose_url(req, p.id), t("decisions.results.who_link"));
    return;
  }
  if (!page.named.empty()) who_chose_table(h, t, p, page.named);
}

awaitable<Response> who_chose(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto params = ctx.query_params();
  WhoChoseQuery q;
  q.after = http::parse_id(params.trimmed("after")).value_or(0);
  q.before = http::parse_id(params.trimmed("before")).value_or(0);
  q.limit = kWhoChosePageSize;
  auto loaded_op = load_who_chose(req, deps, q);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& found = std::get<WhoChoseView>(loaded);
  const auto& p = found.view.proposal;
  const auto& rows = found.page.rows;
  auto pb = page_builder(ctx, deps, s(t("decisions.who.title")));
  pb.caption(p.details.title).back_link(decision_url(req, p.id), s(t("decisions.back_to_proposal")));
  Html& h = pb.body();
  govuk::paragraph(h, t("decisions.who.lead"));
  if (rows.empty()) {
    govuk::paragraph(h, t(q.after || q.before ? "decisions.who.none_here" : "decisions.who.none"));
    if (q.after || q.before) govuk::link_paragraph(h, who_chose_url(req, p.id), t("decisions.who.first_page"));
  } else {
    who_chose_table(h, t, p, rows);
  }
  if (!rows.empty()) {
    view::keyset_pagination(
        h, t, who_chose_url(req, p.id) + "?",
        {found.page.more_before, *rows.front().voter_id, found.page.more_after, *rows.back().voter_id});
  }
  co_return pb.respond();
}

}  // namespace roundtable::decisions::pages
