/// Uploaded files: checked (type from the content, size), cleaned (images re-encoded without their metadata,
/// location boxes and tags removed from audio and video), kept in a Storage under the data folder, described by a
/// row in `uploads` and served at /files/{public_id} to those who may see what the file belongs to.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "db/database.hpp"
#include "http/types.hpp"
#include "media/media.hpp"
#include "uploads/storage.hpp"

namespace soci {
class session;
}

namespace roundtable::uploads {

/// What a file is for, named by the module that stores it (profiles' "profile_photo", organisations' "org_logo",
/// About Me's "about_me"; a new module names its own, in lower case with underscores): kept with the file, it decides
/// who may see it (UploadService::set_access). A purpose nobody set a rule for is seen by its owner only.
struct Purpose {
  std::string code;
  friend bool operator==(const Purpose&, const Purpose&) = default;
  friend auto operator<=>(const Purpose&, const Purpose&) = default;
};

struct Upload {
  long long id = 0;
  /// Random, unguessable; the file's address is /files/{public_id}.
  std::string public_id;
  /// The person who uploaded it (null once they erased their account and the file belongs to an organisation).
  std::optional<long long> owner_user_id;
  std::optional<long long> org_id;
  Purpose purpose;
  std::string mime;
  media::Kind kind = media::Kind::image;
  long long bytes = 0;
  int width = 0;
  int height = 0;
  /// The file name the browser sent, for showing only (never used to decide anything).
  std::string original_name;
  long long created_at = 0;
  /// Where Storage keeps it.
  std::string storage_key;
};

/// The address of a file: "/files/{public_id}".
std::string file_url(const Upload& u);
std::string file_url(std::string_view public_id);
/// The Content-Disposition value that downloads a document as `name` (made safe: an ASCII file name with anything
/// else replaced, and the UTF-8 name percent-encoded in filename*).
std::string attachment_disposition(std::string_view name);

/// Which kinds a form accepts and how big each may be.
struct Allowed {
  bool images = true;
  bool audio = false;
  bool video = false;
  /// PDF, Word (.docx) and OpenDocument text (.odt), with their personal properties removed; served download-only.
  bool documents = false;
  long long max_image_bytes = 10LL * 1024 * 1024;
  long long max_audio_bytes = 25LL * 1024 * 1024;
  long long max_video_bytes = 50LL * 1024 * 1024;
  long long max_document_bytes = 20LL * 1024 * 1024;
  /// Images are scaled down so the longer side is at most this.
  int max_image_side = 2000;
};
/// The largest body an upload form with these rules needs (the biggest allowed file plus room for the fields).
size_t body_limit_for(const Allowed& a);

/// Why a file was refused (each has plain words in the catalogue: upload.error.<code>).
/// old_office, macros and locked are documents a person can save again in a form we take (legacy .doc, Word with
/// macros, a password-protected file).
enum class Refusal { empty, wrong_type, too_big, image_too_large, broken, cannot_clean, old_office, macros, locked };
std::string_view refusal_code(Refusal r);
/// The plain-words message for a refusal, naming the limit (e.g. "The photo must be smaller than 10 MB").
std::string refusal_message(const core::Translator& t, Refusal r, const Allowed& a);
/// "10 MB", "2.5 MB", "120 KB" (binary units, as file managers show them).
std::string size_words(long long bytes);

/// A file checked and cleaned, ready to save.
struct Prepared {
  std::string bytes;
  std::string mime;
  media::Kind kind = media::Kind::image;
  int width = 0;
  int height = 0;
  std::string original_name;
  /// The usual extension of its type, without the dot ("pdf", "docx", "jpg" ...).
  std::string extension;
};

/// Pure: checks and cleans one file (CPU work; UploadService::prepare runs it off the network threads).
std::variant<Prepared, Refusal> prepare_file(std::string_view data, std::string_view filename, const Allowed& allowed);

namespace store {
/// Inside the caller's transaction: writes the file to storage, then inserts its row. If the transaction later
/// rolls back the file stays behind unreferenced (housekeeping removes such files).
Upload save(soci::session& s, Storage& storage, const Prepared& p, Purpose purpose, std::optional<long long> owner,
            std::optional<long long> org_id, long long now);
std::optional<Upload> find_by_public_id(soci::session& s, std::string_view public_id);
std::optional<Upload> find_by_id(soci::session& s, long long id);
/// Deletes the row and returns its storage key; remove the file with Storage::remove after the commit.
std::optional<std::string> remove(soci::session& s, long long id);
/// Every upload of one person (for their data download and erasure).
std::vector<Upload> of_owner(soci::session& s, long long user_id);
}  // namespace store

/// Files in storage that no row refers to and that are older than min_age (left behind by a rolled-back save);
/// removes them and returns how many. For housekeeping: run it with Database::run_sync. min_age must be longer
/// than any save's transaction, or a file whose row is not yet committed could be taken.
size_t sweep_orphan_files(soci::session& s, FolderStorage& storage, std::chrono::seconds min_age);

/// A person's own files for their data download: ("files/{public_id}.{extension}", bytes) for each upload they own
/// whose file is still stored.
std::vector<std::pair<std::string, std::string>> export_files(soci::session& s, Storage& storage, long long user_id);

/// Who may see a file of some purpose: viewer is nullptr when not signed in. Runs on a database thread.
using AccessCheck = std::function<bool(soci::session& s, const Upload& u, const http::Principal* viewer)>;

class UploadService {
 public:
  UploadService(db::Database& db, std::shared_ptr<Storage> storage);
  ~UploadService();
  UploadService(const UploadService&) = delete;
  UploadService& operator=(const UploadService&) = delete;

  /// prepare_file on the upload threads (so a big image does not hold up other requests).
  boost::asio::awaitable<std::variant<Prepared, Refusal>> prepare(std::string data, std::string filename,
                                                                  Allowed allowed);
  /// Sets who may see files of a purpose. Purposes without a check are seen by nobody but their owner. Call it while
  /// wiring, before serving: the checks are read on the database threads without a lock.
  void set_access(Purpose p, AccessCheck check);
  /// The file and its bytes if this viewer may see it; nullopt (404) otherwise.
  struct File {
    Upload upload;
    std::string bytes;
  };
  boost::asio::awaitable<std::optional<File>> file_for(std::string public_id, std::optional<http::Principal> viewer);

  Storage& storage() { return *storage_; }
  db::Database& db() { return db_; }

 private:
  db::Database& db_;
  std::shared_ptr<Storage> storage_;
  boost::asio::thread_pool workers_;
  std::map<Purpose, AccessCheck> access_;
};

/// GET /files/{public_id}: the file with its sniffed type, nosniff, a sandboxing CSP and private caching; 404 for
/// files that do not exist or that this viewer may not see. Documents are download-only: Content-Disposition
/// attachment, with a file name made safe from Upload::original_name (ADR 0030). service may be null when the routes
/// are only listed.
void add_upload_routes(std::vector<http::Route>& routes, UploadService* service,
                       std::function<http::Response(http::RequestContext&)> not_found);

}  // namespace roundtable::uploads
