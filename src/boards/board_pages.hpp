/// The boards pages' handlers (addresses in board_routes.cpp) and what they share: loading a board, card or group
/// for the person asking and asking the policy, and addresses.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <string>
#include <variant>

#include "accounts/pages_common.hpp"
#include "boards/board_policy.hpp"
#include "boards/board_service.hpp"
#include "http/types.hpp"
#include "live/live.hpp"
#include "view/govuk/govuk.hpp"
#include "view/layout.hpp"

namespace roundtable::boards::pages {

using boost::asio::awaitable;
using http::OrgRequest;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;
using accounts::FormProblem;

struct PagesDeps {
  std::shared_ptr<BoardService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
  std::string two_step_path = "/account/two-step";
  /// The live channel (nullptr: boards do not offer it).
  live::Live* live = nullptr;
};

using view::s;

// board_page_parts.cpp
policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> role);
/// Whether the person may do this now (or could once two-step sign-in is on), to show its form or button.
bool may(const OrgRequest& req, const BoardForViewer& v, policy::Action action);
/// The board named by {board} with its lists and cards, when the person may do this to it. With only_list (a list's
/// page): the board's lists, labels and people with that list's cards only (none when it is not the board's list).
/// with_details: the cards' descriptions and files too (BoardPage::files).
awaitable<std::variant<BoardPage, Response>> load_board(OrgRequest& req, const PagesDeps& deps, policy::Action action,
                                                        std::optional<long long> only_list = std::nullopt,
                                                        bool with_details = false);
/// The board's page (ADR 0046): the same with at most kCardsOnBoard cards of each list (the first in the board's order,
/// or by dots), and each list's count of cards.
awaitable<std::variant<BoardPage, Response>> load_shown_board(OrgRequest& req, const PagesDeps& deps,
                                                              policy::Action action, bool by_dots);
/// The dot results' page: the board's lists and its cards with dots, most first (BoardService::voted_board_page).
awaitable<std::variant<BoardPage, Response>> load_voted_board(OrgRequest& req, const PagesDeps& deps,
                                                              policy::Action action);
/// The card named by {card} with its board, when the person may do this to it.
awaitable<std::variant<CardPage, Response>> load_card(OrgRequest& req, const PagesDeps& deps, policy::Action action);
/// The group named by {group}, when the person may do this in it (see_boards or run_boards), with a page's reads
/// along.
awaitable<std::variant<groups::GroupForViewer, Response>> load_group(OrgRequest& req, const PagesDeps& deps,
                                                                     policy::Action action,
                                                                     groups::AlongWithGroup along = {});
Who who_of(const OrgRequest& req);
/// "/o/{org}/boards/{id}"
std::string board_url(const OrgRequest& req, long long id);
/// "/o/{org}/cards/{id}"
std::string card_url(const OrgRequest& req, long long id);
/// To the card on its board, with the focus on it (its heading is the anchor's target).
Response to_card_on_board(OrgRequest& req, long long board_id, long long card_id);
/// "/o/{org}/groups/{group}/boards"
/// A list's own page, where its cards are moved and given dots.
std::string list_url(const OrgRequest& req, long long board_id, long long list_id);
/// After moving a card or giving it a dot: back to the card in its list's page.
Response to_card_in_list(OrgRequest& req, long long board_id, long long list_id, long long card_id);
std::string group_boards_url(const OrgRequest& req, long long group_id);
/// After a change: to `to` with the done message, or 404 when it was refused.
Response after(OrgRequest& req, const PagesDeps& deps, Change c, const std::string& to, const char* done_key);
/// A stage of the double diamond in the reader's language ("Define").
std::string stage_words(const core::Translator& t, groups::Stage stage);
/// A label as a tag: its name on its colour (text and colour together, never colour alone).
void label_tag(view::Html& h, const Label& l);
/// "5 December 2026" from "2026-12-05".
std::string due_words(const core::Translator& t, std::string_view due);
/// "5 December 2026 at 14:05", London time.
std::string when_words(const core::Translator& t, long long at);
/// "Which stage of the project is this board for?" (a board's new and settings forms), offered only in a group that has
/// stages (now: the group's).
void stage_field(view::Html& h, const core::Translator& t, std::optional<groups::Stage> now, const std::string& chosen,
                 const std::vector<view::FieldError>& errors);
/// The stage chosen on the form ("none": no stage); a problem when it is neither a stage nor "none".
std::optional<groups::Stage> read_stage(const std::string& typed, std::vector<FormProblem>& problems);
/// A board's title and purpose as typed on its new and settings forms.
std::vector<FormProblem> check_title(std::string_view title, std::string_view purpose);

// group_boards_pages.cpp: a group's boards and a new board.
awaitable<Response> boards(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_board(OrgRequest& req, const PagesDeps& deps);

// board_page_parts.cpp: drawing a board's lists and cards.
/// A message's words around its one placeholder ("(position {n})": "(position " and ")"), looked up once for a page
/// and written around each card's value, instead of formatting the message again for each card.
struct Around {
  std::string_view before, after;
  Around(std::string_view pattern, std::string_view placeholder);
};

/// Draws a board's cards, the board's and a list's page alike: a card as a box, its facts, the forms that move it and
/// give it dots, and each list's "Add a card" form. What every card shares (the words in the reader's language, the
/// start of its address, the form token) is looked up once for the page, not once a card.
/// A card's form written without the components' structs (a list's page has 50 cards, each with two forms): the bytes
/// of govuk::form_start to `prefix` + card + `what` ("/move") with the page's form token, then
/// govuk::button_group_start. board_test.cpp checks both against the components.
void card_form_start(view::Html& h, std::string_view prefix, long long card, view::Markup what, std::string_view csrf);
/// The bytes of a secondary govuk::button with its name and value, whose words say which card it is for to screen
/// readers ("Move up<span hidden> Ask about respite</span>").
void card_button(view::Html& h, view::Markup name_and_value, std::string_view words, std::string_view card);

class CardWriter {
 public:
  CardWriter(const OrgRequest& req, const BoardPage& page);
  /// A card as a box: its title (a link to its page, a heading one level below the page's last: h3 under a list's h2
  /// on the board, h2 on a list's page) and position, its facts, and with `forms` (a list's page, for those who may
  /// work on it) the forms that move it and, with `dots_on`, give it dots. `drag`: the drag script may move it.
  void card(view::Html& h, const Card& c, bool on_list_page, bool with_forms, bool dots_on, bool drag) const;
  /// Its labels, people, due date, dots and comments (also the printable list's).
  void facts(view::Html& h, const Card& c) const;
  /// A list's "Add a card" field. page_key: one random key for the page, made each list's own by the list's id (the
  /// same form sent twice makes one card; a random key a list cost as much as the rest of the form).
  void add_card_form(view::Html& h, const BoardList& l, const std::string& page_key);

 private:
  void forms(view::Html& h, const Card& c, bool dots_on) const;
  const OrgRequest& req_;
  const core::Translator t_;
  const BoardPage& page_;
  /// "/o/{org}/cards/"
  std::string card_prefix_;
  std::string_view labels_, left_group_, move_up_, move_down_, move_to_, give_, take_;
  Around position_, people_, due_;
  /// The "Add a card" form, filled again for each list (its strings keep their room).
  view::govuk::Input new_card_;
  view::govuk::Button add_button_;
};

/// The dots the viewer has left to give on the board.
void dots_left(view::Html& h, const core::Translator& t, const BoardPage& page);
/// The cards' part of the page, which a script (web/js/board_live.mjs) replaces with the page as it is now when
/// someone changes a card, saying so in the region before it; without the script the page is the same. With `drag`
/// (someone who may move cards, seeing every card in its order), another script (web/js/board_drag.mjs) lets a mouse
/// drag a card to another place, sending the same POST as the card's "Move" form with this page's form token, and
/// says what became of it in the same region. The caller closes the div.
void live_start(view::Html& h, const core::Translator& t, const OrgRequest& req, const PagesDeps& deps, const Board& b,
                const std::string& base, bool drag);
/// A list's cards in a box the drag script knows (its id and name); the caller closes it.
void list_cards_start(view::Html& h, const BoardList& l);
/// "Ideas (8 cards)"
void list_heading(view::Html& h, const core::Translator& t, const BoardList& l, long long in_list,
                  const std::string& id);

// board_list_pages.cpp: a board's settings, lists, labels, archive and restore.
awaitable<Response> settings(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_settings(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> archive_board(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> restore_board(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> add_list(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> rename_list(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> shift_list(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_list(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> add_label(OrgRequest& req, const PagesDeps& deps);

// board_pages.cpp: the board with filters and the forms that move cards; results; CSV; the printable list.
awaitable<Response> board(OrgRequest& req, const PagesDeps& deps);
/// A list of a board with the forms that move its cards and give them dots (404 for a list of another board).
awaitable<Response> board_list(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> results(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> board_csv(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> print(OrgRequest& req, const PagesDeps& deps);
/// The board's live channel (server-sent events: live/live.hpp), for whoever may read the board: an event after each
/// committed change ("card" with the card's id, or "board").
awaitable<Response> live(OrgRequest& req, const PagesDeps& deps);

// card_pages.cpp: a card's page and history; new card, edit, move, archive, restore, dots.
awaitable<Response> card(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> new_card(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_card(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> edit_card(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_card(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> move_card(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> archive_card(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> restore_card(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> dots(OrgRequest& req, const PagesDeps& deps);
/// The card's page; with the comment form's problems, what was typed in it kept.
Response render_card(OrgRequest& req, const PagesDeps& deps, const CardPage& cp, const std::string& typed_position,
                     const std::vector<view::FieldError>& errors, const std::string& typed_comment = "");

// card_comment_pages.cpp: a card's comments; add, change and delete your own; remove anyone's with a reason.
/// The card page's comments, oldest first, and the "Add a comment" form for those who may comment.
void comments_section(view::Html& h, const OrgRequest& req, const CardPage& cp, const std::string& typed,
                      const std::vector<view::FieldError>& errors);
awaitable<Response> add_comment(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> edit_comment(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_comment(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> delete_comment_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> delete_comment(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> comment_history(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_comment_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_comment(OrgRequest& req, const PagesDeps& deps);

// card_file_pages.cpp: a card's files (through the uploads module); add one, take one off.
/// The card page's files and the "Add a file" form for those who may add one (nothing when cards take no files).
void files_section(view::Html& h, const OrgRequest& req, const PagesDeps& deps, const CardPage& cp,
                   const std::vector<view::FieldError>& errors);
awaitable<Response> attach_file(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_file(OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::boards::pages
