/// Meeting invitations by email: when a meeting is scheduled, changed (its time, place or title) or called off, each
/// person in its group gets an email in their language with a calendar part (METHOD:REQUEST, or METHOD:CANCEL) that
/// Outlook, Gmail and Apple Calendar add to, update in or take out of their calendar. The UID and SEQUENCE are the
/// meeting's own, as in its calendar file and in people's feeds (meeting_ics.hpp).
///
/// invitation_message is the one place such an email is written; queue_invitations sends it to the whole group
/// inside the caller's transaction.
#pragma once

#include <string>

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

/// The email for one person, in their language, with its calendar part.
mail::Message invitation_message(const Recipient& to, const InvitationFacts& facts, InvitationKind kind);

/// Queues the email for everyone in the meeting's group (each may see its meetings), in the caller's transaction,
/// through their notification choice for the group (notifications::notify_now: never means no email, a digest choice
/// still gets it straight away). Returns how many were emailed.
std::size_t queue_invitations(soci::session& s, const Meeting& m, InvitationKind kind, const std::string& base_url,
                              const std::string& organizer_address, long long now);

}  // namespace roundtable::meetings
