/// Use cases of About Me pages: the owner builds their page and chooses who sees it; others see it when allowed.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <vector>

#include "about_me/about_me.hpp"
#include "db/database.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::about_me {

/// The purpose of About Me's files (photos, recordings, videos): who may see them is register_access.
inline const uploads::Purpose kFilePurpose{"about_me"};

/// The owner's view of their page.
struct OwnPage {
  PageSettings settings;
  std::vector<Item> items;
  std::vector<Viewer> viewers;
};

/// The page as someone else may see it.
struct SharedPage {
  long long owner_id = 0;
  std::string owner_name;
  PageSettings settings;
  std::vector<Item> items;
};

/// The "who can see it" page: the choice, the people named, and everyone the owner may name.
struct SharingPage {
  PageSettings settings;
  std::vector<Viewer> named;
  std::vector<Viewer> people;
};

/// What the owner chose on the one "who can see it" form, saved together so no part of it is lost.
struct SharingChoice {
  Visibility visibility = Visibility::only_me;
  /// The named people to keep; anyone else named before is taken off.
  std::vector<long long> keep;
  /// Someone to name as well (one of SharingPage::people).
  std::optional<long long> add;
};

/// saved, or why nothing was saved: the person to add shares no organisation with the owner (or is the owner), or
/// "people I name" was chosen with nobody named.
enum class SharingOutcome { saved, no_such_person, nobody_named };

/// What became of adding an item: its id, or too_many when the page is full.
struct AddResult {
  long long id = 0;
  bool too_many = false;
};

/// Which files an item kind accepts: photos take images, recordings audio, videos video.
uploads::Allowed allowed_for(ItemKind kind);

class AboutMeService {
 public:
  AboutMeService(db::Database& db, uploads::UploadService& uploads) : db_(db), uploads_(uploads) {}

  boost::asio::awaitable<OwnPage> own_page(long long user_id);
  boost::asio::awaitable<void> set_visibility(long long user_id, Visibility v);
  boost::asio::awaitable<void> set_intro(long long user_id, std::string intro);
  boost::asio::awaitable<SharingPage> sharing_page(long long user_id);
  /// Saves who can see the page and who is named, in one transaction; nothing changes unless it says saved.
  boost::asio::awaitable<SharingOutcome> save_sharing(long long user_id, SharingChoice choice);

  /// One of the owner's items (nullopt for anyone else's).
  boost::asio::awaitable<std::optional<Item>> item(long long user_id, long long item_id);
  /// Adds an item (already validated) with its file (already prepared) for media kinds.
  boost::asio::awaitable<AddResult> add_item(long long user_id, ItemInput input, std::optional<uploads::Prepared> file);
  /// Saves an item's words, and replaces its file when a new one is given (the old file is deleted). False when
  /// the owner has no such item.
  boost::asio::awaitable<bool> update_item(long long user_id, long long item_id, ItemInput input,
                                           std::optional<uploads::Prepared> file);
  /// Deletes the item and its file.
  boost::asio::awaitable<bool> delete_item(long long user_id, long long item_id);
  boost::asio::awaitable<bool> move_item(long long user_id, long long item_id, Direction d);

  /// The subject's page for a viewer in organisation org_id: nullopt (404) when the subject is not a member there
  /// or the viewer may not see it. A look at someone else's page is written to the audit log.
  boost::asio::awaitable<std::optional<SharedPage>> shared_page(long long viewer_id, long long org_id,
                                                                long long subject_id);
  /// True when the subject's page has something on it and this viewer may see it (for a link to it).
  boost::asio::awaitable<bool> page_to_show(long long viewer_id, long long subject_id);

 private:
  db::Database& db_;
  uploads::UploadService& uploads_;
};

/// Lets the file server show About Me files to those who may see the page they are on.
void register_access(uploads::UploadService& uploads);

}  // namespace roundtable::about_me
