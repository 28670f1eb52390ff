// Boards on both databases: a board and a card made once however often the form is sent; moving up, down (across into
// the next list at the ends) and to a list and position keeps positions 1..n; archiving closes the gap and restoring
// puts the card last; a list with cards stays; dots within the budget; observers and outsiders change nothing; the
// history records each change; leaving the organisation takes a person off cards and takes back their dots; comments
// (added once however often the form is sent, oldest first, counted on the board; changed and deleted by their author
// only; removed with a reason by the people who run the group; another card's comment is refused).
#include "boards/board.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <tuple>

#include "boards/board_pages.hpp"
#include "boards/board_service.hpp"
#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "db/transaction.hpp"
#include "groups/group_service.hpp"
#include "testing/world.hpp"

namespace roundtable::boards {
namespace {

using db::testing::run;
using organisations::Role;

TEST(BoardDueDate, ReadsARealDateOrNone) {
  EXPECT_EQ(parse_due_date("", "", ""), "");
  EXPECT_EQ(parse_due_date("5", "12", "2026"), "2026-12-05");
  EXPECT_EQ(parse_due_date("29", "2", "2028"), "2028-02-29");
  EXPECT_FALSE(parse_due_date("29", "2", "2027"));
  EXPECT_FALSE(parse_due_date("1", "13", "2027"));
  EXPECT_FALSE(parse_due_date("1", "", "2027"));
  EXPECT_FALSE(parse_due_date("x", "1", "2027"));
}

TEST(BoardListShows, TheFirstFewCardsThenALinkToTheRest) {
  static_assert(kCardsOnBoard == 5);
  struct Row {
    long long in_list, matching;
    ListShows shows;
  };
  const Row rows[] = {
      {0, 0, {0, false}},                       // an empty list
      {1, 1, {1, false}},                       // a small list shows everything, as before
      {5, 5, {5, false}},                       // exactly the limit: no link
      {6, 6, {5, true}},                        // one more: the first five and "See all 6 cards"
      {50, 50, {5, true}},                      // the bench board's lists
      {50, 3, {3, true}},                       // filtered: every match shows, and the link to the whole list
      {50, 9, {5, true}},                       // filtered, many matches: the first five
      {4, 0, {0, true}},                        // nothing matches
      {3, 3, {3, false}},  {3, 7, {3, false}},  // never more than the list holds
  };
  for (const auto& r : rows) {
    EXPECT_EQ(list_shows(r.in_list, r.matching), r.shows) << r.in_list << " cards, " << r.matching << " matching";
  }
}

TEST(BoardColours, OnlyThePalette) {
  EXPECT_TRUE(known_colour("light-blue"));
  EXPECT_FALSE(known_colour("#ff0000"));
  EXPECT_FALSE(known_colour(""));
}

class BoardsOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    south = world->organisation("south", "South Forum");
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth");
    ngozi = world->member("north", "ngozi@example.org", "Ngozi");
    priya = world->member("north", "priya@example.org", "Priya");
    rhys = world->member("south", "rhys@example.org", "Rhys", Role::org_admin);
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Steering group";
    g.purpose = "Steers.";
    group = run(groups->create_group(north, tom, g, "board-key-123456789"));
    groups->add_member_now(north, group, gareth, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, group, ngozi, GroupRole::observer, clock.now_seconds());
    service = std::make_unique<BoardService>(*world->db, clock);
    board = run(service->create_board({tom, Role::facilitator, false}, north, group, "Ideas board", "",
                                      {"Ideas", "Doing", "Done"}, "board-create-key"));
    const auto page = run(service->board_page(north, board, tom));
    for (const auto& l : page->lists) lists.push_back(l.id);
  }
  long long add(const std::string& title, int list = 0, const std::string& key = "") {
    return run(service->create_card(as_gareth(), north, board, lists[list], {title, "", "", {}, {}},
                                    key.empty() ? "key-" + title : key));
  }
  Who as_gareth() const { return {gareth, Role::member, false}; }
  /// "list:position" of the card.
  std::string where(long long card) {
    const auto page = run(service->card_page(north, card, tom));
    for (std::size_t i = 0; i < lists.size(); ++i) {
      if (lists[i] == page->card.list_id) return std::to_string(i) + ":" + std::to_string(page->card.position);
    }
    return "?";
  }
  /// Every list's positions are 1..n.
  void expect_no_gaps() {
    for (long long l : lists) {
      std::vector<long long> positions;
      world->db->run_sync([&](soci::session& s) {
        db::query(s, "SELECT position FROM board_cards WHERE list_id = $1 AND archived_at IS NULL ORDER BY position",
                  {l}, [&](const db::Row& r) { positions.push_back(r.integer(0)); });
      });
      for (std::size_t i = 0; i < positions.size(); ++i) EXPECT_EQ(positions[i], static_cast<long long>(i + 1));
    }
  }
  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<BoardService> service;
  long long north = 0, south = 0, tom = 0, gareth = 0, ngozi = 0, priya = 0, rhys = 0, group = 0, board = 0;
  std::vector<long long> lists;
};

TEST_P(BoardsOnBackend, OneBoardAndOneCardHoweverOftenTheFormIsSent) {
  ASSERT_GT(board, 0);
  EXPECT_EQ(run(service->create_board({tom, Role::facilitator, false}, north, group, "Ideas board", "", {"A"},
                                      "board-create-key")),
            board);
  EXPECT_EQ(world->count("boards"), 1);
  EXPECT_EQ(world->count("board_lists"), 3);
  // Members do not start boards; people outside the group see nothing.
  EXPECT_EQ(run(service->create_board(as_gareth(), north, group, "Mine", "", {"A"}, "gareth-board-key")), 0);
  EXPECT_FALSE(run(service->board_page(south, board, rhys)));
  const long long card = add("Ask the council");
  EXPECT_EQ(add("Ask the council"), card);
  EXPECT_EQ(world->count("board_cards"), 1);
  EXPECT_EQ(world->count("board_card_history WHERE what = 'created'"), 1);
}

TEST_P(BoardsOnBackend, MovesKeepPositionsOneToN) {
  const long long a = add("A"), b = add("B"), c = add("C");
  EXPECT_EQ(where(c), "0:3");
  auto moved = run(service->move_card(as_gareth(), north, c, {MoveTo::Kind::up}));
  EXPECT_EQ(moved.change, Change::done);
  EXPECT_EQ(moved.list_title, "Ideas");
  EXPECT_EQ(moved.position, 2);
  EXPECT_EQ(where(b), "0:3");
  // Up from the top goes to the end of the list before (none here: it stays); down from the bottom to the next list.
  run(service->move_card(as_gareth(), north, a, {MoveTo::Kind::up}));
  EXPECT_EQ(where(a), "0:1");
  moved = run(service->move_card(as_gareth(), north, b, {MoveTo::Kind::down}));
  EXPECT_EQ(moved.list_title, "Doing");
  EXPECT_EQ(where(b), "1:1");
  // To a list and position, clamped to the end.
  moved = run(service->move_card(as_gareth(), north, a, {MoveTo::Kind::to, lists[1], 99}));
  EXPECT_EQ(moved.position, 2);
  moved = run(service->move_card(as_gareth(), north, c, {MoveTo::Kind::to, lists[1], 1}));
  EXPECT_EQ(where(c), "1:1");
  EXPECT_EQ(where(b), "1:2");
  EXPECT_EQ(where(a), "1:3");
  expect_no_gaps();
  EXPECT_EQ(world->count("board_card_history WHERE what = 'moved'"), 4);
  // Observers and people outside the group move nothing.
  EXPECT_EQ(run(service->move_card({ngozi, Role::member, false}, north, a, {MoveTo::Kind::up})).change,
            Change::refused);
  EXPECT_EQ(run(service->move_card({priya, Role::member, false}, north, a, {MoveTo::Kind::up})).change,
            Change::refused);
  EXPECT_EQ(run(service->move_card({rhys, Role::org_admin, true}, south, a, {MoveTo::Kind::up})).change,
            Change::refused);
}

TEST_P(BoardsOnBackend, TheResultsAreTheCardsWithDotsMostFirstThenInTheBoardsOrder) {
  // In "Doing": D (2 dots); in "Ideas": A (1), B (none), C (2), E (2, archived).
  const long long a = add("A"), b = add("B"), c = add("C"), d = add("D", 1), e = add("E");
  const Who t{tom, Role::facilitator, false};
  ASSERT_EQ(run(service->save_board(t, north, board, "Ideas board", "", 7, std::nullopt)), Change::done);
  for (long long card : {a, c, c, d, d, e, e}) ASSERT_EQ(run(service->dots(as_gareth(), north, card, 1)), Dots::done);
  ASSERT_EQ(run(service->archive_card(as_gareth(), north, e, true)), Change::done);
  const auto page = run(service->voted_board_page(north, board, gareth));
  ASSERT_TRUE(page);
  std::vector<std::pair<std::string, long long>> got;
  for (const auto& card : page->cards) got.emplace_back(card.title, card.dots);
  // C before D: the same dots, and "Ideas" comes before "Doing"; B has none; E is archived.
  EXPECT_EQ(got, (std::vector<std::pair<std::string, long long>>{{"C", 2}, {"D", 2}, {"A", 1}}));
  EXPECT_EQ(page->lists.size(), 3U);
  EXPECT_NE(b, 0);
  // Another organisation's board is not there.
  EXPECT_FALSE(run(service->voted_board_page(south, board, rhys)));
}

TEST_P(BoardsOnBackend, ArchiveClosesTheGapAndRestorePutsItLast) {
  const long long a = add("A"), b = add("B"), c = add("C");
  EXPECT_EQ(run(service->archive_card(as_gareth(), north, a, true)), Change::done);
  EXPECT_EQ(where(b), "0:1");
  EXPECT_EQ(where(c), "0:2");
  EXPECT_EQ(run(service->archive_card(as_gareth(), north, a, true)), Change::refused);
  EXPECT_EQ(run(service->move_card(as_gareth(), north, a, {MoveTo::Kind::up})).change, Change::refused);
  EXPECT_EQ(run(service->archive_card(as_gareth(), north, a, false)), Change::done);
  EXPECT_EQ(where(a), "0:3");
  expect_no_gaps();
}

TEST_P(BoardsOnBackend, OnlyAnEmptyListIsRemoved) {
  const long long a = add("A");
  const Who t{tom, Role::facilitator, false};
  EXPECT_EQ(run(service->remove_list(t, north, board, lists[0])), ListRemoval::not_empty);
  run(service->archive_card(as_gareth(), north, a, true));
  // Archived cards count: removing the list would lose them.
  EXPECT_EQ(run(service->remove_list(t, north, board, lists[0])), ListRemoval::not_empty);
  EXPECT_EQ(run(service->remove_list(as_gareth(), north, board, lists[2])), ListRemoval::refused);
  EXPECT_EQ(run(service->remove_list(t, north, board, lists[2])), ListRemoval::done);
  EXPECT_EQ(run(service->add_list(t, north, board, "Later")), Change::done);
  const auto page = run(service->board_page(north, board, tom));
  ASSERT_EQ(page->lists.size(), 3u);
  EXPECT_EQ(page->lists[2].title, "Later");
  EXPECT_EQ(page->lists[2].position, 3);
}

TEST_P(BoardsOnBackend, ABoardIsForOneStageOnlyInAGroupWithStages) {
  const Who t{tom, Role::facilitator, false};
  // The steering group has no stages: a board asked for one is for none.
  const long long plain =
      run(service->create_board(t, north, group, "Plain", "", {"A"}, "plain-key", groups::Stage::define));
  ASSERT_GT(plain, 0);
  EXPECT_FALSE(run(service->board_page(north, plain, tom))->view.board.stage);
  EXPECT_EQ(run(service->save_board(t, north, plain, "Plain", "", 5, groups::Stage::deliver)), Change::done);
  EXPECT_FALSE(run(service->board_page(north, plain, tom))->view.board.stage);

  // A project at the Define stage: its boards can be for any stage, and say the project's stage now.
  groups::GroupDetails p;
  p.name = "Booking made simple";
  p.purpose = "Makes booking simple.";
  p.kind = groups::Kind::project;
  p.stage = groups::Stage::define;
  const long long project = run(groups->create_group(north, tom, p, "project-key-123456789"));
  const long long found =
      run(service->create_board(t, north, project, "What we found", "", {"A"}, "found-key", groups::Stage::discover));
  const long long none = run(service->create_board(t, north, project, "Everything else", "", {"A"}, "none-key"));
  auto page = run(service->board_page(north, found, tom));
  EXPECT_EQ(page->view.board.stage, groups::Stage::discover);
  EXPECT_EQ(page->view.board.group_stage, groups::Stage::define);
  EXPECT_FALSE(run(service->board_page(north, none, tom))->view.board.stage);
  // Changed in the board's settings, and back to none.
  EXPECT_EQ(run(service->save_board(t, north, found, "What we found", "", 5, groups::Stage::develop)), Change::done);
  EXPECT_EQ(run(service->board_page(north, found, tom))->view.board.stage, groups::Stage::develop);
  const auto listed = run(service->group_boards(project));
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].board.stage, groups::Stage::develop);
  EXPECT_EQ(listed[0].board.group_stage, groups::Stage::define);
  EXPECT_FALSE(listed[1].board.stage);
  EXPECT_EQ(run(service->save_board(t, north, found, "What we found", "", 5, std::nullopt)), Change::done);
  EXPECT_FALSE(run(service->board_page(north, found, tom))->view.board.stage);
  // A member does not change it.
  EXPECT_EQ(run(service->save_board(as_gareth(), north, found, "Mine", "", 5, groups::Stage::deliver)),
            Change::refused);
}

TEST_P(BoardsOnBackend, DotsStayWithinTheBudget) {
  const long long a = add("A"), b = add("B");
  const Who t{tom, Role::facilitator, false};
  EXPECT_EQ(run(service->save_board(t, north, board, "Ideas board", "", 2, std::nullopt)), Change::done);
  EXPECT_EQ(run(service->dots(as_gareth(), north, a, 1)), Dots::done);
  EXPECT_EQ(run(service->dots(as_gareth(), north, a, 1)), Dots::done);
  EXPECT_EQ(run(service->dots(as_gareth(), north, b, 1)), Dots::out_of_dots);
  EXPECT_EQ(run(service->dots(as_gareth(), north, b, -1)), Dots::none_to_take);
  EXPECT_EQ(run(service->dots(as_gareth(), north, a, -1)), Dots::done);
  EXPECT_EQ(run(service->dots(as_gareth(), north, b, 1)), Dots::done);
  EXPECT_EQ(run(service->dots({ngozi, Role::member, false}, north, b, 1)), Dots::refused);
  const auto page = run(service->board_page(north, board, gareth));
  EXPECT_EQ(page->my_dots_used, 2);
  EXPECT_EQ(page->cards[0].dots, 1);
  EXPECT_EQ(page->cards[1].dots, 1);
}

TEST_P(BoardsOnBackend, PeopleOnCardsAreTheGroupsAndGoWhenTheyLeaveTheOrganisation) {
  const long long a = run(service->create_card(as_gareth(), north, board, lists[0],
                                               {"A", "", "2027-01-15", {}, {gareth, priya, ngozi}}, "people-key"));
  const auto page = run(service->card_page(north, a, tom));
  // Priya is not in the group: she is left off.
  ASSERT_EQ(page->card.people.size(), 2u);
  run(service->dots(as_gareth(), north, a, 1));
  world->db->run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    db::query(s, "DELETE FROM memberships WHERE org_id = $1 AND user_id = $2", {north, gareth});
    tx.commit();
  });
  EXPECT_EQ(world->count("board_card_people WHERE user_id = " + std::to_string(gareth)), 0);
  EXPECT_EQ(world->count("board_dots"), 0);
  EXPECT_EQ(world->count("board_card_people"), 1);
}

TEST_P(BoardsOnBackend, AListsPageHasOnlyItsCardsWithAllTheBoardShowsOfThem) {
  const long long urgent = service->add_label_now(board, "Urgent", "red");
  const long long money = service->add_label_now(board, "Money", "green");
  const long long a = run(service->create_card(as_gareth(), north, board, lists[1],
                                               {"A", "", "2027-01-15", {money, urgent}, {gareth, tom}}, "list-a"));
  const long long b = add("B", 1);
  const long long other =
      run(service->create_card(as_gareth(), north, board, lists[0], {"Other", "", "", {urgent}, {gareth}}, "list-o"));
  const long long gone = add("Gone", 1);
  run(service->archive_card(as_gareth(), north, gone, true));
  run(service->dots(as_gareth(), north, b, 1));
  run(service->dots(as_gareth(), north, other, 1));
  run(service->dots({tom, Role::facilitator, false}, north, b, 1));
  run(service->add_comment(as_gareth(), north, a, "Words", "list-comment"));
  const auto whole = run(service->board_page(north, board, gareth));
  const auto page = run(service->list_page(north, board, lists[1], gareth));
  ASSERT_TRUE(page);
  // The frame as on the board: every list (to move to), the labels, the group's people, the dots the viewer has used.
  EXPECT_EQ(page->view.board.id, board);
  ASSERT_EQ(page->lists.size(), 3u);
  EXPECT_EQ(page->lists[2].title, "Done");
  EXPECT_EQ(page->labels.size(), 2u);
  EXPECT_EQ(page->people.size(), whole->people.size());
  EXPECT_EQ(page->my_dots_used, 2);
  // Only this list's cards in play, in order, each exactly as the board has it.
  ASSERT_EQ(page->cards.size(), 2u);
  EXPECT_EQ(page->cards[0].id, a);
  EXPECT_EQ(page->cards[1].id, b);
  for (const auto& c : page->cards) {
    const auto on_board =
        std::find_if(whole->cards.begin(), whole->cards.end(), [&](const Card& w) { return w.id == c.id; });
    ASSERT_NE(on_board, whole->cards.end());
    EXPECT_EQ(c.list_id, on_board->list_id);
    EXPECT_EQ(c.position, on_board->position);
    EXPECT_EQ(c.title, on_board->title);
    EXPECT_EQ(c.due_date, on_board->due_date);
    EXPECT_EQ(c.label_ids, on_board->label_ids);
    ASSERT_EQ(c.people.size(), on_board->people.size());
    for (std::size_t i = 0; i < c.people.size(); ++i) EXPECT_EQ(c.people[i].name, on_board->people[i].name);
    EXPECT_EQ(c.dots, on_board->dots);
    EXPECT_EQ(c.my_dots, on_board->my_dots);
    EXPECT_EQ(c.comments, on_board->comments);
  }
  EXPECT_EQ(page->cards[0].label_ids, (std::vector<long long>{urgent, money}));
  ASSERT_EQ(page->cards[0].people.size(), 2u);
  EXPECT_EQ(page->cards[0].people[0].name, "Gareth");
  EXPECT_EQ(page->cards[0].comments, 1);
  EXPECT_EQ(page->cards[1].dots, 2);
  EXPECT_EQ(page->cards[1].my_dots, 1);
  // An empty list, and a list of another board: the frame, no cards.
  EXPECT_TRUE(run(service->list_page(north, board, lists[2], gareth))->cards.empty());
  const long long second = run(service->create_board({tom, Role::facilitator, false}, north, group, "Second", "",
                                                     {"Elsewhere"}, "second-board-key"));
  const auto elsewhere = run(service->board_page(north, second, gareth))->lists.at(0).id;
  const auto wrong = run(service->list_page(north, board, elsewhere, gareth));
  ASSERT_TRUE(wrong);
  EXPECT_FALSE(wrong->list(elsewhere));
  EXPECT_TRUE(wrong->cards.empty());
  EXPECT_FALSE(run(service->list_page(south, board, lists[1], rhys)));
}

TEST_P(BoardsOnBackend, CommentsAddedOnceOldestFirstAndCountedOnTheBoard) {
  const long long a = add("A"), b = add("B");
  const Who t{tom, Role::facilitator, false};
  const long long first = run(service->add_comment(as_gareth(), north, a, "First **words**", "comment-key-1"));
  ASSERT_GT(first, 0);
  // The same form twice makes one comment.
  EXPECT_EQ(run(service->add_comment(as_gareth(), north, a, "First **words**", "comment-key-1")), first);
  clock.advance(std::chrono::seconds(60));
  const long long second = run(service->add_comment(t, north, a, "A reply", "comment-key-2"));
  ASSERT_GT(second, 0);
  // Observers, people outside the group and another organisation's admin comment on nothing.
  EXPECT_EQ(run(service->add_comment({ngozi, Role::member, false}, north, a, "Me", "comment-key-3")), 0);
  EXPECT_EQ(run(service->add_comment({priya, Role::member, false}, north, a, "Me", "comment-key-4")), 0);
  EXPECT_EQ(run(service->add_comment({rhys, Role::org_admin, true}, south, a, "Me", "comment-key-5")), 0);
  EXPECT_EQ(world->count("board_card_comments"), 2);
  EXPECT_EQ(world->count("board_card_history WHERE what = 'commented'"), 2);
  const auto page = run(service->card_page(north, a, ngozi));
  ASSERT_EQ(page->comments.size(), 2u);
  EXPECT_EQ(page->comments[0].body, "First **words**");
  EXPECT_EQ(page->comments[0].author_name, "Gareth");
  EXPECT_EQ(page->comments[1].author_name, "Tom");
  const auto board_page = run(service->board_page(north, board, gareth));
  ASSERT_EQ(board_page->cards.size(), 2u);
  EXPECT_EQ(board_page->cards[0].id, a);
  EXPECT_EQ(board_page->cards[0].comments, 2);
  EXPECT_EQ(board_page->cards[1].comments, 0);
  // Not on an archived card.
  run(service->archive_card(as_gareth(), north, b, true));
  EXPECT_EQ(run(service->add_comment(as_gareth(), north, b, "Late", "comment-key-6")), 0);
}

TEST_P(BoardsOnBackend, OnlyItsAuthorChangesOrDeletesACommentAndTheGroupsLeadsRemoveIt) {
  const long long a = add("A"), b = add("B");
  const Who t{tom, Role::facilitator, false};
  const long long mine = run(service->add_comment(as_gareth(), north, a, "Mine", "comment-key-1"));
  const long long toms = run(service->add_comment(t, north, a, "Tom's", "comment-key-2"));
  // Another card's id with this comment: refused, as is someone else's comment.
  EXPECT_EQ(run(service->edit_comment(as_gareth(), north, b, mine, "Moved")), Change::refused);
  EXPECT_EQ(run(service->edit_comment(as_gareth(), north, a, toms, "Not mine")), Change::refused);
  EXPECT_EQ(run(service->delete_comment(as_gareth(), north, a, toms)), Change::refused);
  EXPECT_EQ(run(service->edit_comment({rhys, Role::org_admin, true}, south, a, mine, "Other org")), Change::refused);
  clock.advance(std::chrono::seconds(60));
  EXPECT_EQ(run(service->edit_comment(as_gareth(), north, a, mine, "Mine, changed")), Change::done);
  auto page = run(service->card_page(north, a, gareth));
  EXPECT_EQ(page->comment(mine)->body, "Mine, changed");
  EXPECT_TRUE(page->comment(mine)->edited_at);
  // Members do not remove; the group's facilitators do, with a reason.
  EXPECT_EQ(run(service->remove_comment(as_gareth(), north, a, toms, "No")), Change::refused);
  EXPECT_EQ(run(service->remove_comment(t, north, a, mine, "Please keep to the card")), Change::done);
  EXPECT_EQ(run(service->remove_comment(t, north, a, mine, "Twice")), Change::refused);
  // A removed comment cannot be changed, but its author may still delete it: its words go, the row stays.
  EXPECT_EQ(run(service->edit_comment(as_gareth(), north, a, mine, "Back")), Change::refused);
  page = run(service->card_page(north, a, gareth));
  EXPECT_EQ(page->comment(mine)->removed_reason, "Please keep to the card");
  EXPECT_EQ(page->comment(mine)->body, "Mine, changed");
  EXPECT_EQ(run(service->delete_comment(as_gareth(), north, a, mine)), Change::done);
  EXPECT_EQ(run(service->delete_comment(as_gareth(), north, a, mine)), Change::refused);
  page = run(service->card_page(north, a, gareth));
  ASSERT_EQ(page->comments.size(), 2u);
  EXPECT_TRUE(page->comment(mine)->deleted_at);
  EXPECT_EQ(page->comment(mine)->body, "");
  // The board counts only the comments still standing.
  EXPECT_EQ(run(service->board_page(north, board, gareth))->cards[0].comments, 1);
  EXPECT_EQ(run(service->delete_comment(t, north, a, toms)), Change::done);
  EXPECT_EQ(run(service->board_page(north, board, gareth))->cards[0].comments, 0);
}

// What a comment said before each change and before its deletion is kept, oldest first, in the same transaction as
// the change; its author and the people who run the group read it, others in the group and outside it do not.
TEST_P(BoardsOnBackend, ACommentsEarlierVersionsAreKeptForItsAuthorAndTheGroupsLeads) {
  const long long a = add("A"), b = add("B");
  const Who t{tom, Role::facilitator, false};
  const long long mine = run(service->add_comment(as_gareth(), north, a, "First words", "comment-key-1"));
  // What each person may read: the versions when allowed; the verdict otherwise; nothing for another card's id.
  const auto versions_for = [&](const Who& who, long long org,
                                long long card) -> std::optional<std::vector<CommentVersion>> {
    const auto h = run(service->comment_history(who, org, card, mine));
    if (!h || h->verdict != policy::Verdict::allow) return std::nullopt;
    return h->versions;
  };
  EXPECT_EQ(versions_for(as_gareth(), north, a), std::vector<CommentVersion>{});
  clock.advance(std::chrono::seconds(60));
  const long long first_change = clock.now_seconds();
  EXPECT_EQ(run(service->edit_comment(as_gareth(), north, a, mine, "Second words")), Change::done);
  clock.advance(std::chrono::seconds(60));
  EXPECT_EQ(run(service->edit_comment(as_gareth(), north, a, mine, "Third words")), Change::done);
  // A refused change keeps nothing.
  EXPECT_EQ(run(service->edit_comment({ngozi, Role::member, false}, north, a, mine, "Not hers")), Change::refused);
  clock.advance(std::chrono::seconds(60));
  EXPECT_EQ(run(service->delete_comment(as_gareth(), north, a, mine)), Change::done);
  const auto versions = versions_for(as_gareth(), north, a);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 3u);
  EXPECT_EQ((*versions)[0].body, "First words");
  EXPECT_EQ((*versions)[0].replaced_at, first_change);
  EXPECT_EQ((*versions)[1].body, "Second words");
  EXPECT_EQ((*versions)[2].body, "Third words");
  // The facilitator reads them too; an observer, someone outside the group and another organisation do not (nor are
  // the words read for them); nor through another card's id.
  EXPECT_EQ(versions_for(t, north, a)->size(), 3u);
  const auto observer = run(service->comment_history({ngozi, Role::member, false}, north, a, mine));
  ASSERT_TRUE(observer);
  EXPECT_EQ(observer->verdict, policy::Verdict::deny);
  EXPECT_TRUE(observer->versions.empty());
  EXPECT_FALSE(versions_for({priya, Role::member, false}, north, a));
  EXPECT_FALSE(run(service->comment_history({rhys, Role::org_admin, true}, south, a, mine)));
  EXPECT_FALSE(run(service->comment_history(as_gareth(), north, b, mine)));
  EXPECT_EQ(world->count("board_card_comment_versions"), 3);
}

TEST_P(BoardsOnBackend, DotsAndCommentsKeptOnTheCardFollowEveryWayTheyComeAndGo) {
  // Seven cards in Ideas: the board shows five of them, by dots the five with most (then by position).
  std::vector<long long> c;
  for (int i = 1; i <= 6; ++i) c.push_back(add("Card " + std::to_string(i)));
  // The last with a label and people: Gareth, whose membership ends below, and Tom.
  const long long urgent = service->add_label_now(board, "Urgent", "red");
  c.push_back(run(service->create_card(as_gareth(), north, board, lists[0], {"Card 7", "", "", {urgent}, {gareth, tom}},
                                       "kept-card-7")));
  const Who t{tom, Role::facilitator, false};
  EXPECT_EQ(run(service->save_board(t, north, board, "Ideas board", "", 10, std::nullopt)), Change::done);
  run(service->dots(as_gareth(), north, c[6], 1));
  run(service->dots(as_gareth(), north, c[6], 1));
  run(service->dots(t, north, c[6], 1));
  run(service->dots(t, north, c[5], 1));
  run(service->dots(as_gareth(), north, c[3], 1));
  run(service->add_comment(as_gareth(), north, c[6], "Yes", "kept-comment-1"));
  const long long removed = run(service->add_comment(as_gareth(), north, c[6], "No", "kept-comment-2"));
  run(service->remove_comment(t, north, c[6], removed, "Off the subject"));
  auto titles = [&](bool by_dots) {
    std::vector<std::string> out;
    const auto page = run(service->shown_board_page(north, board, gareth, by_dots));
    for (const auto& card : page->cards) {
      out.push_back(card.title + " " + std::to_string(card.dots) + "/" + std::to_string(card.comments));
    }
    return out;
  };
  EXPECT_EQ(titles(true),
            (std::vector<std::string>{"Card 7 3/1", "Card 4 1/0", "Card 6 1/0", "Card 1 0/0", "Card 2 0/0"}));
  EXPECT_EQ(titles(false),
            (std::vector<std::string>{"Card 1 0/0", "Card 2 0/0", "Card 3 0/0", "Card 4 1/0", "Card 5 0/0"}));
  // Taking a dot back, and Gareth's membership ending (his dots go by the database's cascade, as when his account is
  // erased): the counts follow.
  run(service->dots(as_gareth(), north, c[6], -1));
  world->db->run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    db::query(s, "DELETE FROM memberships WHERE org_id = $1 AND user_id = $2", {north, gareth});
    tx.commit();
  });
  EXPECT_EQ(titles(true),
            (std::vector<std::string>{"Card 6 1/0", "Card 7 1/1", "Card 1 0/0", "Card 2 0/0", "Card 3 0/0"}));
  const auto shown = run(service->shown_board_page(north, board, tom, true));
  ASSERT_EQ(shown->cards.at(1).title, "Card 7");
  EXPECT_EQ(shown->cards[1].label_ids, std::vector<long long>{urgent});
  ASSERT_EQ(shown->cards[1].people.size(), 1u);
  EXPECT_EQ(shown->cards[1].people[0].name, "Tom");
  EXPECT_TRUE(shown->cards[0].label_ids.empty());
  EXPECT_TRUE(shown->cards[0].people.empty());
  // An archived card leaves the order; the kept counts are what counting would give, card by card.
  run(service->archive_card(t, north, c[5], true));
  EXPECT_EQ(titles(true).front(), "Card 7 1/1");
  EXPECT_EQ(
      world->count("board_cards c WHERE dot_count <> COALESCE((SELECT SUM(d.dots) FROM board_dots d WHERE "
                   "d.card_id = c.id), 0) OR comment_count <> (SELECT COUNT(*) FROM board_card_comments m WHERE "
                   "m.card_id = c.id AND m.deleted_at IS NULL AND m.removed_at IS NULL) OR label_count <> (SELECT "
                   "COUNT(*) FROM board_card_labels l WHERE l.card_id = c.id) OR person_count <> (SELECT COUNT(*) "
                   "FROM board_card_people p WHERE p.card_id = c.id)"),
      0);
  EXPECT_EQ(world->count("board_cards WHERE dot_count > 0 OR person_count > 0"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, BoardsOnBackend, ::testing::ValuesIn(db::testing::backends()));

/// The same board with somewhere to keep cards' files.
class CardFilesOnBackend : public BoardsOnBackend {
 protected:
  void SetUp() override {
    BoardsOnBackend::SetUp();
    dir = std::filesystem::temp_directory_path() / ("rt-card-files-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::remove_all(dir);
    storage = std::make_shared<uploads::FolderStorage>(dir);
    uploads = std::make_unique<uploads::UploadService>(*world->db, storage);
    register_card_file_access(*uploads);
    service->set_uploads(uploads.get());
  }
  void TearDown() override {
    service->set_uploads(nullptr);
    uploads.reset();
    std::filesystem::remove_all(dir);
  }
  static uploads::Prepared file(const char* name) {
    return std::get<uploads::Prepared>(uploads::prepare_file(
        roundtable::testing::World::fixture(std::string("about_me/") + name), name, card_file_allowed()));
  }
  bool fetches(const std::string& public_id, std::optional<long long> who) {
    return world->fetches(*uploads, public_id, who);
  }
  std::filesystem::path dir;
  std::shared_ptr<uploads::FolderStorage> storage;
  std::unique_ptr<uploads::UploadService> uploads;
};

TEST_P(CardFilesOnBackend, FilesAreSeenByWhoeverSeesTheBoardAndTakenOffByTheirAdderOrTheLeads) {
  const long long a = add("A");
  EXPECT_EQ(run(service->attach_file({ngozi, Role::member, false}, north, a, file("tiny.png"))), Change::refused);
  EXPECT_EQ(run(service->attach_file(as_gareth(), north, a, file("tiny.png"))), Change::done);
  EXPECT_EQ(run(service->attach_file(as_gareth(), north, a, file("photo-with-location.jpg"))), Change::done);
  auto page = run(service->card_page(north, a, gareth));
  ASSERT_EQ(page->attachments.size(), 2u);
  EXPECT_EQ(page->attachments[0].name, "tiny.png");
  EXPECT_EQ(world->count("board_card_history WHERE what = 'attached'"), 2);
  const auto id = page->attachments[0].public_id;
  // The board's people (observers too) fetch it; nobody else does.
  EXPECT_TRUE(fetches(id, gareth));
  EXPECT_TRUE(fetches(id, ngozi));
  EXPECT_FALSE(fetches(id, priya));
  EXPECT_FALSE(fetches(id, rhys));
  EXPECT_FALSE(fetches(id, std::nullopt));
  // An observer takes nothing off; another card's id is refused; Tom, who runs the group, takes Gareth's off.
  const long long b = add("B");
  const long long first = page->attachments[0].id, second = page->attachments[1].id;
  EXPECT_EQ(run(service->remove_file({ngozi, Role::member, false}, north, a, first)), Change::refused);
  EXPECT_EQ(run(service->remove_file(as_gareth(), north, b, first)), Change::refused);
  EXPECT_EQ(run(service->remove_file({tom, Role::facilitator, false}, north, a, first)), Change::done);
  EXPECT_EQ(run(service->remove_file(as_gareth(), north, a, second)), Change::done);
  EXPECT_FALSE(fetches(id, gareth));
  EXPECT_EQ(world->count("board_card_attachments"), 0);
  EXPECT_EQ(world->count("uploads"), 0);
  EXPECT_EQ(world->count("board_card_history WHERE what = 'detached'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, CardFilesOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::boards

namespace roundtable::boards {
namespace {

namespace govuk = view::govuk;

// A list's page writes each card's move and dot forms without the components' structs (pages::card_form_start and
// pages::card_button): what it writes must stay what the components write, or the cards' forms drift from the
// GOV.UK markup every other page has (and the browser tests' axe and Nu checks see only the demo's boards).
TEST(CardForms, WriteWhatTheGovukComponentsWrite) {
  const std::string title = "Ask about \"respite\" <soon> & more";
  view::Html written;
  pages::card_form_start(written, "/o/demo/cards/", 42, "/move", "token&<>");
  pages::card_button(written, "value=\"up\" name=\"direction\"", "Move up", title);
  pages::card_button(written, "value=\"take\" name=\"change\"", "Take back a dot", title);

  view::Html expected;
  govuk::form_start(expected, {.action = "/o/demo/cards/42/move", .csrf_token = "token&<>"});
  govuk::button_group_start(expected);
  for (const auto& [name, value, words] :
       {std::tuple<std::string, std::string, std::string>{"direction", "up", "Move up"},
        {"change", "take", "Take back a dot"}}) {
    view::Html inner;
    inner.text(words).raw("<span class=\"govuk-visually-hidden\"> ").text(title).raw("</span>");
    govuk::button(expected, {.html = inner, .name = name, .value = value, .classes = "govuk-button--secondary"});
  }
  EXPECT_EQ(written.str(), expected.str());
}

}  // namespace
}  // namespace roundtable::boards
