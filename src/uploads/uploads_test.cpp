#include "uploads/uploads.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/build_paths.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "db/transaction.hpp"
#include "security/tokens.hpp"

namespace roundtable::uploads {
namespace {

namespace fs = std::filesystem;
using db::testing::run;

// The purposes the modules name for their files (profiles, organisations, About Me); uploads knows none of them.
const Purpose kPhoto{"profile_photo"}, kLogo{"org_logo"}, kAboutMe{"about_me"};

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(core::build_paths::source_dir()) + "/tests/integration/fixtures/about_me/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

/// A fresh folder under the system's temporary folder, removed afterwards.
class TempDir {
 public:
  explicit TempDir(const std::string& tag)
      : path_(fs::temp_directory_path() / ("rt-uploads-" + std::to_string(::getpid()) + "-" + tag)) {
    fs::remove_all(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void make_old(const FolderStorage& storage, const std::string& key) {
  fs::last_write_time(storage.root() / key, fs::file_time_type::clock::now() - std::chrono::hours(2));
}

// --- FolderStorage

TEST(FolderStorage, PutsGetsAndRemovesUnderKeysItMakes) {
  TempDir dir("storage");
  FolderStorage storage(dir.path() / "uploads");
  const std::string bytes("hello\0world", 11);
  const auto key = storage.put(bytes);
  ASSERT_EQ(key.size(), 35u) << key;
  EXPECT_EQ(key[2], '/');
  EXPECT_EQ(key.substr(0, 2), key.substr(3, 2));
  EXPECT_EQ(key.find_first_not_of("0123456789abcdef/"), std::string::npos) << key;
  EXPECT_EQ(storage.get(key), bytes);
  EXPECT_TRUE(fs::is_regular_file(storage.root() / key));

  const auto other = storage.put("");
  EXPECT_NE(other, key);
  EXPECT_EQ(storage.get(other), "");
  auto keys = storage.keys();
  std::sort(keys.begin(), keys.end());
  auto expected = std::vector<std::string>{key, other};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(keys, expected);
  EXPECT_TRUE(storage.modified_at(key).has_value());

  storage.remove(key);
  EXPECT_FALSE(storage.get(key));
  EXPECT_NO_THROW(storage.remove(key)) << "removing twice is not an error";
  EXPECT_EQ(storage.keys(), std::vector<std::string>{other});
}

TEST(FolderStorage, RefusesKeysItDoesNotMake) {
  TempDir dir("refuse");
  FolderStorage storage(dir.path());
  const auto key = storage.put("secret");
  // Plant files that a crafted key might reach.
  std::ofstream(dir.path() / "x") << "outside";
  std::ofstream(dir.path() / key.substr(0, 2) / "short") << "short";
  std::ofstream(dir.path() / (key + ".tmp")) << "half";
  for (const std::string& bad : std::vector<std::string>{
           "../x", "x", "", "/etc/passwd", key.substr(0, 2) + "/short", key + ".tmp", key.substr(0, 2) + "/../x",
           std::string("zz/") + key.substr(3), (key.substr(0, 2) == "00" ? "11/" : "00/") + key.substr(3),
           key.substr(0, 2) + "\\" + key.substr(3), key.substr(0, 2) + "/" + key.substr(3, 31) + "A", key + "/",
           "./" + key}) {
    EXPECT_FALSE(storage.get(bad)) << bad;
    EXPECT_NO_THROW(storage.remove(bad)) << bad;
    EXPECT_FALSE(storage.modified_at(bad)) << bad;
  }
  EXPECT_TRUE(fs::exists(dir.path() / "x"));
  EXPECT_EQ(storage.get(key), "secret");
  EXPECT_EQ(storage.keys(), std::vector<std::string>{key}) << "temporary and foreign files are not keys";
}

TEST(FolderStorage, MakesItsFolderOrSaysWhyNot) {
  TempDir dir("make");
  EXPECT_NO_THROW(FolderStorage(dir.path() / "a" / "b"));
  EXPECT_TRUE(fs::is_directory(dir.path() / "a" / "b"));
  std::ofstream(dir.path() / "file") << "x";
  EXPECT_THROW(FolderStorage(dir.path() / "file"), std::runtime_error);
}

// --- prepare_file

Allowed images_only() { return Allowed{}; }
Allowed audio_only() {
  Allowed a;
  a.images = false;
  a.audio = true;
  return a;
}
Allowed video_only() {
  Allowed a;
  a.images = false;
  a.video = true;
  return a;
}

TEST(PrepareFile, ReencodesAPngAndScalesItDown) {
  const auto png = fixture("tiny.png");
  auto out = prepare_file(png, "tiny.png", images_only());
  ASSERT_TRUE(std::holds_alternative<Prepared>(out));
  const auto& p = std::get<Prepared>(out);
  EXPECT_EQ(p.mime, "image/png");
  EXPECT_EQ(p.kind, media::Kind::image);
  EXPECT_EQ(p.width, 8);
  EXPECT_EQ(p.height, 4);
  EXPECT_EQ(p.original_name, "tiny.png");

  Allowed small;
  small.max_image_side = 4;
  auto scaled = prepare_file(png, "tiny.png", small);
  ASSERT_TRUE(std::holds_alternative<Prepared>(scaled));
  EXPECT_EQ(std::get<Prepared>(scaled).width, 4);
  EXPECT_EQ(std::get<Prepared>(scaled).height, 2);
  EXPECT_EQ(media::image_size(std::get<Prepared>(scaled).bytes), std::make_pair(4, 2));
}

TEST(PrepareFile, RemovesTheLocationFromAJpeg) {
  const auto jpeg = fixture("photo-with-location.jpg");
  ASSERT_TRUE(contains(jpeg, "Exif"));
  auto out = prepare_file(jpeg, "photo-with-location.jpg", images_only());
  ASSERT_TRUE(std::holds_alternative<Prepared>(out));
  const auto& p = std::get<Prepared>(out);
  EXPECT_EQ(p.mime, "image/jpeg");
  EXPECT_FALSE(contains(p.bytes, "Exif"));
  EXPECT_FALSE(contains(p.bytes, "GPS"));
  EXPECT_EQ(media::exif_orientation(p.bytes), 1);
  EXPECT_GT(p.width, 0);
  EXPECT_EQ(media::image_size(p.bytes), std::make_pair(p.width, p.height));
}

TEST(PrepareFile, TakesARecordingOnlyWhereRecordingsAreAllowed) {
  const auto mp3 = fixture("hello.mp3");
  EXPECT_EQ(std::get<Refusal>(prepare_file(mp3, "hello.mp3", images_only())), Refusal::wrong_type);
  EXPECT_EQ(std::get<Refusal>(prepare_file(mp3, "hello.mp3", video_only())), Refusal::wrong_type);
  auto out = prepare_file(mp3, "hello.mp3", audio_only());
  ASSERT_TRUE(std::holds_alternative<Prepared>(out));
  const auto& p = std::get<Prepared>(out);
  EXPECT_EQ(p.kind, media::Kind::audio);
  EXPECT_EQ(p.mime, "audio/mpeg");
  EXPECT_FALSE(contains(p.bytes, "Recorded at home")) << "the ID3 tag is gone";
  EXPECT_FALSE(contains(p.bytes, "ID3"));
  EXPECT_LT(p.bytes.size(), mp3.size());
}

TEST(PrepareFile, TakesAVideoOnlyWhereVideosAreAllowed) {
  const auto mp4 = fixture("morning.mp4");
  EXPECT_EQ(std::get<Refusal>(prepare_file(mp4, "morning.mp4", images_only())), Refusal::wrong_type);
  EXPECT_EQ(std::get<Refusal>(prepare_file(mp4, "morning.mp4", audio_only())), Refusal::wrong_type);
  auto out = prepare_file(mp4, "morning.mp4", video_only());
  ASSERT_TRUE(std::holds_alternative<Prepared>(out));
  const auto& p = std::get<Prepared>(out);
  EXPECT_EQ(p.kind, media::Kind::video);
  EXPECT_EQ(p.mime, "video/mp4");
  EXPECT_EQ(p.bytes.size(), mp4.size()) << "boxes are renamed in place";
  EXPECT_FALSE(contains(p.bytes, "udta"));
  EXPECT_FALSE(contains(p.bytes, "-meta")) << "the 'meta' box (size 0x2d) is renamed";
  EXPECT_TRUE(contains(p.bytes, "-free"));
}

TEST(PrepareFile, JudgesTheTypeByTheContentNotTheName) {
  for (const std::string payload :
       {"<html><script>alert(1)</script></html>", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">",
        "<svg onload=alert(1)>", "just some words", "%PDF-1.7\n", "MZ\x90"}) {
    auto out = prepare_file(payload, "photo.jpg", images_only());
    ASSERT_TRUE(std::holds_alternative<Refusal>(out)) << payload;
    EXPECT_EQ(std::get<Refusal>(out), Refusal::wrong_type) << payload;
  }
  Allowed everything;
  everything.audio = everything.video = true;
  EXPECT_EQ(std::get<Refusal>(prepare_file("<html></html>", "song.mp3", everything)), Refusal::wrong_type);
}

TEST(PrepareFile, RefusesEmptyTooBigHugeAndBrokenFiles) {
  EXPECT_EQ(std::get<Refusal>(prepare_file("", "a.png", images_only())), Refusal::empty);

  Allowed tiny_limit;
  tiny_limit.max_image_bytes = 50;
  EXPECT_EQ(std::get<Refusal>(prepare_file(fixture("tiny.png"), "tiny.png", tiny_limit)), Refusal::too_big);
  Allowed tiny_audio = audio_only();
  tiny_audio.max_audio_bytes = 100;
  EXPECT_EQ(std::get<Refusal>(prepare_file(fixture("hello.mp3"), "a.mp3", tiny_audio)), Refusal::too_big);

  // A PNG header claiming 20000 x 20000 pixels: refused before anything is decoded.
  std::string huge("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x4e\x20\0\0\x4e\x20\x08\x02\0\0\0\0\0\0\0", 33);
  EXPECT_EQ(std::get<Refusal>(prepare_file(huge, "huge.png", images_only())), Refusal::image_too_large);

  std::string broken = fixture("tiny.png").substr(0, 40);
  EXPECT_EQ(std::get<Refusal>(prepare_file(broken, "cut.png", images_only())), Refusal::broken);
}

TEST(PrepareFile, KeepsOnlyAShowableFileName) {
  const auto png = fixture("tiny.png");
  const auto name = [&](std::string_view sent) {
    return std::get<Prepared>(prepare_file(png, sent, images_only())).original_name;
  };
  EXPECT_EQ(name("C:\\x\\..\\a.jpg"), "a.jpg");
  EXPECT_EQ(name("../../etc/passwd"), "passwd");
  EXPECT_EQ(name("dir/"), "");
  EXPECT_EQ(name(".."), "");
  EXPECT_EQ(name("a\r\nb\x01\x7f.png"), "ab.png");
  EXPECT_EQ(name("caf\xc3\xa9.png"), "caf\xc3\xa9.png");
  EXPECT_EQ(name("bad\xff\xc3.png"), "bad.png") << "invalid UTF-8 dropped";
  EXPECT_EQ(name("photo\xe2\x80\xaegpj.exe"), "photogpj.exe") << "no right-to-left override";
  const std::string long_name = std::string(199, 'a') + "\xc3\xa9" + ".png";
  const auto kept = name(long_name);
  EXPECT_EQ(kept, std::string(199, 'a')) << "cut at 200 bytes, never inside a character";
}

// --- words

TEST(Refusals, HaveCodesAndNameTheLimitInEnglishAndWelsh) {
  const core::Translator en(core::Messages::embedded(), core::Lang::en);
  const core::Translator cy(core::Messages::embedded(), core::Lang::cy);
  EXPECT_EQ(refusal_code(Refusal::image_too_large), "image_too_large");
  EXPECT_EQ(refusal_message(en, Refusal::too_big, images_only()), "The photo must be smaller than 10 MB");
  EXPECT_EQ(refusal_message(cy, Refusal::too_big, images_only()), "Rhaid i'r llun fod yn llai na 10 MB");
  EXPECT_EQ(refusal_message(en, Refusal::too_big, audio_only()), "The recording must be smaller than 25 MB");
  EXPECT_EQ(refusal_message(en, Refusal::too_big, video_only()), "The video must be smaller than 50 MB");
  Allowed odd;
  odd.max_image_bytes = 2621440;
  EXPECT_EQ(refusal_message(en, Refusal::too_big, odd), "The photo must be smaller than 2.5 MB");
  Allowed photo_or_video = images_only();
  photo_or_video.video = true;
  const auto both = refusal_message(en, Refusal::too_big, photo_or_video);
  EXPECT_TRUE(contains(both, "10 MB") && contains(both, "50 MB") && !contains(both, "25 MB")) << both;

  EXPECT_EQ(refusal_message(en, Refusal::wrong_type, images_only()),
            "The file must be a photo (JPEG, PNG, GIF or WebP)");
  EXPECT_EQ(refusal_message(cy, Refusal::wrong_type, images_only()),
            "Rhaid i'r ffeil fod yn llun (JPEG, PNG, GIF neu WebP)");
  EXPECT_TRUE(contains(refusal_message(en, Refusal::wrong_type, audio_only()), "MP3"));
  EXPECT_TRUE(contains(refusal_message(en, Refusal::image_too_large, images_only()), "40 megapixels"));

  Allowed papers = images_only();
  papers.audio = papers.video = papers.documents = true;
  EXPECT_TRUE(contains(refusal_message(en, Refusal::wrong_type, papers), "PDF, a Word document (.docx)"));
  EXPECT_TRUE(contains(refusal_message(en, Refusal::too_big, papers), "A document must be smaller than 20 MB."));
  EXPECT_TRUE(contains(refusal_message(en, Refusal::macros, papers), "macros"));
  EXPECT_TRUE(contains(refusal_message(cy, Refusal::old_office, papers), ".doc"));

  // Every message, for the mixes of kinds forms use, is real text in both languages.
  for (int mask = 0; mask < 16; ++mask) {
    Allowed a;
    a.images = mask & 1;
    a.audio = mask & 2;
    a.video = mask & 4;
    a.documents = mask & 8;
    // Documents go with everything (papers) or alone; no form takes another mix, so it has no words.
    if (a.documents && mask != 8 && mask != 15) continue;
    for (auto r : {Refusal::empty, Refusal::wrong_type, Refusal::too_big, Refusal::image_too_large, Refusal::broken,
                   Refusal::old_office, Refusal::macros, Refusal::locked}) {
      for (const auto* t : {&en, &cy}) {
        const auto m = refusal_message(*t, r, a);
        EXPECT_FALSE(m.empty());
        EXPECT_FALSE(contains(m, "upload.error")) << m;
        EXPECT_FALSE(contains(m, "{")) << m;
      }
    }
  }
}

TEST(Refusals, EveryEnglishMessageHasItsOwnWelsh) {
  const auto& m = core::Messages::embedded();
  int n = 0;
  for (const auto& [key, text] : m.catalogue(core::Lang::en).entries()) {
    if (key.rfind("upload.", 0) != 0) continue;
    ++n;
    const auto* welsh = m.catalogue(core::Lang::cy).find(key);
    ASSERT_NE(welsh, nullptr) << key;
    EXPECT_NE(*welsh, text) << key;
  }
  EXPECT_GE(n, 10);
}

// A one-page PDF with a correct cross-reference table and an Info dictionary naming its author.
std::string small_pdf() {
  const std::string objects[] = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                 "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>",
                                 "<< /Author (Megan Jones) /Producer (Cwmni PDF) >>"};
  std::string out = "%PDF-1.7\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < 4; ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 5\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    const std::string n = std::to_string(o);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  return out + "trailer\n<< /Size 5 /Root 1 0 R /Info 4 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

TEST(PrepareFile, TakesDocumentsOnlyWhereDocumentsAreAllowedAndCleansThem) {
  Allowed documents;
  documents.images = false;
  documents.documents = true;
  const auto out = prepare_file(small_pdf(), "C:\\Users\\megan\\budget.pdf", documents);
  ASSERT_TRUE(std::holds_alternative<Prepared>(out));
  const auto& p = std::get<Prepared>(out);
  EXPECT_EQ(p.mime, "application/pdf");
  EXPECT_EQ(p.kind, media::Kind::document);
  EXPECT_EQ(p.extension, "pdf");
  EXPECT_EQ(p.original_name, "budget.pdf");
  EXPECT_TRUE(p.bytes.starts_with("%PDF-"));
  EXPECT_FALSE(contains(p.bytes, "Megan Jones"));
  EXPECT_FALSE(contains(p.bytes, "Cwmni"));

  EXPECT_EQ(std::get<Refusal>(prepare_file(small_pdf(), "budget.pdf", images_only())), Refusal::wrong_type);
  const std::string doc = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
  EXPECT_EQ(std::get<Refusal>(prepare_file(doc, "old.doc", documents)), Refusal::old_office);
  EXPECT_EQ(std::get<Refusal>(prepare_file(doc, "old.doc", images_only())), Refusal::wrong_type);
  EXPECT_EQ(std::get<Refusal>(prepare_file("%PDF-1.4\nDear all\n", "letter.pdf", documents)), Refusal::broken);
  EXPECT_EQ(std::get<Refusal>(prepare_file("Dear all", "letter.pdf", documents)), Refusal::wrong_type);
  Allowed tiny = documents;
  tiny.max_document_bytes = 100;
  EXPECT_EQ(std::get<Refusal>(prepare_file(small_pdf(), "budget.pdf", tiny)), Refusal::too_big);
}

TEST(Uploads, DocumentsDownloadUnderASafeName) {
  EXPECT_EQ(attachment_disposition("Budget.pdf"), "attachment; filename=\"Budget.pdf\"; filename*=UTF-8''Budget.pdf");
  EXPECT_EQ(attachment_disposition("Cyllideb 2025/26 \"drafft\"; Medi.pdf"),
            "attachment; filename=\"Cyllideb 2025_26 _drafft__ Medi.pdf\"; "
            "filename*=UTF-8''Cyllideb%202025_26%20%22drafft%22%3B%20Medi.pdf");
  EXPECT_EQ(attachment_disposition("Cyfarfod\r\nSet-Cookie: x.pdf"),
            "attachment; filename=\"CyfarfodSet-Cookie_ x.pdf\"; filename*=UTF-8''CyfarfodSet-Cookie%3A%20x.pdf");
  EXPECT_EQ(attachment_disposition("Ŵyl.odt"), "attachment; filename=\"__yl.odt\"; filename*=UTF-8''%C5%B4yl.odt");
  EXPECT_EQ(attachment_disposition(""), "attachment; filename=\"paper\"");
}

TEST(Uploads, UrlsAndBodyLimits) {
  EXPECT_EQ(file_url("abc"), "/files/abc");
  Upload u;
  u.public_id = "xyz";
  EXPECT_EQ(file_url(u), "/files/xyz");
  EXPECT_EQ(body_limit_for(Allowed{}), 10u * 1024 * 1024 + 64 * 1024);
  Allowed all;
  all.audio = all.video = true;
  EXPECT_EQ(body_limit_for(all), 50u * 1024 * 1024 + 64 * 1024);
  EXPECT_EQ(body_limit_for(audio_only()), 25u * 1024 * 1024 + 64 * 1024);
}

TEST(UploadService, PreparesOffTheCallersThread) {
  auto db = db::testing::fresh_database("sqlite");
  TempDir dir("service");
  UploadService service(*db, std::make_shared<FolderStorage>(dir.path()));
  auto out = run(service.prepare(fixture("tiny.png"), "a/b.png", Allowed{}));
  ASSERT_TRUE(std::holds_alternative<Prepared>(out));
  EXPECT_EQ(std::get<Prepared>(out).original_name, "b.png");
  EXPECT_EQ(std::get<Refusal>(run(service.prepare("", "x", Allowed{}))), Refusal::empty);
}

// --- the store and who may see a file, on each database

class UploadsOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    security::init();
    db = db::testing::fresh_database(GetParam());
    dir = std::make_unique<TempDir>("db-" + GetParam());
    storage = std::make_shared<FolderStorage>(dir->path());
    service = std::make_unique<UploadService>(*db, storage);
    owner = user("owner@example.org");
    friend_id = user("friend@example.org");
    stranger = user("stranger@example.org");
    org = db->run_sync([](soci::session& s) {
      long long id = 0;
      s << "INSERT INTO organisations (slug, name, created_at, updated_at) VALUES ('north', 'North', 1, 1) "
           "RETURNING id",
          soci::into(id);
      return id;
    });
  }
  void TearDown() override {
    service.reset();
    dir.reset();
  }
  long long user(const std::string& email) {
    return db->run_sync([&](soci::session& s) {
      long long id = 0;
      s << "INSERT INTO users (email, name, created_at, updated_at) VALUES (:e, 'Someone', 1, 1) RETURNING id",
          soci::use(email), soci::into(id);
      return id;
    });
  }
  static Prepared png() {
    Prepared p;
    p.bytes = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";
    p.mime = "image/png";
    p.width = 3;
    p.height = 2;
    p.original_name = "me.png";
    return p;
  }
  Upload save(Purpose purpose, std::optional<long long> who, std::optional<long long> org_id = std::nullopt) {
    return db->run_sync([&](soci::session& s) { return store::save(s, *storage, png(), purpose, who, org_id, 1234); });
  }
  static http::Principal principal(long long id) {
    http::Principal p;
    p.user_id = id;
    return p;
  }
  std::optional<UploadService::File> file_for(const std::string& public_id, std::optional<long long> viewer) {
    std::optional<http::Principal> p;
    if (viewer) p = principal(*viewer);
    return run(service->file_for(public_id, p));
  }

  std::unique_ptr<db::Database> db;
  std::unique_ptr<TempDir> dir;
  std::shared_ptr<FolderStorage> storage;
  std::unique_ptr<UploadService> service;
  long long owner = 0, friend_id = 0, stranger = 0, org = 0;
};

TEST_P(UploadsOnBackend, SavesFindsListsAndRemoves) {
  const auto u = save(kAboutMe, owner);
  EXPECT_GT(u.id, 0);
  EXPECT_EQ(u.public_id.size(), 22u);
  EXPECT_EQ(storage->get(u.storage_key), png().bytes);

  auto found = db->run_sync([&](soci::session& s) { return store::find_by_public_id(s, u.public_id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, u.id);
  EXPECT_EQ(found->owner_user_id, owner);
  EXPECT_FALSE(found->org_id);
  EXPECT_EQ(found->purpose, kAboutMe);
  EXPECT_EQ(found->mime, "image/png");
  EXPECT_EQ(found->kind, media::Kind::image);
  EXPECT_EQ(found->bytes, static_cast<long long>(png().bytes.size()));
  EXPECT_EQ(found->width, 3);
  EXPECT_EQ(found->height, 2);
  EXPECT_EQ(found->original_name, "me.png");
  EXPECT_EQ(found->created_at, 1234);
  EXPECT_EQ(found->storage_key, u.storage_key);
  auto by_id = db->run_sync([&](soci::session& s) { return store::find_by_id(s, u.id); });
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->public_id, u.public_id);

  const auto logo = save(kLogo, owner, org);
  save(kPhoto, stranger);
  auto mine = db->run_sync([&](soci::session& s) { return store::of_owner(s, owner); });
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].id, u.id);
  EXPECT_EQ(mine[1].id, logo.id);
  EXPECT_EQ(mine[1].org_id, org);

  // A document is kept as one (the kind column takes it on both databases).
  Prepared pdf;
  pdf.bytes = "%PDF-1.7\n";
  pdf.mime = "application/pdf";
  pdf.kind = media::Kind::document;
  pdf.original_name = "Budget.pdf";
  const auto paper = db->run_sync([&](soci::session& s) {
    return store::save(s, *storage, pdf, Purpose{"meeting_paper"}, std::nullopt, org, 1234);
  });
  EXPECT_EQ(db->run_sync([&](soci::session& s) { return store::find_by_id(s, paper.id)->kind; }),
            media::Kind::document);

  auto key = db->run_sync([&](soci::session& s) { return store::remove(s, u.id); });
  EXPECT_EQ(key, u.storage_key);
  EXPECT_FALSE(db->run_sync([&](soci::session& s) { return store::find_by_id(s, u.id).has_value(); }));
  EXPECT_FALSE(db->run_sync([&](soci::session& s) { return store::remove(s, u.id).has_value(); }));
  EXPECT_FALSE(db->run_sync([&](soci::session& s) { return store::find_by_public_id(s, "nope").has_value(); }));
}

TEST_P(UploadsOnBackend, APersonsDataDownloadGetsTheirOwnFilesOnly) {
  const auto mine = save(kAboutMe, owner);
  const auto gone = save(kPhoto, owner);
  storage->remove(gone.storage_key);
  save(kAboutMe, stranger);
  auto files = db->run_sync([&](soci::session& s) { return export_files(s, *storage, owner); });
  ASSERT_EQ(files.size(), 1u) << "a file missing from storage is left out, and others' files are not there";
  EXPECT_EQ(files[0].first, "files/" + mine.public_id + ".png");
  EXPECT_EQ(files[0].second, png().bytes);
}

TEST_P(UploadsOnBackend, AnErasedOwnerLeavesTheOrganisationsFileWithoutAnOwner) {
  const auto logo = save(kLogo, owner, org);
  db->run_sync([&](soci::session& s) { s << "DELETE FROM users WHERE id = :id", soci::use(owner); });
  auto found = db->run_sync([&](soci::session& s) { return store::find_by_id(s, logo.id); });
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->owner_user_id);
  db->run_sync([&](soci::session& s) { s << "DELETE FROM organisations WHERE id = :id", soci::use(org); });
  EXPECT_FALSE(db->run_sync([&](soci::session& s) { return store::find_by_id(s, logo.id).has_value(); }));
}

TEST_P(UploadsOnBackend, OnlyTheOwnerSeesAFileWhosePurposeHasNoCheck) {
  const auto u = save(kPhoto, owner);
  auto mine = file_for(u.public_id, owner);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->bytes, png().bytes);
  EXPECT_EQ(mine->upload.id, u.id);
  EXPECT_FALSE(file_for(u.public_id, stranger));
  EXPECT_FALSE(file_for(u.public_id, std::nullopt));
}

TEST_P(UploadsOnBackend, OthersSeeAFileWhenItsPurposesCheckSaysSo) {
  const auto u = save(kAboutMe, owner);
  std::vector<std::optional<long long>> asked;
  service->set_access(kAboutMe, [&](soci::session& s, const Upload& up, const http::Principal* viewer) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM uploads WHERE id = :id", soci::use(up.id), soci::into(n);
    EXPECT_EQ(n, 1);
    asked.push_back(viewer ? std::optional<long long>(viewer->user_id) : std::nullopt);
    return viewer && viewer->user_id == friend_id;
  });
  EXPECT_TRUE(file_for(u.public_id, friend_id));
  EXPECT_FALSE(file_for(u.public_id, stranger));
  EXPECT_FALSE(file_for(u.public_id, std::nullopt));
  EXPECT_TRUE(file_for(u.public_id, owner)) << "the owner needs no check";
  EXPECT_EQ(asked, (std::vector<std::optional<long long>>{friend_id, stranger, std::nullopt}));

  // Another purpose's check does not open this one.
  const auto photo = save(kPhoto, owner);
  EXPECT_FALSE(file_for(photo.public_id, friend_id));
}

TEST_P(UploadsOnBackend, NothingForBadIdsOrMissingFiles) {
  service->set_access(kAboutMe, [](soci::session&, const Upload&, const http::Principal*) { return true; });
  const auto u = save(kAboutMe, owner);
  EXPECT_TRUE(file_for(u.public_id, stranger));
  for (const std::string& bad :
       std::vector<std::string>{"", "x", "../../etc/passwd", u.public_id + "A", u.public_id.substr(1) + "!",
                                u.public_id.substr(1) + "/", std::string(22, '.'), security::random_token(16)}) {
    EXPECT_FALSE(file_for(bad, owner)) << bad;
  }
  storage->remove(u.storage_key);
  EXPECT_FALSE(file_for(u.public_id, owner)) << "a row whose file is gone";
}

TEST_P(UploadsOnBackend, SweepRemovesOldFilesNoRowRefersTo) {
  const auto kept = save(kAboutMe, owner);
  const auto orphan = storage->put("left behind by a rolled-back save");
  const auto fresh = storage->put("a save still in progress");
  make_old(*storage, kept.storage_key);
  make_old(*storage, orphan);
  // A save whose transaction rolled back leaves its file too.
  const auto rolled_back = db->run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto u = store::save(s, *storage, png(), kAboutMe, owner, std::nullopt, 1);
    tx.rollback();
    return u.storage_key;
  });
  make_old(*storage, rolled_back);

  const auto removed =
      db->run_sync([&](soci::session& s) { return sweep_orphan_files(s, *storage, std::chrono::hours(1)); });
  EXPECT_EQ(removed, 2u);
  EXPECT_TRUE(storage->get(kept.storage_key));
  EXPECT_FALSE(storage->get(orphan));
  EXPECT_FALSE(storage->get(rolled_back));
  EXPECT_TRUE(storage->get(fresh)) << "too new to be sure it is an orphan";
  EXPECT_EQ(db->run_sync([&](soci::session& s) { return sweep_orphan_files(s, *storage, std::chrono::hours(1)); }), 0u);
}

TEST_P(UploadsOnBackend, TheFileRouteServesTheFileSafelyOrNotFound) {
  std::vector<http::Route> routes;
  int not_found_calls = 0;
  add_upload_routes(routes, service.get(), [&](http::RequestContext& ctx) {
    ++not_found_calls;
    return http::make_response(ctx.request, http::Status::not_found, "gone", "text/plain");
  });
  ASSERT_EQ(routes.size(), 1u);
  const auto& route = routes[0];
  EXPECT_EQ(route.method, "GET");
  EXPECT_EQ(route.pattern, "/files/{public_id}");
  EXPECT_EQ(route.name, "file");
  EXPECT_FALSE(route.html);
  EXPECT_EQ(route.policy.name, http::policy::public_access().name);

  const auto u = save(kPhoto, owner);
  const auto get = [&](const std::string& id, std::optional<long long> viewer) {
    http::Request req{http::Verb::get, file_url(id), 11};
    http::RequestContext ctx{req};
    ctx.params = {{"public_id", id}};
    if (viewer) ctx.principal = principal(*viewer);
    return run(route.handler(ctx));
  };
  auto ok = get(u.public_id, owner);
  EXPECT_EQ(ok.result(), http::Status::ok);
  EXPECT_EQ(ok.body(), png().bytes);
  EXPECT_EQ(ok["Content-Type"], "image/png");
  EXPECT_EQ(ok["Content-Security-Policy"], "default-src 'none'; sandbox");
  EXPECT_EQ(ok["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(ok["Cache-Control"], "private, max-age=3600");
  EXPECT_EQ(ok["Content-Disposition"], "inline");
  EXPECT_EQ(not_found_calls, 0);

  EXPECT_EQ(get(u.public_id, stranger).result(), http::Status::not_found);
  EXPECT_EQ(get("nope", owner).result(), http::Status::not_found);
  EXPECT_EQ(not_found_calls, 2);

  // A document is download-only, under the name it was given.
  Prepared pdf;
  pdf.bytes = "%PDF-1.7\n";
  pdf.mime = "application/pdf";
  pdf.kind = media::Kind::document;
  pdf.original_name = "Budget: 2025.pdf";
  const auto paper =
      db->run_sync([&](soci::session& s) { return store::save(s, *storage, pdf, kAboutMe, owner, std::nullopt, 1); });
  auto download = get(paper.public_id, owner);
  EXPECT_EQ(download.result(), http::Status::ok);
  EXPECT_EQ(download["Content-Type"], "application/pdf");
  EXPECT_EQ(download["Content-Disposition"],
            "attachment; filename=\"Budget_ 2025.pdf\"; filename*=UTF-8''Budget%3A%202025.pdf");
  EXPECT_EQ(download["Content-Security-Policy"], "default-src 'none'; sandbox");
  EXPECT_EQ(download["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(get(paper.public_id, stranger).result(), http::Status::not_found);
}

INSTANTIATE_TEST_SUITE_P(Backends, UploadsOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::uploads
