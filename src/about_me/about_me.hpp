/// About Me pages: a person's own page of words, photos, recordings and videos, shared with the people they choose
/// so that new staff can get to know them before they meet. Plain types and the pure rules (who may see a page,
/// what an item needs, how items move).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roundtable::about_me {

/// Who may see the page besides its owner.
enum class Visibility {
  /// Nobody else.
  only_me,
  /// The people the owner named.
  named,
  /// The named people, and facilitators and admins of the owner's organisations.
  facilitators,
  /// The named people, and everyone in the owner's organisations.
  organisation,
};
inline constexpr Visibility kAllVisibilities[] = {Visibility::only_me, Visibility::named, Visibility::facilitators,
                                                  Visibility::organisation};
std::string_view visibility_code(Visibility v);
std::optional<Visibility> parse_visibility(std::string_view code);

enum class ItemKind { text, photo, audio, video };
inline constexpr ItemKind kAllItemKinds[] = {ItemKind::text, ItemKind::photo, ItemKind::audio, ItemKind::video};
std::string_view item_kind_code(ItemKind k);
std::optional<ItemKind> parse_item_kind(std::string_view code);

/// What is known about a viewer in relation to a page's owner (gathered from the database by the store).
struct ViewerFacts {
  long long owner_id = 0;
  long long viewer_id = 0;
  /// The owner named the viewer.
  bool named = false;
  /// The viewer is a facilitator or organisation admin in an organisation the owner belongs to.
  bool staff_in_owners_org = false;
  /// The viewer belongs to an organisation the owner belongs to.
  bool shares_org = false;
};

/// The one rule: may this viewer see the page? The owner always may; nobody else when only_me; platform admins
/// get nothing extra.
bool may_see(Visibility v, const ViewerFacts& f);

/// The page's settings.
struct PageSettings {
  long long user_id = 0;
  Visibility visibility = Visibility::only_me;
  std::string intro;
  long long updated_at = 0;
};

/// One item of a page.
struct Item {
  long long id = 0;
  long long user_id = 0;
  int position = 0;
  ItemKind kind = ItemKind::text;
  std::string title;
  /// Text items: the words.
  std::string body;
  /// Photos, recordings and videos: the uploaded file.
  std::optional<long long> upload_id;
  /// Photos: describes the picture (its alt text).
  std::string caption;
  /// Recordings and videos: what is said and shown.
  std::string transcript;
  long long created_at = 0;
  long long updated_at = 0;
  /// Filled in when the item is shown: where the file is (/files/...) and its type.
  std::string file_url;
  std::string file_mime;
};

/// A person the owner named, or could name.
struct Viewer {
  long long user_id = 0;
  std::string name;
  /// The organisations this person shares with the owner, by name (none for a named person who has left them).
  std::vector<std::string> orgs;
};

/// How a person is shown in the owner's list: their name, and the organisations they share with the owner when
/// someone else in `everyone` has the same name (so two Tom Evanses can be told apart without their email).
std::string display_name(const Viewer& person, const std::vector<Viewer>& everyone);

inline constexpr size_t kMaxTitle = 200;
inline constexpr size_t kMaxBody = 5000;
inline constexpr size_t kMaxCaption = 1000;
inline constexpr size_t kMaxTranscript = 20000;
inline constexpr size_t kMaxIntro = 2000;
/// How many items a page may hold.
inline constexpr size_t kMaxItems = 100;

/// What a person typed for an item (the file is checked separately).
struct ItemInput {
  ItemKind kind = ItemKind::text;
  std::string title;
  std::string body;
  std::string caption;
  std::string transcript;
};

/// A problem with one field: the field's id and the catalogue key of the message.
struct Problem {
  std::string field;
  std::string key;
};

/// Trims the fields (keeping line breaks inside) and checks them for the item's kind: text needs words (at most
/// kMaxBody characters), a photo needs a caption, a recording or video needs a title; nothing may be too long.
std::vector<Problem> validate_item(ItemInput& in);
/// The intro: trimmed, at most kMaxIntro characters.
std::vector<Problem> validate_intro(std::string& intro);

/// Characters in UTF-8 text (not bytes).
size_t char_count(std::string_view s);
/// Trims spaces and line breaks at both ends; turns \r\n into \n.
std::string tidy(std::string_view s);

enum class Direction { up, down };
std::optional<Direction> parse_direction(std::string_view code);
/// The index of the item to swap places with when moving the item at `index` of `count` items; nullopt at the ends.
std::optional<size_t> swap_with(size_t index, size_t count, Direction d);

}  // namespace roundtable::about_me
