/// The shared board (issue #16): a group's boards, each with ordered lists of cards that everyone in the group adds
/// to, moves (without dragging) and prioritises with dots. Plain types shared by the store, the service and the pages
/// (no SOCI, no Beast). Positions run 1..n in each list with no gaps (ADR 0033).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "groups/group.hpp"

namespace roundtable::boards {

using groups::GroupRole;

inline constexpr std::size_t kMaxTitle = 120;
inline constexpr std::size_t kMaxPurpose = 1000;
inline constexpr std::size_t kMaxDescription = 10000;
inline constexpr std::size_t kMaxLabel = 40;
inline constexpr int kMaxLists = 20;
inline constexpr int kMaxLabels = 12;
inline constexpr int kMaxBudget = 50;
inline constexpr std::size_t kMaxComment = 5000;
inline constexpr std::size_t kMaxRemoveReason = 1000;
/// How many cards each list shows on the board's page at most (ADR 0046); the list's own page shows every card.
inline constexpr long long kCardsOnBoard = 5;

/// What one list of the board's page shows: how many of its cards, and whether it links to its own page for the rest.
struct ListShows {
  long long cards = 0;
  bool see_all = false;
  bool operator==(const ListShows&) const = default;
};
/// in_list: the list's cards in play; matching: those that pass the board's filters (all of them when none is on).
/// The first kCardsOnBoard that match show (in the board's order, or by dots), and "See all" when any card is left out.
ListShows list_shows(long long in_list, long long matching);

/// The label colours: GOV.UK tag colours, each with its text colour at a contrast of at least 4.5:1; a label always
/// shows its name, so nothing rests on colour alone.
inline constexpr std::string_view kColours[] = {"grey",   "green", "turquoise", "blue",   "light-blue",
                                                "purple", "pink",  "red",       "orange", "yellow"};
bool known_colour(std::string_view colour);

struct Board {
  long long id = 0;
  long long org_id = 0;
  long long group_id = 0;
  std::string group_name;
  groups::Visibility group_visibility = groups::Visibility::members;
  bool group_archived = false;
  std::string title;
  std::string purpose;
  long long dot_budget = 0;
  std::optional<long long> archived_at;
  /// The stage of the project's double diamond the board belongs to (none: the board is for no stage).
  std::optional<groups::Stage> stage;
  /// Its group's stage now (none: the group has no stages, and its boards none either).
  std::optional<groups::Stage> group_stage;
};

/// A board as one person sees it: their role in its group (none when they are not in it).
struct BoardForViewer {
  Board board;
  std::optional<GroupRole> role;
};

struct BoardList {
  long long id = 0;
  long long position = 0;
  std::string title;
  /// Its cards in play (read with the board's page; 0 elsewhere).
  long long cards = 0;
};

struct Label {
  long long id = 0;
  std::string name;
  std::string colour;
};

struct Person {
  long long user_id = 0;
  std::string name;
};

struct Card {
  long long id = 0;
  long long board_id = 0;
  long long list_id = 0;
  long long position = 0;
  std::string title;
  std::string description;
  /// "YYYY-MM-DD" or "".
  std::string due_date;
  std::optional<long long> archived_at;
  std::vector<long long> label_ids;
  std::vector<Person> people;
  /// Dots from everyone, and from the viewer.
  long long dots = 0;
  long long my_dots = 0;
  /// Comments still standing (neither deleted nor removed); read with the board's cards in the same query.
  long long comments = 0;
  /// Where it came from: a contribution's kind ("topic", as module::ContributionKind names it) and id; "" and 0: none.
  std::string source_kind;
  long long source_id = 0;
};

/// A card's source as its viewer may see it (found through the kind's resolver).
struct CardSource {
  /// The message key naming its kind ("a discussion topic"), in its own module's catalogue.
  std::string name_key;
  std::string title;
  /// Its page, below the organisation's address ("/topics/4").
  std::string href;
};

struct HistoryEntry {
  std::string who;  // "" when they have gone
  std::string what;
  std::string detail;
  long long number = 0;
  long long at = 0;
};

/// A comment on a card. A deleted one keeps its row with its words emptied (the page says "This comment was deleted");
/// a removed one keeps its words for its author, who sees the reason.
struct Comment {
  long long id = 0;
  long long card_id = 0;
  /// 0 once the author's data is erased.
  long long author_id = 0;
  /// "" once erased: "A former member".
  std::string author_name;
  std::string body;
  long long created_at = 0;
  std::optional<long long> edited_at;
  std::optional<long long> deleted_at;
  std::optional<long long> removed_at;
  std::string removed_reason;
  bool standing() const { return !deleted_at && !removed_at; }
};

/// What a comment said before a change or its deletion (board_card_comment_versions).
struct CommentVersion {
  std::string body;
  /// When the change or deletion that ended this version was made.
  long long replaced_at = 0;
  bool operator==(const CommentVersion&) const = default;
};

/// A file on a card (an upload of purpose "board_card"; uploads/uploads.hpp).
struct Attachment {
  long long id = 0;
  long long card_id = 0;
  /// 0 once erased.
  long long added_by = 0;
  std::string public_id;
  std::string name;
  std::string mime;
  long long bytes = 0;
  long long created_at = 0;
};

/// Everything a board's page shows, read in a fixed number of queries however many lists and cards.
struct BoardPage {
  BoardForViewer view;
  std::vector<BoardList> lists;
  std::vector<Label> labels;
  /// Cards in play, by list position then card position.
  std::vector<Card> cards;
  /// The group's people (to put on cards, and to filter by).
  std::vector<Person> people;
  /// Dots the viewer has given on this board.
  long long my_dots_used = 0;
  /// The cards' files, by card then oldest first: read for the board's CSV and printed list only (with_details, which
  /// also reads each card's description).
  std::vector<Attachment> files;
  const BoardList* list(long long id) const;
  const Label* label(long long id) const;
  /// Names of this card's files, oldest first, joined with ", " ("" when none or not read).
  std::string file_names(long long card_id) const;
};

/// A card's page: the card (archived ones too), its board and lists, labels, people and history.
struct CardPage {
  BoardPage board;
  Card card;
  std::vector<HistoryEntry> history;
  /// Its comments, oldest first (deleted and removed ones too: the page says what became of them).
  std::vector<Comment> comments;
  const Comment* comment(long long id) const;
  /// Its files, oldest first.
  std::vector<Attachment> attachments;
  const Attachment* attachment(long long id) const;
  /// The card's source when the viewer may see it (nothing: none, or gone, or not for them).
  std::optional<CardSource> source;
};

/// A due date typed as day, month, year: "YYYY-MM-DD", "" when all three are empty, nullopt when it is not a real date.
std::optional<std::string> parse_due_date(std::string_view day, std::string_view month, std::string_view year);

}  // namespace roundtable::boards
