#include "view/org_navigation.hpp"

#include "view/govuk/navigation.hpp"

namespace roundtable::view {

namespace {

/// Whether path is base or below it ("/o/demo/groups" is below "/o/demo", "/o/demo-2" is not).
bool at_or_below(std::string_view path, std::string_view base) {
  if (path.substr(0, base.size()) != base) return false;
  return path.size() == base.size() || path[base.size()] == '/';
}

/// A place's name with a count beside it: the number in a badge for the eye ("99+" past 99), and the words ("3
/// unread", Welsh "3 heb eu darllen") for screen readers, so the link reads "Notifications 3 unread".
Html with_count(std::string_view name, long long count, const core::Translator& t) {
  Html h;
  h.text(name).raw(" <span class=\"rt-nav-count\"><span class=\"rt-nav-count__number\" aria-hidden=\"true\">");
  if (count > 99) {
    h.raw("99+");
  } else {
    h.number(count);
  }
  h.raw("</span><span class=\"govuk-visually-hidden\">").text(t.plural("layout.org_nav_unread", count));
  h.raw("</span></span>");
  return h;
}

}  // namespace

Html org_navigation(const http::RequestContext& ctx) {
  Html h;
  org_navigation(h, ctx);
  return h;
}

void org_navigation(Html& h, const http::RequestContext& ctx) {
  if (!ctx.principal || !ctx.org_navigation || ctx.org_navigation->empty() || !ctx.route) return;
  if (ctx.route->pattern.rfind("/o/{org}", 0) != 0) return;
  const http::Membership* m = ctx.principal->membership(ctx.param("org"));
  if (!m) return;
  const auto t = ctx.t();
  const std::string base = "/o/" + m->org_slug;
  // The place the page is in: the longest address it is at or below. The organisation's own page is the place of
  // pages that belong to no other (invitations, settings...).
  std::size_t best = ctx.org_navigation->size();
  std::size_t best_length = 0;
  for (std::size_t i = 0; i < ctx.org_navigation->size(); ++i) {
    const auto& item = (*ctx.org_navigation)[i];
    if (item.admins_only && m->role != core::Role::org_admin) continue;
    const std::string href = base + item.path;
    if (at_or_below(ctx.path, href) && (best == ctx.org_navigation->size() || href.size() > best_length)) {
      best = i;
      best_length = href.size();
    }
  }
  govuk::ServiceNavigation nav{.service_name = m->org_name,
                               .service_url = base,
                               .navigation_label = std::string(t("layout.org_nav_label")),
                               .menu_button_text = std::string(t("layout.org_nav_menu")),
                               .aria_label = std::string(t("layout.org_nav_service"))};
  for (std::size_t i = 0; i < ctx.org_navigation->size(); ++i) {
    const auto& item = (*ctx.org_navigation)[i];
    if (item.admins_only && m->role != core::Role::org_admin) continue;
    const std::string href = base + item.path;
    govuk::ServiceNavigationItem place{.text = std::string(t(item.title_key)),
                                       .href = href,
                                       .active = i == best,
                                       .current = i == best && ctx.path == href};
    if (item.shows_unread_notices && m->unread_notices > 0) place.html = with_count(place.text, m->unread_notices, t);
    nav.navigation.push_back(std::move(place));
  }
  govuk::service_navigation(h, nav);
}

}  // namespace roundtable::view
