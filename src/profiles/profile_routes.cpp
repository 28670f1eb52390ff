#include "profiles/profile_routes.hpp"

#include "http/route_list.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::profiles {

void add_profile_routes(std::vector<http::Route>& routes, PagesDeps deps) {
  using namespace http::policy;
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  r.get("/account", "account", signed_in(), bind(deps, pages::account));
  r.get("/account/photo", "profile_photo", signed_in(), bind(deps, pages::photo_form));
  r.post("/account/photo", "profile_photo_save", signed_in(), bind(deps, pages::save_photo))
      .accepts_uploads(uploads::body_limit_for(ProfileService::photo_rules()));
  r.post("/account/photo/remove", "profile_photo_remove", signed_in(), bind(deps, pages::remove_photo));
  r.get("/account/about", "profile_about", signed_in(), bind(deps, pages::about_form));
  r.post("/account/about", "profile_about_save", signed_in(), bind(deps, pages::save_about));
  r.get("/account/strengths", "profile_bring", signed_in(), bind(deps, pages::bring_form));
  r.post("/account/strengths", "profile_bring_save", signed_in(), bind(deps, pages::save_bring));
  r.get("/account/needs", "profile_needs", signed_in(), bind(deps, pages::needs_form));
  r.post("/account/needs", "profile_needs_save", signed_in(), bind(deps, pages::save_needs));
  r.get("/account/contact", "profile_contact", signed_in(), bind(deps, pages::contact_form));
  r.post("/account/contact", "profile_contact_save", signed_in(), bind(deps, pages::save_contact));

  // A member's page and the directory: members only, as organisations::policy says.
  auto org = r.scope("/o/{org}");
  const auto see_members = guard(Action::see_members);
  org.get("/people", "org_directory", see_members, bind(deps, pages::directory));
  org.get("/people/{id}", "org_member", see_members, bind(deps, pages::member_page));
  const auto manage_members = guard(Action::manage_members);
  org.post("/people/{id}/role", "member_role", manage_members, bind(deps, pages::change_member_role));
  org.get("/people/{id}/remove", "member_remove_form", manage_members, bind(deps, pages::remove_member_form));
  org.post("/people/{id}/remove", "member_remove", manage_members, bind(deps, pages::remove_member));
}

}  // namespace roundtable::profiles
