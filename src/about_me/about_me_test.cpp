#include "about_me/about_me.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace roundtable::about_me {
namespace {

/// The kinds of visitor the rule must tell apart, as facts about them and the owner (id 1).
std::map<std::string, ViewerFacts> visitors() {
  return {
      {"owner", {.owner_id = 1, .viewer_id = 1, .shares_org = true}},
      {"named", {.owner_id = 1, .viewer_id = 2, .named = true, .shares_org = true}},
      {"named, but no longer in any of the owner's organisations", {.owner_id = 1, .viewer_id = 7, .named = true}},
      {"facilitator of a shared organisation",
       {.owner_id = 1, .viewer_id = 3, .staff_in_owners_org = true, .shares_org = true}},
      {"facilitator elsewhere", {.owner_id = 1, .viewer_id = 4}},
      {"member of a shared organisation", {.owner_id = 1, .viewer_id = 5, .shares_org = true}},
      {"someone in another organisation", {.owner_id = 1, .viewer_id = 6}},
  };
}

TEST(AboutMeVisibility, EveryLevelForEveryKindOfVisitor) {
  const std::map<Visibility, std::map<std::string, bool>> expected{
      {Visibility::only_me,
       {{"owner", true},
        {"named", false},
        {"named, but no longer in any of the owner's organisations", false},
        {"facilitator of a shared organisation", false},
        {"facilitator elsewhere", false},
        {"member of a shared organisation", false},
        {"someone in another organisation", false}}},
      {Visibility::named,
       {{"owner", true},
        {"named", true},
        {"named, but no longer in any of the owner's organisations", false},
        {"facilitator of a shared organisation", false},
        {"facilitator elsewhere", false},
        {"member of a shared organisation", false},
        {"someone in another organisation", false}}},
      {Visibility::facilitators,
       {{"owner", true},
        {"named", true},
        {"named, but no longer in any of the owner's organisations", false},
        {"facilitator of a shared organisation", true},
        {"facilitator elsewhere", false},
        {"member of a shared organisation", false},
        {"someone in another organisation", false}}},
      {Visibility::organisation,
       {{"owner", true},
        {"named", true},
        {"named, but no longer in any of the owner's organisations", false},
        {"facilitator of a shared organisation", true},
        {"facilitator elsewhere", false},
        {"member of a shared organisation", true},
        {"someone in another organisation", false}}},
  };
  for (const auto& [level, answers] : expected) {
    for (const auto& [who, facts] : visitors()) {
      EXPECT_EQ(may_see(level, facts), answers.at(who)) << visibility_code(level) << " seen by " << who;
    }
  }
}

TEST(AboutMeVisibility, NamedPeopleCountOnlyWhileTheyShareAnOrganisationAndNobodyIsId0) {
  EXPECT_FALSE(may_see(Visibility::named, {.owner_id = 1, .viewer_id = 9, .named = true}));
  EXPECT_TRUE(may_see(Visibility::named, {.owner_id = 1, .viewer_id = 9, .named = true, .shares_org = true}));
  EXPECT_FALSE(may_see(Visibility::only_me, {.owner_id = 0, .viewer_id = 0}));
}

TEST(AboutMeVisibility, CodesRoundTrip) {
  for (auto v : kAllVisibilities) EXPECT_EQ(parse_visibility(visibility_code(v)), v);
  for (auto k : kAllItemKinds) EXPECT_EQ(parse_item_kind(item_kind_code(k)), k);
  EXPECT_EQ(parse_visibility("everyone"), std::nullopt);
  EXPECT_EQ(parse_item_kind("pdf"), std::nullopt);
  EXPECT_EQ(parse_item_kind(""), std::nullopt);
}

std::vector<std::string> fields(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (auto& p : problems) out.push_back(p.field + ":" + p.key);
  return out;
}

TEST(AboutMeNamedPeople, ANameGetsItsOrganisationsOnlyWhenSomeoneElseHasIt) {
  const std::vector<Viewer> people{
      {1, "Tom Evans", {"Demo"}}, {2, "tom evans", {"North", "Demo"}}, {3, "Ffion", {"North"}}, {4, "Tom Evans", {}}};
  EXPECT_EQ(display_name(people[0], people), "Tom Evans (Demo)");
  EXPECT_EQ(display_name(people[1], people), "tom evans (North, Demo)");
  EXPECT_EQ(display_name(people[2], people), "Ffion");
  EXPECT_EQ(display_name(people[3], people), "Tom Evans") << "named, but in none of the owner's organisations now";
  EXPECT_EQ(display_name(people[0], {people[0], people[2]}), "Tom Evans");
}

TEST(AboutMeItems, TextNeedsWordsAndKeepsLineBreaks) {
  ItemInput in{.kind = ItemKind::text, .title = "  What matters  ", .body = "\r\n  "};
  EXPECT_EQ(fields(validate_item(in)), std::vector<std::string>{"body:about_me.error.body_missing"});
  in.body = "  Line one\r\nLine two\n\n";
  in.caption = "ignored";
  EXPECT_TRUE(validate_item(in).empty());
  EXPECT_EQ(in.title, "What matters");
  EXPECT_EQ(in.body, "Line one\nLine two");
  EXPECT_EQ(in.caption, "") << "fields of other kinds are dropped";
}

TEST(AboutMeItems, LimitsCountCharactersNotBytes) {
  ItemInput in{.kind = ItemKind::text};
  in.body = std::string(kMaxBody, 'a');
  EXPECT_TRUE(validate_item(in).empty());
  std::string welsh;
  for (size_t i = 0; i < kMaxBody; ++i) welsh += "ŵ";
  in.body = welsh;
  EXPECT_TRUE(validate_item(in).empty()) << "5,000 Welsh letters are 10,000 bytes but still fit";
  in.body += "a";
  EXPECT_EQ(fields(validate_item(in)), std::vector<std::string>{"body:about_me.error.body_long"});
  in.body = "ok";
  in.title = std::string(kMaxTitle + 1, 'x');
  EXPECT_EQ(fields(validate_item(in)), std::vector<std::string>{"title:about_me.error.title_long"});
}

TEST(AboutMeItems, APhotoNeedsADescription) {
  ItemInput in{.kind = ItemKind::photo, .title = "dropped", .caption = " "};
  EXPECT_EQ(fields(validate_item(in)), std::vector<std::string>{"caption:about_me.error.caption_missing"});
  in.caption = "Me and my dog Pero on the beach";
  EXPECT_TRUE(validate_item(in).empty());
  EXPECT_EQ(in.title, "");
  in.caption = std::string(kMaxCaption + 1, 'c');
  EXPECT_EQ(fields(validate_item(in)), std::vector<std::string>{"caption:about_me.error.caption_long"});
}

TEST(AboutMeItems, RecordingsAndVideosNeedATitleAndTheTranscriptIsOptional) {
  ItemInput audio{.kind = ItemKind::audio};
  EXPECT_EQ(fields(validate_item(audio)), std::vector<std::string>{"title:about_me.error.title_missing_audio"});
  ItemInput video{.kind = ItemKind::video, .transcript = std::string(kMaxTranscript + 1, 't')};
  EXPECT_EQ(fields(validate_item(video)), (std::vector<std::string>{"title:about_me.error.title_missing_video",
                                                                    "transcript:about_me.error.transcript_long"}));
  video.title = "My morning";
  video.transcript = "I wake up at seven.";
  video.body = "dropped";
  EXPECT_TRUE(validate_item(video).empty());
  EXPECT_EQ(video.body, "");
}

TEST(AboutMeItems, TheIntroIsOptionalButNotEndless) {
  std::string intro = "  Hello  ";
  EXPECT_TRUE(validate_intro(intro).empty());
  EXPECT_EQ(intro, "Hello");
  intro = std::string(kMaxIntro + 1, 'i');
  EXPECT_EQ(fields(validate_intro(intro)), std::vector<std::string>{"intro:about_me.error.intro_long"});
}

TEST(AboutMeMoves, UpAndDownStopAtTheEnds) {
  EXPECT_EQ(swap_with(0, 3, Direction::up), std::nullopt);
  EXPECT_EQ(swap_with(1, 3, Direction::up), 0u);
  EXPECT_EQ(swap_with(1, 3, Direction::down), 2u);
  EXPECT_EQ(swap_with(2, 3, Direction::down), std::nullopt);
  EXPECT_EQ(swap_with(0, 1, Direction::down), std::nullopt);
  EXPECT_EQ(swap_with(5, 3, Direction::up), std::nullopt);
  EXPECT_EQ(parse_direction("up"), Direction::up);
  EXPECT_EQ(parse_direction("down"), Direction::down);
  EXPECT_EQ(parse_direction("sideways"), std::nullopt);
}

}  // namespace
}  // namespace roundtable::about_me
