// A board: its lists and cards, with filters (label, person, my cards, most dots) as a GET form; a list's own page with
// the forms that move its cards without dragging (WCAG 2.5.7: up, down, or to a list and position on the card's page,
// each a plain POST that returns to the card in its list) and give them dots; the results of the dot vote as a chart
// and a table; the board as CSV and as a list to print.
#include "boards/board_pages.hpp"

#include <algorithm>

#include "http/form.hpp"
#include "markdown/markdown.hpp"
#include "security/tokens.hpp"
#include "view/bar_chart.hpp"
#include "view/csv.hpp"
#include "view/govuk/govuk.hpp"
#include "view/scroll_region.hpp"

namespace roundtable::boards::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

struct Filters {
  std::optional<long long> label;
  std::optional<long long> person;
  bool mine = false;
  bool by_dots = false;
};

Filters filters_of(const RequestContext& ctx) {
  const auto q = ctx.query_params();
  Filters f;
  f.label = http::parse_id(q.value("label"));
  f.person = http::parse_id(q.value("person"));
  f.mine = q.value("mine") == "yes";
  f.by_dots = q.value("sort") == "dots";
  return f;
}

bool shown(const Card& c, const Filters& f, long long me) {
  if (f.label && std::find(c.label_ids.begin(), c.label_ids.end(), *f.label) == c.label_ids.end()) return false;
  auto has = [&](long long id) {
    return std::any_of(c.people.begin(), c.people.end(), [&](const Person& p) { return p.user_id == id; });
  };
  if (f.person && !has(*f.person)) return false;
  if (f.mine && !has(me)) return false;
  return true;
}

void filter_form(Html& h, const core::Translator& t, const OrgRequest& req, const BoardPage& page, const Filters& f) {
  Html inner;
  govuk::Select label{.id = "label",
                      .name = "label",
                      .value = f.label ? std::to_string(*f.label) : std::string(),
                      .label = small_label(s(t("boards.filter.label")))};
  label.items.push_back({.value = "", .text = s(t("boards.filter.any_label"))});
  for (const auto& l : page.labels) label.items.push_back({.value = std::to_string(l.id), .text = l.name});
  govuk::select(inner, label);
  govuk::Select person{.id = "person",
                       .name = "person",
                       .value = f.person ? std::to_string(*f.person) : std::string(),
                       .label = small_label(s(t("boards.filter.person")))};
  person.items.push_back({.value = "", .text = s(t("boards.filter.anyone"))});
  for (const auto& p : page.people) person.items.push_back({.value = std::to_string(p.user_id), .text = p.name});
  govuk::select(inner, person);
  govuk::checkboxes(inner, {.name = "mine",
                            .items = {{.text = s(t("boards.filter.mine")), .value = "yes"}},
                            .values = {f.mine ? std::string("yes") : std::string()},
                            .classes = "govuk-checkboxes--small"});
  govuk::Select sort{
      .id = "sort", .name = "sort", .value = f.by_dots ? "dots" : "", .label = small_label(s(t("boards.filter.sort")))};
  sort.items.push_back({.value = "", .text = s(t("boards.filter.sort_board"))});
  sort.items.push_back({.value = "dots", .text = s(t("boards.filter.sort_dots"))});
  govuk::select(inner, sort);
  govuk::button(inner, {.text = s(t("boards.filter.button")), .classes = "govuk-button--secondary"});
  govuk::form_start(h, {.action = board_url(req, page.view.board.id), .get = true});
  govuk::details(h, {.summary_text = s(t("boards.filter.title")),
                     .html = std::move(inner),
                     .open = f.label || f.person || f.mine || f.by_dots});
  govuk::form_end(h);
}

}  // namespace

awaitable<Response> board(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const Filters f = filters_of(ctx);
  // Each list shows its first few cards (ADR 0046): only those are read, unless a filter needs every card to choose.
  const bool filtered = f.label || f.person || f.mine;
  auto loaded_op =
      filtered ? load_board(req, deps, Action::see_boards) : load_shown_board(req, deps, Action::see_boards, f.by_dots);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& page = std::get<BoardPage>(loaded);
  const auto& b = page.view.board;
  const bool works = may(req, page.view, Action::work_on_cards);
  const bool dots_on = works && b.dot_budget > 0;
  auto pb = page_builder(ctx, deps, b.title);
  pb.caption(b.group_name).back_link(group_boards_url(req, b.group_id), s(t("boards.back_to_boards"))).full_width();
  Html& h = pb.body();
  if (b.archived_at) govuk::inset_text(h, {.text = s(t("boards.board.archived"))});
  if (!b.purpose.empty()) govuk::paragraph(h, b.purpose);
  if (b.stage) govuk::paragraph(h, core::format(t("boards.stage.on_board"), {{"stage", stage_words(t, *b.stage)}}));
  std::vector<govuk::Content> links;
  auto add_link = [&](const std::string& href, std::string_view words) {
    Html a;
    govuk::link(a, href, words);
    links.emplace_back(std::move(a));
  };
  const std::string base = board_url(req, b.id);
  if (may(req, page.view, Action::run_boards) || may(req, page.view, Action::restore_board)) {
    add_link(base + "/settings", t("boards.board.settings"));
  }
  add_link(base + "/results", t("boards.board.results"));
  add_link(base + "/print", t("boards.board.print"));
  add_link(base + "/cards.csv", t("boards.board.csv"));
  govuk::list(h, {.items = std::move(links), .bullet = true});
  if (dots_on) dots_left(h, t, page);
  if (!works && page.view.role == GroupRole::observer) govuk::paragraph(h, t("boards.board.observer"));
  if (works) govuk::paragraph(h, t(dots_on ? "boards.board.how_to_move_dots" : "boards.board.how_to_move"));
  filter_form(h, t, req, page, f);

  // The board shows every card without its buttons (a board of 500 cards with three forms on each weighed 783 KB, and
  // gave a keyboard 2,000 stops): each list links to its own page, where its cards can be moved and given dots.
  // Dragging (an extra for a mouse) only while every card shows in its place: not filtered, not sorted by dots.
  const bool drag = works && !f.label && !f.person && !f.mine && !f.by_dots;
  live_start(h, t, req, deps, b, base, drag);
  CardWriter cards(req, page);
  const std::string page_key = works ? security::random_token(16) : std::string();
  if (page.lists.empty()) govuk::paragraph(h, t("boards.board.no_lists"));
  for (const auto& l : page.lists) {
    std::vector<const Card*> in_list;
    for (const auto& c : page.cards) {
      if (c.list_id == l.id && shown(c, f, req.principal.user_id)) in_list.push_back(&c);
    }
    if (f.by_dots) {
      std::stable_sort(in_list.begin(), in_list.end(), [](const Card* a, const Card* x) { return a->dots > x->dots; });
    }
    const auto shows = list_shows(l.cards, static_cast<long long>(in_list.size()));
    in_list.resize(static_cast<std::size_t>(shows.cards));
    const std::string to_list = list_url(req, b.id, l.id);
    list_cards_start(h, l);
    list_heading(h, t, l, l.cards, "list-" + std::to_string(l.id));
    if (works) {
      govuk::link_paragraph(
          h, to_list, core::format(t(dots_on ? "boards.list.open_dots" : "boards.list.open"), {{"list", l.title}}));
    }
    if (in_list.empty()) {
      govuk::paragraph(h, t(l.cards == 0 ? "boards.board.list_empty" : "boards.board.none_match"));
    }
    for (const Card* c : in_list) cards.card(h, *c, false, false, false, drag);
    // The rest of a long list is on its own page, which has every card (ADR 0046).
    if (shows.see_all) {
      govuk::link_paragraph(h, to_list,
                            core::format(t("boards.board.see_all"),
                                         {{"count", t.plural("boards.list.card_count", l.cards)}, {"list", l.title}}));
    }
    if (works) cards.add_card_form(h, l, page_key);
    h.raw("</div>\n");
  }
  h.raw("</div>\n");
  co_return pb.respond();
}

awaitable<Response> board_list(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  // Only this list's cards are read (the other lists' names and ids come with the board's frame); an address that is
  // not a list's still asks for the board first, so it is answered as before (404, or to two-step sign-in).
  const auto list_id = http::parse_id(ctx.param("list"));
  auto loaded_op = load_board(req, deps, Action::see_boards, list_id.value_or(0));
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& page = std::get<BoardPage>(loaded);
  const auto& b = page.view.board;
  const BoardList* l = list_id ? page.list(*list_id) : nullptr;
  if (!l) co_return deps.not_found(ctx);
  const bool works = may(req, page.view, Action::work_on_cards);
  const bool dots_on = works && b.dot_budget > 0;
  const std::string base = board_url(req, b.id);
  auto pb = page_builder(ctx, deps, l->title);
  pb.caption(b.title).back_link(base + "#list-" + std::to_string(l->id), s(t("boards.list.back"))).full_width();
  Html& h = pb.body();
  if (b.archived_at) govuk::inset_text(h, {.text = s(t("boards.board.archived"))});
  if (dots_on) dots_left(h, t, page);
  if (!works && page.view.role == GroupRole::observer) govuk::paragraph(h, t("boards.board.observer"));
  if (works) govuk::paragraph(h, t("boards.list.how_to_move"));
  live_start(h, t, req, deps, b, base, works);
  list_cards_start(h, *l);
  CardWriter cards(req, page);
  long long in_list = 0;
  for (const auto& c : page.cards) {
    if (c.list_id != l->id) continue;
    ++in_list;
    cards.card(h, c, true, works, dots_on, works);
  }
  if (in_list == 0) govuk::paragraph(h, t("boards.board.list_empty"));
  if (works) cards.add_card_form(h, *l, security::random_token(16));
  h.raw("</div>\n");
  // The board's other lists: their own pages (and, for the drag script, places to drop a card: at the end of one).
  if (works && page.lists.size() > 1) {
    govuk::heading(h, 2, "m", t("boards.list.other_lists"));
    std::vector<govuk::Content> others;
    for (const auto& other : page.lists) {
      if (other.id == l->id) continue;
      Html item;
      item.raw("<span data-rt-list=\"").number(other.id).raw("\" data-rt-list-title=\"").text(other.title);
      item.raw("\" data-rt-list-end>");
      govuk::link(item, list_url(req, b.id, other.id),
                  core::format(t(dots_on ? "boards.list.open_dots" : "boards.list.open"), {{"list", other.title}}));
      item.raw("</span>");
      others.emplace_back(std::move(item));
    }
    govuk::list(h, {.items = std::move(others), .bullet = true});
  }
  h.raw("</div>\n");
  co_return pb.respond();
}

awaitable<Response> results(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_voted_board(req, deps, Action::see_boards);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  const auto& b = page.view.board;
  // Only the cards with dots, most first, then in the board's order.
  std::vector<const Card*> voted;
  for (const auto& c : page.cards) voted.push_back(&c);
  auto pb = page_builder(ctx, deps, s(t("boards.results.title")));
  pb.caption(b.title).back_link(board_url(req, b.id), s(t("boards.back_to_board")));
  Html& h = pb.body();
  if (voted.empty()) {
    govuk::paragraph(h, t("boards.results.none"));
    co_return pb.respond();
  }
  govuk::paragraph(h, t("boards.results.lead"));
  // The chart: role="img" with a title and a description that says every number; each bar carries its card's title
  // and count as text, so nothing rests on colour or length alone.
  const long long most = voted.front()->dots;
  std::vector<view::Bar> bars;
  for (const Card* c : voted) bars.push_back({c->title + ": " + t.plural("boards.card.dots", c->dots), c->dots, most});
  view::bar_chart(h, "dots", s(t("boards.results.chart_title")), bars);
  view::scroll_region_start(h, t, t("boards.results.caption"));
  govuk::TableWriter table(h, {.head = {{.text = s(t("boards.results.card"))},
                                        {.text = s(t("boards.results.list"))},
                                        {.text = s(t("boards.results.dots")), .format = "numeric"}},
                               .caption = s(t("boards.results.caption")),
                               .caption_classes = "govuk-table__caption--s",
                               .first_cell_is_header = true});
  for (const Card* c : voted) {
    const auto* l = page.list(c->list_id);
    table.row({{.text = c->title},
               {.text = l ? l->title : std::string()},
               {.text = std::to_string(c->dots), .format = "numeric"}});
  }
  table.end();
  view::scroll_region_end(h);
  co_return pb.respond();
}

awaitable<Response> board_csv(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_board(req, deps, Action::see_boards, std::nullopt, true);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  view::Csv csv;
  // Everything a card says, so the export stands on its own: its words, how many comments, and its files by name.
  csv.row({t("boards.csv.list"), t("boards.csv.position"), t("boards.csv.title"), t("boards.csv.labels"),
           t("boards.csv.people"), t("boards.csv.due"), t("boards.csv.dots"), t("boards.csv.description"),
           t("boards.csv.comments"), t("boards.csv.files")});
  for (const auto& c : page.cards) {
    const auto* l = page.list(c.list_id);
    std::string labels, people;
    for (long long id : c.label_ids) {
      if (const auto* label = page.label(id)) labels += (labels.empty() ? "" : ", ") + label->name;
    }
    for (const auto& p : c.people) people += (people.empty() ? "" : ", ") + p.name;
    const std::string position = std::to_string(c.position);
    const std::string dots = std::to_string(c.dots);
    const std::string comments = std::to_string(c.comments);
    const std::string files = page.file_names(c.id);
    csv.row({l ? std::string_view(l->title) : std::string_view(), position, c.title, labels, people, c.due_date, dots,
             c.description, comments, files});
  }
  co_return view::csv_download(ctx, "board-" + std::to_string(page.view.board.id) + ".csv", csv);
}

awaitable<Response> print(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_board(req, deps, Action::see_boards, std::nullopt, true);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& page = std::get<BoardPage>(loaded);
  const auto& b = page.view.board;
  auto pb = page_builder(ctx, deps, b.title);
  pb.caption(b.group_name).back_link(board_url(req, b.id), s(t("boards.back_to_board")));
  Html& h = pb.body();
  if (!b.purpose.empty()) govuk::paragraph(h, b.purpose);
  CardWriter cards(req, page);
  for (const auto& l : page.lists) {
    govuk::heading(h, 2, "m", l.title);
    std::vector<govuk::Content> items;
    for (const auto& c : page.cards) {
      if (c.list_id != l.id) continue;
      Html item;
      item.raw("<strong>").text(c.title).raw("</strong>");
      cards.facts(item, c);
      // On paper there is no card page to open: its words and the names of its files are printed with it.
      if (!c.description.empty()) markdown::render(item, c.description, {.top_heading_level = 3});
      if (const auto files = page.file_names(c.id); !files.empty()) {
        govuk::paragraph(item, core::format(t("boards.print.files"), {{"names", files}}), "govuk-body-s");
      }
      items.emplace_back(std::move(item));
    }
    if (items.empty()) {
      govuk::paragraph(h, t("boards.board.list_empty"));
    } else {
      govuk::list(h, {.items = std::move(items), .number = true});
    }
  }
  co_return pb.respond();
}

awaitable<Response> live(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("board"));
  if (!deps.live || !deps.service || !id) co_return deps.not_found(ctx);
  // Whoever may read the board may listen to it; anyone else learns nothing, exactly as from the board's page.
  auto op = deps.service->board(req.membership.org_id, *id, req.principal.user_id);
  const auto found = co_await std::move(op);
  if (!found || !may(req, *found, Action::see_boards)) co_return deps.not_found(ctx);
  auto answer = deps.live->answer(ctx, "board:" + std::to_string(found->board.id));
  co_return co_await std::move(answer);
}

}  // namespace roundtable::boards::pages
