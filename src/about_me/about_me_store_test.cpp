#include "about_me/about_me_store.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "about_me/about_me_service.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"
#include "testing/world.hpp"

namespace roundtable::about_me {
namespace {

using db::testing::run;
using db::testing::run_void;

/// Two organisations: Ceri (the owner) and Dai are members of "north", where Tom facilitates; Nia facilitates
/// "south", where Owen is a member; Ffion is in both and named by Ceri later.
class AboutMeStoreOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<testing::World>(GetParam());
    db = world->db.get();
    profiles = world->profiles.get();
    organisations = world->organisations.get();
    world->organisation("north");
    world->organisation("south");
    ceri = world->member("north", "ceri@example.org", "Ceri");
    dai = world->member("north", "dai@example.org", "Dai");
    tom = world->member("north", "tom@example.org", "Tom", organisations::Role::facilitator);
    nia = world->member("south", "nia@example.org", "Nia", organisations::Role::facilitator);
    owen = world->member("south", "owen@example.org", "Owen");
    ffion = world->member("south", "ffion@example.org", "Ffion");
    world->member("north", "ffion@example.org", "Ffion", organisations::Role::finance);
    dir = std::filesystem::temp_directory_path() / ("rt-about-me-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::remove_all(dir);
    storage = std::make_shared<uploads::FolderStorage>(dir);
    upload_service = std::make_unique<uploads::UploadService>(*db, storage);
    service = std::make_unique<AboutMeService>(*db, *upload_service);
  }
  void TearDown() override {
    service.reset();
    upload_service.reset();
    std::filesystem::remove_all(dir);
  }

  template <class F>
  auto sync(F&& f) {
    return db->run_sync(std::forward<F>(f));
  }

  uploads::Prepared png() {
    uploads::Prepared p;
    p.bytes = std::string("\x89PNG\r\n\x1a\n", 8) + "not really a picture";
    p.mime = "image/png";
    p.kind = media::Kind::image;
    p.width = 1;
    p.height = 1;
    p.original_name = "me.png";
    return p;
  }

  std::unique_ptr<testing::World> world;
  db::Database* db = nullptr;
  profiles::ProfileService* profiles = nullptr;
  organisations::OrganisationService* organisations = nullptr;
  std::filesystem::path dir;
  std::shared_ptr<uploads::FolderStorage> storage;
  std::unique_ptr<uploads::UploadService> upload_service;
  std::unique_ptr<AboutMeService> service;
  long long ceri = 0, dai = 0, tom = 0, nia = 0, owen = 0, ffion = 0;
};

TEST_P(AboutMeStoreOnBackend, SettingsStartPrivateAndRoundTrip) {
  auto s0 = sync([&](soci::session& s) { return store::load_settings(s, ceri); });
  EXPECT_EQ(s0.visibility, Visibility::only_me);
  EXPECT_EQ(s0.intro, "");
  sync([&](soci::session& s) {
    store::save_intro(s, ceri, "Helo! I am Ceri.\nCall me Cer.", 100);
    store::save_visibility(s, ceri, Visibility::facilitators, 200);
  });
  auto s1 = sync([&](soci::session& s) { return store::load_settings(s, ceri); });
  EXPECT_EQ(s1.visibility, Visibility::facilitators);
  EXPECT_EQ(s1.intro, "Helo! I am Ceri.\nCall me Cer.");
  EXPECT_EQ(s1.updated_at, 200);
}

TEST_P(AboutMeStoreOnBackend, ItemsKeepTheirOrderMoveAndBelongToTheirOwnerOnly) {
  std::vector<long long> ids;
  for (const char* words : {"one", "two", "three"}) {
    auto r = run(service->add_item(ceri, {.kind = ItemKind::text, .title = words, .body = words}, std::nullopt));
    ASSERT_FALSE(r.too_many);
    ids.push_back(r.id);
  }
  auto order = [&] {
    std::vector<std::string> out;
    for (auto& it : run(service->own_page(ceri)).items) out.push_back(it.title);
    return out;
  };
  EXPECT_EQ(order(), (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_FALSE(run(service->move_item(ceri, ids[0], Direction::up))) << "the first cannot go up";
  EXPECT_FALSE(run(service->move_item(ceri, ids[2], Direction::down))) << "the last cannot go down";
  EXPECT_TRUE(run(service->move_item(ceri, ids[2], Direction::up)));
  EXPECT_EQ(order(), (std::vector<std::string>{"one", "three", "two"}));
  EXPECT_TRUE(run(service->move_item(ceri, ids[0], Direction::down)));
  EXPECT_EQ(order(), (std::vector<std::string>{"three", "one", "two"}));
  // Someone else cannot see, change, move or delete them.
  EXPECT_EQ(run(service->item(dai, ids[0])), std::nullopt);
  EXPECT_FALSE(run(service->move_item(dai, ids[1], Direction::up)));
  EXPECT_FALSE(run(service->update_item(dai, ids[0], {.kind = ItemKind::text, .body = "mine now"}, std::nullopt)));
  EXPECT_FALSE(run(service->delete_item(dai, ids[0])));
  EXPECT_EQ(order(), (std::vector<std::string>{"three", "one", "two"}));
  // The owner can.
  EXPECT_TRUE(run(service->update_item(ceri, ids[0], {.kind = ItemKind::text, .title = "uno", .body = "un"}, {})));
  auto changed = run(service->item(ceri, ids[0]));
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->title, "uno");
  EXPECT_EQ(changed->body, "un");
  EXPECT_TRUE(run(service->delete_item(ceri, ids[1])));
  EXPECT_EQ(order(), (std::vector<std::string>{"three", "uno"}));
  // Added after a delete: at the end.
  run(service->add_item(ceri, {.kind = ItemKind::text, .title = "four", .body = "4"}, std::nullopt));
  EXPECT_EQ(order(), (std::vector<std::string>{"three", "uno", "four"}));
}

TEST_P(AboutMeStoreOnBackend, APhotoKeepsItsFileUntilReplacedOrDeleted) {
  auto added = run(service->add_item(ceri, {.kind = ItemKind::photo, .caption = "Me at the beach"}, png()));
  auto item = run(service->item(ceri, added.id));
  ASSERT_TRUE(item && item->upload_id);
  EXPECT_EQ(item->file_mime, "image/png");
  EXPECT_EQ(item->file_url.rfind("/files/", 0), 0u);
  auto first = sync([&](soci::session& s) { return uploads::store::find_by_id(s, *item->upload_id); });
  ASSERT_TRUE(first);
  EXPECT_EQ(first->purpose, kFilePurpose);
  EXPECT_EQ(first->owner_user_id, ceri);
  EXPECT_TRUE(storage->get(first->storage_key));
  // Replacing the file deletes the old one.
  ASSERT_TRUE(run(service->update_item(ceri, added.id, {.kind = ItemKind::photo, .caption = "Me again"}, png())));
  auto replaced = run(service->item(ceri, added.id));
  ASSERT_TRUE(replaced && replaced->upload_id);
  EXPECT_NE(*replaced->upload_id, *item->upload_id);
  EXPECT_EQ(replaced->caption, "Me again");
  EXPECT_FALSE(sync([&](soci::session& s) { return uploads::store::find_by_id(s, *item->upload_id).has_value(); }));
  EXPECT_FALSE(storage->get(first->storage_key));
  // Changing only the words keeps the file.
  ASSERT_TRUE(run(service->update_item(ceri, added.id, {.kind = ItemKind::photo, .caption = "Me, 2024"}, {})));
  EXPECT_EQ(run(service->item(ceri, added.id))->upload_id, replaced->upload_id);
  auto second = sync([&](soci::session& s) { return uploads::store::find_by_id(s, *replaced->upload_id); });
  ASSERT_TRUE(second);
  ASSERT_TRUE(run(service->delete_item(ceri, added.id)));
  EXPECT_FALSE(storage->get(second->storage_key));
  EXPECT_FALSE(sync([&](soci::session& s) { return uploads::store::find_by_id(s, second->id).has_value(); }));
}

TEST_P(AboutMeStoreOnBackend, APageHoldsAtMost100Things) {
  sync([&](soci::session& s) {
    for (size_t i = 0; i < kMaxItems; ++i) {
      Item it;
      it.user_id = ceri;
      it.body = "x";
      store::insert_item(s, it, 1);
    }
  });
  EXPECT_TRUE(run(service->add_item(ceri, {.kind = ItemKind::text, .body = "one more"}, std::nullopt)).too_many);
}

TEST_P(AboutMeStoreOnBackend, ThePeopleToNameAreThoseWhoShareAnOrganisationByNameWithTheirOrganisations) {
  auto people = run(service->sharing_page(ceri)).people;
  std::vector<std::string> names;
  for (const auto& p : people) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Dai", "Ffion", "Tom"})) << "not Ceri, not Owen or Nia (south only)";
  EXPECT_EQ(people[1].orgs, (std::vector<std::string>{"North"})) << "only the organisations shared with Ceri";
  const auto ffions_view = run(service->sharing_page(ffion)).people;
  const auto dai_seen = std::find_if(ffions_view.begin(), ffions_view.end(), [&](auto& p) { return p.user_id == dai; });
  ASSERT_NE(dai_seen, ffions_view.end());
  EXPECT_EQ(dai_seen->orgs, (std::vector<std::string>{"North"}));
  EXPECT_EQ(ffions_view.size(), 5u) << "Ceri, Dai, Tom from north; Nia, Owen from south";
}

TEST_P(AboutMeStoreOnBackend, WhoCanSeeItAndWhoIsNamedAreSavedTogether) {
  // Issue #12 item 13: naming someone with "People I name" ticked must keep that choice.
  EXPECT_EQ(run(service->save_sharing(ceri, {.visibility = Visibility::named, .add = ffion})), SharingOutcome::saved);
  auto page = run(service->sharing_page(ceri));
  EXPECT_EQ(page.settings.visibility, Visibility::named);
  ASSERT_EQ(page.named.size(), 1u);
  EXPECT_EQ(page.named[0].name, "Ffion");
  // Kept while ticked; a second person added beside her.
  EXPECT_EQ(run(service->save_sharing(ceri, {.visibility = Visibility::facilitators, .keep = {ffion}, .add = dai})),
            SharingOutcome::saved);
  page = run(service->sharing_page(ceri));
  EXPECT_EQ(page.settings.visibility, Visibility::facilitators);
  EXPECT_EQ(page.named.size(), 2u);
  // Unticked: taken off.
  EXPECT_EQ(run(service->save_sharing(ceri, {.visibility = Visibility::facilitators, .keep = {dai}})),
            SharingOutcome::saved);
  page = run(service->sharing_page(ceri));
  ASSERT_EQ(page.named.size(), 1u);
  EXPECT_EQ(page.named[0].user_id, dai);
}

TEST_P(AboutMeStoreOnBackend, NothingIsSavedWhenPartOfTheChoiceCannotBe) {
  ASSERT_EQ(run(service->save_sharing(ceri, {.visibility = Visibility::facilitators, .add = ffion})),
            SharingOutcome::saved);
  for (long long stranger : {owen, ceri, 999999LL}) {
    EXPECT_EQ(run(service->save_sharing(ceri, {.visibility = Visibility::organisation, .add = stranger})),
              SharingOutcome::no_such_person)
        << "Owen shares no organisation with Ceri; Ceri is herself; 999999 is nobody";
  }
  EXPECT_EQ(run(service->save_sharing(ceri, {.visibility = Visibility::named})), SharingOutcome::nobody_named)
      << "people I name, with Ffion unticked and nobody added";
  auto page = run(service->sharing_page(ceri));
  EXPECT_EQ(page.settings.visibility, Visibility::facilitators) << "the choice is as it was";
  ASSERT_EQ(page.named.size(), 1u) << "and Ffion is still named";
  EXPECT_EQ(page.named[0].user_id, ffion);
}

// Issue #12 item 4: when a membership ends, the people who no longer share an organisation with the page's owner are
// no longer named (both ways), so joining again later does not bring their access back.
TEST_P(AboutMeStoreOnBackend, WhenAMembershipEndsThoseWhoNoLongerShareAnOrganisationAreNoLongerNamed) {
  organisations->set_membership_ended(
      {[](soci::session& s, long long, long long user_id) { store::drop_viewers_without_shared_org(s, user_id); }});
  const long long north = sync([&](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM organisations WHERE slug = 'north'", soci::into(id);
    return id;
  });
  ASSERT_EQ(run(service->save_sharing(ceri, {.visibility = Visibility::named, .add = ffion})), SharingOutcome::saved);
  ASSERT_EQ(run(service->save_sharing(ceri, {.visibility = Visibility::named, .keep = {ffion}, .add = dai})),
            SharingOutcome::saved);
  ASSERT_EQ(run(service->save_sharing(dai, {.visibility = Visibility::named, .add = ceri})), SharingOutcome::saved);
  auto named = [&](long long owner) {
    std::vector<long long> ids;
    for (const auto& v : run(service->sharing_page(owner)).named) ids.push_back(v.user_id);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  // Ffion leaves north: she is still in south, but Ceri is not, so Ceri no longer names her. Dai stays named.
  ASSERT_EQ(run(organisations->remove_member(tom, north, ffion)),
            organisations::OrganisationService::MembershipChange::done);
  EXPECT_EQ(named(ceri), (std::vector<long long>{dai}));
  EXPECT_FALSE(sync([&](soci::session& s) { return store::may_view(s, ceri, ffion); }));
  // Joining north again does not bring it back.
  world->member("north", "ffion@example.org", "Ffion", organisations::Role::finance);
  EXPECT_EQ(named(ceri), (std::vector<long long>{dai}));
  EXPECT_FALSE(sync([&](soci::session& s) { return store::may_view(s, ceri, ffion); }));
  // The owner's own membership ending drops the people they named, and the pages that named them.
  ASSERT_EQ(run(organisations->remove_member(tom, north, ceri)),
            organisations::OrganisationService::MembershipChange::done);
  EXPECT_TRUE(named(ceri).empty());
  EXPECT_TRUE(named(dai).empty()) << "Dai named Ceri, who no longer shares an organisation with him";
}

TEST_P(AboutMeStoreOnBackend, TheRuleWithRealMemberships) {
  run(service->save_sharing(ceri, {.visibility = Visibility::only_me, .add = ffion}));
  auto sees = [&](long long viewer) {
    return sync([&](soci::session& s) { return store::may_view(s, ceri, viewer); });
  };
  auto level = [&](Visibility v) { sync([&](soci::session& s) { store::save_visibility(s, ceri, v, 1); }); };
  struct Row {
    Visibility v;
    bool ceri, ffion_named, tom_facilitator_here, nia_facilitator_elsewhere, dai_member_here, owen_other_org;
  };
  for (const auto& r : {Row{Visibility::only_me, true, false, false, false, false, false},
                        Row{Visibility::named, true, true, false, false, false, false},
                        Row{Visibility::facilitators, true, true, true, false, false, false},
                        Row{Visibility::organisation, true, true, true, false, true, false}}) {
    level(r.v);
    EXPECT_EQ(sees(ceri), r.ceri) << visibility_code(r.v);
    EXPECT_EQ(sees(ffion), r.ffion_named) << visibility_code(r.v);
    EXPECT_EQ(sees(tom), r.tom_facilitator_here) << visibility_code(r.v);
    EXPECT_EQ(sees(nia), r.nia_facilitator_elsewhere) << visibility_code(r.v);
    EXPECT_EQ(sees(dai), r.dai_member_here) << visibility_code(r.v);
    EXPECT_EQ(sees(owen), r.owen_other_org) << visibility_code(r.v);
  }
}

TEST_P(AboutMeStoreOnBackend, ASharedPageIsOnlyForMembersOfThatOrganisationAndEachLookIsAudited) {
  auto north = sync([&](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM organisations WHERE slug = 'north'", soci::into(id);
    return id;
  });
  auto south = north + 1;
  run(service->add_item(ceri, {.kind = ItemKind::text, .body = "I like trains"}, std::nullopt));
  sync([&](soci::session& s) { store::save_visibility(s, ceri, Visibility::facilitators, 1); });
  auto seen = run(service->shared_page(tom, north, ceri));
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->owner_name, "Ceri");
  ASSERT_EQ(seen->items.size(), 1u);
  EXPECT_EQ(seen->items[0].body, "I like trains");
  EXPECT_FALSE(run(service->shared_page(dai, north, ceri)));
  EXPECT_FALSE(run(service->shared_page(tom, south, ceri))) << "Ceri is not in south";
  EXPECT_TRUE(run(service->shared_page(ceri, north, ceri)));
  auto looks = sync([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM audit_log WHERE action = 'about_me_viewed' AND subject_user_id = :c", soci::use(ceri),
        soci::into(n);
    return n;
  });
  EXPECT_EQ(looks, 1) << "Tom's look only: not the refused ones, not Ceri's own";
}

INSTANTIATE_TEST_SUITE_P(Backends, AboutMeStoreOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::about_me
