/// An RFC 5322 / MIME reader for email people send in (answers to a discussion's email, ADR 0025). Pure functions on
/// the message's bytes, no I/O, so they are easy to fuzz (tests/fuzz/fuzz_mime.cpp): headers (folded lines, RFC 2047
/// encoded words in UTF-8, US-ASCII and ISO-8859-1/Windows-1252, B and Q), nested multipart/alternative and
/// multipart/mixed, quoted-printable and base64, and text in UTF-8, US-ASCII, ISO-8859-1 or Windows-1252 (converted);
/// any other character set is refused. The text/plain part is preferred; HTML only is turned into plain text.
/// Attachments are left out.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roundtable::mail::mime {

struct Header {
  /// As written.
  std::string name;
  /// Unfolded, not decoded.
  std::string value;
};

/// The header lines of a header block, unfolded. Lines without a name are left out.
std::vector<Header> parse_headers(std::string_view block);
/// The first header with this name (case-insensitive).
std::optional<std::string> find_header(const std::vector<Header>& headers, std::string_view name);
/// The header block and the body of a message or a part (split at the first empty line).
std::pair<std::string_view, std::string_view> split_head_body(std::string_view raw);

/// A header value with its RFC 2047 encoded words decoded into UTF-8 (words in character sets we cannot read stay).
std::string decode_words(std::string_view value);

struct ContentType {
  /// Lowercase "type/subtype"; text/plain when absent or unreadable.
  std::string type = "text/plain";
  /// Parameter names in lowercase, values unquoted.
  std::map<std::string, std::string> params;
};
ContentType parse_content_type(std::string_view value);

std::string decode_quoted_printable(std::string_view body);
/// Skips what is not base64 (line breaks, spaces); stops at the padding.
std::string decode_base64(std::string_view body);
/// The bytes as UTF-8: UTF-8 and US-ASCII kept (invalid bytes become U+FFFD), ISO-8859-1 and Windows-1252 converted;
/// nullopt for any other character set.
std::optional<std::string> to_utf8(std::string_view bytes, std::string_view charset);

/// The address of the first mailbox in an address header ("Name <a@b>" or "a@b"), lowercase; "" if none.
std::string first_address(std::string_view value);

enum class Problem {
  none,
  /// No text/plain or text/html part we could read.
  no_text,
  /// The only text is in a character set we do not read (see `detail`).
  charset,
  /// A multipart without a boundary.
  malformed,
};

struct Message {
  std::vector<Header> headers;
  /// The From address, lowercase.
  std::string from;
  /// Without the angle brackets.
  std::string message_id;
  std::string subject;
  /// The chosen text, UTF-8 with "\n" line ends (HTML turned into text).
  std::string text;
  bool from_html = false;
  Problem problem = Problem::none;
  std::string detail;
};

Message parse(std::string_view raw);

}  // namespace roundtable::mail::mime
