/// Email in (ADR 0025): an answer to a discussion's email, as `roundtable receive-mail` reads it from the mail server,
/// put in the topic as the person whose signed reply address it was sent to. The reply goes through the discussions
/// module's own reply path, so ground rules, archived groups, membership, @mentions and the followers' email behave
/// exactly as for a reply written on the page. Nothing is posted unless the address's mac is right, the person and
/// the topic exist, the From address is the person's own, and the policy lets them reply now; the same Message-ID
/// twice posts once. Refusals are logged without the message's words.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "discussions/discussion_service.hpp"
#include "mail/reply_address.hpp"

namespace roundtable::mail_in {

using boost::asio::awaitable;

/// Bigger messages are refused before they are read (what matters in an answer is a few lines of text).
inline constexpr std::size_t kMaxMessageBytes = 1024 * 1024;

enum class Outcome {
  /// Added to the topic.
  posted,
  /// This Message-ID was posted already: delivered once, so nothing more to do.
  duplicate,
  /// An automatic answer (out of office, a bounce): never posted, never answered.
  ignored,
  /// Not posted, and the person was emailed why (nothing left once the quotes went, ground rules not agreed, no
  /// longer allowed to post there).
  answered,
  /// The address is not a reply address of ours, is unsigned or forged, names nobody or no topic, or the message is
  /// not from that person: EX_NOUSER.
  bad_address,
  /// Unreadable (a character set we do not read, a broken multipart, no text) or too big: EX_DATAERR.
  bad_message,
};

struct Delivery {
  Outcome outcome = Outcome::bad_message;
  /// A short code for the log ("forged", "from_mismatch", "empty"...).
  std::string reason;
  /// One line for the mail server's bounce (bad_address, bad_message).
  std::string explanation;
  long long topic_id = 0;
  long long number = 0;
};

/// The exit status receive-mail gives the mail server (sysexits.h): 0, 65 (EX_DATAERR) or 67 (EX_NOUSER). A database
/// that cannot be reached is 75 (EX_TEMPFAIL), decided by the caller from the exception.
int exit_code(Outcome outcome);

class MailInService {
 public:
  MailInService(db::Database& db, discussions::DiscussionService& discussions, mail::ReplyAddresses keys,
                std::string base_url, const core::Clock& clock)
      : db_(db), discussions_(discussions), keys_(std::move(keys)), base_url_(std::move(base_url)), clock_(clock) {}

  /// raw: the message as the mail server hands it over. recipient: the envelope recipient ("": the first reply
  /// address in Delivered-To, X-Original-To, To or Cc). Throws when the database cannot be used.
  awaitable<Delivery> receive(std::string raw, std::string recipient);

 private:
  db::Database& db_;
  discussions::DiscussionService& discussions_;
  mail::ReplyAddresses keys_;
  std::string base_url_;
  const core::Clock& clock_;
};

/// What `roundtable receive-mail` gives: the platform's database, search index and organisations service (links in
/// email, and who wakes the mail worker).
struct Setup {
  db::Database* db = nullptr;
  db::SearchIndex* search = nullptr;
  const organisations::OrganisationService* organisations = nullptr;
  mail::ReplyAddresses keys;
  const core::Clock* clock = nullptr;
};

/// Takes in one message on the calling thread (a command, never a request handler). Throws when the database cannot
/// be used.
Delivery receive_now(const Setup& setup, std::string raw, std::string recipient);

}  // namespace roundtable::mail_in
