#include "boards/board_store.hpp"

#include <algorithm>
#include <limits>
#include <tuple>
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

std::vector<BoardListed> boards_of_group(soci::session& s, long long group_id) {
  std::vector<BoardListed> out;
  // Each board's cards in play: the sum of its lists' last positions (1..n without gaps, ADR 0033), one seek of
  // board_cards_in_play a list, where COUNT(*) stepped over every card of every board.
  db::query(s,
            std::string("SELECT ") + std::string(kBoardColumns) +
                ", (SELECT COALESCE(SUM((SELECT MAX(c.position) FROM board_cards c WHERE c.board_id = l.board_id AND "
                "c.list_id = l.id AND c.archived_at IS NULL)), 0) FROM board_lists l WHERE l.board_id = b.id) FROM "
                "boards b JOIN org_groups g ON g.id = b.group_id WHERE b.group_id = $1 ORDER BY b.created_at, b.id",
            {group_id}, [&](const db::Row& r) {
              out.push_back({board_of(r), r.integer(12)});
            });
  return out;
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

std::vector<BoardList> lists(soci::session& s, long long board_id) {
  std::vector<BoardList> out;
  db::query(s, "SELECT id, position, title FROM board_lists WHERE board_id = $1 ORDER BY position", {board_id},
            [&](const db::Row& r) {
              out.push_back({r.integer(0), r.integer(1), r.string(2)});
            });
  return out;
}

std::vector<Label> labels(soci::session& s, long long board_id) {
  std::vector<Label> out;
  db::query(s, "SELECT id, name, colour FROM board_labels WHERE board_id = $1 ORDER BY id", {board_id},
            [&](const db::Row& r) {
              out.push_back({r.integer(0), r.string(1), r.string(2)});
            });
  return out;
}

long long cards_in_play(soci::session& s, long long list_id) { return count_in_list(s, list_id, 0); }

namespace {

/// The frame (lists, labels, the group's people and the viewer's dots); with `counts`, each list's cards in play too:
/// its last position, as positions run 1..n without gaps (ADR 0033), one seek of board_cards_in_play (migration 0061)
/// where COUNT(*) stepped over every card.
void read_frame_of(soci::session& s, BoardPage& page, long long viewer, bool counts) {
  const long long board_id = page.view.board.id;
  if (counts) {
    db::query(
        s,
        "SELECT l.id, l.position, l.title, COALESCE((SELECT MAX(c.position) FROM board_cards c WHERE c.board_id = "
        "l.board_id AND c.list_id = l.id AND c.archived_at IS NULL), 0) FROM board_lists l WHERE l.board_id = $1 "
        "ORDER BY l.position",
        {board_id}, [&](const db::Row& r) {
          page.lists.push_back({r.integer(0), r.integer(1), r.string(2), r.integer(3)});
        });
  } else {
    page.lists = lists(s, board_id);
  }
  page.labels = labels(s, board_id);
  db::query(s,
            "SELECT gm.user_id, gm.name, (SELECT COALESCE(SUM(d.dots), 0) FROM board_dots d WHERE d.board_id = $2 AND "
            "d.user_id = $3) FROM group_members gm WHERE gm.group_id = $1 ORDER BY gm.name",
            {page.view.board.group_id, board_id, viewer}, [&](const db::Row& r) {
              page.people.push_back({r.integer(0), r.string(1)});
              page.my_dots_used = r.integer(2);
            });
  std::stable_sort(page.people.begin(), page.people.end(),
                   [](const Person& a, const Person& b) { return a.name < b.name; });
}

}  // namespace

void read_frame(soci::session& s, BoardPage& page, long long viewer) { read_frame_of(s, page, viewer, false); }

namespace {

/// A card's first five columns (id, list, position, title, due date), as every query of cards gives them.
Card shown_card_of(const db::Row& r, long long board_id) {
  Card c;
  c.id = r.integer(0);
  c.board_id = board_id;
  c.list_id = r.integer(1);
  c.position = r.integer(2);
  c.title = r.string(3);
  c.due_date = r.string(4);
  return c;
}

/// A card in play as read_cards' query gives it: the first five columns, then its dots, the viewer's and comments.
Card card_of(const db::Row& r, long long board_id) {
  Card c = shown_card_of(r, board_id);
  c.dots = r.integer(5);
  c.my_dots = r.integer(6);
  c.comments = r.integer(7);
  return c;
}

constexpr std::string_view kCardColumns =
    "SELECT c.id, c.list_id, c.position, c.title, c.due_date, COALESCE((SELECT SUM(d.dots) FROM board_dots d WHERE "
    "d.card_id = c.id), 0), COALESCE((SELECT d.dots FROM board_dots d WHERE d.card_id = c.id AND d.user_id = $2), 0), "
    "(SELECT COUNT(*) FROM board_card_comments m WHERE m.card_id = c.id AND m.deleted_at IS NULL AND m.removed_at IS "
    "NULL) FROM board_cards c ";

/// Where each card is in page.cards, by id.
std::unordered_map<long long, std::size_t> index_of_cards(const BoardPage& page) {
  std::unordered_map<long long, std::size_t> at;
  at.reserve(page.cards.size());
  for (std::size_t i = 0; i < page.cards.size(); ++i) at[page.cards[i].id] = i;
  return at;
}

}  // namespace

void read_page(soci::session& s, BoardPage& page, long long viewer) {
  read_frame(s, page, viewer);
  const long long board_id = page.view.board.id;
  db::query(s,
            std::string(kCardColumns) +
                "JOIN board_lists l ON l.id = c.list_id WHERE c.board_id = $1 AND c.archived_at IS NULL ORDER BY "
                "l.position, c.position",
            {board_id, viewer}, [&](const db::Row& r) { page.cards.push_back(card_of(r, board_id)); });
  for (auto& l : page.lists) {
    l.cards = std::count_if(page.cards.begin(), page.cards.end(), [&](const Card& c) { return c.list_id == l.id; });
  }
  const auto at = index_of_cards(page);
  db::query(s,
            "SELECT cl.card_id, cl.label_id FROM board_card_labels cl JOIN board_cards c ON c.id = cl.card_id WHERE "
            "c.board_id = $1 AND c.archived_at IS NULL ORDER BY cl.label_id",
            {board_id}, [&](const db::Row& r) {
              if (auto it = at.find(r.integer(0)); it != at.end())
                page.cards[it->second].label_ids.push_back(r.integer(1));
            });
  db::query(s,
            "SELECT p.card_id, p.user_id, COALESCE(gm.name, '') FROM board_card_people p LEFT JOIN group_members gm ON "
            "gm.group_id = $2 AND gm.user_id = p.user_id WHERE p.board_id = $1 ORDER BY gm.name",
            {board_id, page.view.board.group_id}, [&](const db::Row& r) {
              if (auto it = at.find(r.integer(0)); it != at.end()) {
                page.cards[it->second].people.push_back({r.integer(1), r.string(2)});
              }
            });
}

namespace {

/// The first $2 cards in play of each of board $1's lists, in the board's order: one index range of board_cards_in_play
/// a list (migration 0061), the cards' rows read only for what they show.
constexpr std::string_view kFirstCards =
    "SELECT c.id, c.list_id, c.position, c.title, c.due_date FROM board_lists l CROSS JOIN board_cards c WHERE "
    "l.board_id = $1 AND c.board_id = $1 AND c.list_id = l.id AND c.archived_at IS NULL AND c.position <= $2 ORDER BY "
    "l.position, c.position";

/// Sorted by dots, a list's first cards by (dots, then position) are among its first $2 by position and the cards with
/// dots: those of board $1 past the first (found from the board's dots, as many as its people gave, whatever the
/// number of cards; a card appears once for each person who gave it dots).
constexpr std::string_view kCardsWithDots =
    "SELECT c.id, c.list_id, c.position, c.title, c.due_date FROM board_dots d CROSS JOIN board_cards c WHERE "
    "d.board_id = $1 AND c.id = d.card_id AND c.archived_at IS NULL AND c.position > $2";

/// Which cards the facts are read for: the first of each list, or of one list (on board_cards_in_play, which covers
/// them), or those chosen by dots (by their keys).
struct Shown {
  bool first = true;
  long long board_id = 0;
  long long per_list = 0;
  std::vector<long long> ids;
  /// Only this list's cards (a list's own page; 0: every list's).
  long long list_id = 0;

  /// "WITH shown AS (<their ids>) ", its parameters after `params`'.
  std::string with(std::vector<db::Param>& params) const {
    auto next = [&](db::Param p) {
      params.push_back(p);
      return "$" + std::to_string(params.size());
    };
    if (!first)
      return "WITH shown AS (SELECT c.id FROM board_cards c WHERE c.id IN (" + db::id_list(params, ids) + ")) ";
    const std::string b = next(board_id);
    std::string sql = "WITH shown AS (SELECT c.id FROM board_lists l CROSS JOIN board_cards c WHERE l.board_id = " + b +
                      " AND c.board_id = " + b +
                      " AND c.list_id = l.id AND c.archived_at IS NULL AND c.position <= " + next(per_list);
    if (list_id) sql += " AND l.id = " + next(list_id);
    return sql + ") ";
  }
};

/// The dots (everyone's and the viewer's; unless `dots_read`), comments standing, labels and people of the cards read,
/// in one statement: the shown cards found once, then one seek a card in each table (never a subquery a card, which
/// opens and closes its own cursors). Rows: what (1 a dot, 2 comments, 3 a label, 4 a person), card, a number, a
/// number, a name.
void read_card_facts(soci::session& s, BoardPage& page, const Shown& shown, long long viewer, bool dots_read) {
  if (page.cards.empty()) return;
  const auto at = index_of_cards(page);
  std::vector<db::Param> params;
  std::string sql = shown.with(params);
  params.push_back(page.view.board.group_id);
  const std::string group = "$" + std::to_string(params.size());
  sql +=
      "SELECT 2, m.card_id, COUNT(*), 0, '' FROM shown x CROSS JOIN board_card_comments m WHERE m.card_id = x.id AND "
      "m.deleted_at IS NULL AND m.removed_at IS NULL GROUP BY m.card_id UNION ALL SELECT 3, cl.card_id, cl.label_id, "
      "0, '' FROM shown x CROSS JOIN board_card_labels cl WHERE cl.card_id = x.id UNION ALL SELECT 4, p.card_id, "
      "p.user_id, 0, COALESCE(gm.name, '') FROM shown x CROSS JOIN board_card_people p LEFT JOIN group_members gm ON "
      "gm.group_id = " +
      group + " AND gm.user_id = p.user_id WHERE p.card_id = x.id ";
  if (!dots_read) {
    sql +=
        "UNION ALL SELECT 1, d.card_id, d.user_id, d.dots, '' FROM shown x CROSS JOIN board_dots d WHERE d.card_id = "
        "x.id ";
  }
  sql += "ORDER BY 1, 5, 3";
  db::query(s, sql, params, [&](const db::Row& r) {
    auto it = at.find(r.integer(1));
    if (it == at.end()) return;
    Card& c = page.cards[it->second];
    switch (r.integer(0)) {
      case 1:
        c.dots += r.integer(3);
        if (r.integer(2) == viewer) c.my_dots = r.integer(3);
        break;
      case 2: c.comments = r.integer(2); break;
      case 3: c.label_ids.push_back(r.integer(2)); break;
      default: c.people.push_back({r.integer(2), r.string(4)}); break;
    }
  });
}

/// Sorted by dots: the board's dots read once, and of each list's candidates (its first cards and those with dots)
/// only the first `per_list` by dots then position kept, in the lists' order.
void keep_first_by_dots(soci::session& s, BoardPage& page, long long viewer, long long per_list) {
  const long long board_id = page.view.board.id;
  std::unordered_map<long long, std::pair<long long, long long>> dots;  // card: everyone's, the viewer's
  db::query(s, "SELECT card_id, user_id, dots FROM board_dots WHERE board_id = $1", {board_id}, [&](const db::Row& r) {
    auto& d = dots[r.integer(0)];
    d.first += r.integer(2);
    if (r.integer(1) == viewer) d.second = r.integer(2);
  });
  if (!dots.empty()) {
    db::query(s, kCardsWithDots, {board_id, per_list}, [&](const db::Row& r) {
      const long long id = r.integer(0);
      if (std::none_of(page.cards.begin(), page.cards.end(), [&](const Card& c) { return c.id == id; })) {
        page.cards.push_back(shown_card_of(r, board_id));
      }
    });
  }
  std::unordered_map<long long, long long> list_position;
  for (const auto& l : page.lists) list_position[l.id] = l.position;
  for (auto& c : page.cards) {
    if (auto it = dots.find(c.id); it != dots.end()) std::tie(c.dots, c.my_dots) = it->second;
  }
  // Sorted by index (moving whole cards about cost more than the sorting).
  std::vector<std::size_t> order(page.cards.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const Card& a = page.cards[i];
    const Card& b = page.cards[j];
    const long long la = list_position[a.list_id], lb = list_position[b.list_id];
    if (la != lb) return la < lb;
    return a.dots != b.dots ? a.dots > b.dots : a.position < b.position;
  });
  std::vector<Card> kept;
  kept.reserve(page.lists.size() * static_cast<std::size_t>(std::min<long long>(per_list, 64)));
  long long list = 0, in_list = 0;
  for (std::size_t i : order) {
    Card& c = page.cards[i];
    in_list = c.list_id == list ? in_list + 1 : 1;
    list = c.list_id;
    if (in_list <= per_list) kept.push_back(std::move(c));
  }
  page.cards = std::move(kept);
}

}  // namespace

void read_shown(soci::session& s, BoardPage& page, long long viewer, long long per_list, bool by_dots) {
  read_frame_of(s, page, viewer, true);
  const long long board_id = page.view.board.id;
  db::query(s, kFirstCards, {board_id, per_list},
            [&](const db::Row& r) { page.cards.push_back(shown_card_of(r, board_id)); });
  Shown shown{!by_dots, board_id, per_list, {}};
  if (by_dots && !page.cards.empty()) {
    keep_first_by_dots(s, page, viewer, per_list);
    for (const auto& c : page.cards) shown.ids.push_back(c.id);
  }
  read_card_facts(s, page, shown, viewer, by_dots);
}

void read_list(soci::session& s, BoardPage& page, long long list_id, long long viewer) {
  read_frame(s, page, viewer);
  if (!page.list(list_id)) return;
  const long long board_id = page.view.board.id;
  // The list's cards in play on board_cards_in_play, then their dots, comments, labels and people joined to them again
  // on it (one seek a card, never a subquery a card): the same five queries however many cards and lists.
  db::query(s,
            "SELECT c.id, c.list_id, c.position, c.title, c.due_date FROM board_cards c WHERE c.board_id = $1 AND "
            "c.list_id = $2 AND c.archived_at IS NULL ORDER BY c.position",
            {board_id, list_id}, [&](const db::Row& r) { page.cards.push_back(shown_card_of(r, board_id)); });
  read_card_facts(s, page, Shown{true, board_id, std::numeric_limits<long long>::max(), {}, list_id}, viewer, false);
}

std::optional<Card> find_card(soci::session& s, long long card_id, long long viewer) {
  std::optional<Card> out;
  db::query(s,
            "SELECT c.id, c.board_id, c.list_id, c.position, c.title, c.description, c.due_date, c.archived_at, "
            "COALESCE((SELECT SUM(d.dots) FROM board_dots d WHERE d.card_id = c.id), 0), COALESCE((SELECT d.dots FROM "
            "board_dots d WHERE d.card_id = c.id AND d.user_id = $2), 0), c.source_kind, c.source_id FROM board_cards "
            "c WHERE c.id = $1",
            {card_id, viewer}, [&](const db::Row& r) {
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
  if (!out) return out;
  db::query(s, "SELECT label_id FROM board_card_labels WHERE card_id = $1 ORDER BY label_id", {card_id},
            [&](const db::Row& r) { out->label_ids.push_back(r.integer(0)); });
  db::query(s,
            "SELECT p.user_id, COALESCE(gm.name, '') FROM board_card_people p JOIN boards b ON b.id = p.board_id LEFT "
            "JOIN group_members gm ON gm.group_id = b.group_id AND gm.user_id = p.user_id WHERE p.card_id = $1 ORDER "
            "BY gm.name",
            {card_id}, [&](const db::Row& r) {
              out->people.push_back({r.integer(0), r.string(1)});
            });
  return out;
}

std::vector<HistoryEntry> history(soci::session& s, long long card_id) {
  std::vector<HistoryEntry> out;
  db::query(s,
            "SELECT COALESCE(gm.name, ''), h.what, h.detail, h.number, h.at FROM board_card_history h JOIN "
            "board_cards c ON c.id = h.card_id JOIN boards b ON b.id = c.board_id LEFT JOIN group_members gm ON "
            "gm.group_id = b.group_id AND gm.user_id = h.user_id WHERE h.card_id = $1 ORDER BY h.at DESC, h.id DESC",
            {card_id}, [&](const db::Row& r) {
              out.push_back({r.string(0), r.string(1), r.string(2), r.integer(3), r.integer(4)});
            });
  return out;
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

std::vector<Comment> comments(soci::session& s, long long card_id) {
  std::vector<Comment> out;
  db::query(s, "SELECT " + std::string(kCommentColumns) + " WHERE m.card_id = $1 ORDER BY m.created_at, m.id",
            {card_id}, [&](const db::Row& r) { out.push_back(comment_of(r)); });
  return out;
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

void edit_comment(soci::session& s, long long comment_id, std::string_view body, long long now) {
  db::query(s, "UPDATE board_card_comments SET body = $2, edited_at = $3 WHERE id = $1", {comment_id, body, now});
}

void delete_comment(soci::session& s, long long comment_id, long long now) {
  db::query(s, "UPDATE board_card_comments SET body = '', deleted_at = $2 WHERE id = $1", {comment_id, now});
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

std::vector<Attachment> attachments(soci::session& s, long long card_id) {
  std::vector<Attachment> out;
  db::query(s, "SELECT " + std::string(kAttachmentColumns) + " WHERE a.card_id = $1 ORDER BY a.created_at, a.id",
            {card_id}, [&](const db::Row& r) { out.push_back(attachment_of(r)); });
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
