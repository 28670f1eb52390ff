#include "groups/groups_demo.hpp"

#include <gd.h>

#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "groups/group_store.hpp"

namespace roundtable::groups {

namespace {

using core::kDay;

struct DemoGroup {
  GroupDetails details;
  const char* lead;
  std::vector<std::pair<const char*, GroupRole>> others;
  /// Stages it went through before the one in details (with reasons), oldest first.
  std::vector<std::pair<Stage, const char*>> history;
  int age_days = 60;
  bool archived = false;
};

GroupDetails details(const char* name, const char* purpose, Kind kind, Level level, Visibility visibility,
                     std::optional<Stage> stage) {
  GroupDetails d;
  d.name = name;
  d.purpose = purpose;
  d.kind = kind;
  d.level = level;
  d.visibility = visibility;
  d.stage = stage;
  return d;
}

/// A picture drawn here (so the demo ships no image files) on a 480 by 320 canvas of one colour, as PNG bytes.
std::string drawn(int r, int g, int b, const std::function<void(gdImagePtr)>& draw) {
  gdImagePtr im = gdImageCreateTrueColor(480, 320);
  gdImageFilledRectangle(im, 0, 0, 479, 319, gdImageColorAllocate(im, r, g, b));
  draw(im);
  int size = 0;
  void* png = gdImagePngPtr(im, &size);
  std::string bytes(static_cast<const char*>(png), static_cast<size_t>(size));
  gdFree(png);
  gdImageDestroy(im);
  return bytes;
}

/// Pictures for a few demo groups, with the words that describe them.
struct DemoPicture {
  const char* group;
  std::string png;
  const char* alt;
};

std::vector<DemoPicture> demo_pictures() {
  std::vector<DemoPicture> out;
  out.push_back({"Carers Co-production Board",
                 drawn(235, 240, 230,
                       [](gdImagePtr im) {
                         // A round table from above, with eight chairs of different colours around it.
                         const int colours[8][3] = {{29, 112, 184}, {0, 112, 60},   {212, 53, 28}, {244, 119, 56},
                                                    {145, 43, 136}, {40, 161, 151}, {255, 221, 0}, {80, 90, 95}};
                         for (int i = 0; i < 8; ++i) {
                           const double a = i * 3.14159265 / 4;
                           const int x = 240 + static_cast<int>(std::lround(125 * std::cos(a)));
                           const int y = 160 + static_cast<int>(std::lround(125 * std::sin(a)));
                           gdImageFilledEllipse(im, x, y, 56, 56,
                                                gdImageColorAllocate(im, colours[i][0], colours[i][1], colours[i][2]));
                         }
                         gdImageFilledEllipse(im, 240, 160, 190, 190, gdImageColorAllocate(im, 140, 95, 60));
                       }),
                 "A round table seen from above, with eight chairs of different colours around it"});
  out.push_back({"Carers' emergency card",
                 drawn(220, 235, 245,
                       [](gdImagePtr im) {
                         // A yellow card with a heart on it.
                         gdImageFilledRectangle(im, 90, 60, 390, 260, gdImageColorAllocate(im, 255, 221, 0));
                         const int heart = gdImageColorAllocate(im, 212, 53, 28);
                         gdImageFilledEllipse(im, 210, 135, 80, 80, heart);
                         gdImageFilledEllipse(im, 270, 135, 80, 80, heart);
                         gdPoint tip[3] = {{173, 150}, {307, 150}, {240, 225}};
                         gdImageFilledPolygon(im, tip, 3, heart);
                       }),
                 "A yellow card with a red heart on it"});
  out.push_back({"Monday coffee mornings",
                 drawn(245, 235, 220,
                       [](gdImagePtr im) {
                         // A blue mug of coffee on a table, with steam rising.
                         gdImageFilledRectangle(im, 0, 250, 479, 319, gdImageColorAllocate(im, 150, 105, 70));
                         const int blue = gdImageColorAllocate(im, 29, 112, 184);
                         gdImageFilledEllipse(im, 300, 175, 90, 90, blue);
                         gdImageFilledEllipse(im, 300, 175, 46, 46, gdImageColorAllocate(im, 245, 235, 220));
                         gdImageFilledRectangle(im, 170, 110, 290, 250, blue);
                         gdImageFilledRectangle(im, 178, 110, 282, 122, gdImageColorAllocate(im, 90, 55, 30));
                         const int steam = gdImageColorAllocate(im, 180, 180, 180);
                         gdImageSetThickness(im, 4);
                         for (int x : {200, 230, 260}) {
                           gdImageLine(im, x, 95, x + 10, 70, steam);
                           gdImageLine(im, x + 10, 70, x, 45, steam);
                         }
                       }),
                 "A blue mug of coffee on a wooden table, with steam rising"});
  return out;
}

std::vector<DemoGroup> demo_groups() {
  std::vector<DemoGroup> out;
  {
    DemoGroup g{details("Carers Co-production Board",
                        "Carers, people who use services and staff decide together how the partnership spends its "
                        "time and money.",
                        Kind::standing, Level::strategic, Visibility::organisation, std::nullopt),
                "tom@demo.example",
                {{"sian@demo.example", GroupRole::facilitator},
                 {"gareth@demo.example", GroupRole::member},
                 {"mair@demo.example", GroupRole::member},
                 {"ngozi@demo.example", GroupRole::observer}},
                {},
                200};
    g.details.terms = {
        "The board meets every two months. It agrees the partnership's plan for the year and checks how it is "
        "going.\n\nAt least half of the board are carers or people who use services. Decisions are made together; "
        "no one has the final say alone.",
        "We meet every two months.\n\nWe decide together what the partnership does.\n\nHalf of us or more are "
        "carers or people who use services."};
    g.details.ground_rules = {
        "Listen to each other. Speak from your own experience. Keep what people share in the room. Jargon is "
        "stopped and explained.",
        "Listen. Talk about what happened to you. Do not tell others what people said. Ask if you do not "
        "understand a word."};
    g.details.principles = {"Equal partners: everyone's experience counts the same. Payment for everyone's time.",
                            "Everyone is equal. Everyone is paid for their time."};
    out.push_back(std::move(g));
  }
  out.push_back({details("Carers Strategy Steering Group",
                         "Writes the county's new carers strategy with the people it is for, and checks that what it "
                         "promises happens.",
                         Kind::standing, Level::strategic, Visibility::members, std::nullopt),
                 "tom@demo.example",
                 {{"mair@demo.example", GroupRole::member}, {"ngozi@demo.example", GroupRole::member}},
                 {},
                 150});
  out.push_back({details("Newly diagnosed: the first six months",
                         "Finds out what people need in the first six months after a diagnosis, from the people who "
                         "have been through it.",
                         Kind::project, Level::group, Visibility::organisation, Stage::discover),
                 "tom@demo.example",
                 {{"gareth@demo.example", GroupRole::member}},
                 {},
                 20});
  out.push_back({details("Booking respite made simple",
                         "Makes booking a short break for carers simple enough to do on a phone in five minutes.",
                         Kind::project, Level::group, Visibility::organisation, Stage::define),
                 "tom@demo.example",
                 {{"mair@demo.example", GroupRole::member}},
                 {{Stage::discover, "Starting with what carers told us about booking breaks."}},
                 70});
  out.push_back({details("Leaving hospital checklist",
                         "A checklist that carers and ward staff go through together before someone goes home.",
                         Kind::project, Level::group, Visibility::organisation, Stage::develop),
                 "tom@demo.example",
                 {{"gareth@demo.example", GroupRole::facilitator}, {"mair@demo.example", GroupRole::member}},
                 {{Stage::discover, "Starting with stories of coming home from hospital."},
                  {Stage::define, "We heard from 40 carers; three problems came up again and again."}},
                 120});
  out.push_back({details("Carers' emergency card",
                         "A card a carer keeps in their wallet, so someone knows who to call if the carer is taken "
                         "ill.",
                         Kind::project, Level::group, Visibility::everyone, Stage::deliver),
                 "tom@demo.example",
                 {{"mair@demo.example", GroupRole::member}, {"ngozi@demo.example", GroupRole::member}},
                 {{Stage::discover, "Carers asked what happens to the person they care for if they fall ill."},
                  {Stage::define, "The problem: nobody knows who to call."},
                  {Stage::develop, "We agreed what the card says; now we try three designs."}},
                 180});
  out.push_back({details("Monday coffee mornings",
                         "A friendly hour every month for carers and staff to meet, share news and try out ideas. "
                         "New staff come to at least one.",
                         Kind::series, Level::individual, Visibility::everyone, std::nullopt),
                 "tom@demo.example",
                 {{"gareth@demo.example", GroupRole::member}, {"mair@demo.example", GroupRole::member}},
                 {},
                 300});
  out.push_back({details("Leaflet review 2025", "Checked the partnership's leaflets with carers. Finished in 2025.",
                         Kind::project, Level::group, Visibility::organisation, Stage::deliver),
                 "tom@demo.example",
                 {{"mair@demo.example", GroupRole::member}},
                 {{Stage::discover, "Which leaflets do carers actually read?"}},
                 400,
                 true});
  return out;
}

}  // namespace

int load_demo(db::Database& db, GroupService& service, long long now) {
  struct Found {
    std::optional<long long> org;
    long long existing = 0;
    std::map<std::string, long long> people;
  };
  const auto groups = demo_groups();
  auto found = db.run_sync([&](soci::session& s) {
    Found f;
    f.org = store::find_org_id(s, "demo");
    if (f.org) f.existing = store::count_groups(s, *f.org);
    for (const char* email :
         {"sian@demo.example", "tom@demo.example", "gareth@demo.example", "mair@demo.example", "ngozi@demo.example"}) {
      if (auto id = store::find_user_id(s, email)) f.people[email] = *id;
    }
    return f;
  });
  if (!found.org || found.existing > 0) return 0;
  const long long org = *found.org;
  auto id_of = [&](const char* email) -> std::optional<long long> {
    auto it = found.people.find(email);
    if (it == found.people.end()) return std::nullopt;
    return it->second;
  };
  int made = 0;
  for (const auto& g : groups) {
    const auto lead = id_of(g.lead);
    if (!lead) continue;
    const long long at = now - g.age_days * kDay;
    // Made without a stage; then the stages it went through, each with its reason, spread over its life.
    auto first = g.details;
    first.stage = std::nullopt;
    const long long id = service.create_group_now(org, *lead, first, at);
    ++made;
    for (const auto& [email, role] : g.others) {
      if (auto who = id_of(email)) service.add_member_now(org, id, *who, role, at + kDay);
    }
    if (g.details.stage) {
      auto stages = g.history;
      stages.emplace_back(*g.details.stage, g.history.empty() ? "Starting out: finding out what people need."
                                                              : "Ready for the next stage.");
      const long long step = g.age_days * kDay / static_cast<long long>(stages.size() + 1);
      for (std::size_t i = 0; i < stages.size(); ++i) {
        service.move_stage_now(id, *lead, stages[i].first, stages[i].second,
                               at + kDay + static_cast<long long>(i) * step);
      }
    }
    if (auto* uploads = service.uploads()) {
      for (auto& picture : demo_pictures()) {
        if (g.details.name != picture.group) continue;
        auto prepared =
            db::testing::run(uploads->prepare(std::move(picture.png), "picture.png", GroupService::picture_rules()));
        if (auto* file = std::get_if<uploads::Prepared>(&prepared)) {
          (void)db::testing::run(service.set_picture(org, id, *lead, std::move(*file), picture.alt));
        }
      }
    }
    if (g.archived) service.archive_now(id, *lead, now - 30 * kDay);
    // Someone waiting for an answer, so the requests page has something on it.
    if (g.details.name == "Newly diagnosed: the first six months") {
      if (auto mair = id_of("mair@demo.example")) {
        service.ask_to_join_now(org, id, *mair,
                                "I cared for my mum in the months after her diagnosis, and I remember what we "
                                "were never told.",
                                now - 2 * kDay);
      }
    }
  }
  return made;
}

}  // namespace roundtable::groups
