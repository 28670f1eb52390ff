/// Meeting invitations by email: when a meeting is scheduled, changed (its time, place or title) or called off, each
/// person in its group gets an email in their language with a calendar part (METHOD:REQUEST, or METHOD:CANCEL) that
/// Outlook, Gmail and Apple Calendar add to, update in or take out of their calendar. The UID and SEQUENCE are the
/// meeting's own, as in its calendar file and in people's feeds (meeting_ics.hpp).
///
/// invitation_message is the one place such an email is written; queue_invitations sends it to everyone invited
/// (invited() below) inside the caller's transaction, and invite_to_new_meeting is the one step "a meeting was made"
/// that both the meeting form and a series' sessions take.
///
/// Who is invited. A group's own meeting: everyone in the group, as before. A session of a series open to the whole
/// organisation (a coffee morning) is for more people than the group that runs it, but emailing every member of the
/// organisation about every session would be noise, so it also goes to the people it is for and the people who said
/// they are coming:
/// - everyone in the series' group (they run it);
/// - people the series' attendance rule covers today ("staff who joined in the last 3 months") who have not come to
///   a session of the series yet: they must come to one, so each session is offered to them;
/// - anyone else who replied going or maybe to that session (so a change or a calling-off reaches their calendar);
/// - but not someone outside the group who replied "not going" to it: they said no.
/// Each person is asked once per email, however many of these they are.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mail/message.hpp"
#include "meetings/agenda.hpp"
#include "meetings/meeting.hpp"

namespace soci {
class session;
}

namespace roundtable::meetings {

/// Why the email goes out.
enum class InvitationKind {
  /// A new meeting.
  scheduled,
  /// Its time, place or title changed (an update of the same event: a higher SEQUENCE).
  changed,
  /// Called off (METHOD:CANCEL).
  cancelled,
};

/// What every person's invitation shares.
struct InvitationFacts {
  const Meeting* meeting = nullptr;
  /// The meeting's page, an absolute address: where people reply with what they need.
  std::string url;
  /// "<org slug>.roundtable", as the calendar file's UID.
  std::string uid_domain;
  /// The --mail-from address: the invitation's ORGANIZER (with the group's name).
  std::string organizer_address;
};

/// What decides whether one person gets a meeting's invitations (the rule above, tested as a table).
struct InviteeFacts {
  /// The meeting is a session of a series open to the organisation.
  bool open_session = false;
  bool in_group = false;
  /// The series' attendance rule covers them today.
  bool rule_covers = false;
  /// They came to a session of the series.
  bool came = false;
  /// Their reply to this meeting, if any.
  std::optional<Answer> reply;
};
bool invited(const InviteeFacts& f);

/// Everyone invited to the meeting (invited()), each once, by id.
std::vector<Recipient> invitees(soci::session& s, const Meeting& m, long long now);

/// The email for one person, in their language, with its calendar part.
mail::Message invitation_message(const Recipient& to, const InvitationFacts& facts, InvitationKind kind);

/// Queues the email for everyone invited (invitees(); each may see the meeting), in the caller's transaction,
/// through their notification choice for the group (notifications::notify_now: never means no email, a digest choice
/// still gets it straight away). Returns how many were emailed.
std::size_t queue_invitations(soci::session& s, const Meeting& m, InvitationKind kind, const std::string& base_url,
                              const std::string& organizer_address, long long now);

/// "A meeting was made": emails its invitations (unless it is over), inside the caller's transaction. The meeting
/// form and a series' new sessions both come here. Returns how many were emailed.
std::size_t invite_to_new_meeting(soci::session& s, long long org_id, long long meeting_id, const std::string& base_url,
                                  const std::string& organizer_address, long long now);

/// A membership was made or changed (module::MembershipChanged), inside that transaction. For each series open to
/// the organisation whose rule's member type the person has now but did not have before (`types_before`), emails them
/// the invitation to each session to come that they are now invited to (invitees(): the rule covers them and they have
/// not come yet), so staff who join after a coffee-morning series made its sessions are asked too. Nothing is sent
/// again to someone the rule already covered. Returns how many were emailed.
std::size_t invite_newly_covered(soci::session& s, long long org_id, long long user_id,
                                 const std::vector<std::string>& types_before, const std::string& base_url,
                                 const std::string& organizer_address, long long now);

}  // namespace roundtable::meetings
