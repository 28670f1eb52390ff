/// The account page: who is signed in, their profile, the other modules' sections, their organisations and the
/// ways to their settings and to sign out.
#include <string>

#include "profiles/profile_cards.hpp"
#include "profiles/profile_pages.hpp"
#include "view/html.hpp"

namespace roundtable::profiles::pages {

using view::Html;
namespace govuk = view::govuk;

awaitable<Response> account(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  // The person and their memberships came with the session (ctx.principal); the profile is the page's one read.
  const http::Principal& person = *ctx.principal;
  auto page = page_builder(ctx, deps, std::string(t("profiles.account.title")));
  Html& h = page.body();
  govuk::paragraph(h, core::format(t("profiles.account.signed_in_as"), {{"email", person.email}}));
  auto op_profile = deps.service->profile(ctx.principal->user_id);
  auto profile = co_await std::move(op_profile);
  profile_cards(h, t, *profile);
  for (const auto& section : deps.account_sections) {
    govuk::heading(h, 2, "m", t(section.title_key));
    govuk::paragraph(h, t(section.lead_key));
    govuk::link_paragraph(h, section.href, t(section.link_key));
  }
  govuk::heading(h, 2, "m", t("profiles.account.organisations"));
  if (person.memberships.empty()) {
    govuk::paragraph(h, t("profiles.account.no_organisations"));
  } else {
    govuk::List orgs;
    for (auto& m : person.memberships) {
      Html item;
      govuk::link(item, "/o/" + m.org_slug, m.org_name);
      item.text(" – ").text(role_name(t, m.role));
      orgs.items.emplace_back(std::move(item));
    }
    govuk::list(h, orgs);
  }
  if (person.platform_admin) {
    govuk::heading(h, 2, "m", t("profiles.account.platform_title"));
    govuk::link_paragraph(h, "/admin/organisations", t("profiles.account.manage_organisations"));
  }
  govuk::heading(h, 2, "m", t("profiles.account.two_step_title"));
  govuk::link_paragraph(h, "/account/two-step", t("profiles.account.two_step_link"));
  govuk::heading(h, 2, "m", t("profiles.account.data_title"));
  govuk::link_paragraph(h, "/account/data", t("profiles.account.data_link"));
  govuk::heading(h, 2, "m", t("profiles.account.sign_out_title"));
  govuk::paragraph(h, t("profiles.account.sign_out_everywhere_lead"));
  govuk::button_form(h, {.form = {.action = "/sign-out", .csrf_token = ctx.csrf_token},
                         .hidden = {{"everywhere", "yes"}},
                         .button = {.text = std::string(t("profiles.account.sign_out_everywhere")),
                                    .classes = "govuk-button--secondary"}});
  co_return page.respond();
}

}  // namespace roundtable::profiles::pages
