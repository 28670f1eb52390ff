#include "opportunities/opportunity_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::opportunities::policy {
namespace {

using core::Role;

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

const Facts kDraft{State::draft, false};
const Facts kOpen{State::open, false};
const Facts kClosed{State::closed, false};
const Facts kFilled{State::filled, false};
const Facts kArchived{State::open, true};

// One row per action and state; Y allow, N deny (404), T two-step sign-in first.
struct Row {
  Action action;
  Facts facts;
  const char* facts_name;
  const char* verdicts;  // in kColumns' order
};
const Row kTable[] = {
    //                                                         LFMOofAa
    {Action::create_opportunity, kOpen, "an active group", /*  */ "YYNNNNYT"},
    {Action::create_opportunity, kArchived, "an archived group", "NNNNNNNN"},
    {Action::see_opportunity, kDraft, "draft", /*              */ "YYNNNNYT"},
    {Action::see_opportunity, kOpen, "open", /*                */ "YYYYYYYY"},
    {Action::see_opportunity, kClosed, "closed", /*            */ "YYYYYYYY"},
    {Action::see_opportunity, kFilled, "filled", /*            */ "YYYYYYYY"},
    {Action::edit_opportunity, kDraft, "draft", /*             */ "YYNNNNYT"},
    {Action::edit_opportunity, kOpen, "open", /*               */ "YYNNNNYT"},
    {Action::edit_opportunity, kClosed, "closed", /*           */ "YYNNNNYT"},
    {Action::edit_opportunity, kFilled, "filled", /*           */ "NNNNNNNN"},
    {Action::edit_opportunity, kArchived, "archived", /*       */ "NNNNNNNN"},
    {Action::open_opportunity, kDraft, "draft", /*            */ "YYNNNNYT"},
    {Action::open_opportunity, kOpen, "open", /*              */ "NNNNNNNN"},
    {Action::close_opportunity, kOpen, "open", /*             */ "YYNNNNYT"},
    {Action::close_opportunity, kClosed, "closed", /*         */ "NNNNNNNN"},
    {Action::close_opportunity, kArchived, "archived", /*     */ "NNNNNNNN"},
    // People already in the group have their place; everyone else in the organisation may apply while it is open.
    {Action::express_interest, kOpen, "open", /*              */ "NNNNYYYY"},
    {Action::express_interest, kDraft, "draft", /*            */ "NNNNNNNN"},
    {Action::express_interest, kClosed, "closed", /*          */ "NNNNNNNN"},
    {Action::express_interest, kFilled, "filled", /*          */ "NNNNNNNN"},
    {Action::express_interest, kArchived, "archived", /*      */ "NNNNNNNN"},
    {Action::see_applicants, kDraft, "draft", /*              */ "NNNNNNNN"},
    {Action::see_applicants, kOpen, "open", /*                */ "YYNNNNYT"},
    {Action::see_applicants, kFilled, "filled", /*            */ "YYNNNNYT"},
    // The applicant's own recording is theirs to play (the uploads rule); otherwise only those who see applicants.
    {Action::hear_recording, kDraft, "draft", /*              */ "NNNNNNNN"},
    {Action::hear_recording, kOpen, "open", /*                */ "YYNNNNYT"},
    {Action::hear_recording, kClosed, "closed", /*            */ "YYNNNNYT"},
    {Action::hear_recording, kFilled, "filled", /*            */ "YYNNNNYT"},
    {Action::hear_recording, kArchived, "archived", /*        */ "YYNNNNYT"},
    {Action::select, kOpen, "open", /*                        */ "YYNNNNYT"},
    {Action::select, kClosed, "closed", /*                    */ "YYNNNNYT"},
    {Action::select, kFilled, "filled", /*                    */ "NNNNNNNN"},
    {Action::select, kDraft, "draft", /*                      */ "NNNNNNNN"},
    {Action::tell_outcome, kOpen, "open", /*                  */ "YYNNNNYT"},
    {Action::tell_outcome, kClosed, "closed", /*              */ "YYNNNNYT"},
    {Action::tell_outcome, kFilled, "filled (told already)", /* */ "NNNNNNNN"},
    {Action::tell_outcome, kArchived, "archived", /*          */ "NNNNNNNN"},
};

char letter(Verdict v) { return v == Verdict::allow ? 'Y' : v == Verdict::need_two_step ? 'T' : 'N'; }

TEST(OpportunityPolicy, Table) {
  for (const auto& row : kTable) {
    std::string got;
    for (const auto& actor : kActors) got += letter(allows(actor, row.action, row.facts));
    EXPECT_EQ(got, row.verdicts) << action_name(row.action) << " on " << row.facts_name << " (columns " << kColumns
                                 << ")";
  }
}

TEST(OpportunityPolicy, EveryActionHasRowsAndAName) {
  for (int i = static_cast<int>(Action::create_opportunity); i <= static_cast<int>(Action::tell_outcome); ++i) {
    const auto action = static_cast<Action>(i);
    bool found = false;
    for (const auto& row : kTable) found = found || row.action == action;
    EXPECT_TRUE(found) << action_name(action);
    EXPECT_NE(action_name(action), "opportunities.unknown");
  }
}

TEST(OpportunityPolicy, OrganisationWideList) {
  std::string got;
  for (const auto& actor : kActors) got += letter(allows(actor, Action::list_opportunities));
  EXPECT_EQ(got, "YYYYYYYY");
  EXPECT_EQ(allows(kActors[0], Action::select), Verdict::deny);
  EXPECT_EQ(allows(kActors[0], Action::list_opportunities, kOpen), Verdict::deny);
}

}  // namespace
}  // namespace roundtable::opportunities::policy
