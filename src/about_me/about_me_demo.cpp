#include "about_me/about_me_demo.hpp"

#include <gd.h>

#include <string>

#include "db/run_awaitable.hpp"

namespace roundtable::about_me {

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

int load_demo(profiles::ProfileService& profiles, AboutMeService& about_me, uploads::UploadService& uploads) {
  using db::testing::run;
  struct Page {
    const char* email;
    Visibility visibility;
    const char* intro;
    std::vector<ItemInput> items;
    const char* photo_caption;
  };
  const Page pages[] = {
      {"gareth@demo.example",
       Visibility::facilitators,
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
       Visibility::organisation,
       "Shwmae, Mair ydw i. Rwy'n gofalu am fy mam.",
       {{ItemKind::text, "Beth sy'n bwysig i mi",
         "Mae'n well gen i siarad Cymraeg. Rwy'n gallu dod i gyfarfodydd os oes rhywun yn gallu aros gyda Mam.", "",
         ""}},
       nullptr},
      {"tom@demo.example",
       Visibility::organisation,
       "I'm Tom. I run the carers' group meetings and I'm the person to ask if anything is not working for you.",
       {{ItemKind::text, "How I work",
         "I send papers a week before every meeting, in the formats you asked for. Tell me what helps and I will do "
         "it.",
         "", ""}},
       nullptr},
      {"ngozi@demo.example",
       Visibility::named,
       "I work for a community group in Wrexham and help families who are new to the area.",
       {{ItemKind::text, "What I bring", "Links with faith groups and families who speak Igbo, Yoruba and French.", "",
         ""}},
       nullptr},
  };
  int written = 0;
  for (const auto& page : pages) {
    auto profile = profiles.profile_by_email_now(page.email);
    if (!profile) continue;
    const long long id = profile->user_id;
    if (!run(about_me.own_page(id)).items.empty()) continue;
    db::testing::run_void(about_me.set_visibility(id, page.visibility));
    db::testing::run_void(about_me.set_intro(id, page.intro));
    for (const auto& item : page.items) {
      if (run(about_me.add_item(id, item, std::nullopt)).id) ++written;
    }
    if (page.photo_caption) {
      auto prepared = run(uploads.prepare(demo_picture(), "hills.png", allowed_for(ItemKind::photo)));
      if (auto* file = std::get_if<uploads::Prepared>(&prepared)) {
        ItemInput photo{ItemKind::photo, "", "", page.photo_caption, ""};
        if (run(about_me.add_item(id, photo, std::move(*file))).id) ++written;
      }
    }
  }
  // Ngozi's page is for the people she names: the demo facilitator.
  auto ngozi = profiles.profile_by_email_now("ngozi@demo.example");
  auto tom = profiles.profile_by_email_now("tom@demo.example");
  if (ngozi && tom && run(about_me.own_page(ngozi->user_id)).viewers.empty()) {
    (void)run(about_me.save_sharing(ngozi->user_id, {.visibility = Visibility::named, .add = tom->user_id}));
  }
  return written;
}

}  // namespace roundtable::about_me
