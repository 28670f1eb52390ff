// Fuzzes the document parsers (src/media/documents.cpp) over Debian's libzip and libqpdf, which are not instrumented:
// a fault inside them shows only if it crashes or hangs. Properties:
//  - sniff_document gives a document type (Kind::document) with a known extension, and never both a type and an issue
//    (document_issue) for the same bytes;
//  - strip_document, under each document type: unless done, the bytes are untouched; when done, a Word or
//    OpenDocument file sniffs again as the same type, a PDF starts "%PDF-", and a second pass is done too.
#include <cstdint>
#include <string>
#include <string_view>

#include "media/media.hpp"

namespace {

using roundtable::media::Kind;
using roundtable::media::Sniffed;
using roundtable::media::Strip;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

void check_strip(std::string_view input, const Sniffed& type) {
  std::string bytes(input);
  const Strip result = roundtable::media::strip_document(type, bytes);
  if (result != Strip::done) {
    check(bytes == input);
    return;
  }
  if (type.extension == "pdf") {
    check(bytes.starts_with("%PDF-"));
  } else {
    const auto again = roundtable::media::sniff_document(bytes);
    check(again && again->mime == type.mime);
  }
  std::string twice = bytes;
  check(roundtable::media::strip_document(type, twice) == Strip::done);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto sniffed = roundtable::media::sniff_document(input);
  const auto issue = roundtable::media::document_issue(input);
  if (sniffed) {
    check(sniffed->kind == Kind::document);
    check(sniffed->extension == "pdf" || sniffed->extension == "docx" || sniffed->extension == "odt");
    check(!issue);
  }
  for (const char* mime : {"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           "application/vnd.oasis.opendocument.text"}) {
    check_strip(input, *roundtable::media::document_type(mime));
  }
  return 0;
}
