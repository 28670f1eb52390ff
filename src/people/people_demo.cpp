#include "people/people_demo.hpp"

#include <tuple>

#include "db/run_awaitable.hpp"
#include "security/passwords.hpp"

namespace roundtable::people {

namespace {

struct DemoPerson {
  const char* email;
  const char* name;
  core::Lang lang;
  bool platform_admin;
  const char* org;
  Role role;
  std::vector<MemberType> types;
};

/// What some demo people bring and need, so profiles, privacy of needs and the audit log have something to show.
void add_demo_profiles(PeopleService& service) {
  struct Demo {
    const char* email;
    const char* pronouns;
    const char* strengths;
    const char* lived_experience;
    std::vector<std::string> interests;
    std::vector<Need> needs;
    const char* meeting_support;
    bool share;
    std::vector<ContactMethod> methods;
    const char* phone;
    std::vector<ContactTime> times;
  };
  const Demo demos[] = {
      {"mair@demo.example",
       "hi",
       "Gwrando ar bobl a dod â nhw at ei gilydd.",
       "Rwyf wedi gofalu am fy mam ers deng mlynedd, ac wedi dysgu sut mae'r broses gofal iechyd parhaus yn gweithio.",
       {"corau", "garddio"},
       {Need::easy_read, Need::welsh},
       "Seibiant bob awr, os gwelwch yn dda.",
       true,
       {ContactMethod::phone, ContactMethod::text},
       "07700 900123",
       {ContactTime::evenings}},
      {"gareth@demo.example",
       "he/him",
       "Explaining things simply. Asking the awkward question.",
       "I live with MS and was diagnosed six years ago.",
       {"walking football", "local history"},
       {Need::large_print},
       "Step-free access and a seat near the door.",
       false,
       {ContactMethod::email},
       "",
       {ContactTime::weekday_daytime}},
      {"ngozi@demo.example",
       "she/her",
       "Running community groups; finding small grants.",
       "",
       {"community gardens"},
       {},
       "",
       false,
       {ContactMethod::email, ContactMethod::phone},
       "029 2018 0000",
       {ContactTime::weekday_daytime}},
  };
  for (const auto& d : demos) {
    auto p = service.profile_by_email_now(d.email);
    if (!p || !p->strengths.empty()) continue;
    p->pronouns = d.pronouns;
    p->strengths = d.strengths;
    p->lived_experience = d.lived_experience;
    p->interests = d.interests;
    p->needs = d.needs;
    p->meeting_support = d.meeting_support;
    p->share_needs = d.share;
    p->contact_methods = d.methods;
    p->phone = d.phone;
    p->contact_times = d.times;
    service.save_profile_now(*p);
  }
}

/// People of every role and member type in two organisations, so the demo (and the tests) can show that nothing
/// leaks between them.
int load_demo_people(PeopleService& service) {
  const DemoPerson demo_people[] = {
      {"admin@roundtable.example", "Alex Morgan", core::Lang::en, true, nullptr, Role::member, {}},
      {"sian@demo.example", "Siân Davies", core::Lang::cy, false, "demo", Role::org_admin, {MemberType::staff}},
      {"tom@demo.example", "Tom Evans", core::Lang::en, false, "demo", Role::facilitator, {MemberType::staff}},
      {"priya@demo.example", "Priya Shah", core::Lang::en, false, "demo", Role::finance, {MemberType::staff}},
      {"gareth@demo.example",
       "Gareth Jones",
       core::Lang::en,
       false,
       "demo",
       Role::member,
       {MemberType::lived_experience}},
      {"mair@demo.example",
       "Mair Hughes",
       core::Lang::cy,
       false,
       "demo",
       Role::member,
       {MemberType::unpaid_carer, MemberType::lived_experience}},
      {"ngozi@demo.example",
       "Ngozi Okafor",
       core::Lang::en,
       false,
       "demo",
       Role::member,
       {MemberType::partner_organisation}},
      {"rhys@north.example", "Rhys Owen", core::Lang::en, false, "north", Role::org_admin, {MemberType::staff}},
  };
  // One hash for every demo account: argon2id is slow on purpose, and the demo starts often in tests.
  const std::string hash = security::hash_password(kDemoPassword);
  int written = 0;
  // "demo" is invitation only; anyone may join "north" (open sign-up at /o/north/join).
  for (auto [slug, name, mode] : {std::tuple{"demo", "Demo County Carers Partnership", SignupMode::invitation},
                                  std::tuple{"north", "North Valleys Mind", SignupMode::open}}) {
    try {
      service.create_organisation_now({.slug = slug, .name = name, .signup_mode = mode});
      ++written;
    } catch (const SlugTaken&) {
      // Already there from an earlier start.
    }
  }
  for (const auto& p : demo_people) {
    try {
      service.create_user_now(
          {.email = p.email, .name = p.name, .password_hash = hash, .lang = p.lang, .platform_admin = p.platform_admin},
          "");
      ++written;
    } catch (const EmailTaken&) {
      continue;
    }
    if (p.org) service.add_member_now(p.org, p.email, p.role, p.types);
    // Organisation admins need two-step sign-in for their admin pages: the demo ones have it on already.
    if (p.role == Role::org_admin) service.turn_on_two_step_now(p.email, kDemoTwoStepSecret);
  }
  add_demo_profiles(service);
  return written;
}

}  // namespace

int load_demo(PeopleService& people) { return load_demo_people(people); }

}  // namespace roundtable::people
