/// The only place the boards SQL lives. Every function takes the caller's session; changes run inside the service's
/// db::WriteTransaction, and every change to a board's order or dots first calls lock_board (ADR 0033). A board's
/// page is a fixed number of queries however many lists and cards.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boards/board.hpp"
#include "db/query.hpp"

namespace soci {
class session;
}

namespace roundtable::boards::store {

/// A board of the group, for the group's list of boards.
struct BoardListed {
  Board board;
  long long cards = 0;
};

/// The new board's id with its lists, or 0 when one with this create key exists already.
/// stage: the project's stage the board is for (none: no stage).
long long insert_board(soci::session& s, long long org_id, long long group_id, std::string_view title,
                       std::string_view purpose, long long budget, std::optional<groups::Stage> stage,
                       const std::vector<std::string>& lists, std::string_view create_key, long long actor,
                       long long now);
std::optional<long long> find_board_by_key(soci::session& s, long long org_id, std::string_view create_key);
std::vector<BoardListed> boards_of_group(soci::session& s, long long group_id);
void boards_of_group(db::Batch& b, long long group_id, std::vector<BoardListed>& out);
/// The board (in this organisation) with the viewer's role in its group.
std::optional<BoardForViewer> find_board(soci::session& s, long long org_id, long long board_id, long long viewer);
/// The board a card is on (in this organisation).
std::optional<long long> board_of_card(soci::session& s, long long org_id, long long card_id);
/// Takes the board's row lock for the rest of the transaction (PostgreSQL: concurrent changes to one board wait in
/// line; SQLite has a single writer already) and bumps its version.
void lock_board(soci::session& s, long long board_id);
void update_board(soci::session& s, long long board_id, std::string_view title, std::string_view purpose,
                  long long budget, std::optional<groups::Stage> stage, long long now);
void set_board_archived(soci::session& s, long long board_id, std::optional<long long> at, long long now);

/// Lists, labels, cards in play (with dots, the viewer's dots, comments standing, labels and people) and the group's
/// people: the board's page in six queries.
void read_page(soci::session& s, BoardPage& page, long long viewer);
/// The board's page (ADR 0046): the frame with each list's count of cards in play, and the first `per_list` cards of
/// each list in the board's order, or with `by_dots` its first `per_list` by dots then position (with dots, the
/// viewer's dots, comments standing, labels and people). The same nine or ten queries however many lists and cards.
void read_shown(soci::session& s, BoardPage& page, long long viewer, long long per_list, bool by_dots);
/// The dot results' page: the board's lists and only its cards in play with dots (id, list, position, title, dots),
/// most dots first, then in the board's order; two queries, and neither reads the cards without dots' rows.
void read_voted(soci::session& s, BoardPage& page);
/// The same without the cards (a card's page: its forms need the lists, labels and people, not the other cards).
void read_frame(db::Batch& b, BoardPage& page, long long viewer);
/// A list's own page: the frame and only that list's cards in play (with dots, the viewer's dots, comments standing,
/// labels and people), in six queries however many cards and lists; no cards when the list is not the board's.
void read_list(soci::session& s, BoardPage& page, long long list_id, long long viewer);
/// One card (archived ones too), with its labels, people and dots.
std::optional<Card> find_card(soci::session& s, long long card_id, long long viewer);
void find_card(db::Batch& b, long long card_id, long long viewer, std::optional<Card>& out);
void history(db::Batch& b, long long card_id, std::vector<HistoryEntry>& out);

std::vector<BoardList> lists(soci::session& s, long long board_id);
std::vector<Label> labels(soci::session& s, long long board_id);
/// How many cards in play are in the list.
long long cards_in_play(soci::session& s, long long list_id);
/// Adds a list at the end; false when the board has kMaxLists already.
bool add_list(soci::session& s, long long board_id, std::string_view title, long long now);
bool rename_list(soci::session& s, long long board_id, long long list_id, std::string_view title);
/// How many cards (archived ones too) are in the list.
long long cards_in_list(soci::session& s, long long list_id);
/// Removes an empty list and closes the gap in the lists' order; false when it was not the board's.
bool remove_list(soci::session& s, long long board_id, long long list_id);
/// Moves a list one place earlier (-1) or later (+1); false when it cannot go further.
bool shift_list(soci::session& s, long long board_id, long long list_id, int by);
bool add_label(soci::session& s, long long board_id, std::string_view name, std::string_view colour);

/// A new card at the end of its list; 0 when a card with this key exists already.
long long insert_card(soci::session& s, long long org_id, long long board_id, long long list_id, const Card& c,
                      std::string_view create_key, long long actor, long long now);
std::optional<long long> find_card_by_key(soci::session& s, long long org_id, std::string_view create_key);
void update_card(soci::session& s, const Card& c, long long now);
/// Replaces the card's labels (of its board) and people (user ids; the caller checks they are in the group).
void set_card_labels(soci::session& s, long long card_id, long long board_id, const std::vector<long long>& labels);
void set_card_people(soci::session& s, long long card_id, long long board_id, long long org_id,
                     const std::vector<long long>& people);
/// Moves a card in play to `position` (clamped to 1..n+1) of `list_id`, closing the gap it leaves and making room
/// where it goes; returns the position it took. Call with the board locked.
long long move_card(soci::session& s, const Card& c, long long list_id, long long position, long long now);
/// Takes a card out of play (position 0) and closes the gap; or puts it back at the end of its list.
void archive_card(soci::session& s, const Card& c, long long now);
long long restore_card(soci::session& s, const Card& c, long long now);
void add_history(soci::session& s, long long card_id, long long user_id, std::string_view what, std::string_view detail,
                 long long number, long long now);

/// A card's comments, oldest first (deleted and removed ones too), with their authors' names.
void comments(db::Batch& b, long long card_id, std::vector<Comment>& out);
/// A new comment; 0 when one with this key is on the card already.
long long insert_comment(soci::session& s, long long org_id, long long board_id, long long card_id, long long author,
                         std::string_view body, std::string_view create_key, long long now);
std::optional<long long> find_comment_by_key(soci::session& s, long long card_id, std::string_view create_key);
/// The comment, when it is on this card.
std::optional<Comment> find_comment(soci::session& s, long long card_id, long long comment_id);
void edit_comment(soci::session& s, long long comment_id, std::string_view body, long long now);
/// Deleted by its author: the words go, the row stays ("This comment was deleted"). Both keep the words as they were as
/// an earlier version.
void delete_comment(soci::session& s, long long comment_id, long long now);
/// A comment's earlier versions, oldest first.
std::vector<CommentVersion> comment_versions(soci::session& s, long long comment_id);
/// Removed by someone who runs the group, with the reason its author sees.
void remove_comment(soci::session& s, long long comment_id, long long by, std::string_view reason, long long now);

/// A card's files, oldest first.
void attachments(db::Batch& b, long long card_id, std::vector<Attachment>& out);
/// Fills in the descriptions of the page's cards (the board's page leaves them out: it does not show them).
void read_descriptions(soci::session& s, BoardPage& page);
/// The files of every card in play on a board, by card then oldest first, in one query (the CSV and printed list).
std::vector<Attachment> board_attachments(soci::session& s, long long board_id);
void insert_attachment(soci::session& s, long long org_id, long long board_id, long long card_id, long long upload_id,
                       long long actor, long long now);
/// The file, when it is on this card.
std::optional<Attachment> find_attachment(soci::session& s, long long card_id, long long attachment_id);
/// Takes the file off its card; returns its upload's id (0: none), which the caller removes with it.
long long delete_attachment(soci::session& s, long long attachment_id);
/// The organisation and board of the card file that is this upload (for who may fetch it).
std::optional<std::pair<long long, long long>> attachment_board(soci::session& s, long long upload_id);

/// Dots the person has given on the board, and on the card.
long long dots_used(soci::session& s, long long board_id, long long user_id);
/// Adds one dot (by = 1) or takes one back (by = -1) on the card.
void change_dots(soci::session& s, long long card_id, long long board_id, long long org_id, long long user_id, int by);

}  // namespace roundtable::boards::store
