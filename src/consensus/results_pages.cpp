// The results: how many groups of people voted alike, a picture of everyone (anonymous marks) with a table of the
// same numbers, what every group supports, what divides them, and what sets each group apart.
#include "consensus/consensus_pages.hpp"
#include "consensus/opinion_map.hpp"
#include "core/text.hpp"
#include "http/form.hpp"
#include "view/govuk/govuk.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::consensus::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

std::string group_name(const core::Translator& t, int g) {
  return core::format(t("consensus.group.name"), {{"letter", std::string(1, static_cast<char>('A' + g))}});
}

std::string shape_words(const core::Translator& t, int g) {
  return s(t(std::string("consensus.shape.") + kShapes[g % 5]));
}

std::string percent(const core::Translator& t, int n) {
  return core::format(t("consensus.results.percent"), {{"n", std::to_string(n)}});
}

/// A table of statements with each group's agree share ("everyone" with one group).
void statements_table(Html& h, const core::Translator& t, const OrgRequest& req, const ResultsPage& page,
                      const std::vector<std::size_t>& which, const std::string& caption) {
  const auto& r = *page.result;
  govuk::Table table{.caption = caption, .caption_classes = "govuk-table__caption--s"};
  table.head.push_back({.text = s(t("consensus.statements.statement"))});
  for (int g = 0; g < r.groups; ++g) {
    // With one group, its share is everyone's.
    table.head.push_back({.text = r.groups == 1
                                      ? s(t("consensus.answer.agree"))
                                      : core::format(t("consensus.results.agree_in"), {{"group", group_name(t, g)}}),
                          .format = "numeric"});
  }
  for (std::size_t j : which) {
    const auto& st = r.statements[j];
    const Statement* found = page.statement(st.statement);
    if (!found) continue;
    std::vector<govuk::TableCell> row;
    Html link;
    govuk::link(link, statement_url(req, found->id), found->body);
    row.push_back({.html = std::move(link)});
    for (const auto& share : st.groups) row.push_back({.text = percent(t, share.agree_percent()), .format = "numeric"});
    table.rows.push_back(std::move(row));
  }
  // A column per group: on a narrow screen the table scrolls sideways instead of widening the page.
  view::scroll_region_start(h, t, caption);
  govuk::table(h, table);
  view::scroll_region_end(h);
}

Response render_results(OrgRequest& req, const PagesDeps& deps, const ResultsPage& page) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& c = page.view.conversation;
  const auto& r = *page.result;
  auto pb = page_builder(ctx, deps, s(t("consensus.results.title")));
  pb.caption(c.question).back_link(conversation_url(req, c.id), s(t("consensus.back_to_conversation")));
  Html& h = pb.body();
  if (r.voters == 0) {
    govuk::paragraph(h, t("consensus.results.nobody"));
    return pb.respond();
  }
  govuk::paragraph(h, t.plural("consensus.results.voters", r.voters));
  if (r.groups == 0) {
    govuk::paragraph(h, t("consensus.results.too_few"));
  } else if (r.groups == 1) {
    govuk::paragraph(h, t.plural("consensus.results.one_group", r.participants));
  } else {
    govuk::paragraph(h, t.plural("consensus.results.groups", r.groups));
  }
  govuk::paragraph(h, t("consensus.results.private"));

  if (r.groups > 0) {
    govuk::heading(h, 2, "m", t("consensus.map.title"));
    std::vector<std::string> names;
    std::string desc = s(t("consensus.map.lead"));
    for (int g = 0; g < r.groups; ++g) {
      names.push_back(group_name(t, g));
      desc +=
          " " + core::format(t("consensus.map.group"),
                             {{"group", names.back()},
                              {"shape", shape_words(t, g)},
                              {"people", t.plural("consensus.people", r.group_sizes[static_cast<std::size_t>(g)])}});
    }
    govuk::paragraph(h, t("consensus.map.how"));
    opinion_map(h, "opinion-map", s(t("consensus.map.title")), desc, r, names);
    govuk::Table groups{.head = {{.text = s(t("consensus.map.group_column"))},
                                 {.text = s(t("consensus.map.shape_column"))},
                                 {.text = s(t("consensus.map.people_column")), .format = "numeric"}},
                        .caption = s(t("consensus.map.table_caption")),
                        .caption_classes = "govuk-table__caption--s",
                        .first_cell_is_header = true};
    for (int g = 0; g < r.groups; ++g) {
      groups.rows.push_back(
          {{.text = names[static_cast<std::size_t>(g)]},
           {.text = shape_words(t, g)},
           {.text = std::to_string(r.group_sizes[static_cast<std::size_t>(g)]), .format = "numeric"}});
    }
    govuk::table(h, groups);

    govuk::heading(h, 2, "m", t(r.groups > 1 ? "consensus.results.common_title" : "consensus.results.most_title"));
    if (r.consensus.empty()) {
      govuk::paragraph(h, t("consensus.results.common_none"));
    } else {
      statements_table(h, t, req, page, r.consensus, s(t("consensus.results.common_caption")));
    }
  }
  if (r.groups > 1) {
    govuk::heading(h, 2, "m", t("consensus.results.divides_title"));
    if (r.dividing.empty()) {
      govuk::paragraph(h, t("consensus.results.divides_none"));
    } else {
      statements_table(h, t, req, page, r.dividing, s(t("consensus.results.divides_caption")));
    }
    for (int g = 0; g < r.groups; ++g) {
      const auto& mine = r.distinctive[static_cast<std::size_t>(g)];
      govuk::heading(h, 3, "s", core::format(t("consensus.results.apart_title"), {{"group", group_name(t, g)}}));
      if (mine.empty()) {
        govuk::paragraph(h, t("consensus.results.apart_none"));
        continue;
      }
      std::vector<govuk::Content> items;
      for (std::size_t j : mine) {
        const auto& st = r.statements[j];
        const Statement* found = page.statement(st.statement);
        if (!found) continue;
        const auto& own = st.groups[static_cast<std::size_t>(g)];
        items.emplace_back(
            core::format(t("consensus.results.apart_item"), {{"statement", found->body},
                                                             {"agree", std::to_string(own.agree_percent())},
                                                             {"disagree", std::to_string(own.disagree_percent())},
                                                             {"group", group_name(t, g)}}));
      }
      govuk::list(h, {.items = std::move(items), .bullet = true});
    }
  }

  // Every statement, with everyone's answers: the numbers behind everything above.
  govuk::heading(h, 2, "m", t("consensus.results.all_title"));
  govuk::Table all{.head = {{.text = s(t("consensus.statements.statement"))},
                            {.text = s(t("consensus.answer.agree")), .format = "numeric"},
                            {.text = s(t("consensus.answer.disagree")), .format = "numeric"},
                            {.text = s(t("consensus.answer.pass")), .format = "numeric"}},
                   .caption = s(t("consensus.results.all_caption")),
                   .caption_classes = "govuk-visually-hidden"};
  for (const auto& st : r.statements) {
    const Statement* found = page.statement(st.statement);
    if (!found) continue;
    all.rows.push_back({{.text = found->body},
                        {.text = std::to_string(st.everyone.agree), .format = "numeric"},
                        {.text = std::to_string(st.everyone.disagree), .format = "numeric"},
                        {.text = std::to_string(st.everyone.pass), .format = "numeric"}});
  }
  view::scroll_region_start(h, t, t("consensus.results.all_caption"));
  govuk::table(h, all);
  view::scroll_region_end(h);
  return pb.respond();
}

}  // namespace

awaitable<Response> results(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("conversation"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->results(who_of(req), req.membership.org_id, *id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict = policy::allows(actor_of(req, found->view.role), Action::see, facts_of(found->view.conversation));
  if (verdict == policy::Verdict::need_two_step) {
    co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
  }
  if (verdict != policy::Verdict::allow || !found->result) co_return deps.not_found(ctx);
  co_return render_results(req, deps, *found);
}

}  // namespace roundtable::consensus::pages
