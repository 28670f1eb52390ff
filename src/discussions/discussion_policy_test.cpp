#include "discussions/discussion_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::discussions::policy {
namespace {

// The people asking, one column each: L the group's lead facilitator, F a facilitator, M a member, O an observer,
// o someone outside the group (whatever their role in the organisation: the policy does not ask it).
const Actor kActors[] = {
    {GroupRole::lead}, {GroupRole::facilitator}, {GroupRole::member}, {GroupRole::observer}, {std::nullopt}};
constexpr const char* kColumns = "LFMOo";

//                   archived own    deleted hidden
const Facts kOther{false, false, false, false};
const Facts kOwn{false, true, false, false};
const Facts kHidden{false, false, false, true};
const Facts kOwnHidden{false, true, false, true};
const Facts kDeleted{false, false, true, false};
const Facts kOwnDeleted{false, true, true, false};
const Facts kArchived{true, false, false, false};
const Facts kArchivedOwn{true, true, false, false};

struct Row {
  Action action;
  Facts facts;
  const char* facts_name;
  const char* verdicts;  // in kColumns' order: Y allow, N deny (404)
};
const Row kTable[] = {
    //                                                              LFMOo
    {Action::see_discussion, kOther, "an active group", /*      */ "YYYYN"},
    {Action::see_discussion, kArchived, "an archived group", /* */ "YYYYN"},
    {Action::start_topic, kOther, "an active group", /*         */ "YYYNN"},
    {Action::start_topic, kArchived, "an archived group", /*    */ "NNNNN"},
    {Action::reply, kOther, "a topic", /*                       */ "YYYNN"},
    {Action::reply, kHidden, "a hidden topic", /*               */ "NNNNN"},
    {Action::reply, kDeleted, "a deleted topic", /*             */ "NNNNN"},
    {Action::reply, kArchived, "an archived group", /*          */ "NNNNN"},
    {Action::react, kOther, "someone else's post", /*           */ "YYYNN"},
    {Action::react, kOwn, "their own post", /*                  */ "NNNNN"},
    {Action::react, kHidden, "a hidden post", /*                */ "NNNNN"},
    {Action::react, kDeleted, "a deleted post", /*              */ "NNNNN"},
    {Action::react, kArchived, "an archived group", /*          */ "NNNNN"},
    {Action::follow, kOther, "a topic", /*                      */ "YYYYN"},
    {Action::follow, kArchived, "an archived group", /*         */ "NNNNN"},
    {Action::raise_at_meeting, kOther, "a topic", /*            */ "YYYNN"},
    {Action::raise_at_meeting, kHidden, "a hidden topic", /*    */ "NNNNN"},
    {Action::raise_at_meeting, kArchived, "archived", /*        */ "NNNNN"},
    {Action::edit_post, kOwn, "their own post", /*              */ "YYYYN"},
    {Action::edit_post, kOther, "someone else's post", /*       */ "NNNNN"},
    {Action::edit_post, kOwnHidden, "their own hidden post", /* */ "NNNNN"},
    {Action::edit_post, kOwnDeleted, "their deleted post", /*   */ "NNNNN"},
    {Action::edit_post, kArchivedOwn, "archived", /*            */ "NNNNN"},
    {Action::delete_post, kOwn, "their own post", /*            */ "YYYYN"},
    {Action::delete_post, kOwnHidden, "their hidden post", /*   */ "YYYYN"},
    {Action::delete_post, kOther, "someone else's post", /*     */ "NNNNN"},
    {Action::delete_post, kOwnDeleted, "deleted already", /*    */ "NNNNN"},
    {Action::delete_post, kArchivedOwn, "archived", /*          */ "NNNNN"},
    {Action::see_history, kOwn, "their own post", /*            */ "YYYYN"},
    {Action::see_history, kOther, "someone else's post", /*     */ "YYNNN"},
    {Action::see_history, kDeleted, "a deleted post", /*        */ "YYNNN"},
    {Action::see_history, kArchived, "archived", /*             */ "YYNNN"},
    {Action::report_post, kOther, "someone else's post", /*     */ "YYYYN"},
    {Action::report_post, kOwn, "their own post", /*            */ "NNNNN"},
    {Action::report_post, kHidden, "a hidden post", /*          */ "NNNNN"},
    {Action::report_post, kArchived, "archived", /*             */ "NNNNN"},
    {Action::hide_post, kOther, "a post", /*                    */ "YYNNN"},
    {Action::hide_post, kOwn, "their own post", /*              */ "YYNNN"},
    {Action::hide_post, kHidden, "hidden already", /*           */ "NNNNN"},
    {Action::hide_post, kDeleted, "a deleted post", /*          */ "NNNNN"},
    {Action::hide_post, kArchived, "archived", /*               */ "NNNNN"},
    {Action::unhide_post, kHidden, "a hidden post", /*          */ "YYNNN"},
    {Action::unhide_post, kOther, "a post not hidden", /*       */ "NNNNN"},
    {Action::see_reports, kOther, "an active group", /*         */ "YYNNN"},
    {Action::see_reports, kArchived, "an archived group", /*    */ "YYNNN"},
    {Action::dismiss_report, kOther, "an active group", /*      */ "YYNNN"},
    {Action::dismiss_report, kArchived, "an archived group", /* */ "NNNNN"},
    {Action::write_easy_read, kOther, "a topic", /*             */ "YYNNN"},
    {Action::write_easy_read, kHidden, "a hidden topic", /*     */ "YYNNN"},
    {Action::write_easy_read, kDeleted, "a deleted topic", /*   */ "NNNNN"},
    {Action::write_easy_read, kArchived, "archived", /*         */ "NNNNN"},
};

TEST(DiscussionPolicy, Table) {
  for (const auto& row : kTable) {
    std::string got;
    for (const auto& actor : kActors) got += allows(actor, row.action, row.facts) == Verdict::allow ? 'Y' : 'N';
    EXPECT_EQ(got, row.verdicts) << action_name(row.action) << " on " << row.facts_name << " (columns " << kColumns
                                 << ")";
  }
}

TEST(DiscussionPolicy, EveryActionHasRowsAndAName) {
  for (int i = static_cast<int>(Action::see_discussion); i <= static_cast<int>(Action::write_easy_read); ++i) {
    const auto action = static_cast<Action>(i);
    bool found = false;
    for (const auto& row : kTable) found = found || row.action == action;
    EXPECT_TRUE(found) << action_name(action);
    EXPECT_NE(action_name(action), "discussions.unknown");
  }
}

}  // namespace
}  // namespace roundtable::discussions::policy
