#include "view/org_navigation.hpp"

#include <string>
#include <unordered_map>

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
  const auto& items = *ctx.org_navigation;
  const std::string base = "/o/" + m->org_slug;
  const bool admin = m->role == core::Role::org_admin;
  // The place the page is in: the longest address it is at or below. The organisation's own page is the place of
  // pages that belong to no other (invitations, settings...).
  std::size_t best = items.size();
  std::size_t best_length = 0;
  bool current = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (item.admins_only && !admin) continue;
    // At or below base + item.path, without writing that address out.
    const std::string_view path = ctx.path;
    const std::size_t length = base.size() + item.path.size();
    if (path.starts_with(base) && at_or_below(path.substr(base.size()), item.path) &&
        (best == items.size() || length > best_length)) {
      best = i;
      best_length = length;
      current = path.size() == length;
    }
  }
  // The navigation is the same for everyone in the same place of the same organisation, in the same language and
  // role, with the same unread count: each I/O thread keeps the ones it wrote (bounded), and a page of an organisation
  // copies its navigation instead of building it again (about a tenth of a light page's CPU, docs/PERFORMANCE.md).
  // A renamed organisation or a new count is another key.
  std::string key;
  key.reserve(base.size() + m->org_name.size() + 40 * items.size() + 48);
  key.append(base).push_back('\0');
  key.append(m->org_name).push_back('\0');
  key.append(core::lang_code(ctx.lang)).push_back(admin ? 'a' : 'm');
  key.push_back(current ? 'c' : 'p');
  key.append(std::to_string(best)).push_back(':');
  key.append(std::to_string(m->unread_notices));
  for (const auto& item : items) {  // the places the modules registered
    key.append(item.title_key).push_back('\0');
    key.append(item.path).push_back(
        static_cast<char>('0' + (item.admins_only ? 1 : 0) + (item.shows_unread_notices ? 2 : 0)));
  }
  thread_local std::unordered_map<std::string, Html> kept;
  if (const auto found = kept.find(key); found != kept.end()) {
    h.append(found->second);
    return;
  }
  const auto t = ctx.t();
  govuk::ServiceNavigation nav{.service_name = m->org_name,
                               .service_url = base,
                               .navigation_label = std::string(t("layout.org_nav_label")),
                               .menu_button_text = std::string(t("layout.org_nav_menu")),
                               .aria_label = std::string(t("layout.org_nav_service"))};
  nav.navigation.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (item.admins_only && !admin) continue;
    govuk::ServiceNavigationItem place{.text = std::string(t(item.title_key)),
                                       .href = base + item.path,
                                       .active = i == best,
                                       .current = i == best && current};
    if (item.shows_unread_notices && m->unread_notices > 0) place.html = with_count(place.text, m->unread_notices, t);
    nav.navigation.push_back(std::move(place));
  }
  Html written;
  govuk::service_navigation(written, nav);
  if (kept.size() >= 256) kept.clear();
  h.append(kept.emplace(std::move(key), std::move(written)).first->second);
}

}  // namespace roundtable::view
