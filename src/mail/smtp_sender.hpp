/// Sending one email over SMTP with libcurl (smtp:// with STARTTLS when offered, or smtps://).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "mail/message.hpp"

namespace roundtable::mail {

struct SendResult {
  bool ok = false;
  /// The server refused for good (a 5xx answer, such as an unknown recipient): do not try again.
  bool permanent = false;
  std::string error;
};

/// Where email goes; tests and the worker use this interface.
class Sender {
 public:
  virtual ~Sender() = default;
  virtual SendResult send(const Message& m) = 0;
};

struct SmtpOptions {
  /// smtp://host:port or smtps://host:port, optionally with user:password@.
  std::string url;
  /// "Name <address>" or a bare address.
  std::string from;
  /// Refuse to send without TLS (otherwise STARTTLS is used when the server offers it). Always on when an smtp://
  /// URL carries a user name, so a password never crosses the network in clear text.
  bool require_tls = false;
  std::chrono::seconds timeout{30};
};

class SmtpSender final : public Sender {
 public:
  explicit SmtpSender(SmtpOptions options);
  SendResult send(const Message& m) override;

 private:
  SmtpOptions options_;
  std::string from_address_;
};

/// A header value made safe: non-ASCII text as an RFC 2047 encoded word, CR and LF removed.
std::string encode_header_text(const std::string& text);
/// The address inside "Name <address>" (or the whole string).
std::string address_of(const std::string& mailbox);
/// Whether `address` is a single addr-spec that is safe to put in SMTP commands and headers: local@domain, at
/// most 254 bytes, no spaces, control characters, brackets, quotes or commas.
bool is_valid_address(std::string_view address);
/// Whether a failed send should never be tried again: a 5xx refusal of the recipient or of the message itself.
/// Authentication and sender refusals are the operator's configuration, so the message waits for it to be fixed.
bool is_permanent_failure(int curl_code, long smtp_code, std::string_view error);
/// The METHOD of an iCalendar object ("REQUEST", "CANCEL"), for its text/calendar part's method= parameter;
/// "PUBLISH" when it names none.
std::string calendar_method(std::string_view calendar);

}  // namespace roundtable::mail
