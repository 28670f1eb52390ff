// The public site: home, search, accessibility statement and the language switcher.
#include <soci/soci.h>

#include <boost/asio/awaitable.hpp>

#include "app/routes.hpp"
#include "http/route_list.hpp"
#include "view/html.hpp"
#include "view/page.hpp"

namespace roundtable::app {

namespace {

using boost::asio::awaitable;
using http::RequestContext;
using http::Response;

constexpr size_t kMaxQueryLength = 200;
constexpr size_t kResultsPerPage = 20;

awaitable<Response> home(RequestContext& ctx, Services& services) {
  auto t = ctx.t();
  view::Html h;
  h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
  h.raw("<h1 class=\"govuk-heading-xl\">").text(t("home.title")).raw("</h1>\n");
  h.raw("<p class=\"govuk-body-l\">").text(t("home.lead")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\">").text(t("home.what")).raw("</p>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("home.values_title")).raw("</h2>\n");
  h.raw("<ul class=\"govuk-list govuk-list--bullet\">\n");
  for (const char* key : {"home.value1", "home.value2", "home.value3", "home.value4", "home.value5"}) {
    h.raw("<li>").text(t(key)).raw("</li>\n");
  }
  h.raw("</ul>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("home.who_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("home.who")).raw("</p>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("home.access_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("home.access")).raw("</p>\n");
  h.raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/search\">")
      .text(t("home.search_link"))
      .raw("</a></p>\n");
  h.raw("</div></div>");
  co_return view::html_page(ctx, services.assets, view::page_for(ctx, std::string(t("home.page_title"))), h);
}

awaitable<Response> accessibility(RequestContext& ctx, Services& services) {
  auto t = ctx.t();
  view::Html h;
  h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("a11y.title")).raw("</h1>\n");
  for (const char* key : {"a11y.p1", "a11y.p2"}) h.raw("<p class=\"govuk-body\">").text(t(key)).raw("</p>\n");
  h.raw("<ul class=\"govuk-list govuk-list--bullet\">\n");
  for (const char* key : {"a11y.can1", "a11y.can2", "a11y.can3", "a11y.can4", "a11y.can5"}) {
    h.raw("<li>").text(t(key)).raw("</li>\n");
  }
  h.raw("</ul>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("a11y.status_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("a11y.status")).raw("</p>\n");
  h.raw("<h2 class=\"govuk-heading-m\">").text(t("a11y.problems_title")).raw("</h2>\n");
  h.raw("<p class=\"govuk-body\">").text(t("a11y.problems")).raw("</p>\n");
  h.raw("</div></div>");
  co_return view::html_page(ctx, services.assets, view::page_for(ctx, std::string(t("a11y.title"))), h);
}

awaitable<Response> search(RequestContext& ctx, Services& services) {
  auto t = ctx.t();
  auto params = ctx.query_params();
  std::string q(params.value("q"));
  long long page_no = 1;
  if (auto p = params.get("page")) {
    try {
      page_no = std::stoll(std::string(*p));
    } catch (const std::exception&) {
      page_no = 1;
    }
    if (page_no < 1 || page_no > 1000) page_no = 1;
  }
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
    // run, not read: a search can take milliseconds, and on an I/O thread it would hold up every other request there.
    auto op = services.db->run([index, query](soci::session& s) { return index->search(s, query); });
    result = co_await std::move(op);
  }

  view::Html h;
  h.raw("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n");
  if (!error.empty()) {
    h.raw("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n");
    h.raw("<h2 class=\"govuk-error-summary__title\">").text(t("form.error_summary_title")).raw("</h2>\n");
    h.raw("<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">\n");
    h.raw("<li><a href=\"#q\">").text(error).raw("</a></li>\n</ul></div>\n</div>\n</div>\n");
  }
  h.raw("<h1 class=\"govuk-heading-l\">").text(t("search.title")).raw("</h1>\n");
  h.raw("<form method=\"get\" action=\"/search\" role=\"search\" novalidate>\n");
  h.raw_if(error.empty(), "<div class=\"govuk-form-group\">\n",
           "<div class=\"govuk-form-group govuk-form-group--error\">\n");
  h.raw("<label class=\"govuk-label govuk-label--s\" for=\"q\">").text(t("search.label")).raw("</label>\n");
  h.raw("<div id=\"q-hint\" class=\"govuk-hint\">").text(t("search.hint")).raw("</div>\n");
  if (!error.empty()) {
    h.raw("<p id=\"q-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">")
        .text(t("form.error_prefix"))
        .raw("</span> ")
        .text(error)
        .raw("</p>\n");
  }
  h.raw("<input class=\"govuk-input")
      .raw_if(!error.empty(), " govuk-input--error")
      .raw("\" id=\"q\" name=\"q\" type=\"search\" ");
  h.raw("spellcheck=\"true\" aria-describedby=\"q-hint")
      .raw_if(!error.empty(), " q-error")
      .raw("\" value=\"")
      .text(q)
      .raw("\">\n");
  h.raw("</div>\n<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">")
      .text(t("search.button"))
      .raw("</button>\n</form>\n");

  if (searched) {
    h.raw("<h2 class=\"govuk-heading-m\" id=\"results-heading\">")
        .text(result.more ? core::format(t("search.result_count_more"), {{"query", q}})
                          : core::format(t.plural("search.result_count", result.total), {{"query", q}}))
        .raw("</h2>\n");
    if (result.hits.empty()) {
      h.raw("<p class=\"govuk-body\">").text(t("search.no_results")).raw("</p>\n");
    } else {
      h.raw("<ul class=\"govuk-list rt-search-results\" aria-labelledby=\"results-heading\">\n");
      for (auto& hit : result.hits) {
        h.raw("<li class=\"rt-search-result\">\n<h3 class=\"govuk-heading-s govuk-!-margin-bottom-1\">");
        if (!hit.url.empty() && http::is_local_path(hit.url)) {
          h.raw("<a class=\"govuk-link\" href=\"").text(hit.url).raw("\">").text(hit.title).raw("</a>");
        } else {
          h.text(hit.title);
        }
        h.raw("</h3>\n<p class=\"govuk-body\">").text(hit.excerpt).raw("</p>\n</li>\n");
      }
      h.raw("</ul>\n");
      const long long pages = (result.total + static_cast<long long>(kResultsPerPage) - 1) / kResultsPerPage;
      if (pages > 1) {
        auto link = [&](long long n) { return "/search?q=" + view::url_encode(q) + "&page=" + std::to_string(n); };
        h.raw("<nav class=\"govuk-pagination govuk-pagination--block\" aria-label=\"")
            .text(t("pagination.label"))
            .raw("\">\n");
        if (page_no > 1) {
          h.raw("<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"")
              .text(link(page_no - 1))
              .raw("\" rel=\"prev\"><span class=\"govuk-pagination__link-title\">")
              .text(t("pagination.previous"))
              .raw("</span></a></div>\n");
        }
        if (page_no < pages) {
          h.raw("<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"")
              .text(link(page_no + 1))
              .raw("\" rel=\"next\"><span class=\"govuk-pagination__link-title\">")
              .text(t("pagination.next"))
              .raw("</span></a></div>\n");
        }
        h.raw("</nav>\n");
        h.raw("<p class=\"govuk-body-s\">")
            .text(core::format(t("pagination.page_of"),
                               {{"page", std::to_string(page_no)}, {"pages", std::to_string(pages)}}))
            .raw("</p>\n");
      }
    }
  }
  h.raw("</div></div>");
  auto page = view::page_for(
      ctx, std::string(q.empty() || !error.empty() ? t("search.title")
                                                   : core::format(t("search.title_with_query"), {{"query", q}})));
  page.has_errors = !error.empty();
  co_return view::html_page(ctx, services.assets, page, h,
                            error.empty() ? http::Status::ok : http::Status::bad_request);
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

void add_site_routes(std::vector<http::Route>& routes, Services& services) {
  using http::bind;
  using http::policy::public_access;
  http::RouteList r(routes);
  const auto s = std::ref(services);
  r.get("/", "home", public_access(), bind(s, home));
  r.get("/search", "search", public_access(), bind(s, search));
  r.get("/accessibility", "accessibility", public_access(), bind(s, accessibility));
  r.post("/language", "language", public_access(), bind(s, switch_language));
  r.get("/assets/{file}", "assets", public_access(), bind(s, static_file)).not_html();
  r.get("/robots.txt", "robots", public_access(), bind(s, static_file)).not_html();
}

}  // namespace roundtable::app
