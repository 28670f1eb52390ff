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

// The property parts replaced by empty ones, for this kind of document; nullptr for a part that is copied.
const std::string_view* replacement(ZipKind kind, std::string_view name) {
  static constexpr std::string_view kCore = kEmptyCore, kApp = kEmptyApp, kCustom = kEmptyCustom, kMeta = kEmptyMeta;
  if (kind == ZipKind::docx) {
    if (name == "docProps/core.xml") return &kCore;
    if (name == "docProps/app.xml") return &kApp;
    if (name == "docProps/custom.xml") return &kCustom;
  } else if (name == "meta.xml") {
    return &kMeta;
  }
  return nullptr;
}

// Writes a new archive with the same entries in the same order: the property parts replaced by empty ones, every
// other entry copied as it was compressed (never inflated, so a bomb costs nothing), and no comments or extra fields.
// A new archive rather than the old one changed in place, so its local headers and central directory agree.
Strip strip_zip(std::string& bytes, ZipKind kind) {
  Archive in;
  if (!open_archive(bytes, in)) return Strip::broken;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_error_fini(&error);
  if (!target) return Strip::broken;
  zip_error_init(&error);
  zip_t* out = zip_open_from_source(target, ZIP_TRUNCATE, &error);
  zip_error_fini(&error);
  if (!out) {
    zip_source_free(target);
    return Strip::broken;
  }
  // The new archive holds one reference; ours keeps the buffer alive after zip_close, to read it from.
  zip_source_keep(target);
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> holder(target, zip_source_free);
  bool ok = true;
  const zip_int64_t n = zip_get_num_entries(in.zip, 0);
  for (zip_int64_t i = 0; ok && i < n; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    const char* name = zip_get_name(in.zip, index, ZIP_FL_ENC_RAW);
    zip_stat_t st;
    zip_stat_init(&st);
    if (!name || zip_stat_index(in.zip, index, 0, &st) != 0) {
      ok = false;
      break;
    }
    const std::string_view* part = replacement(kind, name);
    zip_source_t* src = part ? zip_source_buffer(out, part->data(), part->size(), 0)
                             : zip_source_zip(out, in.zip, index, ZIP_FL_COMPRESSED, 0, -1);
    if (!src) {
      ok = false;
      break;
    }
    const zip_int64_t added = zip_file_add(out, name, src, ZIP_FL_ENC_GUESS);
    if (added < 0) {
      zip_source_free(src);
      ok = false;
      break;
    }
    const auto at = static_cast<zip_uint64_t>(added);
    // ODF's mimetype entry must stay stored; every other entry keeps its compressed bytes.
    const bool stored = (st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method == ZIP_CM_STORE;
    if (part || stored) ok = zip_set_file_compression(out, at, part ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) == 0;
    if (ok && (st.valid & ZIP_STAT_MTIME)) ok = zip_file_set_mtime(out, at, st.mtime, 0) == 0;
  }
  if (!ok || zip_close(out) != 0) {
    zip_discard(out);
    return Strip::broken;
  }
  if (zip_source_open(target) != 0) return Strip::broken;
  std::string written;
  char buffer[65536];
  while (true) {
    const zip_int64_t got = zip_source_read(target, buffer, sizeof buffer);
    if (got < 0) {
      zip_source_close(target);
      return Strip::broken;
    }
    if (got == 0) break;
    written.append(buffer, static_cast<size_t>(got));
  }
  zip_source_close(target);
  bytes = std::move(written);
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
