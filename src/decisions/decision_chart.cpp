// Results: a poll's counts as an SVG bar chart that says what it shows (role="img" with a title and a description;
// every bar carries its option's words and count, so nothing rests on colour) and a table of the same numbers;
// consent answers; who took part by member type.
#include "decisions/decision_pages.hpp"
#include "decisions/decision_words.hpp"
#include "view/bar_chart.hpp"
#include "view/govuk/govuk.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::decisions::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

}  // namespace

void bar_chart(Html& h, const core::Translator&, const std::string& id, const std::string& title,
               const std::vector<ChartBar>& bars) {
  std::vector<view::Bar> plain;
  plain.reserve(bars.size());
  for (const auto& b : bars) plain.push_back({b.label, b.value, b.max});
  view::bar_chart(h, id, title, plain);
}

void poll_results(Html& h, const core::Translator& t, const Proposal& p, const PollResult& r) {
  govuk::heading(h, 2, "m", t("decisions.results.title"));
  govuk::paragraph(h, t.plural("decisions.results.ballots", r.ballots));
  govuk::paragraph(h, outcome_words(t, p, r), "govuk-body govuk-!-font-weight-bold");
  std::vector<ChartBar> bars;
  for (const auto& c : r.options) {
    std::string label = c.option.text + ": " + t.plural("decisions.results.votes", c.votes);
    if (c.leading) label += " (" + std::string(t("decisions.results.most")) + ")";
    bars.push_back({c.option, c.votes, r.most, std::move(label), c.leading});
  }
  bar_chart(h, t, "chart-" + std::to_string(p.id), s(t("decisions.results.chart_title")), bars);
  view::scroll_region_start(h, t, t("decisions.results.caption"));
  govuk::TableWriter table(h, {.head = {{.text = s(t("decisions.results.option"))},
                                        {.text = s(t("decisions.results.count")), .format = "numeric"}},
                               .caption = s(t("decisions.results.caption")),
                               .caption_classes = "govuk-table__caption--s",
                               .first_cell_is_header = true});
  for (const auto& c : r.options) {
    table.begin_row();
    Html words;
    words.text(option_words(c.option));
    if (c.leading) {
      words.text(" ");
      govuk::tag(words, {.text = s(t("decisions.results.most"))});
    }
    table.cell(words);
    table.cell({.text = std::to_string(c.votes), .format = "numeric"});
    table.end_row();
  }
  table.end();
  view::scroll_region_end(h);
}

void consent_results(Html& h, const core::Translator& t, const ConsentResult& r) {
  view::scroll_region_start(h, t, t("decisions.consent.caption"));
  govuk::TableWriter table(h, {.head = {{.text = s(t("decisions.consent.answer_heading"))},
                                        {.text = s(t("decisions.results.people")), .format = "numeric"}},
                               .caption = s(t("decisions.consent.caption")),
                               .caption_classes = "govuk-table__caption--s",
                               .first_cell_is_header = true});
  table.row({{.text = consent_answer_words(t, ConsentAnswer::agree)},
             {.text = std::to_string(r.agree), .format = "numeric"}});
  table.row({{.text = consent_answer_words(t, ConsentAnswer::stand_aside)},
             {.text = std::to_string(r.stand_aside), .format = "numeric"}});
  table.row({{.text = consent_answer_words(t, ConsentAnswer::object)},
             {.text = std::to_string(r.object), .format = "numeric"}});
  table.row({{.text = s(t("decisions.consent.open_objections"))},
             {.text = std::to_string(r.open_objections), .format = "numeric"}});
  table.end();
  view::scroll_region_end(h);
}

void who_took_part(Html& h, const core::Translator& t, const TypeCounts& c) {
  govuk::heading(h, 2, "m", t("decisions.took_part.title"));
  govuk::paragraph(h, t.plural("decisions.took_part.people", c.people));
  if (c.people == 0) return;
  govuk::paragraph(h, t("decisions.took_part.lead"), "govuk-body-s");
  view::scroll_region_start(h, t, t("decisions.took_part.caption"));
  govuk::TableWriter table(h, {.head = {{.text = s(t("decisions.took_part.type"))},
                                        {.text = s(t("decisions.results.people")), .format = "numeric"}},
                               .caption = s(t("decisions.took_part.caption")),
                               .caption_classes = "govuk-table__caption--s",
                               .first_cell_is_header = true});
  for (MemberType m : organisations::kAllMemberTypes) {
    table.row({{.text = member_type_words(t, m)}, {.text = std::to_string(c.of(m)), .format = "numeric"}});
  }
  table.row({{.text = s(t("decisions.took_part.no_type"))}, {.text = std::to_string(c.no_type), .format = "numeric"}});
  table.end();
  view::scroll_region_end(h);
}

}  // namespace roundtable::decisions::pages
