#include "meetings/follow_ups.hpp"

#include <string>

#include "db/query.hpp"

namespace roundtable::meetings {

void topic_follow_ups(db::Batch& b, const module::FollowUpAsk& ask, std::vector<module::FollowUp>& out) {
  // The viewer must be in the meeting's group, the topic's (agenda_service's promote_topic takes only the meeting's
  // own group's topics): the same people who may see its agendas (meeting_policy's see_agenda), observers too.
  if (ask.kind != "topic" || ask.viewer_role.empty()) return;
  b.add(
      "SELECT m.id, m.title, m.starts_at, m.cancelled_at, m.minutes_published_at, i.decision FROM "
      "meeting_agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.topic_id = $1 AND i.org_id = $2 AND "
      "i.status = 'accepted' AND m.group_id = $3",
      {ask.id, ask.org_id, ask.group_id}, [&out](const db::Row& r) {
        module::FollowUp f;
        const std::string meeting = "/meetings/" + std::to_string(r.integer(0));
        f.what = r.string(1);
        f.at = r.integer(2);
        if (!r.null(3)) {
          f.text_key = "meetings.follow_up.cancelled";
          f.href = meeting;
          f.link_key = "meetings.follow_up.see_meeting";
        } else if (!r.null(4)) {
          f.text_key = "meetings.follow_up.discussed";
          f.detail_key = "meetings.follow_up.decided";
          f.detail = r.string(5);
          f.href = meeting + "/minutes";
          f.link_key = "meetings.follow_up.see_minutes";
        } else {
          f.text_key = "meetings.follow_up.on_agenda";
          f.href = meeting + "/agenda";
          f.link_key = "meetings.follow_up.see_agenda";
        }
        out.push_back(std::move(f));
      });
}

}  // namespace roundtable::meetings
