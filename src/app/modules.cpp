#include "app/modules.hpp"

#include "about_me/about_me_module.hpp"
#include "accessibility/accessibility_module.hpp"
#include "accounts/accounts_module.hpp"
#include "app/error_pages.hpp"
#include "boards/boards_module.hpp"
#include "consensus/consensus_module.hpp"
#include "consent/consent_module.hpp"
#include "decisions/decisions_module.hpp"
#include "discussions/discussions_module.hpp"
#include "groups/groups_module.hpp"
#include "loop/loop_module.hpp"
#include "measures/measures_module.hpp"
#include "meetings/meetings_module.hpp"
#include "notifications/notifications_module.hpp"
#include "opportunities/opportunities_module.hpp"
#include "organisations/organisations_module.hpp"
#include "privacy/privacy_module.hpp"
#include "profiles/profiles_module.hpp"
#include "uploads/uploads_module.hpp"

namespace roundtable::app {

std::vector<module::Module> make_modules(Services& s) {
  auto not_found = [render = make_error_renderer(s)](http::RequestContext& ctx) {
    return render(ctx, http::Status::not_found);
  };
  profiles::PagesDeps profiles{s.profiles.get(), s.organisations.get(), &s.assets, not_found, {}, {}};
  if (auto* about_me = s.about_me.get()) {
    // A member's page links to their About Me page when the viewer may see it.
    profiles.about_me_visible = [about_me](long long viewer, long long subject) {
      return about_me->page_to_show(viewer, subject);
    };
  }
  // In the order they build on each other: each module's demo data may rely on the modules before it.
  std::vector<module::Module> modules;
  modules.push_back(uploads::make_module(s.uploads.get(), not_found));
  modules.push_back(accounts::make_module({s.accounts.get(), &s.assets, not_found}));
  modules.push_back(consent::make_module({s.consent.get(), &s.assets, not_found}));
  modules.push_back(
      organisations::make_module({s.organisations.get(), &s.assets, not_found, {}, {}, s.accounts.get()}));
  modules.push_back(profiles::make_module(std::move(profiles)));
  modules.push_back(privacy::make_module({s.privacy.get(), s.accounts.get(), &s.assets, not_found}));
  modules.push_back(about_me::make_module({s.about_me.get(), s.uploads.get(), &s.assets, not_found}, s.profiles.get()));
  modules.push_back(accessibility::make_module({s.db, &s.assets, not_found}));
  modules.push_back(groups::make_module({s.db, &s.assets, not_found, nullptr, s.organisations.get(), s.uploads.get()}));
  modules.push_back(
      opportunities::make_module({s.db, &s.assets, not_found, s.organisations.get(), nullptr, s.uploads.get()}));
  // Before the features that tell people things through it (discussions, meetings).
  modules.push_back(notifications::make_module({s.db, &s.assets, not_found, nullptr, s.organisations.get()}));
  modules.push_back(discussions::make_module({s.db, &s.assets, not_found, s.organisations.get(), s.search.get(),
                                              nullptr, s.reply_addresses, s.live.get(), s.uploads.get()}));
  modules.push_back(meetings::make_module(
      {s.db, &s.assets, not_found, nullptr, s.organisations.get(), s.uploads.get(), s.mail_from_address}));
  modules.push_back(decisions::make_module({s.db, &s.assets, not_found, nullptr, s.organisations.get()}));
  modules.push_back(boards::make_module({s.db, &s.assets, not_found, nullptr, s.live.get(), s.uploads.get()}));
  modules.push_back(consensus::make_module({s.db, &s.assets, not_found, nullptr}));
  // After the modules whose contributions it follows: it knows their kinds from the start (its demo data says what
  // happened to theirs).
  modules.push_back(loop::make_module(
      {s.db, &s.assets, not_found, nullptr, s.organisations.get(), shared_of(modules).contribution_kinds}));
  // Counts what the modules before it keep (their kinds of contribution, the loop's changes, decisions' verdicts).
  modules.push_back(measures::make_module({s.db, &s.assets, not_found, nullptr}));
  return modules;
}

module::Shared shared_of(const std::vector<module::Module>& modules) {
  module::Shared shared;
  for (const auto& m : modules) {
    shared.account_sections.insert(shared.account_sections.end(), m.account_sections.begin(), m.account_sections.end());
    shared.org_admin_links.insert(shared.org_admin_links.end(), m.org_admin_links.begin(), m.org_admin_links.end());
    shared.org_member_links.insert(shared.org_member_links.end(), m.org_member_links.begin(), m.org_member_links.end());
    shared.group_tools.insert(shared.group_tools.end(), m.group_tools.begin(), m.group_tools.end());
    shared.home_sections.insert(shared.home_sections.end(), m.home_sections.begin(), m.home_sections.end());
    if (m.search_scope) shared.search_scopes.push_back(m.search_scope);
    if (m.follow_up_reader) shared.follow_ups.push_back(m.follow_up_reader);
    if (m.membership_ended) shared.membership_ended.push_back(m.membership_ended);
    if (m.membership_changed) shared.membership_changed.push_back(m.membership_changed);
    shared.newcomer_sections.insert(shared.newcomer_sections.end(), m.newcomer_sections.begin(),
                                    m.newcomer_sections.end());
    shared.contribution_kinds.insert(shared.contribution_kinds.end(), m.contribution_kinds.begin(),
                                     m.contribution_kinds.end());
  }
  return shared;
}

std::vector<http::OrgNavItem> org_navigation(const std::vector<module::Module>& modules) {
  std::vector<http::OrgNavItem> out{{"layout.org_nav_home", ""}};
  for (const auto& link : shared_of(modules).org_member_links) {
    out.push_back({link.title_key, link.path, false, link.shows_unread_notices});
  }
  out.push_back({"layout.org_nav_people", "/people"});
  out.push_back({"layout.org_nav_admin", "/settings", true});
  return out;
}

std::vector<module::PersonalTable> personal_tables(const std::vector<module::Module>& modules) {
  std::vector<module::PersonalTable> out;
  for (const auto& m : modules) out.insert(out.end(), m.personal_tables.begin(), m.personal_tables.end());
  return out;
}

}  // namespace roundtable::app
