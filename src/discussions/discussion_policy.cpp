#include "discussions/discussion_policy.hpp"

namespace roundtable::discussions::policy {

namespace {

bool runs(const Actor& a) { return a.group_role == GroupRole::lead || a.group_role == GroupRole::facilitator; }

/// Members and the people who run the group write; observers read along.
bool takes_part(const Actor& a) { return a.group_role && a.group_role != GroupRole::observer; }

Verdict verdict(bool allowed) { return allowed ? Verdict::allow : Verdict::deny; }

}  // namespace

Verdict allows(const Actor& a, Action action, const Facts& f) {
  // Nobody outside the group, whatever else is true.
  if (!a.group_role) return Verdict::deny;
  const bool open = !f.group_archived;
  const bool standing = !f.post_deleted && !f.post_hidden;
  switch (action) {
    case Action::see_discussion: return Verdict::allow;
    case Action::start_topic: return verdict(open && takes_part(a));
    case Action::reply:
    case Action::raise_at_meeting: return verdict(open && takes_part(a) && standing);
    case Action::react: return verdict(open && takes_part(a) && standing && !f.own);
    case Action::follow: return verdict(open);
    case Action::edit_post: return verdict(open && f.own && standing);
    case Action::delete_post: return verdict(open && f.own && !f.post_deleted);
    case Action::see_history: return verdict(f.own || runs(a));
    case Action::report_post: return verdict(open && !f.own && standing);
    case Action::hide_post: return verdict(open && runs(a) && standing);
    case Action::unhide_post: return verdict(open && runs(a) && f.post_hidden && !f.post_deleted);
    case Action::see_reports: return verdict(runs(a));
    case Action::dismiss_report: return verdict(open && runs(a));
    case Action::write_easy_read: return verdict(open && runs(a) && !f.post_deleted);
  }
  return Verdict::deny;
}

std::string_view action_name(Action action) {
  switch (action) {
    case Action::see_discussion: return "discussions.see_discussion";
    case Action::start_topic: return "discussions.start_topic";
    case Action::reply: return "discussions.reply";
    case Action::react: return "discussions.react";
    case Action::follow: return "discussions.follow";
    case Action::raise_at_meeting: return "discussions.raise_at_meeting";
    case Action::edit_post: return "discussions.edit_post";
    case Action::delete_post: return "discussions.delete_post";
    case Action::see_history: return "discussions.see_history";
    case Action::report_post: return "discussions.report_post";
    case Action::hide_post: return "discussions.hide_post";
    case Action::unhide_post: return "discussions.unhide_post";
    case Action::see_reports: return "discussions.see_reports";
    case Action::dismiss_report: return "discussions.dismiss_report";
    case Action::write_easy_read: return "discussions.write_easy_read";
  }
  return "discussions.unknown";
}

}  // namespace roundtable::discussions::policy
