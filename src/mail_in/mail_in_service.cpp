#include "mail_in/mail_in_service.hpp"

#include "accounts/account.hpp"
#include "accounts/account_store.hpp"
#include "core/log.hpp"
#include "db/query.hpp"
#include "db/run_awaitable.hpp"
#include "db/transaction.hpp"
#include "discussions/discussion_form.hpp"
#include "discussions/discussion_policy.hpp"
#include "discussions/discussion_store.hpp"
#include "live/event.hpp"
#include "live/publisher.hpp"
#include "mail/compose.hpp"
#include "mail/mime.hpp"
#include "mail/outbox_store.hpp"
#include "mail/reply_text.hpp"
#include "organisations/organisation_service.hpp"
#include "organisations/organisation_store.hpp"
#include "security/tokens.hpp"

namespace roundtable::mail_in {

namespace {

/// Tells the servers' live channels about a reply that came by email, once it has committed. On PostgreSQL through
/// pg_notify, which every server's relay LISTENs to (ADR 0026), so a topic open in a browser shows the reply at once.
/// On SQLite there is one server and this process cannot reach it: the reply shows when the page is next read.
class NotifyServers final : public live::Publisher {
 public:
  explicit NotifyServers(db::Database& db) : db_(db) {}
  void publish(std::string channel, std::string event, std::string data) override {
    if (db_.backend() != db::Backend::postgresql) return;
    const std::string payload = live::encode_message({std::move(channel), std::move(event), std::move(data)});
    try {
      db_.run_sync([&](soci::session& s) {
        db::query(s, "SELECT COUNT(*) FROM (SELECT pg_notify('roundtable_live', $1)) AS sent",
                  {std::string_view(payload)});
      });
    } catch (const std::exception& e) {
      // The reply is in: a listener that missed this sees it when the page is next read.
      core::log::warn("mail_in_live_not_told", {{"error", e.what()}});
    }
  }

 private:
  db::Database& db_;
};

std::string lower(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

/// Out-of-office answers, bounces and list traffic (RFC 3834 and the older conventions) are never posted.
bool automatic(const std::vector<mail::mime::Header>& headers) {
  if (auto a = mail::mime::find_header(headers, "Auto-Submitted"); a && lower(*a) != "no") return true;
  if (auto p = mail::mime::find_header(headers, "Precedence")) {
    const auto v = lower(*p);
    if (v == "bulk" || v == "junk" || v == "list" || v == "auto_reply") return true;
  }
  return mail::mime::find_header(headers, "X-Autoreply") || mail::mime::find_header(headers, "X-Autorespond") ||
         mail::mime::find_header(headers, "X-Auto-Response-Suppress").value_or("").find("All") != std::string::npos;
}

/// The checked reply address the message was sent to: the envelope recipient, or the first of ours in its headers.
mail::CheckedAddress address_of(const mail::ReplyAddresses& keys, const std::vector<mail::mime::Header>& headers,
                                const std::string& recipient) {
  if (!recipient.empty()) return mail::check_reply_address(keys, recipient);
  for (const char* name : {"Delivered-To", "X-Original-To", "To", "Cc"}) {
    for (const auto& h : headers) {
      if (lower(h.name) != lower(name)) continue;
      std::string_view list = h.value;
      while (!list.empty()) {
        const auto comma = list.find(',');
        auto checked = mail::check_reply_address(keys, list.substr(0, comma));
        if (checked.check != mail::AddressCheck::not_ours) return checked;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
      }
    }
  }
  return {};
}

std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

/// What receive() found in the database, in one read.
struct Found {
  std::optional<accounts::User> user;
  std::optional<discussions::store::PostInTopic> opening;
  bool duplicate = false;
  std::string slug;
};

}  // namespace

int exit_code(Outcome outcome) {
  switch (outcome) {
    case Outcome::bad_address: return 67;
    case Outcome::bad_message: return 65;
    default: return 0;
  }
}

awaitable<Delivery> MailInService::receive(std::string raw, std::string recipient) {
  auto refuse = [](Outcome outcome, std::string reason, std::string explanation) {
    core::log::warn("mail_in_refused", {{"reason", reason}});
    return Delivery{outcome, std::move(reason), std::move(explanation), 0, 0};
  };
  if (raw.size() > kMaxMessageBytes) {
    co_return refuse(Outcome::bad_message, "too_large", "the message is bigger than 1 MB; send the words only");
  }
  const auto message = mail::mime::parse(raw);
  if (automatic(message.headers)) {
    core::log::info("mail_in_ignored", {{"reason", "automatic"}});
    co_return Delivery{Outcome::ignored, "automatic", "", 0, 0};
  }
  const auto address = address_of(keys_, message.headers, recipient);
  switch (address.check) {
    case mail::AddressCheck::ok: break;
    case mail::AddressCheck::not_ours:
      co_return refuse(Outcome::bad_address, "not_a_reply_address", "no such address here");
    case mail::AddressCheck::unsigned_address:
      co_return refuse(Outcome::bad_address, "unsigned", "no such address here");
    case mail::AddressCheck::forged: co_return refuse(Outcome::bad_address, "forged", "no such address here");
  }
  const auto target = address.target;
  // One person's replay of one message is found by its create key: a Message-ID (or, without one, the whole
  // message) posts once in the topic, within the reply's own transaction.
  const std::string create_key = "mail:" + std::to_string(target.user_id) + ":" +
                                 security::hash_token(message.message_id.empty() ? raw : message.message_id);
  auto read = db_.read([target, create_key](soci::session& s) {
    Found f;
    f.user = accounts::store::find_user_by_id(s, target.user_id);
    if (!f.user) return f;
    f.opening = discussions::store::find_post(s, target.org_id, target.topic_id, 1, target.user_id);
    if (!f.opening) return f;
    f.duplicate = discussions::store::find_post_by_key(s, target.topic_id, create_key).has_value();
    f.slug = organisations::store::org_slug(s, target.org_id);
    return f;
  });
  const Found found = co_await std::move(read);
  const std::string ids = std::to_string(target.topic_id) + "/" + std::to_string(target.user_id);
  auto refuse_for = [&](Outcome outcome, std::string reason, std::string explanation) {
    core::log::warn("mail_in_refused", {{"reason", reason}, {"topic_user", ids}});
    return Delivery{outcome, std::move(reason), std::move(explanation), target.topic_id, 0};
  };
  if (!found.user) co_return refuse_for(Outcome::bad_address, "unknown_user", "no such address here");
  if (!found.opening) co_return refuse_for(Outcome::bad_address, "unknown_topic", "no such address here");
  // A reply address is personal: only mail from the person's own address may use it.
  if (message.from.empty() || message.from != accounts::normalise_email(found.user->email)) {
    co_return refuse_for(Outcome::bad_address, "from_mismatch", "no such address for this sender");
  }
  if (found.duplicate) {
    core::log::info("mail_in_duplicate", {{"topic_user", ids}});
    co_return Delivery{Outcome::duplicate, "duplicate", "", target.topic_id, 0};
  }
  switch (message.problem) {
    case mail::mime::Problem::none: break;
    case mail::mime::Problem::charset:
      co_return refuse_for(Outcome::bad_message, "charset",
                           "the text is in a character set Roundtable does not read (" + message.detail.substr(0, 40) +
                               "); send it as UTF-8");
    case mail::mime::Problem::malformed:
      co_return refuse_for(Outcome::bad_message, "malformed", "the message's MIME structure is broken");
    case mail::mime::Problem::no_text:
      co_return refuse_for(Outcome::bad_message, "no_text", "the message has no text to add");
  }

  // From here the person is who the address says: whatever stops the reply, they are told why by email.
  const std::string text = mail::trim_reply(message.text);
  const auto& g = found.opening->group;
  const auto verdict =
      discussions::policy::allows({g.role}, discussions::policy::Action::reply,
                                  {g.archived, false, found.opening->post.gone(), found.opening->post.hidden()});
  std::string why;
  if (text.empty()) {
    why = "empty";
  } else if (characters(text) > discussions::kMaxBody) {
    why = "too_long";
  } else if (verdict != discussions::policy::Verdict::allow) {
    why = "not_allowed";
  } else if (!g.agreed_rules) {
    why = "ground_rules";
  }
  discussions::Posted posted;
  if (why.empty()) {
    auto op = discussions_.reply(target.org_id, target.topic_id, target.user_id,
                                 {.title = "", .body = text, .agree_rules = false, .create_key = create_key});
    posted = co_await std::move(op);
    // Allowed a moment ago but not now (taken out of the group, the group archived): the same answer.
    if (posted.number == 0) why = "not_allowed";
  }
  if (!why.empty()) {
    const auto& user = *found.user;
    core::Translator t(core::Messages::embedded(), user.lang);
    const std::string title = found.opening->topic.title;
    const auto answer =
        mail::compose(user.email, user.name, user.lang, core::format(t("mail_in.refused.subject"), {{"title", title}}),
                      {core::format(t("mail_in.refused.p1"), {{"title", title}}),
                       std::string(t("mail_in.refused." + why)), std::string(t("mail_in.refused.p2"))},
                      mail::Action{std::string(t("mail_in.refused.button")),
                                   base_url_ + discussions::topic_url(found.slug, target.topic_id)});
    auto op = db_.run([answer, now = clock_.now_seconds()](soci::session& s) {
      db::WriteTransaction tx(s);
      mail::store::enqueue(s, answer, now);
      tx.commit();
    });
    co_await std::move(op);
    core::log::warn("mail_in_refused", {{"reason", why}, {"topic_user", ids}, {"answered", "email"}});
    co_return Delivery{Outcome::answered, why, "", target.topic_id, 0};
  }
  core::log::info(
      "mail_in_posted",
      {{"topic_user", ids}, {"number", std::to_string(posted.number)}, {"html", message.from_html ? "yes" : "no"}});
  co_return Delivery{Outcome::posted, "posted", "", posted.topic_id, posted.number};
}

Delivery receive_now(const Setup& setup, std::string raw, std::string recipient) {
  const core::Clock& clock = setup.clock ? *setup.clock : core::system_clock();
  discussions::DiscussionService discussions(*setup.db, setup.search, clock, setup.organisations, setup.keys);
  NotifyServers live(*setup.db);
  discussions.set_live(&live);
  MailInService service(*setup.db, discussions, setup.keys,
                        setup.organisations ? setup.organisations->base_url() : std::string("http://127.0.0.1:8080"),
                        clock);
  return db::testing::run(service.receive(std::move(raw), std::move(recipient)));
}

}  // namespace roundtable::mail_in
