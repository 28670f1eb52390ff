#include "organisations/organisations_demo.hpp"

#include <soci/soci.h>

#include <tuple>
#include <vector>

#include "accounts/account_store.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::organisations {

int load_demo(OrganisationService& organisations) {
  struct DemoMember {
    const char* email;
    const char* org;
    Role role;
    std::vector<MemberType> types;
  };
  // People of every role and member type in two organisations, so the demo (and the tests) can show that nothing
  // leaks between them.
  const DemoMember demo_members[] = {
      {"sian@demo.example", "demo", Role::org_admin, {MemberType::staff}},
      {"tom@demo.example", "demo", Role::facilitator, {MemberType::staff}},
      {"priya@demo.example", "demo", Role::finance, {MemberType::staff}},
      {"gareth@demo.example", "demo", Role::member, {MemberType::lived_experience}},
      {"mair@demo.example", "demo", Role::member, {MemberType::unpaid_carer, MemberType::lived_experience}},
      {"ngozi@demo.example", "demo", Role::member, {MemberType::partner_organisation}},
      {"rhys@north.example", "north", Role::org_admin, {MemberType::staff}},
  };
  int written = 0;
  // "demo" is invitation only; anyone may join "north" (open sign-up at /o/north/join).
  for (auto [slug, name, mode] : {std::tuple{"demo", "Demo County Carers Partnership", SignupMode::invitation},
                                  std::tuple{"north", "North Valleys Mind", SignupMode::open}}) {
    try {
      organisations.create_organisation_now({.slug = slug, .name = name, .signup_mode = mode});
      ++written;
    } catch (const SlugTaken&) {
      // Already there from an earlier start.
    }
  }
  for (const auto& m : demo_members) {
    // Someone already in the organisation keeps the role they have now (an admin may have changed it).
    if (organisations.is_member_now(m.org, m.email)) continue;
    organisations.add_member_now(m.org, m.email, m.role, m.types);
    ++written;
  }
  return written;
}

}  // namespace roundtable::organisations
