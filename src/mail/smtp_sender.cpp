#include "mail/smtp_sender.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <mutex>

#include "security/tokens.hpp"

namespace roundtable::mail {

namespace {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string without_line_breaks(std::string s) {
  for (auto& c : s) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return s;
}

std::string base64(const std::string& data) {
  std::string out(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

std::string rfc2822_date() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

std::string mailbox(const std::string& name, const std::string& address) {
  if (name.empty()) return "<" + address + ">";
  return encode_header_text(name) + " <" + address + ">";
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct MimeDeleter {
  void operator()(curl_mime* m) const { curl_mime_free(m); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

std::string encode_header_text(const std::string& text) {
  std::string clean = without_line_breaks(text);
  bool ascii = true;
  for (unsigned char c : clean) {
    if (c >= 0x80 || c == '"' || c == '<' || c == '>' || c == ',' || c == ';' || c == '\\') ascii = false;
  }
  if (ascii) return clean;
  // RFC 2047 allows 75 characters per encoded word: 45 bytes make 60 of base64, and a word never splits a character.
  constexpr size_t kChunk = 45;
  std::string out;
  for (size_t start = 0; start < clean.size();) {
    size_t end = std::min(start + kChunk, clean.size());
    while (end < clean.size() && end > start + 1 && (static_cast<unsigned char>(clean[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += ' ';
    out += "=?UTF-8?B?" + base64(clean.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

std::string address_of(const std::string& mbox) {
  auto open = mbox.rfind('<');
  auto close = mbox.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return mbox.substr(open + 1, close - open - 1);
  }
  return mbox;
}

bool is_valid_address(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  const auto at = address.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = address.substr(at + 1);
  if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string_view::npos) return false;
  for (unsigned char c : address) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' || c == ':' ||
        c == '"' || c == '\\' || c == '[' || c == ']') {
      return false;
    }
  }
  return true;
}

bool is_permanent_failure(int curl_code, long smtp_code, std::string_view error) {
  if (smtp_code < 500 || smtp_code >= 600) return false;
  if (error.starts_with("RCPT failed")) return true;
  // After the whole message was sent, libcurl reports a refusal of it this way.
  return curl_code == CURLE_WEIRD_SERVER_REPLY;
}

std::string calendar_method(std::string_view calendar) {
  const auto at = calendar.find("\nMETHOD:");
  if (at == std::string_view::npos) return "PUBLISH";
  std::string out;
  for (char c : calendar.substr(at + 8)) {
    if (c < 'A' || c > 'Z') break;
    out += c;
  }
  return out.empty() ? "PUBLISH" : out;
}

SmtpSender::SmtpSender(SmtpOptions options) : options_(std::move(options)), from_address_(address_of(options_.from)) {
  init_curl_once();
  if (options_.url.starts_with("smtp://")) {
    const auto authority = std::string_view(options_.url).substr(7);
    const auto at = authority.find('@');
    if (at != std::string_view::npos && at < authority.find('/')) options_.require_tls = true;
  }
}

SendResult SmtpSender::send(const Message& m) {
  if (!is_valid_address(m.to_address)) return {false, true, "not a usable email address: " + m.to_address};
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return {false, false, "could not start libcurl"};
  CURL* c = curl.get();
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(c, CURLOPT_USE_SSL, options_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  const std::string from = "<" + from_address_ + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  std::unique_ptr<curl_slist, ListDeleter> rcpt(curl_slist_append(nullptr, ("<" + m.to_address + ">").c_str()));
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());

  const std::string from_header = "From: " + without_line_breaks(options_.from);
  const std::string to_header = "To: " + mailbox(m.to_name, m.to_address);
  const std::string subject_header = "Subject: " + encode_header_text(m.subject);
  const std::string date_header = "Date: " + rfc2822_date();
  const auto at = from_address_.find('@');
  const std::string domain = at == std::string::npos ? "roundtable.invalid" : from_address_.substr(at + 1);
  const std::string id_header = "Message-ID: <" + security::random_token(18) + "@" + domain + ">";
  const std::string lang_header = std::string("Content-Language: ") + std::string(core::lang_code(m.lang));
  curl_slist* headers = nullptr;
  for (const auto* h : {&from_header, &to_header, &subject_header, &date_header, &id_header, &lang_header}) {
    headers = curl_slist_append(headers, h->c_str());
  }
  // Answers to a discussion's email go to the person's signed reply address (receive-mail takes them in).
  const std::string reply_header = "Reply-To: <" + without_line_breaks(m.reply_to) + ">";
  if (!m.reply_to.empty() && is_valid_address(m.reply_to)) headers = curl_slist_append(headers, reply_header.c_str());
  // A group notification can be stopped in one click from the mail program (RFC 8058): it posts
  // "List-Unsubscribe=One-Click" to the signed address, which needs no sign-in.
  const std::string unsubscribe_header = "List-Unsubscribe: <" + without_line_breaks(m.list_unsubscribe) + ">";
  const bool one_click = m.list_unsubscribe.starts_with("https://") || m.list_unsubscribe.starts_with("http://");
  if (one_click) {
    headers = curl_slist_append(headers, unsubscribe_header.c_str());
    headers = curl_slist_append(headers, "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  }
  headers = curl_slist_append(headers, "MIME-Version: 1.0");
  // Every email Roundtable sends is written by the program (RFC 3834): out-of-office programs do not answer it, so
  // their answers do not come back to a topic's reply address.
  headers = curl_slist_append(headers, "Auto-Submitted: auto-generated");
  std::unique_ptr<curl_slist, ListDeleter> header_list(headers);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, header_list.get());

  std::unique_ptr<curl_mime, MimeDeleter> mime(curl_mime_init(c));
  curl_mime* alt = curl_mime_init(c);
  curl_mimepart* text = curl_mime_addpart(alt);
  curl_mime_data(text, m.text.data(), m.text.size());
  curl_mime_type(text, "text/plain; charset=utf-8");
  curl_mime_encoder(text, "quoted-printable");
  curl_mimepart* html = curl_mime_addpart(alt);
  curl_mime_data(html, m.html.data(), m.html.size());
  curl_mime_type(html, "text/html; charset=utf-8");
  curl_mime_encoder(html, "quoted-printable");
  // A meeting invitation: Outlook and Gmail read the text/calendar alternative (its method= must match the METHOD
  // inside), Apple Mail and others the invite.ics attachment. Email without one is written as before.
  const std::string calendar_type = "text/calendar; method=" + calendar_method(m.calendar) + "; charset=UTF-8";
  if (!m.calendar.empty()) {
    curl_mimepart* cal = curl_mime_addpart(alt);
    curl_mime_data(cal, m.calendar.data(), m.calendar.size());
    curl_mime_type(cal, calendar_type.c_str());
    curl_mime_encoder(cal, "base64");
  }
  curl_mimepart* part = curl_mime_addpart(mime.get());
  curl_mime_subparts(part, alt);  // the top-level mime now owns alt
  curl_mime_type(part, "multipart/alternative");
  std::unique_ptr<curl_slist, ListDeleter> inline_header(curl_slist_append(nullptr, "Content-Disposition: inline"));
  curl_mime_headers(part, inline_header.release(), 1);
  if (!m.calendar.empty()) {
    curl_mimepart* file = curl_mime_addpart(mime.get());
    curl_mime_data(file, m.calendar.data(), m.calendar.size());
    curl_mime_type(file, "application/ics");
    curl_mime_filename(file, "invite.ics");
    curl_mime_encoder(file, "base64");
  }
  curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());

  CURLcode rc = curl_easy_perform(c);
  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  if (rc == CURLE_OK) return {true, false, ""};
  std::string why = error[0] ? std::string(error) : std::string(curl_easy_strerror(rc));
  if (code) why += " (server answered " + std::to_string(code) + ")";
  return {false, is_permanent_failure(rc, code, why), why};
}

}  // namespace roundtable::mail
