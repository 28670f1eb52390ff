#include "app/demo_data.hpp"

#include <gd.h>
#include <soci/soci.h>

#include <tuple>

#include "db/run_awaitable.hpp"
#include "db/transaction.hpp"
#include "security/passwords.hpp"

namespace roundtable::app {

namespace {

struct DemoPerson {
  const char* email;
  const char* name;
  core::Lang lang;
  bool platform_admin;
  const char* org;
  people::Role role;
  std::vector<people::MemberType> types;
};

/// What some demo people bring and need, so profiles, privacy of needs and the audit log have something to show.
void add_demo_profiles(people::PeopleService& service) {
  using people::ContactMethod;
  using people::ContactTime;
  using people::Need;
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
int load_demo_people(people::PeopleService& service) {
  using people::MemberType;
  using people::Role;
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
  for (auto [slug, name, mode] : {std::tuple{"demo", "Demo County Carers Partnership", people::SignupMode::invitation},
                                  std::tuple{"north", "North Valleys Mind", people::SignupMode::open}}) {
    try {
      service.create_organisation_now({.slug = slug, .name = name, .signup_mode = mode});
      ++written;
    } catch (const people::SlugTaken&) {
      // Already there from an earlier start.
    }
  }
  for (const auto& p : demo_people) {
    try {
      service.create_user_now(
          {.email = p.email, .name = p.name, .password_hash = hash, .lang = p.lang, .platform_admin = p.platform_admin},
          "");
      ++written;
    } catch (const people::EmailTaken&) {
      continue;
    }
    if (p.org) service.add_member_now(p.org, p.email, p.role, p.types);
    // Organisation admins need two-step sign-in for their admin pages: the demo ones have it on already.
    if (p.role == people::Role::org_admin) service.turn_on_two_step_now(p.email, kDemoTwoStepSecret);
  }
  add_demo_profiles(service);
  return written;
}

}  // namespace

int load_demo_data(db::Database& db, db::SearchIndex& search, people::PeopleService& people) {
  // Public "you said, we did" stories drawn from the co-production examples in shared/seeds.
  const db::SearchDocument docs[] = {
      {std::nullopt, "story", "demo-1", "en", "Monthly coffee mornings for carers",
       "Carers told us the continuing healthcare process was hard to follow. We now hold a coffee morning every "
       "month where carers meet the team, and new staff attend so they hear from carers first."},
      {std::nullopt, "story", "demo-2", "en", "Newly diagnosed: what people told us",
       "People living with MS described their first weeks after diagnosis in interviews and user journeys. "
       "Their insight statements shaped a new welcome pack that members tested in two rounds."},
      {std::nullopt, "story", "demo-3", "en", "A grant panel of people with learning disabilities",
       "Applications came in easy read, in Welsh and as short films. A trained panel of people with learning "
       "disabilities scored them and decided which community projects to fund."},
      {std::nullopt, "story", "demo-4", "cy", "Bore coffi misol i ofalwyr",
       "Dywedodd gofalwyr wrthym fod y broses gofal iechyd parhaus yn anodd ei dilyn. Rydym nawr yn cynnal bore "
       "coffi bob mis lle mae gofalwyr yn cwrdd â'r tîm."},
      {std::nullopt, "story", "demo-5", "en", "About Me pages before first meetings",
       "Members made accessible About Me pages with photos, audio and video so that new staff could get to know "
       "them before they met."},
      {std::nullopt, "story", "demo-6", "en", "A co-production board that sets the agenda",
       "Questions raised in the online discussion group go onto the steering group agenda, so members know their "
       "views reached the table, and the minutes say what happened next."},
  };
  return db.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    int n = 0;
    for (const auto& d : docs) {
      search.upsert(s, d);
      ++n;
    }
    tx.commit();
    return n;
  }) + load_demo_people(people);
}

namespace {

/// A small picture of hills under a morning sky, drawn here so the demo ships no image files.
std::string demo_picture() {
  gdImagePtr im = gdImageCreateTrueColor(480, 320);
  for (int y = 0; y < 320; ++y) {
    const int shade = 150 + y / 4;
    gdImageLine(im, 0, y, 479, y, gdImageColorAllocate(im, shade - 60, shade - 20, 235));
  }
  gdImageFilledEllipse(im, 380, 80, 70, 70, gdImageColorAllocate(im, 250, 215, 90));
  gdImageFilledEllipse(im, 120, 330, 520, 220, gdImageColorAllocate(im, 70, 140, 70));
  gdImageFilledEllipse(im, 400, 340, 460, 170, gdImageColorAllocate(im, 40, 110, 55));
  gdImageFilledRectangle(im, 225, 235, 255, 300, gdImageColorAllocate(im, 110, 80, 50));
  gdImageFilledEllipse(im, 240, 215, 90, 80, gdImageColorAllocate(im, 30, 90, 40));
  int size = 0;
  void* png = gdImagePngPtr(im, &size);
  std::string bytes(static_cast<const char*>(png), static_cast<size_t>(size));
  gdFree(png);
  gdImageDestroy(im);
  return bytes;
}

}  // namespace

int load_demo_about_me(people::PeopleService& people, about_me::AboutMeService& about_me,
                       uploads::UploadService& uploads) {
  using about_me::ItemInput;
  using about_me::ItemKind;
  using db::testing::run;
  struct Page {
    const char* email;
    about_me::Visibility visibility;
    const char* intro;
    std::vector<ItemInput> items;
    const char* photo_caption;
  };
  const Page pages[] = {
      {"gareth@demo.example",
       about_me::Visibility::facilitators,
       "Hello, I'm Gareth. I have lived with MS for twelve years.",
       {{ItemKind::text, "What matters to me",
         "My family, my allotment and being listened to. I like to know what a meeting is about before it starts.", "",
         ""},
        {ItemKind::text, "How to help me take part",
         "Give me papers a week before, in large print. I tire in the afternoon, so mornings are best. Please don't "
         "rush me when I am speaking.",
         "", ""}},
       "The hills above my allotment on a sunny morning"},
      {"mair@demo.example",
       about_me::Visibility::organisation,
       "Shwmae, Mair ydw i. Rwy'n gofalu am fy mam.",
       {{ItemKind::text, "Beth sy'n bwysig i mi",
         "Mae'n well gen i siarad Cymraeg. Rwy'n gallu dod i gyfarfodydd os oes rhywun yn gallu aros gyda Mam.", "",
         ""}},
       nullptr},
      {"tom@demo.example",
       about_me::Visibility::organisation,
       "I'm Tom. I run the carers' group meetings and I'm the person to ask if anything is not working for you.",
       {{ItemKind::text, "How I work",
         "I send papers a week before every meeting, in the formats you asked for. Tell me what helps and I will do "
         "it.",
         "", ""}},
       nullptr},
      {"ngozi@demo.example",
       about_me::Visibility::named,
       "I work for a community group in Wrexham and help families who are new to the area.",
       {{ItemKind::text, "What I bring", "Links with faith groups and families who speak Igbo, Yoruba and French.", "",
         ""}},
       nullptr},
  };
  int written = 0;
  for (const auto& page : pages) {
    auto profile = people.profile_by_email_now(page.email);
    if (!profile) continue;
    const long long id = profile->user_id;
    if (!run(about_me.own_page(id)).items.empty()) continue;
    db::testing::run_void(about_me.set_visibility(id, page.visibility));
    db::testing::run_void(about_me.set_intro(id, page.intro));
    for (const auto& item : page.items) {
      if (run(about_me.add_item(id, item, std::nullopt)).id) ++written;
    }
    if (page.photo_caption) {
      auto prepared = run(uploads.prepare(demo_picture(), "hills.png", about_me::allowed_for(ItemKind::photo)));
      if (auto* file = std::get_if<uploads::Prepared>(&prepared)) {
        ItemInput photo{ItemKind::photo, "", "", page.photo_caption, ""};
        if (run(about_me.add_item(id, photo, std::move(*file))).id) ++written;
      }
    }
  }
  // Ngozi's page is for the people she names: the demo facilitator.
  if (auto ngozi = people.profile_by_email_now("ngozi@demo.example")) {
    (void)run(about_me.add_viewer(ngozi->user_id, "tom@demo.example"));
  }
  return written;
}

}  // namespace roundtable::app
