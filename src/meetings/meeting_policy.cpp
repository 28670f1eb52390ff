#include "meetings/meeting_policy.hpp"

#include "groups/group_policy.hpp"

namespace roundtable::meetings::policy {

namespace {

namespace g = groups::policy;

g::Actor in_group(const Actor& a) { return {a.org_role, a.two_step, a.group_role, false}; }
Verdict runs(const Actor& a) { return g::runs_group(in_group(a)); }
Verdict sees_group(const Actor& a, const Facts& f) {
  return g::sees_group(in_group(a), {f.visibility, f.group_archived});
}
using g::both;

}  // namespace

Verdict allows(const Actor& a, Action action, const Facts& f) {
  const Verdict sees = sees_group(a, f);
  switch (action) {
    case Action::list_meetings: return sees;
    case Action::see_meeting: return f.open_to_organisation ? Verdict::allow : sees;
    case Action::schedule_meeting: return f.group_archived ? Verdict::deny : both(sees, runs(a));
    case Action::edit_meeting:
      if (f.group_archived || f.cancelled) return Verdict::deny;
      return both(sees, runs(a));
    case Action::cancel_meeting:
      if (f.group_archived || f.cancelled || f.started) return Verdict::deny;
      return both(sees, runs(a));
    case Action::reply:
      if (f.group_archived || f.cancelled || f.started) return Verdict::deny;
      if (f.open_to_organisation) return Verdict::allow;
      if (a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator ||
          a.group_role == GroupRole::member) {
        return sees;
      }
      return Verdict::deny;
    case Action::see_checklist: return both(sees, runs(a));
    case Action::see_agenda: return a.group_role ? sees : both(sees, runs(a));
    case Action::propose_item:
      if (f.group_archived || f.cancelled || f.started) return Verdict::deny;
      if (a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator ||
          a.group_role == GroupRole::member) {
        return sees;
      }
      return Verdict::deny;
    case Action::run_agenda:
    case Action::record_meeting:
      if (f.group_archived || f.cancelled) return Verdict::deny;
      return both(sees, runs(a));
    case Action::see_polls: return a.group_role ? sees : both(sees, runs(a));
    case Action::answer_poll:
      if (f.group_archived || f.started) return Verdict::deny;
      if (a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator ||
          a.group_role == GroupRole::member) {
        return sees;
      }
      return Verdict::deny;
    case Action::run_poll:
      if (f.group_archived) return Verdict::deny;
      return both(sees, runs(a));
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::list_meetings: return "meetings.list_meetings";
    case Action::schedule_meeting: return "meetings.schedule_meeting";
    case Action::see_meeting: return "meetings.see_meeting";
    case Action::edit_meeting: return "meetings.edit_meeting";
    case Action::cancel_meeting: return "meetings.cancel_meeting";
    case Action::reply: return "meetings.reply";
    case Action::see_checklist: return "meetings.see_checklist";
    case Action::see_agenda: return "meetings.see_agenda";
    case Action::propose_item: return "meetings.propose_item";
    case Action::run_agenda: return "meetings.run_agenda";
    case Action::record_meeting: return "meetings.record_meeting";
    case Action::see_polls: return "meetings.see_polls";
    case Action::answer_poll: return "meetings.answer_poll";
    case Action::run_poll: return "meetings.run_poll";
  }
  return "meetings.unknown";
}

}  // namespace roundtable::meetings::policy
