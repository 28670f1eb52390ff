// Documents (PDF, Word .docx, OpenDocument text .odt): recognised from their content, and their personal properties
// removed before they are kept. Zip archives are read and rewritten with libzip, PDF files with libqpdf; both
// libraries are handed untrusted bytes in memory only, and any exception or error from them makes the file broken.
#include <zip.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>
#include <string>
#include <string_view>

#include "media/media.hpp"

namespace roundtable::media {
namespace {

constexpr Sniffed kPdf{"application/pdf", Kind::document, "pdf"};
constexpr Sniffed kDocx{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", Kind::document,
                        "docx"};
constexpr Sniffed kOdt{"application/vnd.oasis.opendocument.text", Kind::document, "odt"};

constexpr std::string_view kOdtMime = "application/vnd.oasis.opendocument.text";
constexpr std::string_view kWordMain =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
constexpr std::string_view kWordMacros = "application/vnd.ms-word.document.macroEnabled.main+xml";
constexpr std::string_view kWordTemplate =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";

// A document's parts that we read whole are small; anything bigger is not a document we take (and may be a bomb).
constexpr zip_uint64_t kMaxPartBytes = 4 * 1024 * 1024;
// More entries than any real text document has.
constexpr zip_int64_t kMaxEntries = 10000;

bool starts(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

// An open zip archive read from memory; closed (without writing) when it goes.
struct Archive {
  zip_source_t* source = nullptr;
  zip_t* zip = nullptr;
  Archive() = default;
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  ~Archive() {
    if (zip) zip_discard(zip);
    if (source) zip_source_free(source);
  }
};

// Opens bytes as a zip archive (checked for consistency); false when it is not one.
bool open_archive(std::string_view bytes, Archive& a) {
  if (!starts(bytes, "PK\x03\x04")) return false;
  zip_error_t error;
  zip_error_init(&error);
  a.source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_error_fini(&error);
  if (!a.source) return false;
  zip_error_init(&error);
  a.zip = zip_open_from_source(a.source, ZIP_CHECKCONS | ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!a.zip) return false;
  // zip_open_from_source took the source; keep a reference so it outlives zip_discard in the right order.
  zip_source_keep(a.source);
  const zip_int64_t entries = zip_get_num_entries(a.zip, 0);
  return entries > 0 && entries <= kMaxEntries;
}

bool has_entry(zip_t* zip, const char* name) { return zip_name_locate(zip, name, 0) >= 0; }

// The whole of one (small) entry, or nullopt when it is missing, too big, encrypted or does not inflate.
std::optional<std::string> read_entry(zip_t* zip, const char* name) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, name, 0, &st) != 0) return std::nullopt;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes) return std::nullopt;
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) return std::nullopt;
  zip_file_t* f = zip_fopen(zip, name, 0);
  if (!f) return std::nullopt;
  std::string out(static_cast<size_t>(st.size), '\0');
  zip_uint64_t got = 0;
  while (got < st.size) {
    const zip_int64_t n = zip_fread(f, out.data() + got, st.size - got);
    if (n <= 0) break;
    got += static_cast<zip_uint64_t>(n);
  }
  // One byte more must not be there: the size in the directory was the truth.
  char extra = 0;
  const bool exact = got == st.size && zip_fread(f, &extra, 1) == 0;
  zip_fclose(f);
  if (!exact) return std::nullopt;
  return out;
}

bool any_entry_encrypted(zip_t* zip) {
  const zip_int64_t n = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) != 0) return true;
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) return true;
  }
  return false;
}

enum class ZipKind { other, docx, odt, macros, locked };

ZipKind zip_kind(zip_t* zip) {
  if (has_entry(zip, "mimetype")) {
    const auto mimetype = read_entry(zip, "mimetype");
    if (!mimetype || *mimetype != kOdtMime) return ZipKind::other;
    // ODF encrypts each part on its own and says so in the manifest.
    const auto manifest = read_entry(zip, "META-INF/manifest.xml");
    if (manifest && manifest->find("encryption-data") != std::string::npos) return ZipKind::locked;
    if (any_entry_encrypted(zip)) return ZipKind::locked;
    if (!has_entry(zip, "content.xml")) return ZipKind::other;
    return ZipKind::odt;
  }
  const auto types = read_entry(zip, "[Content_Types].xml");
  if (!types) return ZipKind::other;
  if (types->find(kWordMacros) != std::string::npos || has_entry(zip, "word/vbaProject.bin")) return ZipKind::macros;
  if (types->find(kWordMain) == std::string::npos && types->find(kWordTemplate) == std::string::npos) {
    return ZipKind::other;
  }
  if (any_entry_encrypted(zip)) return ZipKind::locked;
  return ZipKind::docx;
}

// An OLE2 compound file: legacy Office (.doc), or a password-protected .docx (whose package is encrypted inside one).
bool compound_file(std::string_view bytes) { return starts(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"); }

bool encrypted_package(std::string_view bytes) {
  // The stream name "EncryptedPackage" in UTF-16LE, as the compound file's directory holds it.
  static const std::string kName = [] {
    std::string s;
    for (char c : std::string_view("EncryptedPackage")) {
      s += c;
      s += '\0';
    }
    return s;
  }();
  return bytes.find(kName) != std::string_view::npos;
}

// --- Removing the properties -----------------------------------------------------------------------------------------

constexpr std::string_view kEmptyCore =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<cp:coreProperties "
    "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
    "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>";
constexpr std::string_view kEmptyApp =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
    "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"/>";
constexpr std::string_view kEmptyCustom =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
    "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"/>";
constexpr std::string_view kEmptyMeta =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "office:version=\"1.2\"><office:meta/></office:document-meta>";

// Replaces an entry's contents (compressed) when the entry is there; false on a libzip error.
bool replace_entry(zip_t* zip, const char* name, std::string_view contents) {
  const zip_int64_t index = zip_name_locate(zip, name, 0);
  if (index < 0) return true;
  zip_source_t* src = zip_source_buffer(zip, contents.data(), contents.size(), 0);
  if (!src) return false;
  if (zip_file_replace(zip, static_cast<zip_uint64_t>(index), src, 0) != 0) {
    zip_source_free(src);
    return false;
  }
  return zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0) == 0;
}

// Rewrites the archive with its property parts replaced by empty ones and every comment gone.
Strip strip_zip(std::string& bytes, ZipKind kind) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_error_fini(&error);
  if (!source) return Strip::broken;
  zip_error_init(&error);
  zip_t* zip = zip_open_from_source(source, ZIP_CHECKCONS, &error);
  zip_error_fini(&error);
  if (!zip) {
    zip_source_free(source);
    return Strip::broken;
  }
  // The archive holds one reference; ours keeps the source alive after zip_close, to read the new archive from.
  zip_source_keep(source);
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> holder(source, zip_source_free);
  bool ok = true;
  if (kind == ZipKind::docx) {
    ok = replace_entry(zip, "docProps/core.xml", kEmptyCore) && replace_entry(zip, "docProps/app.xml", kEmptyApp) &&
         replace_entry(zip, "docProps/custom.xml", kEmptyCustom);
  } else {
    ok = replace_entry(zip, "meta.xml", kEmptyMeta);
  }
  ok = ok && zip_set_archive_comment(zip, nullptr, 0) == 0;
  const zip_int64_t n = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; ok && i < n; ++i) {
    zip_uint32_t length = 0;
    if (zip_file_get_comment(zip, static_cast<zip_uint64_t>(i), &length, 0) && length > 0) {
      ok = zip_file_set_comment(zip, static_cast<zip_uint64_t>(i), nullptr, 0, 0) == 0;
    }
  }
  if (!ok || zip_close(zip) != 0) {
    zip_discard(zip);
    return Strip::broken;
  }
  // The source now holds the new archive.
  if (zip_source_open(source) != 0) return Strip::broken;
  std::string out;
  char buffer[65536];
  while (true) {
    const zip_int64_t got = zip_source_read(source, buffer, sizeof buffer);
    if (got < 0) {
      zip_source_close(source);
      return Strip::broken;
    }
    if (got == 0) break;
    out.append(buffer, static_cast<size_t>(got));
  }
  zip_source_close(source);
  bytes = std::move(out);
  return Strip::done;
}

// Removes the document information dictionary (Author, Creator, Producer, Title, dates ...), every XMP metadata
// stream (the catalogue's and any page's or image's) and application private data, and writes the file again without
// the objects nothing refers to any more. Files that need a password, or that carry restrictions, are refused.
Strip strip_pdf(std::string& bytes) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("paper.pdf", bytes.data(), bytes.size());
    if (pdf.isEncrypted()) return Strip::locked;
    if (pdf.getAllPages().empty()) return Strip::broken;
    pdf.getTrailer().removeKey("/Info");
    for (auto& object : pdf.getAllObjects()) {
      QPDFObjectHandle dict = object.isStream() ? object.getDict() : object;
      if (!dict.isDictionary()) continue;
      dict.removeKey("/Metadata");
      dict.removeKey("/PieceInfo");
    }
    QPDFObjectHandle root = pdf.getRoot();
    // Scripts that would run when the file is opened in a reader.
    root.removeKey("/AA");
    QPDFObjectHandle names = root.getKey("/Names");
    if (names.isDictionary()) names.removeKey("/JavaScript");
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setPreserveEncryption(false);
    writer.setLinearization(false);
    writer.write();
    Buffer* out = writer.getBuffer();
    std::string written(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
    delete out;
    bytes = std::move(written);
    return Strip::done;
  } catch (const QPDFExc& e) {
    // A file that needs a password to open is locked, not broken.
    return e.getErrorCode() == qpdf_e_password ? Strip::locked : Strip::broken;
  } catch (const std::exception&) {
    return Strip::broken;
  }
}

}  // namespace

std::optional<Sniffed> sniff_document(std::string_view bytes) {
  if (starts(bytes, "%PDF-")) return kPdf;
  Archive a;
  if (!open_archive(bytes, a)) return std::nullopt;
  switch (zip_kind(a.zip)) {
    case ZipKind::docx: return kDocx;
    case ZipKind::odt: return kOdt;
    case ZipKind::other:
    case ZipKind::macros:
    case ZipKind::locked: break;
  }
  return std::nullopt;
}

std::optional<DocumentIssue> document_issue(std::string_view bytes) {
  if (compound_file(bytes)) return encrypted_package(bytes) ? DocumentIssue::locked : DocumentIssue::old_office;
  Archive a;
  if (!open_archive(bytes, a)) return std::nullopt;
  switch (zip_kind(a.zip)) {
    case ZipKind::macros: return DocumentIssue::macros;
    case ZipKind::locked: return DocumentIssue::locked;
    case ZipKind::docx:
    case ZipKind::odt:
    case ZipKind::other: break;
  }
  return std::nullopt;
}

Strip strip_document(Sniffed type, std::string& bytes) {
  if (type.mime == kPdf.mime) return strip_pdf(bytes);
  Archive a;
  if (!open_archive(bytes, a)) return Strip::broken;
  const ZipKind kind = zip_kind(a.zip);
  if (kind == ZipKind::locked) return Strip::locked;
  if (type.mime == kDocx.mime && kind == ZipKind::docx) return strip_zip(bytes, kind);
  if (type.mime == kOdt.mime && kind == ZipKind::odt) return strip_zip(bytes, kind);
  return Strip::broken;
}

std::optional<Sniffed> document_type(std::string_view mime) {
  for (const auto& t : {kPdf, kDocx, kOdt}) {
    if (t.mime == mime) return t;
  }
  return std::nullopt;
}

}  // namespace roundtable::media
