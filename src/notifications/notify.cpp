#include "notifications/notify.hpp"

#include "core/i18n.hpp"
#include "mail/outbox_store.hpp"
#include "notifications/notification_store.hpp"
#include "view/html.hpp"

namespace roundtable::notifications {

std::string stop_url(std::string_view base_url, std::string_view secret, const StopTarget& target) {
  return std::string(base_url) + "/stop/" + stop_token(secret, target);
}

void add_stop_link(mail::Message& message, const std::string& group_name, const std::string& url) {
  core::Translator t(core::Messages::embedded(), message.lang);
  const std::string label = core::format(t("notifications.mail.stop"), {{"group", group_name}});
  const std::string text = label + ":\n" + url + "\n\n";
  // Above the signature ("-- ") that compose() ends every message with.
  const auto sig = message.text.rfind("-- \n");
  message.text.insert(sig == std::string::npos ? message.text.size() : sig, text);
  view::Html h;
  h.raw("<p style=\"font-size:16px\"><a href=\"").text(url).raw("\">").text(label).raw("</a></p>\n");
  const auto rule = message.html.rfind("<hr ");
  const auto end = message.html.rfind("</body>");
  const auto at = rule != std::string::npos ? rule : (end != std::string::npos ? end : message.html.size());
  message.html.insert(at, h.take());
  message.list_unsubscribe = url;
}

void record(soci::session& s, const Notice& notice, long long now) { store::insert_notice(s, notice, "", now); }

namespace {

Routed route(soci::session& s, const Notice& notice, mail::Message message, long long now, bool time_critical) {
  Choice choice = store::choice_of(s, notice.user_id, notice.group_id);
  if (time_critical && choice != Choice::none) choice = Choice::immediate;
  const std::string_view digest =
      choice == Choice::daily || choice == Choice::weekly ? choice_code(choice) : std::string_view("");
  store::insert_notice(s, notice, digest, now);
  if (choice == Choice::none) return Routed::not_emailed;
  if (choice != Choice::immediate) return Routed::held;
  const std::string secret = store::ensure_stop_secret(s);
  add_stop_link(message, notice.group_name,
                stop_url(notice.base_url, secret, {notice.user_id, notice.org_id, notice.group_id}));
  mail::store::enqueue(s, message, now);
  return Routed::emailed;
}

}  // namespace

Routed notify(soci::session& s, const Notice& notice, mail::Message message, long long now) {
  return route(s, notice, std::move(message), now, false);
}

Routed notify_now(soci::session& s, const Notice& notice, mail::Message message, long long now) {
  return route(s, notice, std::move(message), now, true);
}

}  // namespace roundtable::notifications
