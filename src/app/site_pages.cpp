// The public site: home, search and the language switcher (the accessibility statements are a module).
#include <soci/soci.h>

#include <boost/asio/awaitable.hpp>
#include <optional>

#include "app/error_pages.hpp"
#include "app/routes.hpp"
#include "db/search.hpp"
#include "http/form.hpp"
#include "http/route_list.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"
#include "view/page_builder.hpp"

namespace roundtable::app {

namespace {

namespace govuk = view::govuk;
using boost::asio::awaitable;
using http::RequestContext;
using http::Response;

constexpr size_t kMaxQueryLength = 200;
constexpr size_t kResultsPerPage = 20;

struct HomeDeps {
  Services* services = nullptr;
  std::vector<module::NewcomerSection> newcomer_sections;
  std::vector<module::HomeSection> home_sections;
};

struct SearchDeps {
  Services* services = nullptr;
  /// The modules' additions to a signed-in person's search (the groups they are in).
  std::vector<module::SearchScope> search_scopes;
};

/// A signed-in person's home: the modules' sections (their groups and what is new in them...), then their
/// organisations and where to find more. One screen on a phone when there is little going on.
awaitable<Response> signed_in_home(RequestContext& ctx, const HomeDeps& deps) {
  auto t = ctx.t();
  const auto& me = *ctx.principal;
  view::PageBuilder page(ctx, deps.services->assets, std::string(t("home.yours.title")));
  page.heading(core::format(t("home.yours.hello"), {{"name", me.name}}));
  view::Html& h = page.body();
  for (const auto& section : deps.home_sections) {
    auto op = section.render(h, ctx);
    co_await std::move(op);
  }
  govuk::heading(h, 2, "m", t("home.yours.organisations_title"));
  if (me.memberships.empty()) {
    govuk::paragraph(h, t("home.yours.no_organisation"));
  } else {
    std::vector<govuk::Content> orgs;
    for (const auto& m : me.memberships) {
      view::Html item;
      govuk::link(item, "/o/" + m.org_slug, m.org_name);
      orgs.emplace_back(std::move(item));
    }
    govuk::list(h, {.items = std::move(orgs), .bullet = true});
  }
  for (const auto& section : deps.newcomer_sections) govuk::link_paragraph(h, section.href, t(section.link_key));
  govuk::link_paragraph(h, "/account", t("home.yours.account_link"));
  co_return page.respond();
}

awaitable<Response> home(RequestContext& ctx, const HomeDeps& deps) {
  if (ctx.principal) {
    auto op = signed_in_home(ctx, deps);
    co_return co_await std::move(op);
  }
  auto& services = *deps.services;
  auto t = ctx.t();
  // The home page's heading is the extra-large one, so the frame leaves it to the page.
  view::PageBuilder page(ctx, services.assets, std::string(t("home.page_title")));
  page.no_heading();
  view::Html& h = page.body();
  govuk::heading(h, 1, "xl", t("home.title"));
  govuk::paragraph(h, t("home.lead"), "govuk-body-l");
  govuk::paragraph(h, t("home.what"));
  govuk::heading(h, 2, "m", t("home.values_title"));
  govuk::list(h, {.items = {t("home.value1"), t("home.value2"), t("home.value3"), t("home.value4"), t("home.value5")},
                  .bullet = true});
  govuk::heading(h, 2, "m", t("home.who_title"));
  govuk::paragraph(h, t("home.who"));
  for (const auto& section : deps.newcomer_sections) {
    govuk::heading(h, 2, "m", t(section.title_key));
    govuk::paragraph(h, t(section.lead_key));
    govuk::link_paragraph(h, section.href, t(section.link_key));
  }
  govuk::heading(h, 2, "m", t("home.access_title"));
  govuk::paragraph(h, t("home.access"));
  govuk::link_paragraph(h, "/search", t("home.search_link"));
  co_return page.respond();
}

/// What a hit is, where it belongs and when it last changed: "Discussion topic · Group: Carers Co-production Board ·
/// Demo County Carers Partnership · Updated 3 December 2026". The group is named only for a group's documents, which
/// only its members find (db::SearchQuery::group_ids).
std::string hit_context(const core::Translator& t, const db::SearchHit& hit) {
  std::string out;
  const auto add = [&](std::string part) {
    if (part.empty()) return;
    if (!out.empty()) out += " · ";
    out += part;
  };
  if (hit.kind == "member") add(std::string(t("search.kind.member")));
  if (hit.kind == "story") add(std::string(t("search.kind.story")));
  if (hit.kind == "topic") add(std::string(t("search.kind.topic")));
  if (hit.kind == "reply") add(std::string(t("search.kind.reply")));
  if (!hit.group_name.empty()) add(core::format(t("search.in_group"), {{"group", hit.group_name}}));
  add(hit.org_name);
  if (hit.updated_at > 0) add(core::format(t("search.updated"), {{"date", view::format_date(t, hit.updated_at)}}));
  return out;
}

/// The hits, each a heading (a link when it has a page here), what it is and where it belongs, and its excerpt.
void search_results(view::Html& h, const core::Translator& t, const db::SearchResult& result) {
  // govuk::list has no attributes or classes for its items: the list is named by the heading above it, and each
  // result is ruled off from the next (rt-search-result). Each says which language it is in, for screen readers.
  h.raw("<ul class=\"govuk-list rt-search-results\" aria-labelledby=\"results-heading\">\n");
  for (const auto& hit : result.hits) {
    h.raw_if(hit.lang == "cy", "<li class=\"rt-search-result\" lang=\"cy\">\n",
             "<li class=\"rt-search-result\" lang=\"en\">\n");
    // The size is "s" with the small gap below it that keeps the excerpt close to its heading.
    if (!hit.url.empty() && http::is_local_path(hit.url)) {
      view::Html link;
      govuk::link(link, hit.url, hit.title);
      govuk::heading(h, 3, "s govuk-!-margin-bottom-1", std::move(link));
    } else {
      govuk::heading(h, 3, "s govuk-!-margin-bottom-1", hit.title);
    }
    const auto context = hit_context(t, hit);
    if (!context.empty()) govuk::paragraph(h, context, "govuk-body-s rt-secondary-text govuk-!-margin-bottom-1");
    govuk::paragraph(h, hit.excerpt);
    h.raw("</li>\n");
  }
  h.raw("</ul>\n");
}

/// Previous and next pages of results, and which page this is.
void search_pages(view::Html& h, const core::Translator& t, const std::string& q, long long page_no, long long pages) {
  const auto link = [&](long long n) { return "/search?q=" + view::url_encode(q) + "&page=" + std::to_string(n); };
  govuk::Pagination nav{.landmark_label = std::string(t("pagination.label")),
                        .previous_default_text = std::string(t("pagination.previous")),
                        .next_default_text = std::string(t("pagination.next")),
                        .page_visually_hidden_text = ""};
  if (page_no > 1) nav.previous = govuk::PaginationLink{.text = nav.previous_default_text, .href = link(page_no - 1)};
  if (page_no < pages) nav.next = govuk::PaginationLink{.text = nav.next_default_text, .href = link(page_no + 1)};
  govuk::pagination(h, nav);
  govuk::paragraph(
      h, core::format(t("pagination.page_of"), {{"page", std::to_string(page_no)}, {"pages", std::to_string(pages)}}),
      "govuk-body-s");
}

awaitable<Response> search(RequestContext& ctx, const SearchDeps& deps) {
  auto& services = *deps.services;
  auto t = ctx.t();
  auto params = ctx.query_params();
  std::string q(params.value("q"));
  long long page_no = 1;
  // A page number that is not one (letters, a sign, too many digits) or is out of range is the first page: read
  // without throwing and catching an exception.
  if (auto p = params.get("page")) page_no = http::parse_id(*p).value_or(1);
  if (page_no < 1 || page_no > 1000) page_no = 1;
  std::string error;
  if (q.size() > kMaxQueryLength) {
    error = core::format(t("search.error_too_long"), {{"max", std::to_string(kMaxQueryLength)}});
  }
  db::SearchResult result;
  const bool searched = !q.empty() && error.empty();
  if (searched) {
    db::SearchQuery query{
        .text = q, .limit = kResultsPerPage, .offset = static_cast<size_t>(page_no - 1) * kResultsPerPage};
    auto* index = services.search.get();
    std::optional<long long> user_id;
    if (ctx.principal) user_id = ctx.principal->user_id;
    // run, not read: a search can take milliseconds, and on an I/O thread it would hold up every other request there.
    // A signed-in person also finds what the modules let them (their groups' documents), read on the same call.
    auto op = services.db->run([index, query, user_id, scopes = &deps.search_scopes](soci::session& s) {
      auto q = query;
      if (user_id) {
        for (const auto& scope : *scopes) scope(s, *user_id, q);
      }
      return index->search(s, q);
    });
    result = co_await std::move(op);
  }

  view::PageBuilder page(
      ctx, services.assets,
      std::string(q.empty() || !error.empty() ? t("search.title")
                                              : core::format(t("search.title_with_query"), {{"query", q}})));
  page.heading(std::string(t("search.title")));
  if (!error.empty()) page.errors(t, {{"q", error}});
  view::Html& h = page.body();
  govuk::form_start(h, {.action = "/search", .get = true, .attributes = {{"role", "search"}}});
  govuk::input(h, {.id = "q",
                   .name = "q",
                   .type = "search",
                   .value = q,
                   .label = {.text = std::string(t("search.label")), .classes = "govuk-label--s"},
                   .hint = {.text = std::string(t("search.hint"))},
                   .error_message = {.text = error, .visually_hidden_text = std::string(t("form.error_hidden"))},
                   .spellcheck = true});
  govuk::button(h, {.text = std::string(t("search.button"))});
  govuk::form_end(h);

  if (searched) {
    govuk::heading(h, 2, "m",
                   result.more ? core::format(t("search.result_count_more"), {{"query", q}})
                               : core::format(t.plural("search.result_count", result.total), {{"query", q}}),
                   "results-heading");
    if (result.hits.empty()) {
      govuk::paragraph(h, t("search.no_results"));
    } else {
      search_results(h, t, result);
      const long long pages = (result.total + static_cast<long long>(kResultsPerPage) - 1) / kResultsPerPage;
      if (pages > 1) search_pages(h, t, q, page_no, pages);
    }
  }
  co_return page.respond();
}

/// A public story ("you said, we did") in full: the demo's stories have no page of their own elsewhere.
awaitable<Response> story(RequestContext& ctx, Services& services) {
  auto op = services.db->read(
      [ref = std::string(ctx.param("ref"))](soci::session& s) { return db::find_public_document(s, "story", ref); });
  const auto doc = co_await std::move(op);
  if (!doc) co_return make_error_renderer(services)(ctx, http::Status::not_found);
  auto t = ctx.t();
  view::PageBuilder page(ctx, services.assets, doc->title);
  page.caption(std::string(t("search.kind.story"))).back_link("/search", std::string(t("search.back")));
  view::Html& h = page.body();
  // The story's words are in its own language, which may not be the page's.
  h.raw_if(doc->lang == "cy", "<div lang=\"cy\">\n", "<div lang=\"en\">\n");
  govuk::paragraph(h, doc->body, "govuk-body rt-pre-line");
  h.raw("</div>\n");
  govuk::paragraph(h, core::format(t("search.updated"), {{"date", view::format_date(t, doc->updated_at)}}),
                   "govuk-body-s rt-secondary-text");
  co_return page.respond();
}

awaitable<Response> switch_language(RequestContext& ctx, Services&) {
  auto lang = core::parse_lang(ctx.form.value("lang"));
  std::string back(ctx.form.value("return_to"));
  if (!http::is_local_path(back)) back = "/";
  if (lang) {
    ctx.session_for_write().lang = *lang;
    ctx.lang = *lang;
  }
  co_return http::redirect(ctx.request, back);
}

awaitable<Response> static_file(RequestContext& ctx, Services& services) {
  if (auto res = services.static_files->serve(ctx.request, ctx.path)) co_return std::move(*res);
  co_return http::make_response(ctx.request, http::Status::not_found, "Not found\n", "text/plain; charset=utf-8");
}

}  // namespace

void add_site_routes(std::vector<http::Route>& routes, Services& services,
                     std::vector<module::NewcomerSection> newcomer_sections,
                     std::vector<module::HomeSection> home_sections, std::vector<module::SearchScope> search_scopes) {
  using http::bind;
  using http::policy::public_access;
  http::RouteList r(routes);
  const auto s = std::ref(services);
  r.get("/", "home", public_access(),
        bind(HomeDeps{&services, std::move(newcomer_sections), std::move(home_sections)}, home));
  r.get("/search", "search", public_access(), bind(SearchDeps{&services, std::move(search_scopes)}, search));
  r.get("/stories/{ref}", "story", public_access(), bind(s, story));
  r.post("/language", "language", public_access(), bind(s, switch_language));
  r.get("/assets/{file}", "assets", public_access(), bind(s, static_file)).not_html();
  r.get("/robots.txt", "robots", public_access(), bind(s, static_file)).not_html();
}

}  // namespace roundtable::app
