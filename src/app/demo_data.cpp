#include "app/demo_data.hpp"

#include <soci/soci.h>

#include "db/transaction.hpp"

namespace roundtable::app {

int load_demo_stories(db::Database& db, db::SearchIndex& search) {
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
      auto doc = d;
      doc.url = "/stories/" + doc.ref;  // each story has its own page (app/site_pages.cpp)
      search.upsert(s, doc);
      ++n;
    }
    tx.commit();
    return n;
  });
}

}  // namespace roundtable::app
