#include "meetings/meeting_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::meetings::policy {
namespace {

using core::Role;
using groups::Visibility;

// The people asking, one column each:
//   L the group's lead facilitator, F a facilitator, M a member, O an observer (all organisation members);
//   o an organisation member outside the group, f an organisation facilitator outside it,
//   A an organisation admin outside it (two-step passed), a the same without two-step.
const Actor kActors[] = {
    {Role::member, false, GroupRole::lead},   {Role::member, false, GroupRole::facilitator},
    {Role::member, false, GroupRole::member}, {Role::member, false, GroupRole::observer},
    {Role::member, false, std::nullopt},      {Role::facilitator, false, std::nullopt},
    {Role::org_admin, true, std::nullopt},    {Role::org_admin, false, std::nullopt},
};
constexpr const char* kColumns = "LFMOofAa";

// A meeting to come in a group the organisation sees; in a members-only group; in an archived group; called off;
// started (or over).
const Facts kComing{Visibility::organisation, false, false, false};
const Facts kMembersOnly{Visibility::members, false, false, false};
const Facts kArchived{Visibility::organisation, true, false, false};
const Facts kCancelled{Visibility::organisation, false, true, false};
const Facts kStarted{Visibility::organisation, false, false, true};
// A session of a series open to the organisation, in a members-only group: to come; started; called off; in an
// archived group.
const Facts kOpen{Visibility::members, false, false, false, true};
const Facts kOpenStarted{Visibility::members, false, false, true, true};
const Facts kOpenCancelled{Visibility::members, false, true, false, true};
const Facts kOpenArchived{Visibility::members, true, false, false, true};

// One row per action and situation; Y allow, N deny (404), T two-step sign-in first.
struct Row {
  Action action;
  Facts facts;
  const char* facts_name;
  const char* verdicts;  // in kColumns' order
};
const Row kTable[] = {
    //                                                             LFMOofAa
    // Whoever may see the group sees its meetings.
    {Action::list_meetings, kComing, "a group the organisation sees", "YYYYYYYY"},
    {Action::list_meetings, kMembersOnly, "a members-only group", /* */ "YYYYNNYT"},
    {Action::list_meetings, kArchived, "an archived group", /*      */ "YYYYYYYY"},
    {Action::see_meeting, kComing, "one to come", /*                */ "YYYYYYYY"},
    {Action::see_meeting, kMembersOnly, "a members-only group's", /**/ "YYYYNNYT"},
    {Action::see_meeting, kCancelled, "a called-off one", /*        */ "YYYYYYYY"},
    {Action::see_meeting, kStarted, "a past one", /*                */ "YYYYYYYY"},
    // The people who run the group arrange meetings.
    {Action::schedule_meeting, kComing, "an active group", /*       */ "YYNNNNYT"},
    {Action::schedule_meeting, kMembersOnly, "a members-only group", "YYNNNNYT"},
    {Action::schedule_meeting, kArchived, "an archived group", /*   */ "NNNNNNNN"},
    {Action::edit_meeting, kComing, "one to come", /*               */ "YYNNNNYT"},
    {Action::edit_meeting, kStarted, "a past one (to correct it)", /**/ "YYNNNNYT"},
    {Action::edit_meeting, kCancelled, "a called-off one", /*       */ "NNNNNNNN"},
    {Action::edit_meeting, kArchived, "an archived group's", /*     */ "NNNNNNNN"},
    {Action::cancel_meeting, kComing, "one to come", /*             */ "YYNNNNYT"},
    {Action::cancel_meeting, kStarted, "a started one", /*          */ "NNNNNNNN"},
    {Action::cancel_meeting, kCancelled, "a called-off one", /*     */ "NNNNNNNN"},
    {Action::cancel_meeting, kArchived, "an archived group's", /*   */ "NNNNNNNN"},
    // The group's people reply; observers read along, and people outside the group are not in it.
    {Action::reply, kComing, "one to come", /*                      */ "YYYNNNNN"},
    {Action::reply, kMembersOnly, "a members-only group's", /*      */ "YYYNNNNN"},
    {Action::reply, kStarted, "a started one", /*                   */ "NNNNNNNN"},
    {Action::reply, kCancelled, "a called-off one", /*              */ "NNNNNNNN"},
    {Action::reply, kArchived, "an archived group's", /*            */ "NNNNNNNN"},
    // What people need is for the people who run the group only, even after the meeting.
    {Action::see_checklist, kComing, "one to come", /*              */ "YYNNNNYT"},
    {Action::see_checklist, kMembersOnly, "a members-only group's", /**/ "YYNNNNYT"},
    {Action::see_checklist, kStarted, "a past one", /*              */ "YYNNNNYT"},
    {Action::see_checklist, kCancelled, "a called-off one", /*      */ "YYNNNNYT"},
    {Action::see_checklist, kArchived, "an archived group's", /*    */ "YYNNNNYT"},
    // The agenda, papers, minutes and actions are the group's own: observers read them, people outside get 404.
    {Action::see_agenda, kComing, "one to come", /*                 */ "YYYYNNYT"},
    {Action::see_agenda, kMembersOnly, "a members-only group's", /* */ "YYYYNNYT"},
    {Action::see_agenda, kStarted, "a past one", /*                 */ "YYYYNNYT"},
    {Action::see_agenda, kCancelled, "a called-off one", /*         */ "YYYYNNYT"},
    {Action::see_agenda, kArchived, "an archived group's", /*       */ "YYYYNNYT"},
    // The group's people propose items until it starts; observers read only.
    {Action::propose_item, kComing, "one to come", /*               */ "YYYNNNNN"},
    {Action::propose_item, kMembersOnly, "a members-only group's", /**/ "YYYNNNNN"},
    {Action::propose_item, kStarted, "a started one", /*            */ "NNNNNNNN"},
    {Action::propose_item, kCancelled, "a called-off one", /*       */ "NNNNNNNN"},
    {Action::propose_item, kArchived, "an archived group's", /*     */ "NNNNNNNN"},
    // The people who run the group run the agenda and record the meeting, before and after it.
    {Action::run_agenda, kComing, "one to come", /*                 */ "YYNNNNYT"},
    {Action::run_agenda, kStarted, "a past one", /*                 */ "YYNNNNYT"},
    {Action::run_agenda, kCancelled, "a called-off one", /*         */ "NNNNNNNN"},
    {Action::run_agenda, kArchived, "an archived group's", /*       */ "NNNNNNNN"},
    {Action::record_meeting, kComing, "one to come", /*             */ "YYNNNNYT"},
    {Action::record_meeting, kMembersOnly, "a members-only group's", "YYNNNNYT"},
    {Action::record_meeting, kStarted, "a past one", /*             */ "YYNNNNYT"},
    {Action::record_meeting, kCancelled, "a called-off one", /*     */ "NNNNNNNN"},
    {Action::record_meeting, kArchived, "an archived group's", /*   */ "NNNNNNNN"},
    // "Find a time" polls (started: the poll has closed). The group's own people see them, observers too.
    {Action::see_polls, kComing, "an open poll", /*                 */ "YYYYNNYT"},
    {Action::see_polls, kMembersOnly, "a members-only group's", /*  */ "YYYYNNYT"},
    {Action::see_polls, kStarted, "a closed poll", /*               */ "YYYYNNYT"},
    {Action::see_polls, kArchived, "an archived group's", /*        */ "YYYYNNYT"},
    // Members answer until it closes; observers and people outside the group do not.
    {Action::answer_poll, kComing, "an open poll", /*               */ "YYYNNNNN"},
    {Action::answer_poll, kMembersOnly, "a members-only group's", /**/ "YYYNNNNN"},
    {Action::answer_poll, kStarted, "a closed poll", /*             */ "NNNNNNNN"},
    {Action::answer_poll, kArchived, "an archived group's", /*      */ "NNNNNNNN"},
    // The people who run the group run polls, open or closed (to reopen one or schedule from it).
    {Action::run_poll, kComing, "an open poll", /*                  */ "YYNNNNYT"},
    {Action::run_poll, kMembersOnly, "a members-only group's", /*   */ "YYNNNNYT"},
    {Action::run_poll, kStarted, "a closed poll", /*                */ "YYNNNNYT"},
    {Action::run_poll, kArchived, "an archived group's", /*         */ "NNNNNNNN"},
    // An open session: everyone in the organisation sees it and replies until it starts, in or out of the group
    // (a closed meeting of the same group is kMembersOnly above: o and f get 404). People outside the organisation
    // never reach the policy: the organisation's routes answer them 404.
    {Action::see_meeting, kOpen, "an open session", /*              */ "YYYYYYYY"},
    {Action::see_meeting, kOpenStarted, "a past open session", /*   */ "YYYYYYYY"},
    {Action::see_meeting, kOpenArchived, "an archived open session", "YYYYYYYY"},
    {Action::reply, kOpen, "an open session", /*                    */ "YYYYYYYY"},
    {Action::reply, kOpenStarted, "a started open session", /*      */ "NNNNNNNN"},
    {Action::reply, kOpenCancelled, "a called-off open session", /**/ "NNNNNNNN"},
    {Action::reply, kOpenArchived, "an archived open session", /*   */ "NNNNNNNN"},
    // The rest stays the group's, open or not.
    {Action::list_meetings, kOpen, "a members-only group", /*       */ "YYYYNNYT"},
    {Action::see_agenda, kOpen, "an open session", /*               */ "YYYYNNYT"},
    {Action::propose_item, kOpen, "an open session", /*             */ "YYYNNNNN"},
    {Action::see_checklist, kOpen, "an open session", /*            */ "YYNNNNYT"},
    {Action::record_meeting, kOpen, "an open session", /*           */ "YYNNNNYT"},
    {Action::edit_meeting, kOpen, "an open session", /*             */ "YYNNNNYT"},
};

char letter(Verdict v) { return v == Verdict::allow ? 'Y' : v == Verdict::need_two_step ? 'T' : 'N'; }

TEST(MeetingPolicy, Table) {
  for (const auto& row : kTable) {
    std::string got;
    for (const auto& actor : kActors) got += letter(allows(actor, row.action, row.facts));
    EXPECT_EQ(got, row.verdicts) << action_name(row.action) << " on " << row.facts_name << " (columns " << kColumns
                                 << ")";
  }
}

TEST(MeetingPolicy, EveryActionHasRowsAndAName) {
  for (int i = static_cast<int>(Action::list_meetings); i <= static_cast<int>(Action::run_poll); ++i) {
    const auto action = static_cast<Action>(i);
    bool found = false;
    for (const auto& row : kTable) found = found || row.action == action;
    EXPECT_TRUE(found) << action_name(action);
    EXPECT_NE(action_name(action), "meetings.unknown");
  }
}

}  // namespace
}  // namespace roundtable::meetings::policy
