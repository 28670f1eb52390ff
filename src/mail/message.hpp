/// An email to one person: plain text and HTML, in their language, and sometimes a calendar invitation.
#pragma once

#include <string>

#include "core/i18n.hpp"

namespace roundtable::mail {

struct Message {
  std::string to_address;
  std::string to_name;
  core::Lang lang = core::Lang::en;
  std::string subject;
  std::string text;
  std::string html;
  /// Where answers go (a Reply-To header); empty: none.
  std::string reply_to;
  /// The one-click stop address of a group notification (RFC 8058: List-Unsubscribe and List-Unsubscribe-Post
  /// headers), an absolute https or http URL; empty: none (account email).
  std::string list_unsubscribe;
  /// A meeting invitation, update or cancellation (a whole iCalendar object whose METHOD line says which); empty:
  /// none. Sent as a third, text/calendar, part of the multipart/alternative, and again as an invite.ics attachment,
  /// as calendar programs (Outlook, Gmail, Apple Calendar) expect.
  std::string calendar;
};

}  // namespace roundtable::mail
