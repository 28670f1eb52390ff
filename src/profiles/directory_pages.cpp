/// An organisation's directory of its members: search by words, member type and interest, a page at a time.
#include <algorithm>
#include <string>

#include "accounts/pages_common.hpp"
#include "db/search.hpp"
#include "http/form.hpp"
#include "profiles/profile_cards.hpp"
#include "profiles/profile_form.hpp"
#include "profiles/profile_pages.hpp"
#include "view/html.hpp"
#include "view/keyset_pagination.hpp"

namespace roundtable::profiles::pages {

namespace {

using view::Html;
namespace govuk = view::govuk;

/// One person in the results: their name (a link to their page) and pronouns, role and member types, and their
/// interests, each a link to everyone who shares it.
void person_result(Html& h, const core::Translator& t, const std::string& base, const MemberSummary& p) {
  Html name;
  govuk::link(name, base + "/" + std::to_string(p.user_id), p.name);
  if (!p.pronouns.empty()) name.raw(" <span class=\"rt-pronouns\">(").text(p.pronouns).raw(")</span>");
  // "s govuk-!-margin-bottom-1": a small heading, close to the lines under it.
  govuk::heading(h, 3, "s govuk-!-margin-bottom-1", std::move(name));
  std::string role = role_name(t, p.role);
  if (!p.member_types.empty()) role += " – " + member_types_text(t, p.member_types);
  govuk::paragraph(h, role, "govuk-body govuk-!-margin-bottom-1");
  if (!p.interests.empty()) {
    Html interests;
    interests.text(t("profiles.profile.interests")).text(": ");
    for (size_t i = 0; i < p.interests.size(); ++i) {
      if (i) interests.text(", ");
      govuk::link(interests, base + "?interest=" + view::url_encode(p.interests[i]), p.interests[i]);
    }
    govuk::paragraph(h, std::move(interests), "govuk-body-s");
  }
}

}  // namespace

awaitable<Response> directory(http::OrgRequest& req, const PagesDeps& deps) {
  RequestContext& ctx = req.ctx;
  constexpr size_t kPerPage = 20;
  auto t = ctx.t();
  const http::Membership* m = &req.membership;
  auto params = ctx.query_params();
  DirectoryQuery query;
  query.text = std::string(params.value("q"));
  query.type = parse_member_type(params.value("type"));
  query.interest = std::string(params.value("interest"));
  // Without an exception for every first page (no "page" at all): a throw cost 2 % of this page's CPU.
  const long long page_no = std::clamp(http::parse_id(params.value("page")).value_or(1), 1LL, 1000LL);
  std::string error;
  if (text_length(query.text) > 200) error = core::format(t("search.error_too_long"), {{"max", "200"}});
  query.limit = kPerPage;
  // A search pages through its best matches by number; a list by who its page starts after or ends before.
  const bool words = !db::search_terms(query.text).empty();
  if (words) {
    query.offset = static_cast<size_t>(page_no - 1) * kPerPage;
  } else {
    query.after = http::parse_id(params.value("after")).value_or(0);
    query.before = http::parse_id(params.value("before")).value_or(0);
  }
  DirectoryPage found;
  if (error.empty()) {
    auto op = deps.service->directory(m->org_id, query);
    found = co_await std::move(op);
  }
  const std::string base = "/o/" + m->org_slug + "/people";
  auto page = page_builder(ctx, deps, std::string(t("profiles.directory.title")));
  page.caption(m->org_name).full_width();
  std::vector<view::FieldError> errors;
  if (!error.empty()) errors.push_back({"q", error});
  page.errors(t, errors);
  Html& h = page.body();
  govuk::form_start(h, {.action = base, .get = true, .attributes = {{"role", "search"}}});
  govuk::input(h, {.id = "q",
                   .name = "q",
                   .type = "search",
                   .value = query.text,
                   .label = small_label(std::string(t("profiles.directory.search_label"))),
                   .hint = {.text = std::string(t("profiles.directory.search_hint"))},
                   .error_message = field_error_message(t, errors, "q")});
  govuk::Select type{
      .id = "type", .name = "type", .label = small_label(std::string(t("profiles.directory.type_label")))};
  type.items.push_back({.value = "", .text = std::string(t("profiles.directory.type_any")), .selected = false});
  for (auto mt : kAllMemberTypes) {
    std::string code(member_type_code(mt));
    type.items.push_back({.value = code, .text = member_type_name(t, mt), .selected = query.type == mt});
  }
  govuk::select(h, type);
  if (!query.interest.empty()) {
    govuk::hidden(h, "interest", query.interest);
    Html filter;
    filter.text(core::format(t("profiles.directory.interest_filter"), {{"interest", query.interest}})).text(" ");
    govuk::link(filter, base, t("profiles.directory.clear_filters"));
    govuk::paragraph(h, std::move(filter));
  }
  submit_button(h, t("profiles.directory.button"), "govuk-button--secondary");
  govuk::form_end(h);
  if (error.empty()) {
    govuk::heading(h, 2, "m",
                   found.more ? std::string(t("profiles.directory.count_more"))
                              : t.plural("profiles.directory.count", found.total),
                   "results-heading");
    if (found.members.empty() && (query.after || query.before)) {
      govuk::paragraph(h, t("profiles.directory.none_here"));
      govuk::link_paragraph(h, base, t("profiles.directory.first_page"));
    } else if (found.members.empty()) {
      govuk::paragraph(h, t("profiles.directory.none"));
    } else {
      // A list named by the heading above it, with a line under each person: more than govuk::list's plain items.
      h.raw("<ul class=\"govuk-list rt-directory\" aria-labelledby=\"results-heading\">\n");
      for (auto& p : found.members) {
        h.raw("<li class=\"rt-directory__person\">\n");
        person_result(h, t, base, p);
        h.raw("</li>\n");
      }
      h.raw("</ul>\n");
    }
    std::string keep = base + "?q=" + view::url_encode(query.text);
    if (query.type) keep += "&type=" + std::string(member_type_code(*query.type));
    if (!query.interest.empty()) keep += "&interest=" + view::url_encode(query.interest);
    if (words) {
      const long long pages = (found.total + static_cast<long long>(kPerPage) - 1) / static_cast<long long>(kPerPage);
      govuk::Pagination pagination{.landmark_label = std::string(t("pagination.label"))};
      if (page_no > 1) {
        pagination.previous = govuk::PaginationLink{.text = std::string(t("pagination.previous")),
                                                    .href = keep + "&page=" + std::to_string(page_no - 1)};
      }
      if (page_no < pages) {
        pagination.next = govuk::PaginationLink{.text = std::string(t("pagination.next")),
                                                .href = keep + "&page=" + std::to_string(page_no + 1)};
      }
      if (pages > 1) govuk::pagination(h, pagination);
    } else if (!found.members.empty()) {
      view::keyset_pagination(
          h, t, keep + "&",
          {found.more_before, found.members.front().user_id, found.more_after, found.members.back().user_id});
    }
  }
  co_return page.respond();
}

}  // namespace roundtable::profiles::pages
