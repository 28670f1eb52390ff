#include "profiles/profile_service.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <tuple>

#include "audit/audit_store.hpp"
#include "db/query.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"
#include "testing/services_fixture.hpp"
#include "testing/world.hpp"

namespace roundtable::profiles {
namespace {

using accounts::EmailTaken;
using accounts::SignInLimits;
using accounts::SignInOutcome;
using consent::ConsentPurpose;
using db::testing::run;
using organisations::MemberType;
using organisations::Role;

class ProfileServiceOnBackend : public roundtable::testing::ServicesOnBackend {};

TEST_P(ProfileServiceOnBackend, NeedsAreSeenOnlyByStaffAndOnlyWhenShared) {
  auto tom = acc->create_user_now({.email = "tom@example.org", .name = "Tom"}, "");
  auto gwen = acc->create_user_now({.email = "gwen@example.org", .name = "Gwen"}, "");
  orgs->add_member_now("north", "tom@example.org", Role::member, {});
  orgs->add_member_now("north", "gwen@example.org", Role::member, {MemberType::lived_experience});
  auto p = *run(profs->profile(gwen));
  p.needs = {Need::easy_read, Need::supporter};
  p.meeting_support = "My support worker comes with me";
  p.phone = "07700 900123";
  p.share_needs = false;
  run([&]() -> boost::asio::awaitable<int> {
    auto op = profs->save_profile(p);
    co_await std::move(op);
    co_return 0;
  }());
  // Ceri is a facilitator in "north"; Tom a member.
  auto staff_view = *run(profs->member_profile(ceri, north, gwen, true));
  EXPECT_FALSE(staff_view.needs_visible);
  EXPECT_TRUE(staff_view.needs_withheld);
  EXPECT_TRUE(staff_view.profile.needs.empty());
  EXPECT_EQ(staff_view.profile.phone, "07700 900123");
  auto member_view = *run(profs->member_profile(tom, north, gwen, false));
  EXPECT_FALSE(member_view.needs_visible);
  EXPECT_FALSE(member_view.needs_withheld);
  EXPECT_EQ(member_view.profile.meeting_support, "");
  EXPECT_EQ(member_view.profile.phone, "");
  EXPECT_EQ(count("audit_log WHERE action = 'needs_viewed'"), 0);

  p.share_needs = true;
  run([&]() -> boost::asio::awaitable<int> {
    auto op = profs->save_profile(p);
    co_await std::move(op);
    co_return 0;
  }());
  staff_view = *run(profs->member_profile(ceri, north, gwen, true));
  EXPECT_TRUE(staff_view.needs_visible);
  EXPECT_EQ(staff_view.profile.needs, (std::vector<Need>{Need::easy_read, Need::supporter}));
  EXPECT_EQ(staff_view.profile.meeting_support, "My support worker comes with me");
  EXPECT_FALSE(run(profs->member_profile(tom, north, gwen, false))->needs_visible);
  // The staff view is in the organisation's audit log, without the needs themselves.
  auto log = run(orgs->audit_log(north, 0, 10));
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.front().action, "needs_viewed");
  EXPECT_EQ(log.front().actor_user_id, ceri);
  EXPECT_EQ(log.front().subject_user_id, gwen);
  EXPECT_EQ(count("audit_log WHERE detail LIKE '%support worker%' OR detail LIKE '%easy_read%'"), 0);
  // Changing the sharing choice is recorded for the person.
  EXPECT_EQ(count("audit_log WHERE action = 'needs_sharing_changed'"), 1);
  // Someone outside the organisation is not found there.
  auto south = orgs->create_organisation_now({.slug = "south", .name = "South"});
  EXPECT_FALSE(run(profs->member_profile(ceri, south, gwen, true)));
}

TEST_P(ProfileServiceOnBackend, AProfileIsSavedAndReadBackWhole) {
  auto p = *run(profs->profile(ceri));
  EXPECT_EQ(p.name, "Ceri");
  EXPECT_EQ(p.contact_methods, (std::vector<ContactMethod>{ContactMethod::email}));
  p.name = "Ceri Jones";
  p.pronouns = "they/them";
  p.lang = core::Lang::cy;
  p.strengths = "Listening\nBringing people together";
  p.interests = {"choirs", "walking"};
  p.contact_methods = {ContactMethod::email, ContactMethod::text};
  p.phone = "07700 900123";
  p.contact_times = {ContactTime::evenings};
  run([&]() -> boost::asio::awaitable<int> {
    auto op = profs->save_profile(p);
    co_await std::move(op);
    co_return 0;
  }());
  auto back = *run(profs->profile(ceri));
  EXPECT_EQ(back.name, "Ceri Jones");
  EXPECT_EQ(back.pronouns, "they/them");
  EXPECT_EQ(back.lang, core::Lang::cy);
  EXPECT_EQ(back.strengths, "Listening\nBringing people together");
  EXPECT_EQ(back.interests, (std::vector<std::string>{"choirs", "walking"}));
  EXPECT_EQ(back.contact_methods, (std::vector<ContactMethod>{ContactMethod::email, ContactMethod::text}));
  EXPECT_EQ(back.contact_times, (std::vector<ContactTime>{ContactTime::evenings}));
  p.interests = {"walking"};
  run([&]() -> boost::asio::awaitable<int> {
    auto op = profs->save_profile(p);
    co_await std::move(op);
    co_return 0;
  }());
  EXPECT_EQ(run(profs->profile(ceri))->interests, (std::vector<std::string>{"walking"}));
}

TEST_P(ProfileServiceOnBackend, TheDirectoryFindsMembersByWordsTypeAndInterest) {
  auto dai = acc->create_user_now({.email = "dai@example.org", .name = "Dai"}, "");
  orgs->add_member_now("north", "dai@example.org", Role::member, {MemberType::unpaid_carer});
  auto south = orgs->create_organisation_now({.slug = "south", .name = "South"});
  acc->create_user_now({.email = "eve@example.org", .name = "Eve"}, "");
  orgs->add_member_now("south", "eve@example.org", Role::member, {});
  for (auto [email, strengths, tag] : {std::tuple{"dai@example.org", "Beekeeping and baking", "bees"},
                                       std::tuple{"eve@example.org", "Beekeeping", "bees"},
                                       std::tuple{"ceri@example.org", "Chairing meetings", "choirs"}}) {
    auto p = *profs->profile_by_email_now(email);
    p.strengths = strengths;
    p.lived_experience = "secret words";
    p.interests = {tag};
    profs->save_profile_now(p);
  }
  auto names = [](const DirectoryPage& page) {
    std::vector<std::string> out;
    for (auto& m : page.members) out.push_back(m.name);
    return out;
  };
  EXPECT_EQ(names(run(profs->directory(north, {}))), (std::vector<std::string>{"Ceri", "Dai"}));
  EXPECT_EQ(names(run(profs->directory(north, {.text = "beekeep"}))), (std::vector<std::string>{"Dai"}));
  EXPECT_EQ(names(run(profs->directory(north, {.text = "bees"}))), (std::vector<std::string>{"Dai"}));
  EXPECT_EQ(names(run(profs->directory(south, {.text = "beekeeping"}))), (std::vector<std::string>{"Eve"}));
  EXPECT_EQ(names(run(profs->directory(north, {.type = MemberType::unpaid_carer}))),
            (std::vector<std::string>{"Ceri", "Dai"}));
  EXPECT_EQ(names(run(profs->directory(north, {.type = MemberType::staff}))), std::vector<std::string>{});
  EXPECT_EQ(names(run(profs->directory(north, {.interest = "choirs"}))), (std::vector<std::string>{"Ceri"}));
  // The counts of a filtered list: by member type (along member_types_by_type), by interest, and by both.
  EXPECT_EQ(run(profs->directory(north, {.type = MemberType::unpaid_carer})).total, 2);
  EXPECT_EQ(run(profs->directory(north, {.type = MemberType::staff})).total, 0);
  EXPECT_EQ(run(profs->directory(north, {.interest = "choirs"})).total, 1);
  EXPECT_EQ(run(profs->directory(north, {.interest = "bees"})).total, 1);  // Eve has it too, in another organisation
  const auto both = run(profs->directory(north, {.type = MemberType::unpaid_carer, .interest = "bees"}));
  EXPECT_EQ(both.total, 1);
  EXPECT_EQ(names(both), (std::vector<std::string>{"Dai"}));
  EXPECT_EQ(both.members[0].interests, (std::vector<std::string>{"bees"}));
  EXPECT_EQ(run(profs->directory(north, {.type = MemberType::staff, .interest = "bees"})).total, 0);
  EXPECT_EQ(run(profs->directory(north, {.text = "secret"})).total, 0);
  // A list's pages follow one another by who they start after or end before.
  auto first = run(profs->directory(north, {.limit = 1}));
  ASSERT_EQ(names(first), (std::vector<std::string>{"Ceri"}));
  EXPECT_FALSE(first.more_before);
  EXPECT_TRUE(first.more_after);
  auto page = run(profs->directory(north, {.limit = 1, .after = first.members[0].user_id}));
  EXPECT_EQ(page.total, 2);
  EXPECT_TRUE(page.more_before);
  EXPECT_FALSE(page.more_after);
  const auto back = run(profs->directory(north, {.limit = 1, .before = page.members.at(0).user_id}));
  EXPECT_EQ(names(back), (std::vector<std::string>{"Ceri"}));
  EXPECT_FALSE(back.more_before);
  EXPECT_TRUE(back.more_after);
  EXPECT_TRUE(run(profs->directory(north, {.limit = 1, .after = page.members.at(0).user_id})).members.empty());
  // The same with a filter: the unpaid carers are Ceri and Dai too.
  const auto carers = run(profs->directory(north, {.type = MemberType::unpaid_carer, .limit = 1, .after = dai}));
  EXPECT_TRUE(carers.members.empty());
  EXPECT_EQ(names(run(profs->directory(
                north, {.type = MemberType::unpaid_carer, .limit = 1, .after = first.members[0].user_id}))),
            (std::vector<std::string>{"Dai"}));
  EXPECT_EQ(names(page), (std::vector<std::string>{"Dai"}));
  EXPECT_EQ(page.members[0].interests, (std::vector<std::string>{"bees"}));
  EXPECT_EQ(page.members[0].member_types, (std::vector<MemberType>{MemberType::unpaid_carer}));

  // The list follows every change of member types (the membership keeps a copy of them: migration 0068).
  const auto dai_types = [&] {
    for (const auto& m : run(profs->directory(north, {})).members) {
      if (m.name == "Dai") return m.member_types;
    }
    return std::vector<MemberType>{MemberType::partner_organisation};
  };
  orgs->add_member_now("north", "dai@example.org", Role::member, {MemberType::staff, MemberType::lived_experience});
  EXPECT_EQ(dai_types(), (std::vector<MemberType>{MemberType::lived_experience, MemberType::staff}));
  EXPECT_EQ(names(run(profs->directory(north, {.type = MemberType::staff}))), std::vector<std::string>{"Dai"});
  db->run_sync([&](soci::session& s) {
    db::query(s, "UPDATE member_types SET type = 'unpaid_carer' WHERE user_id = $1 AND type = 'staff'", {dai});
  });
  EXPECT_EQ(dai_types(), (std::vector<MemberType>{MemberType::lived_experience, MemberType::unpaid_carer}));
  // The count of a member type (kept per organisation: migration 0074) follows each change too: it is the number of
  // people the filtered list holds.
  const auto counted_right = [&] {
    for (const auto type : {MemberType::lived_experience, MemberType::unpaid_carer, MemberType::staff,
                            MemberType::partner_organisation}) {
      const auto listed = run(profs->directory(north, {.type = type, .limit = 100}));
      EXPECT_EQ(listed.total, static_cast<long long>(listed.members.size())) << member_type_code(type);
    }
  };
  counted_right();
  const long long lived = run(profs->directory(north, {.type = MemberType::lived_experience})).total;
  EXPECT_GE(lived, 1);
  orgs->add_member_now("north", "dai@example.org", Role::member, {});
  EXPECT_EQ(dai_types(), std::vector<MemberType>{});
  counted_right();
  EXPECT_EQ(run(profs->directory(north, {.type = MemberType::lived_experience})).total, lived - 1);
  orgs->add_member_now("north", "dai@example.org", Role::member, {MemberType::unpaid_carer});

  // The list follows a change of name (the directory keeps its own sort key), in any case.
  auto renamed = *profs->profile_by_email_now("ceri@example.org");
  renamed.name = "eirlys";
  profs->save_profile_now(renamed);
  EXPECT_EQ(names(run(profs->directory(north, {}))), (std::vector<std::string>{"Dai", "eirlys"}));

  // Each person on a page with their own interests, by tag, whether the page is a list or a search.
  auto dai_profile = *profs->profile_by_email_now("dai@example.org");
  dai_profile.interests = {"bees", "allotments"};
  profs->save_profile_now(dai_profile);
  for (const auto& query : {DirectoryQuery{}, DirectoryQuery{.text = "beekeeping"}}) {
    const auto listed = run(profs->directory(north, query));
    ASSERT_FALSE(listed.members.empty()) << query.text;
    EXPECT_EQ(listed.members[0].name, "Dai");
    EXPECT_EQ(listed.members[0].interests, (std::vector<std::string>{"allotments", "bees"})) << query.text;
    if (listed.members.size() > 1) {
      EXPECT_EQ(listed.members[1].interests, (std::vector<std::string>{"choirs"}));
    }
  }
  // A search's pages are cut from its matches by number, each person with their interests.
  auto ceri_profile = *profs->profile_by_email_now("ceri@example.org");
  ceri_profile.strengths = "Beekeeping for beginners";
  profs->save_profile_now(ceri_profile);
  const auto first_match = run(profs->directory(north, {.text = "beekeeping", .limit = 1}));
  const auto second_match = run(profs->directory(north, {.text = "beekeeping", .limit = 1, .offset = 1}));
  ASSERT_EQ(first_match.members.size(), 1u);
  ASSERT_EQ(second_match.members.size(), 1u);
  EXPECT_EQ(first_match.total, 2);
  EXPECT_EQ(second_match.total, 2);
  EXPECT_NE(first_match.members[0].user_id, second_match.members[0].user_id);
  for (const auto& m : {first_match.members[0], second_match.members[0]}) {
    const std::vector<std::string> interests =
        m.name == "Dai" ? std::vector<std::string>{"allotments", "bees"} : std::vector<std::string>{"choirs"};
    EXPECT_EQ(m.interests, interests) << m.name;
  }
  EXPECT_TRUE(run(profs->directory(north, {.text = "beekeeping", .limit = 1, .offset = 2})).members.empty());
  // A membership removed takes its member types, and their counts, with it (the foreign key's cascade).
  const long long carers_before = run(profs->directory(north, {.type = MemberType::unpaid_carer})).total;
  db->run_sync([&](soci::session& s) {
    db::query(s, "DELETE FROM memberships WHERE org_id = $1 AND user_id = $2", {north, dai});
  });
  counted_right();
  EXPECT_EQ(run(profs->directory(north, {.type = MemberType::unpaid_carer})).total, carers_before - 1);
}

TEST_P(ProfileServiceOnBackend, TheDirectoryShowsNamesPronounsAndInterestsAsTheyAreNowWhoeverChangedThem) {
  // Each membership keeps a copy of the person's name, pronouns and interests (migration 0073's triggers): whatever
  // code path changes them, every organisation's directory shows them as they are now, in name order.
  const long long dai = acc->create_user_now({.email = "dai@example.org", .name = "Dai"}, "");
  orgs->add_member_now("north", "dai@example.org", Role::member, {});
  auto people = [&](long long org) {
    std::vector<std::string> out;
    for (const auto& m : run(profs->directory(org, {})).members) {
      std::string line = m.name + "(" + m.pronouns + ")";
      for (const auto& tag : m.interests) line += ":" + tag;
      out.push_back(line);
    }
    return out;
  };
  EXPECT_EQ(people(north), (std::vector<std::string>{"Ceri()", "Dai()"}));
  db->run_sync([&](soci::session& s) {
    db::query(s, "UPDATE users SET name = 'Aled' WHERE id = $1", {dai});
    db::query(s, "INSERT INTO profiles (user_id, pronouns, updated_at) VALUES ($1, 'he/him', 0)", {dai});
    db::query(s, "INSERT INTO profile_interests (user_id, tag) VALUES ($1, 'walking')", {dai});
    db::query(s, "INSERT INTO profile_interests (user_id, tag) VALUES ($1, 'choirs')", {dai});
  });
  EXPECT_EQ(people(north), (std::vector<std::string>{"Aled(he/him):choirs:walking", "Ceri()"}));
  db->run_sync([&](soci::session& s) {
    db::query(s, "UPDATE profiles SET pronouns = 'fe/fo' WHERE user_id = $1", {dai});
    db::query(s, "UPDATE profile_interests SET tag = 'baking' WHERE user_id = $1 AND tag = 'walking'", {dai});
    db::query(s, "DELETE FROM profile_interests WHERE user_id = $1 AND tag = 'choirs'", {dai});
  });
  EXPECT_EQ(people(north), (std::vector<std::string>{"Aled(fe/fo):baking", "Ceri()"}));
  // Someone who joins another organisation later comes with their name, pronouns and interests as they are then.
  auto south = orgs->create_organisation_now({.slug = "south", .name = "South"});
  orgs->add_member_now("south", "dai@example.org", Role::member, {});
  EXPECT_EQ(people(south), (std::vector<std::string>{"Aled(fe/fo):baking"}));
  // A profile removed takes the pronouns with it; the interests go with their own rows.
  db->run_sync([&](soci::session& s) {
    db::query(s, "DELETE FROM profile_interests WHERE user_id = $1", {dai});
    db::query(s, "DELETE FROM profiles WHERE user_id = $1", {dai});
  });
  EXPECT_EQ(people(north), (std::vector<std::string>{"Aled()", "Ceri()"}));
  EXPECT_EQ(people(south), (std::vector<std::string>{"Aled()"}));
  // A rename moves the person in the order (the directory's sort key follows too).
  db->run_sync([&](soci::session& s) { db::query(s, "UPDATE users SET name = 'Zak' WHERE id = $1", {dai}); });
  EXPECT_EQ(people(north), (std::vector<std::string>{"Ceri()", "Zak()"}));
}

TEST_P(ProfileServiceOnBackend, ConsentIsRecordedWithItsWordingAndWithdrawingContactHidesContactDetails) {
  auto set = [&](core::Lang lang, std::vector<std::pair<ConsentPurpose, bool>> d) {
    run([&]() -> boost::asio::awaitable<int> {
      auto op = cons->set_consents(ceri, lang, d);
      co_await std::move(op);
      co_return 0;
    }());
  };
  auto [empty, none] = run(cons->consents(ceri));
  EXPECT_FALSE(empty.contact);
  EXPECT_TRUE(none.empty());
  set(core::Lang::cy, {{ConsentPurpose::contact, true}, {ConsentPurpose::public_use, false}});
  // The same choices again record nothing new.
  set(core::Lang::cy, {{ConsentPurpose::contact, true}, {ConsentPurpose::public_use, false}});
  auto [state, history] = run(cons->consents(ceri));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_TRUE(state.given(ConsentPurpose::contact));
  EXPECT_FALSE(state.given(ConsentPurpose::public_use));
  EXPECT_EQ(state.contact->version, 1);
  EXPECT_EQ(state.contact->lang, core::Lang::cy);
  // The wording the person saw, in Welsh.
  EXPECT_NE(state.contact->wording.find("gysylltu"), std::string::npos);

  auto gwen = acc->create_user_now({.email = "gwen@example.org", .name = "Gwen"}, "");
  orgs->add_member_now("north", "gwen@example.org", Role::member, {});
  auto p = *run(profs->profile(ceri));
  p.phone = "07700 900123";
  profs->save_profile_now(p);
  EXPECT_TRUE(run(profs->member_profile(gwen, north, ceri, true))->contact_visible);
  set(core::Lang::en, {{ConsentPurpose::contact, false}, {ConsentPurpose::public_use, false}});
  auto view = *run(profs->member_profile(gwen, north, ceri, true));
  EXPECT_FALSE(view.contact_visible);
  EXPECT_TRUE(view.contact_withdrawn);
  EXPECT_EQ(view.profile.phone, "");
  // The person still sees their own details.
  EXPECT_TRUE(run(profs->member_profile(ceri, north, ceri, false))->contact_visible);
  auto [after, all] = run(cons->consents(ceri));
  EXPECT_EQ(all.size(), 3u);
  EXPECT_EQ(count("audit_log WHERE action = 'consent_changed'"), 3);
}

TEST_P(ProfileServiceOnBackend, StaffSeeTheEmailAddressOnlyWhenEmailIsAChosenWayAndContactIsAgreed) {
  auto gwen = acc->create_user_now({.email = "gwen@example.org", .name = "Gwen"}, "");
  orgs->add_member_now("north", "gwen@example.org", Role::member, {});
  auto tom = acc->create_user_now({.email = "tom@example.org", .name = "Tom"}, "");
  orgs->add_member_now("north", "tom@example.org", Role::member, {});
  auto p = *run(profs->profile(gwen));
  p.contact_methods = {ContactMethod::email};
  profs->save_profile_now(p);
  // Ceri is a facilitator: she sees the address Gwen agreed to be emailed at; Tom, a member, does not.
  EXPECT_EQ(run(profs->member_profile(ceri, north, gwen, true))->profile.email, "gwen@example.org");
  EXPECT_EQ(run(profs->member_profile(tom, north, gwen, false))->profile.email, "");
  // Only phone calls: the email address is not one of the details she agreed to share.
  p.contact_methods = {ContactMethod::phone};
  p.phone = "07700 900123";
  profs->save_profile_now(p);
  EXPECT_EQ(run(profs->member_profile(ceri, north, gwen, true))->profile.email, "");
  // Email again, then she withdraws consent to being contacted: nothing is shown.
  p.contact_methods = {ContactMethod::email, ContactMethod::phone};
  profs->save_profile_now(p);
  EXPECT_EQ(run(profs->member_profile(ceri, north, gwen, true))->profile.email, "gwen@example.org");
  run([&]() -> boost::asio::awaitable<int> {
    auto op = cons->set_consents(gwen, core::Lang::en, {{ConsentPurpose::contact, false}});
    co_await std::move(op);
    co_return 0;
  }());
  auto view = *run(profs->member_profile(ceri, north, gwen, true));
  EXPECT_TRUE(view.contact_withdrawn);
  EXPECT_EQ(view.profile.email, "");
  EXPECT_EQ(view.profile.phone, "");
}

INSTANTIATE_TEST_SUITE_P(Backends, ProfileServiceOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::profiles
