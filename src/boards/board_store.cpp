#include "boards/board_store.hpp"

#include <algorithm>
#include <unordered_map>

#include "db/query.hpp"

namespace roundtable::boards::store {

namespace {

Board board_of(const db::Row& r) {
  Board b;
  b.id = r.integer(0);
  b.org_id = r.integer(1);
  b.group_id = r.integer(2);
  b.group_name = r.string(3);
  b.group_visibility = groups::parse_visibility(r.text(4)).value_or(groups::Visibility::members);
  b.group_archived = !r.null(5);
  b.title = r.string(6);
  b.purpose = r.string(7);
  b.dot_budget = r.integer(8);
  if (!r.null(9)) b.archived_at = r.integer(9);
  if (!r.null(10)) b.stage = groups::parse_stage(r.text(10));
  if (!r.null(11)) b.group_stage = groups::parse_stage(r.text(11));
  return b;
}

constexpr std::string_view kBoardColumns =
    "b.id, b.org_id, b.group_id, g.name, g.visibility, g.archived_at, b.title, b.purpose, b.dot_budget, "
    "b.archived_at, b.stage, g.stage";

db::Param stage_param(std::optional<groups::Stage> stage) {
  if (!stage) return nullptr;
  return groups::stage_code(*stage);
}

long long count_in_list(soci::session& s, long long list_id, long long except) {
  long long n = 0;
  db::query(s, "SELECT COUNT(*) FROM board_cards WHERE list_id = $1 AND archived_at IS NULL AND id <> $2",
            {list_id, except}, [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

}  // namespace

long long insert_board(soci::session& s, long long org_id, long long group_id, std::string_view title,
                       std::string_view purpose, long long budget, std::optional<groups::Stage> stage,
                       const std::vector<std::string>& lists, std::string_view create_key, long long actor,
                       long long now) {
  long long id = 0;
  db::query(s,
            "INSERT INTO boards (org_id, group_id, title, purpose, dot_budget, stage, create_key, created_by, "
            "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (org_id, create_key) "
            "DO NOTHING RETURNING id",
            {org_id, group_id, title, purpose, budget, stage_param(stage), create_key, actor, now},
            [&](const db::Row& r) { id = r.integer(0); });
  if (id == 0) return 0;
  for (const auto& l : lists) add_list(s, id, l, now);
  return id;
}

std::optional<long long> find_board_by_key(soci::session& s, long long org_id, std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM boards WHERE org_id = $1 AND create_key = $2", {org_id, create_key},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

void boards_of_group(db::Batch& b, long long group_id, std::vector<BoardListed>& out) {
  // Each board's cards in play: the sum of its lists' last positions (1..n without gaps, ADR 0033), one seek of
  // board_cards_in_play a list, where COUNT(*) stepped over every card of every board.
  b.add(std::string("SELECT ") + std::string(kBoardColumns) +
            ", (SELECT COALESCE(SUM((SELECT MAX(c.position) FROM board_cards c WHERE c.board_id = l.board_id AND "
            "c.list_id = l.id AND c.archived_at IS NULL)), 0) FROM board_lists l WHERE l.board_id = b.id) FROM "
            "boards b JOIN org_groups g ON g.id = b.group_id WHERE b.group_id = $1 ORDER BY b.created_at, b.id",
        {group_id}, [&out](const db::Row& r) {
          out.push_back({board_of(r), r.integer(12)});
        });
}

std::vector<BoardListed> boards_of_group(soci::session& s, long long group_id) {
  return db::read_alone<std::vector<BoardListed>>(s,
                                                  [&](db::Batch& b, auto& out) { boards_of_group(b, group_id, out); });
}

std::optional<BoardForViewer> find_board(soci::session& s, long long org_id, long long board_id, long long viewer) {
  std::optional<BoardForViewer> out;
  db::query(s,
            std::string("SELECT ") + std::string(kBoardColumns) +
                ", gm.role FROM boards b JOIN org_groups g ON g.id = b.group_id LEFT JOIN group_members gm ON "
                "gm.group_id = b.group_id AND gm.user_id = $3 WHERE b.id = $2 AND b.org_id = $1",
            {org_id, board_id, viewer}, [&](const db::Row& r) {
              BoardForViewer v{board_of(r), std::nullopt};
              if (!r.null(12)) v.role = groups::parse_group_role(r.text(12));
              out = std::move(v);
            });
  return out;
}

std::optional<long long> board_of_card(soci::session& s, long long org_id, long long card_id) {
  std::optional<long long> out;
  db::query(s, "SELECT board_id FROM board_cards WHERE id = $1 AND org_id = $2", {card_id, org_id},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

void lock_board(soci::session& s, long long board_id) {
  db::query(s, "UPDATE boards SET version = version + 1 WHERE id = $1", {board_id});
}

void update_board(soci::session& s, long long board_id, std::string_view title, std::string_view purpose,
                  long long budget, std::optional<groups::Stage> stage, long long now) {
  db::query(s, "UPDATE boards SET title = $2, purpose = $3, dot_budget = $4, stage = $5, updated_at = $6 WHERE id = $1",
            {board_id, title, purpose, budget, stage_param(stage), now});
}

void set_board_archived(soci::session& s, long long board_id, std::optional<long long> at, long long now) {
  db::query(s, "UPDATE boards SET archived_at = $2, updated_at = $3 WHERE id = $1",
            {board_id, at ? db::Param(*at) : db::Param(nullptr), now});
}

namespace {

void add_lists(db::Batch& b, long long board_id, std::vector<BoardList>& out) {
  b.add("SELECT id, position, title FROM board_lists WHERE board_id = $1 ORDER BY position", {board_id},
        [&out](const db::Row& r) {
          out.push_back({r.integer(0), r.integer(1), r.string(2)});
        });
}

void add_labels(db::Batch& b, long long board_id, std::vector<Label>& out) {
  b.add("SELECT id, name, colour FROM board_labels WHERE board_id = $1 ORDER BY id", {board_id},
        [&out](const db::Row& r) {
          out.push_back({r.integer(0), r.string(1), r.string(2)});
        });
}

}  // namespace

std::vector<BoardList> lists(soci::session& s, long long board_id) {
  return db::read_alone<std::vector<BoardList>>(s, [&](db::Batch& b, auto& out) { add_lists(b, board_id, out); });
}

std::vector<Label> labels(soci::session& s, long long board_id) {
  return db::read_alone<std::vector<Label>>(s, [&](db::Batch& b, auto& out) { add_labels(b, board_id, out); });
}

long long cards_in_play(soci::session& s, long long list_id) { return count_in_list(s, list_id, 0); }

namespace {

/// The dots the viewer has given on the board, by card (at most the board's budget of rows).
using MyDots = std::vector<std::pair<long long, long long>>;

/// The frame (lists, labels, the group's people and the dots the viewer has used, with `mine`, unless null, the
/// viewer's dots by card); with `counts`, each list's cards in play too: its last position, as positions run 1..n
/// without gaps (ADR 0033), one seek of board_cards_in_play (migration 0061) where COUNT(*) stepped over every card.
void read_frame_of(db::Batch& b, BoardPage& page, long long viewer, bool counts, MyDots* mine) {
  const long long board_id = page.view.board.id;
  if (counts) {
    b.add(
        "SELECT l.id, l.position, l.title, COALESCE((SELECT MAX(c.position) FROM board_cards c WHERE c.board_id = "
        "l.board_id AND c.list_id = l.id AND c.archived_at IS NULL), 0) FROM board_lists l WHERE l.board_id = $1 "
        "ORDER BY l.position",
        {board_id}, [&page](const db::Row& r) {
          page.lists.push_back({r.integer(0), r.integer(1), r.string(2), r.integer(3)});
        });
  } else {
    add_lists(b, board_id, page.lists);
  }
  add_labels(b, board_id, page.labels);
  b.add("SELECT user_id, name FROM group_members WHERE group_id = $1 ORDER BY name", {page.view.board.group_id},
        [&page](const db::Row& r) {
          page.people.push_back({r.integer(0), r.string(1)});
        });
  b.then([&page] {
    std::stable_sort(page.people.begin(), page.people.end(),
                     [](const Person& x, const Person& y) { return x.name < y.name; });
  });
  // One range of board_dots_board (board, person): as many rows as the viewer's dots on the board, however many cards.
  b.add("SELECT card_id, dots FROM board_dots WHERE board_id = $1 AND user_id = $2", {board_id, viewer},
        [&page, mine](const db::Row& r) {
          if (mine) mine->emplace_back(r.integer(0), r.integer(1));
          page.my_dots_used += r.integer(1);
        });
}

/// Each card's dots from the viewer.
void put_my_dots(BoardPage& page, const MyDots& mine) {
  for (const auto& [card, dots] : mine) {
    for (auto& c : page.cards) {
      if (c.id == card) c.my_dots = dots;
    }
  }
}

}  // namespace

void read_frame(db::Batch& b, BoardPage& page, long long viewer) { read_frame_of(b, page, viewer, false, nullptr); }

namespace {

/// "SELECT" what every query of cards reads of each, then `rest`: id, list, position, title, due date, and what the
/// card keeps (migration 0063): its dots from everyone, its comments standing, and how many labels and people it has,
/// so a card shown is one row, and only the cards with labels or people are looked up for them.
std::string cards_sql(std::string_view rest) {
  return "SELECT c.id, c.list_id, c.position, c.title, c.due_date, c.dot_count, c.comment_count, c.label_count, "
         "c.person_count" +
         std::string(rest);
}

/// Where the list is among the page's lists (their board order), for sorting cards by it; past the last when it is not
/// one of them.
std::size_t list_place(const BoardPage& page, long long list_id) {
  std::size_t at = 0;
  while (at < page.lists.size() && page.lists[at].id != list_id) ++at;
  return at;
}

/// Sorts cards by `less` over their indexes (moving whole cards about while sorting cost more than the sorting).
template <class Less>
void sort_cards(std::vector<Card>& cards, Less less) {
  std::vector<std::size_t> order(cards.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), less);
  std::vector<Card> sorted;
  sorted.reserve(order.size());
  for (std::size_t i : order) sorted.push_back(std::move(cards[i]));
  cards = std::move(sorted);
}

Card card_of(const db::Row& r, long long board_id) {
  Card c;
  c.id = r.integer(0);
  c.board_id = board_id;
  c.list_id = r.integer(1);
  c.position = r.integer(2);
  c.title = r.string(3);
  c.due_date = r.string(4);
  c.dots = r.integer(5);
  c.comments = r.integer(6);
  return c;
}

/// The cards read that have labels, and those that have people (from cards_sql's rows).
struct WithFacts {
  std::vector<long long> labels, people;
  void note(const db::Row& r) {
    if (r.integer(7) > 0) labels.push_back(r.integer(0));
    if (r.integer(8) > 0) people.push_back(r.integer(0));
  }
};

/// Where each card is in page.cards, by id.
std::unordered_map<long long, std::size_t> index_of_cards(const BoardPage& page) {
  std::unordered_map<long long, std::size_t> at;
  at.reserve(page.cards.size());
  for (std::size_t i = 0; i < page.cards.size(); ++i) at[page.cards[i].id] = i;
  return at;
}

/// The labels and people of cards, as read in a batch with the cards, before the cards are in their order.
struct FactRows {
  std::vector<std::pair<long long, long long>> labels;  // card, label
  std::vector<std::pair<long long, Person>> people;     // card, person
  void add_label(const db::Row& r) { labels.emplace_back(r.integer(0), r.integer(1)); }
  void add_person(const db::Row& r) { people.emplace_back(r.integer(0), Person{r.integer(1), r.string(2)}); }
  /// Hands each row to its card on the page (rows of cards not shown are dropped), in the order read.
  void put(BoardPage& page) const {
    if (page.cards.empty()) return;
    const auto at = index_of_cards(page);
    for (const auto& [card, label] : labels) {
      if (auto it = at.find(card); it != at.end()) page.cards[it->second].label_ids.push_back(label);
    }
    // Each card's labels in the board's order of labels (their ids).
    if (!labels.empty()) {
      for (auto& c : page.cards) std::sort(c.label_ids.begin(), c.label_ids.end());
    }
    for (const auto& [card, person] : people) {
      if (auto it = at.find(card); it != at.end()) page.cards[it->second].people.push_back(person);
    }
  }
};

}  // namespace

void read_page(soci::session& s, BoardPage& page, long long viewer) {
  // The frame, the cards, their labels and their people: one batch (one round trip on PostgreSQL).
  db::Batch b(s);
  MyDots mine;
  read_frame_of(b, page, viewer, false, &mine);
  const long long board_id = page.view.board.id;
  static const std::string sql = cards_sql(
      " FROM board_cards c JOIN board_lists l ON l.id = c.list_id WHERE c.board_id = $1 AND c.archived_at IS NULL "
      "ORDER "
      "BY l.position, c.position");
  b.add(sql, {board_id}, [&](const db::Row& r) { page.cards.push_back(card_of(r, board_id)); });
  FactRows facts;
  b.add(
      "SELECT cl.card_id, cl.label_id FROM board_card_labels cl JOIN board_cards c ON c.id = cl.card_id WHERE "
      "c.board_id = $1 AND c.archived_at IS NULL ORDER BY cl.label_id",
      {board_id}, [&](const db::Row& r) { facts.add_label(r); });
  b.add(
      "SELECT p.card_id, p.user_id, COALESCE(gm.name, '') FROM board_card_people p LEFT JOIN group_members gm ON "
      "gm.group_id = $2 AND gm.user_id = p.user_id WHERE p.board_id = $1 ORDER BY gm.name",
      {board_id, page.view.board.group_id}, [&](const db::Row& r) { facts.add_person(r); });
  b.run();
  for (auto& l : page.lists) {
    l.cards = std::count_if(page.cards.begin(), page.cards.end(), [&](const Card& c) { return c.list_id == l.id; });
  }
  put_my_dots(page, mine);
  facts.put(page);
}

namespace {

/// The first $2 cards in play of each of board $1's lists: one range of board_cards_in_play a list, which carries what
/// the page shows of them (migration 0063), so no card's row is read. (Put in the board's order by the caller.)
const std::string& first_cards_sql() {
  static const std::string sql = cards_sql(
      " FROM board_lists l CROSS JOIN board_cards c WHERE l.board_id = $1 AND c.board_id = $1 AND c.list_id = l.id AND "
      "c.archived_at IS NULL AND c.position <= $2");
  return sql;
}

/// Sorted by dots: the first $1 cards in play of each list by dots (most first), then position, one range of
/// board_cards_by_dots (migration 0063) a list: a branch a list, as many forms of the statement as boards have numbers
/// of lists (at most kMaxLists).
std::string first_by_dots(const std::vector<BoardList>& lists, std::vector<db::Param>& params) {
  std::string sql;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    params.push_back(lists[i].id);
    if (i > 0) sql += " UNION ALL ";
    sql += "SELECT * FROM (" +
           cards_sql(" FROM board_cards c WHERE c.list_id = $" + std::to_string(params.size()) +
                     " AND c.archived_at IS NULL ORDER BY c.dot_count DESC, c.position LIMIT $1) AS l" +
                     std::to_string(i));
  }
  return sql;
}

/// Some of the cards a page shows, as the FROM and WHERE of a statement over `board_cards c` (its parameters first):
/// the range of board_cards_in_play that the cards' own statement read, or the cards' keys.
struct Shown {
  std::string from, where;
  std::vector<db::Param> params;
};

/// The cards among `ids`, by their keys (for the board sorted by dots, whose cards are no range; none: no card).
Shown by_keys(const std::vector<long long>& ids) {
  Shown out{"board_cards c", "", {}};
  out.where = "c.id IN (" + db::id_list(out.params, ids.empty() ? std::vector<long long>{0} : ids) + ")";
  return out;
}

/// The labels, then the people, of the cards shown that have any (the cards keep how many: most have none, and are not
/// looked for), each a seek of its table for each such card; their dots and comments came with the cards. Two
/// statements, added to the page's batch, whatever the cards hold (query_counts.test.mjs counts them); FactRows::put
/// hands them to the cards once the batch has run and the cards are in order.
void add_card_facts(db::Batch& b, long long group_id, const Shown& labelled, const Shown& with_people,
                    FactRows& facts) {
  b.add("SELECT cl.card_id, cl.label_id FROM " + labelled.from + " CROSS JOIN board_card_labels cl WHERE " +
            labelled.where + " AND c.label_count > 0 AND cl.card_id = c.id",
        labelled.params, [&facts](const db::Row& r) { facts.add_label(r); });
  auto params = with_people.params;
  params.push_back(group_id);
  b.add("SELECT p.card_id, p.user_id, COALESCE(gm.name, '') FROM " + with_people.from +
            " CROSS JOIN board_card_people p LEFT JOIN group_members gm ON gm.group_id = $" +
            std::to_string(params.size()) + " AND gm.user_id = p.user_id WHERE " + with_people.where +
            " AND c.person_count > 0 AND p.card_id = c.id ORDER BY 3, 2",
        params, [&facts](const db::Row& r) { facts.add_person(r); });
}

}  // namespace

void read_shown(soci::session& s, BoardPage& page, long long viewer, long long per_list, bool by_dots) {
  const long long board_id = page.view.board.id;
  MyDots mine;
  WithFacts with;
  FactRows facts;
  // Each card with its list's place (the lists come first in the batch, so they are in when the cards' rows come).
  std::vector<std::size_t> place;
  auto read = [&](const db::Row& r) {
    page.cards.push_back(card_of(r, board_id));
    with.note(r);
    place.push_back(list_place(page, page.cards.back().list_id));
  };
  if (!by_dots) {
    // The frame, each list's first cards and their labels and people (the same ranges as the cards' statement): one
    // batch, one round trip on PostgreSQL.
    db::Batch b(s);
    read_frame_of(b, page, viewer, true, &mine);
    b.add(first_cards_sql(), {board_id, per_list}, read);
    const Shown first{
        "board_lists l CROSS JOIN board_cards c",
        "l.board_id = $1 AND c.board_id = $1 AND c.list_id = l.id AND c.archived_at IS NULL AND c.position "
        "<= $2",
        {board_id, per_list}};
    add_card_facts(b, page.view.board.group_id, first, first, facts);
    b.run();
  } else {
    // By dots, the cards' statement has a branch a list and the facts are looked up by the cards' keys: the frame,
    // then the cards, then their labels and people.
    db::Batch frame(s);
    read_frame_of(frame, page, viewer, true, &mine);
    frame.run();
    if (page.lists.empty()) return;
    std::vector<db::Param> params{per_list};
    const std::string sql = first_by_dots(page.lists, params);
    db::query(s, sql, params, read);
    db::Batch rest(s);
    add_card_facts(rest, page.view.board.group_id, by_keys(with.labels), by_keys(with.people), facts);
    rest.run();
  }
  if (page.lists.empty()) return;
  // Then in the board's order: by list, then by position (or by dots, then position), sorted here by index (moving
  // whole cards about cost more than the sorting, and SQLite sorted with a temporary tree).
  sort_cards(page.cards, [&](std::size_t i, std::size_t j) {
    const Card& a = page.cards[i];
    const Card& b = page.cards[j];
    if (place[i] != place[j]) return place[i] < place[j];
    if (by_dots && a.dots != b.dots) return a.dots > b.dots;
    return a.position < b.position;
  });
  put_my_dots(page, mine);
  facts.put(page);
}

void read_voted(soci::session& s, BoardPage& page) {
  const long long board_id = page.view.board.id;
  // The lists and the cards with dots, in one batch: the lists' rows come first, so each card finds its list's place.
  db::Batch b(s);
  add_lists(b, board_id, page.lists);
  // From board_cards_in_play alone (it holds every column read here); sorted here, by the lists' order.
  static const std::string sql =
      cards_sql(" FROM board_cards c WHERE c.board_id = $1 AND c.archived_at IS NULL AND c.dot_count > 0");
  std::vector<std::size_t> place;
  b.add(sql, {board_id}, [&](const db::Row& r) {
    page.cards.push_back(card_of(r, board_id));
    place.push_back(list_place(page, page.cards.back().list_id));
  });
  b.run();
  sort_cards(page.cards, [&](std::size_t i, std::size_t j) {
    const Card& a = page.cards[i];
    const Card& b = page.cards[j];
    if (a.dots != b.dots) return a.dots > b.dots;
    if (place[i] != place[j]) return place[i] < place[j];
    if (a.position != b.position) return a.position < b.position;
    return a.id < b.id;
  });
}

void read_list(soci::session& s, BoardPage& page, long long list_id, long long viewer) {
  const long long board_id = page.view.board.id;
  // The frame, the list's cards in play on board_cards_in_play, and the labels and people of those that have any: the
  // same queries however many cards and lists, in one batch (one round trip on PostgreSQL). The cards' statement asks
  // for this board's list: another board's list has none here.
  db::Batch b(s);
  MyDots mine;
  read_frame_of(b, page, viewer, false, &mine);
  static const std::string sql = cards_sql(
      " FROM board_cards c WHERE c.board_id = $1 AND c.list_id = $2 AND c.archived_at IS NULL ORDER BY c.position");
  b.add(sql, {board_id, list_id}, [&](const db::Row& r) { page.cards.push_back(card_of(r, board_id)); });
  const Shown list{
      "board_cards c", "c.board_id = $1 AND c.list_id = $2 AND c.archived_at IS NULL", {board_id, list_id}};
  FactRows facts;
  add_card_facts(b, page.view.board.group_id, list, list, facts);
  b.run();
  if (!page.list(list_id)) {
    page.cards.clear();
    return;
  }
  put_my_dots(page, mine);
  facts.put(page);
}

void find_card(db::Batch& b, long long card_id, long long viewer, std::optional<Card>& out) {
  b.add(
      "SELECT c.id, c.board_id, c.list_id, c.position, c.title, c.description, c.due_date, c.archived_at, "
      "c.dot_count, COALESCE((SELECT d.dots FROM "
      "board_dots d WHERE d.card_id = c.id AND d.user_id = $2), 0), c.source_kind, c.source_id FROM board_cards "
      "c WHERE c.id = $1",
      {card_id, viewer}, [&out](const db::Row& r) {
        Card c;
        c.id = r.integer(0);
        c.board_id = r.integer(1);
        c.list_id = r.integer(2);
        c.position = r.integer(3);
        c.title = r.string(4);
        c.description = r.string(5);
        c.due_date = r.string(6);
        if (!r.null(7)) c.archived_at = r.integer(7);
        c.dots = r.integer(8);
        c.my_dots = r.integer(9);
        c.source_kind = r.string(10);
        c.source_id = r.integer(11);
        out = std::move(c);
      });
  // Its labels and people come after it in the batch: a card that is not there has none.
  b.add("SELECT label_id FROM board_card_labels WHERE card_id = $1 ORDER BY label_id", {card_id},
        [&out](const db::Row& r) {
          if (out) out->label_ids.push_back(r.integer(0));
        });
  b.add(
      "SELECT p.user_id, COALESCE(gm.name, '') FROM board_card_people p JOIN boards b ON b.id = p.board_id LEFT "
      "JOIN group_members gm ON gm.group_id = b.group_id AND gm.user_id = p.user_id WHERE p.card_id = $1 ORDER "
      "BY gm.name",
      {card_id}, [&out](const db::Row& r) {
        if (out) out->people.push_back({r.integer(0), r.string(1)});
      });
}

std::optional<Card> find_card(soci::session& s, long long card_id, long long viewer) {
  return db::read_alone<std::optional<Card>>(s, [&](db::Batch& b, auto& out) { find_card(b, card_id, viewer, out); });
}

void history(db::Batch& b, long long card_id, std::vector<HistoryEntry>& out) {
  b.add(
      "SELECT COALESCE(gm.name, ''), h.what, h.detail, h.number, h.at FROM board_card_history h JOIN "
      "board_cards c ON c.id = h.card_id JOIN boards b ON b.id = c.board_id LEFT JOIN group_members gm ON "
      "gm.group_id = b.group_id AND gm.user_id = h.user_id WHERE h.card_id = $1 ORDER BY h.at DESC, h.id DESC",
      {card_id}, [&out](const db::Row& r) {
        out.push_back({r.string(0), r.string(1), r.string(2), r.integer(3), r.integer(4)});
      });
}

bool add_list(soci::session& s, long long board_id, std::string_view title, long long now) {
  long long n = 0;
  db::query(s, "SELECT COUNT(*) FROM board_lists WHERE board_id = $1", {board_id},
            [&](const db::Row& r) { n = r.integer(0); });
  if (n >= kMaxLists) return false;
  const std::string key = std::to_string(now) + "-" + std::to_string(n + 1);
  db::query(s, "INSERT INTO board_lists (board_id, position, title, create_key) VALUES ($1, $2, $3, $4)",
            {board_id, n + 1, title, key});
  return true;
}

bool rename_list(soci::session& s, long long board_id, long long list_id, std::string_view title) {
  return db::query(s, "UPDATE board_lists SET title = $3 WHERE id = $2 AND board_id = $1", {board_id, list_id, title}) >
         0;
}

long long cards_in_list(soci::session& s, long long list_id) {
  long long n = 0;
  db::query(s, "SELECT COUNT(*) FROM board_cards WHERE list_id = $1", {list_id},
            [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

bool remove_list(soci::session& s, long long board_id, long long list_id) {
  std::optional<long long> position;
  db::query(s, "SELECT position FROM board_lists WHERE id = $1 AND board_id = $2", {list_id, board_id},
            [&](const db::Row& r) { position = r.integer(0); });
  if (!position) return false;
  db::query(s, "DELETE FROM board_lists WHERE id = $1", {list_id});
  db::query(s, "UPDATE board_lists SET position = position - 1 WHERE board_id = $1 AND position > $2",
            {board_id, *position});
  return true;
}

bool shift_list(soci::session& s, long long board_id, long long list_id, int by) {
  std::optional<long long> position;
  db::query(s, "SELECT position FROM board_lists WHERE id = $1 AND board_id = $2", {list_id, board_id},
            [&](const db::Row& r) { position = r.integer(0); });
  if (!position) return false;
  const long long other = *position + by;
  const long long swapped = db::query(s, "UPDATE board_lists SET position = $3 WHERE board_id = $1 AND position = $2",
                                      {board_id, other, *position});
  if (swapped == 0) return false;
  db::query(s, "UPDATE board_lists SET position = $2 WHERE id = $1", {list_id, other});
  return true;
}

bool add_label(soci::session& s, long long board_id, std::string_view name, std::string_view colour) {
  long long n = 0;
  db::query(s, "SELECT COUNT(*) FROM board_labels WHERE board_id = $1", {board_id},
            [&](const db::Row& r) { n = r.integer(0); });
  if (n >= kMaxLabels) return false;
  db::query(s, "INSERT INTO board_labels (board_id, name, colour) VALUES ($1, $2, $3)", {board_id, name, colour});
  return true;
}

long long insert_card(soci::session& s, long long org_id, long long board_id, long long list_id, const Card& c,
                      std::string_view create_key, long long actor, long long now) {
  const long long position = count_in_list(s, list_id, 0) + 1;
  long long id = 0;
  db::query(s,
            "INSERT INTO board_cards (org_id, board_id, list_id, position, title, description, due_date, create_key, "
            "created_by, created_at, updated_at, source_kind, source_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
            "$10, $10, $11, $12) ON CONFLICT (org_id, create_key) DO NOTHING RETURNING id",
            {org_id, board_id, list_id, position, c.title, c.description, c.due_date, create_key, actor, now,
             c.source_kind, c.source_id},
            [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

std::optional<long long> find_card_by_key(soci::session& s, long long org_id, std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM board_cards WHERE org_id = $1 AND create_key = $2", {org_id, create_key},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

void update_card(soci::session& s, const Card& c, long long now) {
  db::query(s, "UPDATE board_cards SET title = $2, description = $3, due_date = $4, updated_at = $5 WHERE id = $1",
            {c.id, c.title, c.description, c.due_date, now});
}

void set_card_labels(soci::session& s, long long card_id, long long board_id, const std::vector<long long>& labels) {
  db::query(s, "DELETE FROM board_card_labels WHERE card_id = $1", {card_id});
  for (long long label : labels) {
    db::query(s,
              "INSERT INTO board_card_labels (card_id, label_id) SELECT $1, id FROM board_labels WHERE id = $2 AND "
              "board_id = $3",
              {card_id, label, board_id});
  }
}

void set_card_people(soci::session& s, long long card_id, long long board_id, long long org_id,
                     const std::vector<long long>& people) {
  db::query(s, "DELETE FROM board_card_people WHERE card_id = $1", {card_id});
  for (long long user : people) {
    db::query(s, "INSERT INTO board_card_people (card_id, board_id, org_id, user_id) VALUES ($1, $2, $3, $4)",
              {card_id, board_id, org_id, user});
  }
}

long long move_card(soci::session& s, const Card& c, long long list_id, long long position, long long now) {
  // Close the gap the card leaves, then make room where it goes: positions stay 1..n in both lists.
  db::query(s,
            "UPDATE board_cards SET position = position - 1 WHERE list_id = $1 AND archived_at IS NULL AND position > "
            "$2",
            {c.list_id, c.position});
  const long long n = count_in_list(s, list_id, c.id);
  const long long to = std::clamp(position, 1LL, n + 1);
  db::query(s,
            "UPDATE board_cards SET position = position + 1 WHERE list_id = $1 AND archived_at IS NULL AND position >= "
            "$2 AND id <> $3",
            {list_id, to, c.id});
  db::query(s, "UPDATE board_cards SET list_id = $2, position = $3, updated_at = $4 WHERE id = $1",
            {c.id, list_id, to, now});
  return to;
}

void archive_card(soci::session& s, const Card& c, long long now) {
  db::query(s,
            "UPDATE board_cards SET position = position - 1 WHERE list_id = $1 AND archived_at IS NULL AND position > "
            "$2",
            {c.list_id, c.position});
  db::query(s, "UPDATE board_cards SET archived_at = $2, position = 0, updated_at = $2 WHERE id = $1", {c.id, now});
}

long long restore_card(soci::session& s, const Card& c, long long now) {
  const long long to = count_in_list(s, c.list_id, c.id) + 1;
  db::query(s, "UPDATE board_cards SET archived_at = NULL, position = $2, updated_at = $3 WHERE id = $1",
            {c.id, to, now});
  return to;
}

void add_history(soci::session& s, long long card_id, long long user_id, std::string_view what, std::string_view detail,
                 long long number, long long now) {
  db::query(s,
            "INSERT INTO board_card_history (card_id, user_id, what, detail, number, at) VALUES ($1, $2, $3, $4, $5, "
            "$6)",
            {card_id, user_id, what, detail, number, now});
}

namespace {

constexpr std::string_view kCommentColumns =
    "m.id, m.card_id, COALESCE(m.author_id, 0), COALESCE(u.name, ''), m.body, m.created_at, m.edited_at, "
    "m.deleted_at, m.removed_at, m.removed_reason FROM board_card_comments m LEFT JOIN users u ON u.id = m.author_id";

Comment comment_of(const db::Row& r) {
  Comment c;
  c.id = r.integer(0);
  c.card_id = r.integer(1);
  c.author_id = r.integer(2);
  c.author_name = r.string(3);
  c.body = r.string(4);
  c.created_at = r.integer(5);
  if (!r.null(6)) c.edited_at = r.integer(6);
  if (!r.null(7)) c.deleted_at = r.integer(7);
  if (!r.null(8)) c.removed_at = r.integer(8);
  c.removed_reason = r.string(9);
  return c;
}

}  // namespace

void comments(db::Batch& b, long long card_id, std::vector<Comment>& out) {
  b.add("SELECT " + std::string(kCommentColumns) + " WHERE m.card_id = $1 ORDER BY m.created_at, m.id", {card_id},
        [&out](const db::Row& r) { out.push_back(comment_of(r)); });
}

long long insert_comment(soci::session& s, long long org_id, long long board_id, long long card_id, long long author,
                         std::string_view body, std::string_view create_key, long long now) {
  long long id = 0;
  db::query(s,
            "INSERT INTO board_card_comments (org_id, board_id, card_id, author_id, body, create_key, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (card_id, create_key) DO NOTHING RETURNING id",
            {org_id, board_id, card_id, author, body, create_key, now}, [&](const db::Row& r) { id = r.integer(0); });
  return id;
}

std::optional<long long> find_comment_by_key(soci::session& s, long long card_id, std::string_view create_key) {
  std::optional<long long> out;
  db::query(s, "SELECT id FROM board_card_comments WHERE card_id = $1 AND create_key = $2", {card_id, create_key},
            [&](const db::Row& r) { out = r.integer(0); });
  return out;
}

std::optional<Comment> find_comment(soci::session& s, long long card_id, long long comment_id) {
  std::optional<Comment> out;
  db::query(s, "SELECT " + std::string(kCommentColumns) + " WHERE m.id = $1 AND m.card_id = $2", {comment_id, card_id},
            [&](const db::Row& r) { out = comment_of(r); });
  return out;
}

namespace {

/// The comment's words as they are now, kept as an earlier version before a change or deletion (in its transaction).
void keep_version(soci::session& s, long long comment_id, long long now) {
  db::query(s,
            "INSERT INTO board_card_comment_versions (comment_id, author_id, body, replaced_at) SELECT id, author_id, "
            "body, $2 FROM board_card_comments WHERE id = $1",
            {comment_id, now});
}

}  // namespace

void edit_comment(soci::session& s, long long comment_id, std::string_view body, long long now) {
  keep_version(s, comment_id, now);
  db::query(s, "UPDATE board_card_comments SET body = $2, edited_at = $3 WHERE id = $1", {comment_id, body, now});
}

void delete_comment(soci::session& s, long long comment_id, long long now) {
  keep_version(s, comment_id, now);
  db::query(s, "UPDATE board_card_comments SET body = '', deleted_at = $2 WHERE id = $1", {comment_id, now});
}

std::vector<CommentVersion> comment_versions(soci::session& s, long long comment_id) {
  std::vector<CommentVersion> out;
  db::query(s,
            "SELECT body, replaced_at FROM board_card_comment_versions WHERE comment_id = $1 ORDER BY replaced_at, id",
            {comment_id}, [&](const db::Row& r) {
              out.push_back({r.string(0), r.integer(1)});
            });
  return out;
}

void remove_comment(soci::session& s, long long comment_id, long long by, std::string_view reason, long long now) {
  db::query(s, "UPDATE board_card_comments SET removed_at = $2, removed_by = $3, removed_reason = $4 WHERE id = $1",
            {comment_id, now, by, reason});
}

namespace {

constexpr std::string_view kAttachmentColumns =
    "a.id, a.card_id, COALESCE(a.added_by, 0), u.public_id, u.original_name, u.mime, u.bytes, a.created_at FROM "
    "board_card_attachments a JOIN uploads u ON u.id = a.upload_id";

Attachment attachment_of(const db::Row& r) {
  return {r.integer(0), r.integer(1), r.integer(2), r.string(3), r.string(4), r.string(5), r.integer(6), r.integer(7)};
}

}  // namespace

void attachments(db::Batch& b, long long card_id, std::vector<Attachment>& out) {
  b.add("SELECT " + std::string(kAttachmentColumns) + " WHERE a.card_id = $1 ORDER BY a.created_at, a.id", {card_id},
        [&out](const db::Row& r) { out.push_back(attachment_of(r)); });
}

void read_descriptions(soci::session& s, BoardPage& page) {
  const auto at = index_of_cards(page);
  db::query(s,
            "SELECT id, description FROM board_cards WHERE board_id = $1 AND archived_at IS NULL AND description <> ''",
            {page.view.board.id}, [&](const db::Row& r) {
              if (auto it = at.find(r.integer(0)); it != at.end()) page.cards[it->second].description = r.string(1);
            });
}

std::vector<Attachment> board_attachments(soci::session& s, long long board_id) {
  std::vector<Attachment> out;
  // Through the board's cards (indexed by board), then each card's files (indexed by card).
  db::query(s,
            "SELECT " + std::string(kAttachmentColumns) +
                " WHERE a.card_id IN (SELECT id FROM board_cards WHERE board_id = $1 AND archived_at IS NULL) ORDER BY "
                "a.card_id, a.created_at, a.id",
            {board_id}, [&](const db::Row& r) { out.push_back(attachment_of(r)); });
  return out;
}

void insert_attachment(soci::session& s, long long org_id, long long board_id, long long card_id, long long upload_id,
                       long long actor, long long now) {
  db::query(s,
            "INSERT INTO board_card_attachments (org_id, board_id, card_id, upload_id, added_by, created_at) VALUES "
            "($1, $2, $3, $4, $5, $6)",
            {org_id, board_id, card_id, upload_id, actor, now});
}

std::optional<Attachment> find_attachment(soci::session& s, long long card_id, long long attachment_id) {
  std::optional<Attachment> out;
  db::query(s, "SELECT " + std::string(kAttachmentColumns) + " WHERE a.id = $1 AND a.card_id = $2",
            {attachment_id, card_id}, [&](const db::Row& r) { out = attachment_of(r); });
  return out;
}

long long delete_attachment(soci::session& s, long long attachment_id) {
  long long upload = 0;
  db::query(s, "DELETE FROM board_card_attachments WHERE id = $1 RETURNING upload_id", {attachment_id},
            [&](const db::Row& r) { upload = r.integer(0); });
  return upload;
}

std::optional<std::pair<long long, long long>> attachment_board(soci::session& s, long long upload_id) {
  std::optional<std::pair<long long, long long>> out;
  db::query(s, "SELECT org_id, board_id FROM board_card_attachments WHERE upload_id = $1", {upload_id},
            [&](const db::Row& r) {
              out = std::pair{r.integer(0), r.integer(1)};
            });
  return out;
}

long long dots_used(soci::session& s, long long board_id, long long user_id) {
  long long n = 0;
  db::query(s, "SELECT COALESCE(SUM(dots), 0) FROM board_dots WHERE board_id = $1 AND user_id = $2",
            {board_id, user_id}, [&](const db::Row& r) { n = r.integer(0); });
  return n;
}

void change_dots(soci::session& s, long long card_id, long long board_id, long long org_id, long long user_id, int by) {
  if (by > 0) {
    db::query(s,
              "INSERT INTO board_dots (card_id, board_id, org_id, user_id, dots) VALUES ($1, $2, $3, $4, 1) ON "
              "CONFLICT (card_id, user_id) DO UPDATE SET dots = board_dots.dots + 1",
              {card_id, board_id, org_id, user_id});
    return;
  }
  if (db::query(s, "DELETE FROM board_dots WHERE card_id = $1 AND user_id = $2 AND dots = 1", {card_id, user_id}) ==
      0) {
    db::query(s, "UPDATE board_dots SET dots = dots - 1 WHERE card_id = $1 AND user_id = $2", {card_id, user_id});
  }
}

}  // namespace roundtable::boards::store
