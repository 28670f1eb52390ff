#include "about_me/about_me_module.hpp"

#include "about_me/about_me_demo.hpp"
#include "about_me/about_me_store.hpp"

namespace roundtable::about_me {

module::Module make_module(Deps deps, profiles::ProfileService* profiles) {
  using module::Erasure;
  module::Module m;
  m.name = "about_me";
  m.add_routes = [deps](std::vector<http::Route>& routes, const module::Shared&) { add_about_me_routes(routes, deps); };
  m.personal_tables = {
      {"about_me_pages", "user_id", Erasure::remove, "the person's About Me page: who may see it, first words"},
      {"about_me_items", "user_id", Erasure::remove, "the words, photos, recordings and videos on the page"},
      {"about_me_viewers", "user_id", Erasure::remove, "the people the person named as allowed to see the page"},
  };
  // Named viewers see the page only while they share an organisation with its owner (checked on every look); when
  // a membership ends, those who no longer share one are dropped, so joining again later does not bring it back.
  m.membership_ended = [](soci::session& s, long long /*org_id*/, long long user_id) {
    store::drop_viewers_without_shared_org(s, user_id);
  };
  m.account_sections = {{"about_me.account.about_me_title", "about_me.account.about_me_lead",
                         "about_me.account.about_me_link", "/account/about-me"}};
  if (deps.service && deps.uploads && profiles) {
    m.load_demo = [profiles, service = deps.service, uploads = deps.uploads] {
      return load_demo(*profiles, *service, *uploads);
    };
    m.start = [uploads = deps.uploads] { register_access(*uploads); };
  }
  return m;
}

}  // namespace roundtable::about_me
