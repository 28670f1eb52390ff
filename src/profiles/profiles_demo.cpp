#include "profiles/profiles_demo.hpp"

#include <string>
#include <vector>

namespace roundtable::profiles {

/// What some demo people bring and need, so profiles, privacy of needs and the audit log have something to show.
int load_demo(ProfileService& service) {
  int written = 0;
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
    ++written;
  }
  return written;
}

}  // namespace roundtable::profiles
