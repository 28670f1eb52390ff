// Documents for meeting papers (issue #14 item 7): PDF, Word and OpenDocument text recognised from their content,
// and their personal properties removed. Each test builds a small real file (PDF with libqpdf, zip archives with
// libzip) carrying a name in its properties, and checks that the name is gone and the file still opens.
#include <gtest/gtest.h>
#include <zip.h>

#include <memory>
#include <optional>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "media/media.hpp"

namespace roundtable::media {
namespace {

constexpr std::string_view kAuthorName = "Megan Jones";
constexpr std::string_view kCompany = "Cwmni Cyfrinachol";
constexpr std::string_view kBody = "Agenda item one: the new minibus";

// A zip archive in memory with these entries in this order; the first is stored (not compressed) when asked, as ODF
// wants its mimetype entry.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries, bool store_first = false) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  zip_source_keep(source);
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& [name, data] = entries[i];
    zip_source_t* part = zip_source_buffer(zip, data.data(), data.size(), 0);
    const zip_int64_t index = zip_file_add(zip, name.c_str(), part, ZIP_FL_ENC_UTF_8);
    if (i == 0 && store_first) zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  zip_close(zip);
  std::string out;
  zip_source_open(source);
  char buffer[4096];
  zip_int64_t got = 0;
  while ((got = zip_source_read(source, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(got));
  zip_source_close(source);
  zip_source_free(source);
  zip_error_fini(&error);
  return out;
}

// The entries of a zip archive (name -> contents); empty when libzip cannot open it.
std::vector<std::pair<std::string, std::string>> read_zip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = zip_open_from_source(source, ZIP_CHECKCONS | ZIP_RDONLY, &error);
  zip_error_fini(&error);
  std::vector<std::pair<std::string, std::string>> out;
  if (!zip) {
    zip_source_free(source);
    return out;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st);
    std::string data(static_cast<size_t>(st.size), '\0');
    zip_file_t* f = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0);
    EXPECT_EQ(zip_fread(f, data.data(), st.size), static_cast<zip_int64_t>(st.size)) << st.name;
    zip_fclose(f);
    out.emplace_back(st.name, data);
  }
  zip_discard(zip);
  return out;
}

std::string entry(const std::vector<std::pair<std::string, std::string>>& entries, std::string_view name) {
  for (const auto& [n, data] : entries) {
    if (n == name) return data;
  }
  return "(missing)";
}

std::string content_types(std::string_view main_type) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"" +
         std::string(main_type) +
         "\"/><Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";
}

constexpr std::string_view kWordMain =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

std::string docx(std::string_view main_type = kWordMain) {
  const std::string document =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>" +
      std::string(kBody) + "</w:t></w:r></w:p></w:body></w:document>";
  const std::string core =
      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>" +
      std::string(kAuthorName) + "</dc:creator><cp:lastModifiedBy>" + std::string(kAuthorName) +
      "</cp:lastModifiedBy></cp:coreProperties>";
  const std::string app =
      "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Company>" +
      std::string(kCompany) + "</Company></Properties>";
  const std::string custom = "<Properties><property name=\"Home\"><vt:lpwstr>" + std::string(kAuthorName) +
                             "</vt:lpwstr></property></Properties>";
  return make_zip({{"[Content_Types].xml", content_types(main_type)},
                   {"_rels/.rels", "<Relationships/>"},
                   {"word/document.xml", document},
                   {"docProps/core.xml", core},
                   {"docProps/app.xml", app},
                   {"docProps/custom.xml", custom}});
}

std::string odt(std::string_view manifest_extra = "") {
  const std::string meta =
      "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<office:meta><meta:initial-creator>" +
      std::string(kAuthorName) + "</meta:initial-creator><dc:creator>" + std::string(kAuthorName) +
      "</dc:creator></office:meta></office:document-meta>";
  return make_zip(
      {{"mimetype", "application/vnd.oasis.opendocument.text"},
       {"META-INF/manifest.xml", "<manifest:manifest>" + std::string(manifest_extra) + "</manifest:manifest>"},
       {"content.xml",
        "<office:document-content><text:p>" + std::string(kBody) + "</text:p></office:document-content>"},
       {"meta.xml", meta}},
      true);
}

// A one-page PDF whose Info dictionary and XMP metadata name its author; encrypted when a password is given.
std::string pdf(const char* password = nullptr, const char* owner = nullptr) {
  QPDF q;
  q.emptyPDF();
  auto page = q.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 200 200] >>"));
  page.replaceKey("/Contents", QPDFObjectHandle::newStream(&q, "BT /F1 12 Tf 20 100 Td (Agenda) Tj ET"));
  q.addPage(page, false);
  q.getTrailer().replaceKey(
      "/Info", q.makeIndirectObject(QPDFObjectHandle::parse("<< /Author (Megan Jones) /Creator (Writer of Megan Jones) "
                                                            "/Producer (Cwmni Cyfrinachol PDF) /Title (Agenda) >>")));
  auto xmp = QPDFObjectHandle::newStream(&q, "<x:xmpmeta><dc:creator>Megan Jones</dc:creator></x:xmpmeta>");
  xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  q.getRoot().replaceKey("/Metadata", xmp);
  QPDFWriter w(q);
  w.setOutputMemory();
  w.setCompressStreams(false);
  if (password) {
    w.setR6EncryptionParameters(password, owner ? owner : password, true, true, true, true, true, true, qpdf_r3p_full,
                                false);
  }
  w.write();
  std::unique_ptr<Buffer> out(w.getBuffer());
  return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
}

TEST(Documents, SniffsPdfWordAndOpenDocumentFromTheirContent) {
  EXPECT_EQ(sniff_document(pdf())->mime, "application/pdf");
  EXPECT_EQ(sniff_document(pdf())->extension, "pdf");
  EXPECT_EQ(sniff_document(pdf())->kind, Kind::document);
  EXPECT_EQ(sniff_document(docx())->extension, "docx");
  EXPECT_EQ(sniff_document(docx())->mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(sniff_document(odt())->extension, "odt");
  EXPECT_EQ(sniff_document(odt())->mime, "application/vnd.oasis.opendocument.text");
  // The media sniffer does not take documents: forms that allow no documents stay as they were.
  EXPECT_FALSE(sniff(pdf()));
  EXPECT_FALSE(sniff(docx()));
}

TEST(Documents, RefusesWhatIsNotAPlainDocumentAndSaysWhyWhenItCan) {
  const std::string docm = docx("application/vnd.ms-word.document.macroEnabled.main+xml");
  EXPECT_FALSE(sniff_document(docm));
  EXPECT_EQ(document_issue(docm), DocumentIssue::macros);
  const std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0');
  EXPECT_FALSE(sniff_document(ole));
  EXPECT_EQ(document_issue(ole), DocumentIssue::old_office);
  std::string encrypted_package = ole;
  for (char c : std::string_view("EncryptedPackage")) encrypted_package += std::string{c, '\0'};
  EXPECT_EQ(document_issue(encrypted_package), DocumentIssue::locked);
  const std::string locked_odt = odt("<manifest:encryption-data/>");
  EXPECT_FALSE(sniff_document(locked_odt));
  EXPECT_EQ(document_issue(locked_odt), DocumentIssue::locked);
  // Other zip files, spreadsheets, broken archives, text, nothing.
  EXPECT_FALSE(sniff_document(make_zip({{"notes.txt", "hello"}})));
  EXPECT_FALSE(document_issue(make_zip({{"notes.txt", "hello"}})));
  EXPECT_FALSE(sniff_document(
      make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}}, true)));
  const std::string whole = docx();
  EXPECT_FALSE(sniff_document(whole.substr(0, whole.size() / 2)));
  EXPECT_FALSE(sniff_document("PK\x03\x04 not really a zip"));
  EXPECT_FALSE(sniff_document("<html><body>Hello</body></html>"));
  EXPECT_FALSE(sniff_document(""));
  EXPECT_FALSE(document_issue(""));
}

TEST(Documents, WordLosesItsAuthorCompanyAndCustomPropertiesButKeepsItsText) {
  std::string bytes = docx();
  ASSERT_NE(entry(read_zip(bytes), "docProps/core.xml").find(kAuthorName), std::string::npos);
  ASSERT_EQ(strip_document(*sniff_document(bytes), bytes), Strip::done);
  const auto entries = read_zip(bytes);
  ASSERT_EQ(entries.size(), 6u) << "the archive still opens, with every part";
  for (const auto& [name, data] : entries) {
    EXPECT_EQ(data.find(kAuthorName), std::string::npos) << name;
    EXPECT_EQ(data.find(kCompany), std::string::npos) << name;
  }
  EXPECT_NE(entry(entries, "word/document.xml").find(kBody), std::string::npos);
  EXPECT_NE(entry(entries, "docProps/core.xml").find("coreProperties"), std::string::npos);
  EXPECT_EQ(sniff_document(bytes)->extension, "docx") << "still a Word document";
  std::string again = bytes;
  EXPECT_EQ(strip_document(*sniff_document(again), again), Strip::done);
}

TEST(Documents, OpenDocumentLosesItsMetaAndKeepsItsMimetypeFirstAndStored) {
  std::string bytes = odt();
  ASSERT_EQ(strip_document(*sniff_document(bytes), bytes), Strip::done);
  const auto entries = read_zip(bytes);
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].first, "mimetype");
  // The first local header's name and its stored contents, where ODF readers look for them.
  EXPECT_EQ(bytes.substr(30, 8), "mimetype");
  EXPECT_EQ(bytes.substr(38, 39), "application/vnd.oasis.opendocument.text");
  EXPECT_EQ(entry(entries, "meta.xml").find(kAuthorName), std::string::npos);
  EXPECT_NE(entry(entries, "meta.xml").find("office:meta"), std::string::npos);
  EXPECT_NE(entry(entries, "content.xml").find(kBody), std::string::npos);
  EXPECT_EQ(sniff_document(bytes)->extension, "odt");
}

TEST(Documents, PdfLosesItsInfoDictionaryAndXmpAndStillOpens) {
  std::string bytes = pdf();
  ASSERT_NE(bytes.find(kAuthorName), std::string::npos);
  ASSERT_EQ(strip_document(*sniff_document(bytes), bytes), Strip::done);
  EXPECT_EQ(bytes.find(kAuthorName), std::string::npos);
  EXPECT_EQ(bytes.find(kCompany), std::string::npos);
  EXPECT_EQ(bytes.find("/Producer"), std::string::npos) << "the writer adds no producer of its own";
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("stripped.pdf", bytes.data(), bytes.size());
  EXPECT_FALSE(q.getTrailer().hasKey("/Info"));
  EXPECT_FALSE(q.getRoot().hasKey("/Metadata"));
  EXPECT_EQ(q.getAllPages().size(), 1u);
  EXPECT_EQ(q.numWarnings(), 0u);
}

TEST(Documents, ProtectedBrokenOrFakePdfIsRefused) {
  std::string locked = pdf("secret");
  const std::string before = locked;
  EXPECT_EQ(strip_document(*sniff_document(locked), locked), Strip::locked);
  EXPECT_EQ(locked, before) << "unchanged when refused";
  // Opens without a password, but carries the author's restrictions: refused all the same.
  std::string restricted = pdf("", "owner-secret");
  EXPECT_EQ(strip_document(*sniff_document(restricted), restricted), Strip::locked);
  std::string fake = "%PDF-1.7\nThis is a letter, not a PDF.\n";
  EXPECT_EQ(strip_document(*sniff_document(fake), fake), Strip::broken);
  std::string truncated = pdf().substr(0, 120);
  EXPECT_EQ(strip_document(*sniff_document(truncated), truncated), Strip::broken);
}

TEST(Documents, TypeFromTheStoredMimeType) {
  EXPECT_EQ(document_type("application/pdf")->extension, "pdf");
  EXPECT_EQ(document_type("application/vnd.oasis.opendocument.text")->extension, "odt");
  EXPECT_FALSE(document_type("image/png"));
}

}  // namespace
}  // namespace roundtable::media
