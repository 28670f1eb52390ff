/// The one way a feature tells a person about something in a group: notify(), inside the feature's own transaction.
///
///   notifications::notify(s, {org_id, group_id, user_id, "discussion_reply", title, url, group_name, base},
///                         message, now);
///
/// It records the in-app notice and, by the person's choice for that group, queues the email now (with a
/// "Stop emails from <group>" link and the RFC 8058 one-click headers), keeps it for their daily or weekly digest, or
/// sends nothing. Email that is not about a group (sign-in codes, password resets, invitations) does not come here.
#pragma once

#include "mail/message.hpp"
#include "notifications/notification.hpp"

namespace soci {
class session;
}

namespace roundtable::notifications {

Routed notify(soci::session& s, const Notice& notice, mail::Message message, long long now);

/// For time-critical news (a meeting reminder the day before): the same, except that a daily or weekly choice sends
/// it straight away too (a digest would come too late); never still means no email.
Routed notify_now(soci::session& s, const Notice& notice, mail::Message message, long long now);

/// Only the in-app notice, with no email whatever the choice (demo data, or news that never warrants an email).
void record(soci::session& s, const Notice& notice, long long now);

/// The address of the one-click stop page for the target ("<base>/stop/<token>").
std::string stop_url(std::string_view base_url, std::string_view secret, const StopTarget& target);

/// Adds the "Stop emails from <group>" link (text and HTML, in the message's language) above the footer, and the
/// one-click address for the headers.
void add_stop_link(mail::Message& message, const std::string& group_name, const std::string& url);

}  // namespace roundtable::notifications
