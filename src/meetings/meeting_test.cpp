// The meetings service on both databases: scheduling once however often the form is sent, changing and calling off,
// replies (one per person, changeable until the meeting starts, only from the group's people), the checklist, the
// list's order, and nothing reaching another organisation's meetings.
#include <gtest/gtest.h>

#include <string>

#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "groups/group_service.hpp"
#include "meetings/meeting_service.hpp"
#include "organisations/organisation_service.hpp"
#include "testing/world.hpp"

namespace roundtable::meetings {
namespace {

using db::testing::run;
using organisations::Role;

using core::kHour, core::kDay;

class MeetingsOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    south = world->organisation("south", "South Forum");
    admin = world->member("north", "sian@example.org", "Siân", Role::org_admin);
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth");
    mair = world->member("north", "mair@example.org", "Mair");
    ngozi = world->member("north", "ngozi@example.org", "Ngozi");
    priya = world->member("north", "priya@example.org", "Priya");
    rhys = world->member("south", "rhys@example.org", "Rhys", Role::org_admin);
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Steering group";
    g.purpose = "Steers.";
    board = run(groups->create_group(north, tom, g, "board-key-123456789"));
    groups->add_member_now(north, board, gareth, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, board, mair, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, board, ngozi, GroupRole::observer, clock.now_seconds());
    service = std::make_unique<MeetingService>(*world->db, clock);
  }
  MeetingDetails details(const std::string& title, long long in_days = 7) {
    MeetingDetails d;
    d.title = title;
    d.purpose = "Agree the plan.";
    d.starts_at = clock.now_seconds() + in_days * kDay;
    d.ends_at = d.starts_at + 2 * kHour;
    d.venue = "Hall";
    d.access = {Access::step_free};
    return d;
  }
  long long schedule(const std::string& title, long long in_days = 7) {
    return run(service->schedule_meeting(north, board, tom, details(title, in_days), "key-" + title + "-123456789"));
  }
  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<MeetingService> service;
  long long north = 0, south = 0, admin = 0, tom = 0, gareth = 0, mair = 0, ngozi = 0, priya = 0, rhys = 0, board = 0;
};

TEST_P(MeetingsOnBackend, TheSameFormSentTwiceSchedulesOnce) {
  const auto d = details("December");
  const long long first = run(service->schedule_meeting(north, board, tom, d, "same-key-123456789"));
  ASSERT_GT(first, 0);
  EXPECT_EQ(run(service->schedule_meeting(north, board, tom, d, "same-key-123456789")), first);
  EXPECT_EQ(world->count("meetings"), 1);
  const auto v = run(service->meeting_for(north, first, tom));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->group_role, GroupRole::lead);
  EXPECT_EQ(v->meeting.group_name, "Steering group");
  EXPECT_EQ(v->meeting.details.starts_at, d.starts_at);
  ASSERT_EQ(v->meeting.details.access.size(), 1u);
  // Not into a group of another organisation.
  EXPECT_EQ(run(service->schedule_meeting(south, board, rhys, d, "south-key-123456789")), 0);
}

TEST_P(MeetingsOnBackend, ChangedAndCalledOffWithAReason) {
  const long long id = schedule("December");
  auto changed = details("December, moved", 8);
  changed.online_url = "https://meet.example.org/x";
  EXPECT_TRUE(run(service->update_meeting(north, id, changed)));
  auto v = run(service->meeting_for(north, id, gareth));
  EXPECT_EQ(v->meeting.details.title, "December, moved");
  EXPECT_EQ(v->meeting.details.online_url, "https://meet.example.org/x");
  EXPECT_TRUE(run(service->cancel_meeting(north, id, "The venue flooded.")));
  EXPECT_FALSE(run(service->cancel_meeting(north, id, "Again"))) << "once";
  v = run(service->meeting_for(north, id, gareth));
  EXPECT_TRUE(v->meeting.cancelled());
  EXPECT_EQ(v->meeting.cancel_reason, "The venue flooded.");
  EXPECT_FALSE(run(service->update_meeting(north, id, changed))) << "not once called off";
  EXPECT_EQ(run(service->reply(north, id, gareth, {})), ReplyOutcome::closed);
  // Still listed, as called off.
  const auto list = run(service->group_meetings(north, board, gareth));
  ASSERT_TRUE(list);
  ASSERT_EQ(list->meetings.size(), 1u);
  EXPECT_TRUE(list->meetings[0].cancelled);
}

TEST_P(MeetingsOnBackend, OneReplyPerPersonChangeableUntilItStarts) {
  const long long id = schedule("December");
  RsvpDetails r{Answer::going, {Need::bsl_interpreter, Need::large_print}, "", "", "See you"};
  EXPECT_EQ(run(service->reply(north, id, gareth, r)), ReplyOutcome::done);
  EXPECT_EQ(run(service->reply(north, id, gareth, r)), ReplyOutcome::done);
  EXPECT_EQ(world->count("meeting_rsvps"), 1) << "sent twice, one reply";
  r.answer = Answer::maybe;
  r.needs = {Need::other_interpreter};
  r.interpreter_language = "Polish";
  EXPECT_EQ(run(service->reply(north, id, gareth, r)), ReplyOutcome::done);
  auto v = run(service->meeting_for(north, id, gareth));
  ASSERT_TRUE(v->mine);
  EXPECT_EQ(v->mine->answer, Answer::maybe);
  EXPECT_EQ(v->mine->interpreter_language, "Polish");
  EXPECT_EQ(v->meeting.maybe, 1);
  EXPECT_EQ(world->count("meeting_rsvps"), 1);
  // Tom runs the group and comes too; observers read along, and people outside the group are not in it.
  EXPECT_EQ(run(service->reply(north, id, tom, {Answer::going, {}, "", "", ""})), ReplyOutcome::done);
  EXPECT_EQ(run(service->reply(north, id, ngozi, r)), ReplyOutcome::not_in_group);
  EXPECT_EQ(run(service->reply(north, id, priya, r)), ReplyOutcome::not_in_group);
  EXPECT_EQ(run(service->reply(south, id, rhys, r)), ReplyOutcome::closed);
  // Once it starts, replies are closed.
  clock.advance(std::chrono::seconds(7 * kDay));
  EXPECT_EQ(run(service->reply(north, id, gareth, r)), ReplyOutcome::closed);
  EXPECT_FALSE(run(service->cancel_meeting(north, id, "Too late")));
}

TEST_P(MeetingsOnBackend, TheChecklistListsTheGroupWithWhatEachPersonNeeds) {
  const long long id = schedule("December");
  run(service->reply(north, id, gareth, {Answer::going, {Need::bsl_interpreter, Need::supporter}, "", "", ""}));
  run(service->reply(north, id, mair, {Answer::going, {Need::bsl_interpreter, Need::large_print}, "", "", ""}));
  const auto list = run(service->checklist(north, id, tom));
  ASSERT_TRUE(list);
  // Tom's look is recorded against each person whose needs he saw.
  EXPECT_EQ(world->count("audit_log WHERE action = 'needs_viewed' AND detail = 'meeting:" + std::to_string(id) +
                         "' AND actor_user_id = " + std::to_string(tom)),
            2);
  // Gareth, Mair and Tom (no reply yet); Ngozi observes and did not reply.
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].name, "Gareth");
  EXPECT_EQ((*list)[2].name, "Tom");
  EXPECT_FALSE((*list)[2].reply);
  const auto counts = count_needs(*list);
  EXPECT_EQ(counts.going, 2);
  EXPECT_EQ(counts.no_reply, 1);
  EXPECT_EQ(counts.need[0], 2) << "2 need a BSL interpreter";
  // Someone who leaves the group drops off the checklist and the counts; leaving the organisation takes the reply.
  run(groups->remove_member(north, board, tom, gareth));
  EXPECT_EQ(run(service->checklist(north, id, tom))->size(), 2u);
  EXPECT_EQ(run(service->meeting_for(north, id, tom))->meeting.going, 1);
  run(world->organisations->remove_member(admin, north, mair));
  EXPECT_EQ(world->count("meeting_rsvps WHERE user_id = " + std::to_string(mair)), 0);
}

TEST_P(MeetingsOnBackend, TheChecklistTicksWhatIsArrangedAndCountsWhatIsNot) {
  const long long id = schedule("December");
  run(service->reply(north, id, gareth, {Answer::going, {Need::bsl_interpreter, Need::supporter}, "", "", ""}));
  run(service->reply(north, id, mair, {Answer::maybe, {Need::large_print}, "", "", ""}));
  run(service->reply(north, id, tom, {Answer::not_going, {Need::travel_expenses}, "", "", ""}));
  auto unmet = [&] { return unmet_support(*run(service->checklist(north, id, tom))); };
  EXPECT_EQ(unmet(), 3) << "Gareth's two and Mair's one; Tom is not coming";
  EXPECT_TRUE(run(service->mark_arranged(north, id, tom, gareth, Need::bsl_interpreter, true)));
  EXPECT_TRUE(run(service->mark_arranged(north, id, tom, gareth, Need::bsl_interpreter, true))) << "twice is once";
  EXPECT_EQ(world->count("meeting_support_arranged"), 1);
  EXPECT_EQ(unmet(), 2);
  const auto list = run(service->checklist(north, id, tom));
  ASSERT_TRUE(list);
  EXPECT_TRUE((*list)[0].is_arranged(Need::bsl_interpreter)) << (*list)[0].name;
  EXPECT_FALSE((*list)[0].is_arranged(Need::supporter));
  // Only what the person asked for, while they are coming; only this organisation's meetings.
  EXPECT_FALSE(run(service->mark_arranged(north, id, tom, gareth, Need::dietary, true)));
  EXPECT_FALSE(run(service->mark_arranged(north, id, tom, tom, Need::travel_expenses, true))) << "not going";
  EXPECT_FALSE(run(service->mark_arranged(north, id, tom, ngozi, Need::large_print, true))) << "no reply";
  EXPECT_FALSE(run(service->mark_arranged(south, id, rhys, gareth, Need::supporter, true)));
  EXPECT_EQ(world->count("meeting_support_arranged"), 1);
  // Unticked, and ticked again.
  EXPECT_TRUE(run(service->mark_arranged(north, id, tom, gareth, Need::bsl_interpreter, false)));
  EXPECT_EQ(unmet(), 3);
  EXPECT_TRUE(run(service->mark_arranged(north, id, tom, gareth, Need::bsl_interpreter, true)));
  EXPECT_TRUE(run(service->mark_arranged(north, id, tom, mair, Need::large_print, true)));
  EXPECT_EQ(unmet(), 1);
  // Gareth changes his reply: no BSL interpreter now, so its tick goes; asked for again, it is to arrange again.
  run(service->reply(north, id, gareth, {Answer::going, {Need::supporter}, "", "", ""}));
  EXPECT_EQ(world->count("meeting_support_arranged WHERE user_id = " + std::to_string(gareth)), 0);
  run(service->reply(north, id, gareth, {Answer::going, {Need::supporter, Need::bsl_interpreter}, "", "", ""}));
  EXPECT_EQ(unmet(), 2);
  // Mair leaves the organisation: her reply and its tick go.
  run(world->organisations->remove_member(admin, north, mair));
  EXPECT_EQ(world->count("meeting_support_arranged WHERE user_id = " + std::to_string(mair)), 0);
}

TEST_P(MeetingsOnBackend, UpcomingFirstSoonestFirstThenPastLatestFirst) {
  const long long later = schedule("Later", 20);
  const long long soon = schedule("Soon", 2);
  clock.advance(std::chrono::seconds(-30 * kDay));
  const long long old = schedule("Old", 0);
  const long long older = schedule("Older", -5);
  clock.advance(std::chrono::seconds(30 * kDay));
  run(service->reply(north, soon, mair, {Answer::going, {}, "", "", ""}));
  const auto list = run(service->group_meetings(north, board, mair));
  ASSERT_TRUE(list);
  ASSERT_EQ(list->meetings.size(), 4u);
  EXPECT_EQ(list->meetings[0].id, soon);
  EXPECT_EQ(list->meetings[1].id, later);
  EXPECT_EQ(list->meetings[2].id, old);
  EXPECT_EQ(list->meetings[3].id, older);
  EXPECT_EQ(list->meetings[0].mine, Answer::going);
  EXPECT_EQ(list->meetings[0].going, 1);
  EXPECT_FALSE(list->meetings[1].mine);
}

TEST_P(MeetingsOnBackend, AnotherOrganisationSeesNothing) {
  const long long id = schedule("December");
  EXPECT_FALSE(run(service->meeting_for(south, id, rhys)));
  EXPECT_FALSE(run(service->group_meetings(south, board, rhys)));
  EXPECT_FALSE(run(service->checklist(south, id, rhys)));
  EXPECT_FALSE(run(service->update_meeting(south, id, details("Mine now"))));
  EXPECT_FALSE(run(service->cancel_meeting(south, id, "No")));
  EXPECT_EQ(run(service->reply(south, id, rhys, {})), ReplyOutcome::closed);
}

TEST_P(MeetingsOnBackend, AnArchivedGroupsMeetingsAreReadOnly) {
  const long long id = schedule("December");
  ASSERT_TRUE(run(groups->set_archived(north, board, tom, true)));
  EXPECT_TRUE(run(service->meeting_for(north, id, gareth)));
  EXPECT_EQ(run(service->reply(north, id, gareth, {})), ReplyOutcome::closed);
  EXPECT_FALSE(run(service->update_meeting(north, id, details("New"))));
  EXPECT_FALSE(run(service->cancel_meeting(north, id, "No")));
  EXPECT_EQ(run(service->schedule_meeting(north, board, tom, details("New"), "new-key-123456789")), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, MeetingsOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::meetings
