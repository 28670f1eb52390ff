/// The boards use cases: a group's boards made, renamed, archived and restored; lists and labels; cards added,
/// edited, moved (up, down, or to a list and position), archived and restored, each change written to the card's
/// history; dots given and taken back within the board's budget. Each use case is one database visit in one
/// transaction that asks the policy again with the person's role in the group at that moment, and every change to a
/// board's order or dots first takes the board's row lock (ADR 0033).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "boards/board.hpp"
#include "boards/board_policy.hpp"
#include "boards/board_store.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "live/publisher.hpp"
#include "module/module.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::boards {

using boost::asio::awaitable;

/// What uploads calls a card's file, and what a card takes: pictures and documents (PDF, Word, OpenDocument text),
/// with the uploads module's limits.
inline const uploads::Purpose kCardFilePurpose{"board_card"};
uploads::Allowed card_file_allowed();
/// Who may fetch a card's file: whoever may see its board (the boards policy's see_boards).
void register_card_file_access(uploads::UploadService& uploads);

/// The person changing something, for the policy.
struct Who {
  long long user_id = 0;
  core::Role org_role = core::Role::member;
  bool two_step = false;
};

enum class Change { done, refused };

/// What a person typed for a card (already checked by the form).
struct CardInput {
  std::string title;
  std::string description;
  std::string due_date;
  std::vector<long long> labels;
  std::vector<long long> people;
  /// Where it came from (module::ContributionKind's kind and id; "": nowhere): it must be in the board's group and
  /// the person must see it.
  std::string source_kind;
  long long source_id = 0;
};

/// Where to move a card: one place up or down, or to a list and position.
struct MoveTo {
  enum class Kind { up, down, to } kind = Kind::to;
  long long list_id = 0;
  long long position = 0;
};

struct Moved {
  Change change = Change::refused;
  std::string card_title;
  std::string list_title;
  long long position = 0;
  long long board_id = 0;
  long long list_id = 0;
};

enum class ListRemoval { done, not_empty, refused };
enum class Dots { done, out_of_dots, none_to_take, refused };

/// A comment's earlier versions, for its page (BoardService::comment_history).
struct CommentHistory {
  Card card;
  Comment comment;
  policy::Verdict verdict = policy::Verdict::deny;
  /// Read only when the verdict is allow.
  std::vector<CommentVersion> versions;
};

class BoardService {
 public:
  BoardService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}
  /// The live channel: every committed change is told on "board:<id>" (event "card" with the card's id, or "board"),
  /// so open copies of the board can fetch it again (nullptr: nobody is told).
  void set_live(live::Publisher* live) { live_ = live; }
  /// The kinds of contribution every module registered, for cards that come from one (set once routes are added).
  void set_contribution_kinds(std::vector<module::ContributionKind> kinds) { kinds_ = std::move(kinds); }

  /// A contribution a new card would come from, as `viewer` may see it: nothing when it does not exist, they may not
  /// see it, or it is not in the board's group.
  awaitable<std::optional<CardSource>> card_source(long long org_id, long long board_id, std::string kind, long long id,
                                                   long long viewer);
  /// What boards add to a contribution's page (module::FollowUpReader): the cards that came from it, and for the
  /// people who add cards, the group's open boards to put it on. Two indexed reads; the page has already found the
  /// contribution, its group and the viewer's role there (the ask).
  void follow_ups(db::Batch& b, const module::FollowUpAsk& ask, std::vector<module::FollowUp>& out) const;

  awaitable<std::optional<groups::GroupForViewer>> group_for(long long org_id, long long group_id, long long viewer,
                                                             groups::AlongWithGroup along = {});
  /// The group's boards, read along with the group (group_for).
  static groups::AlongWithGroup boards_along(std::vector<store::BoardListed>& out);
  awaitable<std::vector<store::BoardListed>> group_boards(long long group_id);
  /// A new board with the lists named (Ideas, Doing, Done when none); the same create key twice makes one (0: refused).
  /// stage: the project's stage it is for; none when the group has no stages.
  awaitable<long long> create_board(Who who, long long org_id, long long group_id, std::string title,
                                    std::string purpose, std::vector<std::string> lists, std::string create_key,
                                    std::optional<groups::Stage> stage = std::nullopt);
  awaitable<std::optional<BoardForViewer>> board(long long org_id, long long board_id, long long viewer);
  /// with_details: the cards' descriptions and files too (the CSV and the printed list).
  awaitable<std::optional<BoardPage>> board_page(long long org_id, long long board_id, long long viewer,
                                                 bool with_details = false);
  /// The board's page (ADR 0046): the frame with each list's count and at most kCardsOnBoard of its cards (by dots:
  /// those with the most).
  awaitable<std::optional<BoardPage>> shown_board_page(long long org_id, long long board_id, long long viewer,
                                                       bool by_dots);
  /// The dot results: the board's lists and its cards with dots, most first (store::read_voted).
  awaitable<std::optional<BoardPage>> voted_board_page(long long org_id, long long board_id, long long viewer);
  /// A list's own page: the board's frame (its lists, labels and people) with only this list's cards (none when the
  /// list is not the board's).
  awaitable<std::optional<BoardPage>> list_page(long long org_id, long long board_id, long long list_id,
                                                long long viewer);
  awaitable<std::optional<CardPage>> card_page(long long org_id, long long card_id, long long viewer);

  /// stage: as for create_board (none when the group has no stages).
  awaitable<Change> save_board(Who who, long long org_id, long long board_id, std::string title, std::string purpose,
                               long long budget, std::optional<groups::Stage> stage);
  awaitable<Change> archive_board(Who who, long long org_id, long long board_id, bool archive);
  awaitable<Change> add_list(Who who, long long org_id, long long board_id, std::string title);
  awaitable<Change> rename_list(Who who, long long org_id, long long board_id, long long list_id, std::string title);
  awaitable<Change> shift_list(Who who, long long org_id, long long board_id, long long list_id, int by);
  /// Only an empty list goes (archived cards count: restore and move them, or they would be lost).
  awaitable<ListRemoval> remove_list(Who who, long long org_id, long long board_id, long long list_id);
  awaitable<Change> add_label(Who who, long long org_id, long long board_id, std::string name, std::string colour);

  /// A new card at the end of the list; the same create key twice makes one (0: refused, or its source is gone).
  awaitable<long long> create_card(Who who, long long org_id, long long board_id, long long list_id, CardInput in,
                                   std::string create_key);
  awaitable<Change> save_card(Who who, long long org_id, long long card_id, CardInput in);
  awaitable<Change> archive_card(Who who, long long org_id, long long card_id, bool archive);
  awaitable<Moved> move_card(Who who, long long org_id, long long card_id, MoveTo to);
  /// Gives one dot (by = 1) or takes one back (by = -1), within the board's budget counted in the same transaction.
  awaitable<Dots> dots(Who who, long long org_id, long long card_id, int by);

  /// A comment on a card (checked by the form), written to the card's history as "commented"; the same create key twice
  /// makes one (0: refused).
  awaitable<long long> add_comment(Who who, long long org_id, long long card_id, std::string body,
                                   std::string create_key);
  /// Changes, deletes or removes (with a reason its author sees) a comment on the card; refused for a comment on
  /// another card, or when the policy says no now.
  awaitable<Change> edit_comment(Who who, long long org_id, long long card_id, long long comment_id, std::string body);
  awaitable<Change> delete_comment(Who who, long long org_id, long long card_id, long long comment_id);
  /// The comment on its card with what the policy says `who` may do about its earlier versions
  /// (policy::Action::see_comment_history) and, when allowed, what it said before each change or its deletion, oldest
  /// first; none when the comment is not on that card of the organisation. A few reads, not the card's whole page.
  awaitable<std::optional<CommentHistory>> comment_history(Who who, long long org_id, long long card_id,
                                                           long long comment_id);
  awaitable<Change> remove_comment(Who who, long long org_id, long long card_id, long long comment_id,
                                   std::string reason);

  /// Files on cards, through the uploads module (nullptr: cards take no files).
  void set_uploads(uploads::UploadService* uploads) { uploads_ = uploads; }
  uploads::UploadService* uploads() const { return uploads_; }
  /// Adds a file (already checked and cleaned by UploadService::prepare) to the card, written to its history.
  awaitable<Change> attach_file(Who who, long long org_id, long long card_id, uploads::Prepared file);
  /// Takes a file off the card, and deletes it.
  awaitable<Change> remove_file(Who who, long long org_id, long long card_id, long long attachment_id);

  /// For demo data and tests, on the calling thread (no policy).
  long long create_board_now(long long org_id, long long group_id, long long actor, const std::string& title,
                             const std::string& purpose, const std::vector<std::string>& lists, const std::string& key,
                             std::optional<groups::Stage> stage = std::nullopt);
  long long create_card_now(long long org_id, long long board_id, long long list_id, long long actor,
                            const CardInput& in, const std::string& key);
  long long add_label_now(long long board_id, const std::string& name, const std::string& colour);
  void dots_now(long long org_id, long long card_id, long long user_id, int dots);
  long long add_comment_now(long long org_id, long long card_id, long long author, const std::string& body,
                            const std::string& key, long long at);
  /// The demo: changes a comment's words (keeping the earlier ones), unless they are these already.
  void edit_comment_now(long long card_id, long long comment_id, const std::string& body, long long at);

  long long now() const { return clock_.now_seconds(); }

 private:
  void tell(long long board_id, const char* event, long long card_id = 0) const;
  /// One change to a comment, in one transaction, when `who` may do `action` to it now.
  awaitable<Change> change_comment(Who who, long long org_id, long long card_id, long long comment_id,
                                   policy::Action action, std::function<void(soci::session&, long long)> change);

  db::Database& db_;
  const core::Clock& clock_;
  live::Publisher* live_ = nullptr;
  uploads::UploadService* uploads_ = nullptr;
  std::vector<module::ContributionKind> kinds_;

  std::optional<CardSource> resolve_source(soci::session& s, long long org_id, long long group_id,
                                           std::string_view kind, long long id, long long viewer) const;
};

}  // namespace roundtable::boards
