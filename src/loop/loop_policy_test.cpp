#include "loop/loop_policy.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/london_time.hpp"
#include "loop/loop.hpp"
#include "loop/loop_words.hpp"

namespace roundtable::loop::policy {
namespace {

using core::Role;

// The people asking, one column each:
//   L the group's lead facilitator, F a facilitator, M a member, O an observer (all organisation members);
//   o an organisation member outside the group, A an organisation admin outside it (two-step passed), a the same
//   without two-step.
const Actor kActors[] = {
    {Role::member, false, GroupRole::lead},   {Role::member, false, GroupRole::facilitator},
    {Role::member, false, GroupRole::member}, {Role::member, false, GroupRole::observer},
    {Role::member, false, std::nullopt},      {Role::org_admin, true, std::nullopt},
    {Role::org_admin, false, std::nullopt},
};
constexpr const char* kColumns = "LFMOoAa";

// Facts: visibility, archived, sees the contribution (its module's resolver found it for the person).
const Facts kSeen{Visibility::organisation, false, true};
const Facts kNotSeen{Visibility::organisation, false, false};
const Facts kArchived{Visibility::organisation, true, true};
const Facts kMembersOnly{Visibility::members, false, false};
const Facts kOrganisation{Visibility::organisation, false, false};
const Facts kPublic{Visibility::everyone, false, false};

struct Row {
  Action action;
  Facts facts;
  const char* facts_name;
  const char* verdicts;  // in kColumns' order: Y allow, N deny (404), T two-step sign-in first
};
const Row kTable[] = {
    //                                                                    LFMOoAa
    // The timeline: whoever the contribution's module lets see it (the resolver decides who that is).
    {Action::see_timeline, kSeen, "a contribution the person sees", /*  */ "YYYYYYY"},
    {Action::see_timeline, kNotSeen, "a contribution hidden from them", "NNNNNNN"},
    // Saying what happened next: the people who run the group, while it is active.
    {Action::set_status, kSeen, "a contribution the person sees", /*    */ "YYNNNNN"},
    {Action::set_status, kNotSeen, "a contribution hidden from them", /**/ "NNNNNNN"},
    {Action::set_status, kArchived, "an archived group", /*             */ "NNNNNNN"},
    // "You said, we did": whoever may see the group.
    {Action::see_group_page, kMembersOnly, "a members-only group", /*   */ "YYYYNYT"},
    {Action::see_group_page, kOrganisation, "a group the organisation sees", "YYYYYYY"},
    {Action::see_group_page, kPublic, "a public group", /*              */ "YYYYYYY"},
    // Without signing in: public groups only.
    {Action::see_public_page, kMembersOnly, "a members-only group", /*  */ "NNNNNNN"},
    {Action::see_public_page, kOrganisation, "a group the organisation sees", "NNNNNNN"},
    {Action::see_public_page, kPublic, "a public group", /*             */ "YYYYYYY"},
    // The contributions themselves on those pages (timeline links, a topic's easy-read summary): the group's people,
    // whatever the group's visibility; anyone reading the public page has no group role, so never.
    {Action::see_contributions, kMembersOnly, "a members-only group", /**/ "YYYYNNN"},
    {Action::see_contributions, kOrganisation, "a group the organisation sees", "YYYYNNN"},
    {Action::see_contributions, kPublic, "a public group", /*           */ "YYYYNNN"},
};

char letter(Verdict v) {
  switch (v) {
    case Verdict::allow: return 'Y';
    case Verdict::deny: return 'N';
    case Verdict::need_two_step: return 'T';
  }
  return '?';
}

TEST(LoopPolicy, Table) {
  for (const auto& row : kTable) {
    std::string got;
    for (const auto& actor : kActors) got += letter(allows(actor, row.action, row.facts));
    EXPECT_EQ(got, row.verdicts) << action_name(row.action) << " on " << row.facts_name << " (" << kColumns << ")";
  }
}

TEST(LoopPolicy, EveryActionHasRows) {
  for (Action a : kAllActions) {
    bool found = false;
    for (const auto& row : kTable) found = found || row.action == a;
    EXPECT_TRUE(found) << action_name(a);
  }
}

// The status form: plain-words errors for each status's required field, and the day "not now" lasts until.
std::string problems_of(const StatusForm& form, NewChange& out) {
  std::string got;
  for (const auto& p : check_status(form, core::days_from_civil(2026, 12, 6), out)) {
    got += (got.empty() ? "" : " ") + p.field + ":" + p.key;
  }
  return got;
}

TEST(LoopForm, Checks) {
  struct Case {
    const char* name;
    StatusForm form;
    const char* problems;
  };
  const Case cases[] = {
      {"nothing chosen", {"", "", "", "", "", "Evening meetings", "k"}, "status:loop.error.status_missing"},
      {"no you said", {"under_way", "", "", "", "", "", "k"}, "you_said:loop.error.you_said_missing"},
      {"under way", {"under_way", "", "", "", "", "Evening meetings", "k"}, ""},
      {"changed without what",
       {"changed", "", "", "", "", "Evening meetings", "k"},
       "detail:loop.error.what_changed_missing"},
      {"changed", {"changed", "Moved to 5.30pm", "", "", "", "Evening meetings", "k"}, ""},
      {"decided against without why",
       {"decided_against", "", "", "", "", "Evening meetings", "k"},
       "detail:loop.error.why_missing"},
      {"not now without a date",
       {"not_now", "", "", "", "", "Evening meetings", "k"},
       "until-day:loop.error.until_missing"},
      {"not now, no such date",
       {"not_now", "", "31", "2", "2027", "Evening meetings", "k"},
       "until-day:loop.error.until_invalid"},
      {"not now, today",
       {"not_now", "", "6", "12", "2026", "Evening meetings", "k"},
       "until-day:loop.error.until_past"},
      {"not now", {"not_now", "", "1", "3", "2027", "Evening meetings", "k"}, ""},
      {"an unknown status", {"maybe", "", "", "", "", "Evening meetings", "k"}, "status:loop.error.status_missing"},
      {"easy read too long",
       {"changed", "Moved", "", "", "", "Evening meetings", "k", std::string(501, 'a')},
       "easy_read:loop.error.easy_read_long"},
      {"easy read at the limit, in Welsh letters",
       {"changed", "Moved", "", "", "", "Evening meetings", "k",
        [] {
          std::string w;
          for (int i = 0; i < 500; ++i) w += "ŵ";
          return w;
        }()},
       ""},
  };
  for (const auto& c : cases) {
    NewChange out;
    EXPECT_EQ(problems_of(c.form, out), c.problems) << c.name;
  }
  NewChange out;
  ASSERT_EQ(problems_of({"not_now", "", "1", "3", "2027", "Evening meetings", "k"}, out), "");
  EXPECT_EQ(out.until, "2027-03-01");
  EXPECT_EQ(out.status, Status::not_now);
  ASSERT_EQ(problems_of({"changed", "Moved", "", "", "", "Evening meetings", "k"}, out), "");
  EXPECT_EQ(out.detail, "Moved");
  EXPECT_EQ(out.you_said, "Evening meetings");
  EXPECT_EQ(out.easy_read, "");
  ASSERT_EQ(problems_of({"changed", "Moved", "", "", "", "Evening meetings", "k", "We moved it."}, out), "");
  EXPECT_EQ(out.easy_read, "We moved it.");
}

TEST(LoopForm, StatusCodes) {
  for (Status s : kAllStatuses) EXPECT_EQ(parse_status(status_code(s)), s);
  EXPECT_FALSE(parse_status("done"));
}

// "We did: ..." in plain words, in both languages, with the day "not now" lasts until.
TEST(LoopWords, WeDid) {
  const core::Translator en(core::Messages::embedded(), core::Lang::en);
  const core::Translator cy(core::Messages::embedded(), core::Lang::cy);
  EXPECT_EQ(we_did(en, Status::under_way, "", ""), "We are working on it.");
  EXPECT_EQ(we_did(en, Status::under_way, "We asked everyone.", ""), "We are working on it. We asked everyone.");
  EXPECT_EQ(we_did(en, Status::changed, "Meetings start at 6pm.", ""), "We changed something: Meetings start at 6pm.");
  EXPECT_EQ(we_did(en, Status::decided_against, "No money.", ""), "We decided not to do it. Why: No money.");
  EXPECT_EQ(we_did(en, Status::not_now, "", "2027-03-01"), "Not now. We will look at it again by 1 March 2027.");
  EXPECT_EQ(we_did(cy, Status::changed, "Mae'r cyfarfodydd am 6pm.", ""),
            "Fe wnaethon ni newid rhywbeth: Mae'r cyfarfodydd am 6pm.");
  EXPECT_EQ(until_words(en, "2027-02-30"), "");
  EXPECT_EQ(until_words(en, "soon"), "");
  for (Status st : kAllStatuses) {
    EXPECT_NE(status_name(en, st), status_name(cy, st)) << status_code(st);
  }
}

// The easy-read words: one idea a line, the easy-read sentence in place of the standard words when there is one, and
// "not now" by month, in both languages.
TEST(LoopWords, WeDidEasyRead) {
  const core::Translator en(core::Messages::embedded(), core::Lang::en);
  const core::Translator cy(core::Messages::embedded(), core::Lang::cy);
  using Lines = std::vector<std::string>;
  EXPECT_EQ(we_did_easy(en, Status::under_way, "", "", ""), Lines{"We are doing this now."});
  EXPECT_EQ(we_did_easy(en, Status::under_way, "We asked everyone which times suit.", "We asked people.", ""),
            (Lines{"We are doing this now.", "We asked people."}));
  EXPECT_EQ(we_did_easy(en, Status::changed, "Meetings start at 6pm.", "", ""),
            Lines{"We changed something: Meetings start at 6pm."});
  EXPECT_EQ(we_did_easy(en, Status::changed, "Meetings start at 6pm.", "Meetings are in the evening.", ""),
            Lines{"We changed something: Meetings are in the evening."});
  EXPECT_EQ(we_did_easy(en, Status::decided_against, "No budget this year.", "We have no money.", ""),
            (Lines{"We decided not to do this.", "This is why: We have no money."}));
  EXPECT_EQ(we_did_easy(en, Status::not_now, "", "", "2027-03-01"),
            (Lines{"Not now.", "We will look at this again in March 2027."}));
  EXPECT_EQ(we_did_easy(cy, Status::not_now, "", "Ar ôl yr haf.", "2027-03-01"),
            (Lines{"Dim nawr.", "Byddwn ni'n edrych ar hyn eto ym mis Mawrth 2027.", "Ar ôl yr haf."}));
  EXPECT_EQ(until_month_words(en, "2027-02-30"), "");
}

}  // namespace
}  // namespace roundtable::loop::policy
