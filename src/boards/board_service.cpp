#include "boards/board_service.hpp"

#include <algorithm>

#include "db/query.hpp"
#include "db/transaction.hpp"
#include "groups/group_store.hpp"

namespace roundtable::boards {

namespace {

using policy::Action;

bool allowed(const Who& who, const BoardForViewer& v, Action action) {
  return policy::allows({who.org_role, who.two_step, v.role}, action, policy::facts_of(v.board)) ==
         policy::Verdict::allow;
}

/// The board when `who` may do this to it now, with its row locked for the rest of the transaction.
std::optional<BoardForViewer> locked(soci::session& s, const Who& who, long long org_id, long long board_id,
                                     Action action) {
  store::lock_board(s, board_id);
  auto v = store::find_board(s, org_id, board_id, who.user_id);
  if (!v || !allowed(who, *v, action)) return std::nullopt;
  return v;
}

/// The card's board, locked, when `who` may work on its cards; and the card as it is now.
std::optional<std::pair<BoardForViewer, Card>> locked_card(soci::session& s, const Who& who, long long org_id,
                                                           long long card_id) {
  const auto board_id = store::board_of_card(s, org_id, card_id);
  if (!board_id) return std::nullopt;
  auto v = locked(s, who, org_id, *board_id, Action::work_on_cards);
  if (!v) return std::nullopt;
  auto c = store::find_card(s, card_id, who.user_id);
  if (!c) return std::nullopt;
  return std::make_pair(std::move(*v), std::move(*c));
}

/// A card (and one of its comments), with what the policy says to `who` doing this to it now.
struct OnCard {
  BoardForViewer view;
  Card card;
  std::optional<Comment> comment;
  policy::Verdict verdict = policy::Verdict::deny;
};
/// The card (and comment) with the verdict; none when it is not on a board of the organisation.
std::optional<OnCard> find_on_card(soci::session& s, const Who& who, long long org_id, long long card_id, Action action,
                                   long long comment_id = 0, bool own_file = false) {
  const auto board_id = store::board_of_card(s, org_id, card_id);
  if (!board_id) return std::nullopt;
  auto v = store::find_board(s, org_id, *board_id, who.user_id);
  auto c = v ? store::find_card(s, card_id, who.user_id) : std::nullopt;
  if (!c) return std::nullopt;
  OnCard out{std::move(*v), std::move(*c), std::nullopt};
  if (comment_id != 0) {
    out.comment = store::find_comment(s, card_id, comment_id);
    if (!out.comment) return std::nullopt;
  }
  auto facts = policy::facts_of(out.view.board, &out.card, out.comment ? &*out.comment : nullptr, who.user_id);
  facts.own_file = own_file;
  out.verdict = policy::allows({who.org_role, who.two_step, out.view.role}, action, facts);
  return out;
}
/// The card (and comment) only when `who` may do this to it now.
std::optional<OnCard> on_card(soci::session& s, const Who& who, long long org_id, long long card_id, Action action,
                              long long comment_id = 0, bool own_file = false) {
  auto found = find_on_card(s, who, org_id, card_id, action, comment_id, own_file);
  if (!found || found->verdict != policy::Verdict::allow) return std::nullopt;
  return found;
}

/// Only people in the board's group go on its cards.
std::vector<long long> group_people_only(soci::session& s, long long group_id, const std::vector<long long>& ids) {
  std::vector<long long> out;
  for (long long id : ids) {
    if (std::find(out.begin(), out.end(), id) == out.end() && groups::store::role_of(s, group_id, id)) {
      out.push_back(id);
    }
  }
  return out;
}

}  // namespace

awaitable<std::optional<groups::GroupForViewer>> BoardService::group_for(long long org_id, long long group_id,
                                                                         long long viewer,
                                                                         groups::AlongWithGroup along) {
  auto op = db_.read([=, along = std::move(along)](soci::session& s) {
    return groups::store::find_for_viewer(s, org_id, group_id, viewer, groups::Documents::left_out, along);
  });
  co_return co_await std::move(op);
}

groups::AlongWithGroup BoardService::boards_along(std::vector<store::BoardListed>& out) {
  return [&out](db::Batch& b, long long group_id) { store::boards_of_group(b, group_id, out); };
}

awaitable<std::vector<store::BoardListed>> BoardService::group_boards(long long group_id) {
  auto op = db_.read([=](soci::session& s) { return store::boards_of_group(s, group_id); });
  co_return co_await std::move(op);
}

awaitable<long long> BoardService::create_board(Who who, long long org_id, long long group_id, std::string title,
                                                std::string purpose, std::vector<std::string> lists,
                                                std::string create_key, std::optional<groups::Stage> stage) {
  auto op = db_.run([=, this](soci::session& s) -> long long {
    db::WriteTransaction tx(s);
    if (auto existing = store::find_board_by_key(s, org_id, create_key)) return *existing;
    const auto g = groups::store::find_for_viewer(s, org_id, group_id, who.user_id, groups::Documents::left_out);
    if (!g) return 0;
    const policy::Facts facts{g->group.details.visibility, g->group.archived(), false};
    if (policy::allows({who.org_role, who.two_step, g->role}, Action::run_boards, facts) != policy::Verdict::allow) {
      return 0;
    }
    // A board is for a stage only in a group that has stages.
    const auto for_stage = g->group.details.stage ? stage : std::nullopt;
    const long long id =
        store::insert_board(s, org_id, group_id, title, purpose, 5, for_stage, lists, create_key, who.user_id, now());
    if (id == 0) return store::find_board_by_key(s, org_id, create_key).value_or(0);
    tx.commit();
    return id;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<BoardForViewer>> BoardService::board(long long org_id, long long board_id, long long viewer) {
  auto op = db_.read([=](soci::session& s) { return store::find_board(s, org_id, board_id, viewer); });
  co_return co_await std::move(op);
}

namespace {

/// The board as the viewer sees it (nullopt: not this organisation's), with what `fill` reads into its page.
template <class Fill>
std::optional<BoardPage> board_with(soci::session& s, long long org_id, long long board_id, long long viewer,
                                    Fill fill) {
  auto v = store::find_board(s, org_id, board_id, viewer);
  if (!v) return std::nullopt;
  BoardPage page;
  page.view = std::move(*v);
  fill(page);
  return page;
}

}  // namespace

awaitable<std::optional<BoardPage>> BoardService::board_page(long long org_id, long long board_id, long long viewer,
                                                             bool with_details) {
  auto op = db_.read([=](soci::session& s) {
    return board_with(s, org_id, board_id, viewer, [&](BoardPage& page) {
      store::read_page(s, page, viewer);
      if (with_details) {
        store::read_descriptions(s, page);
        page.files = store::board_attachments(s, board_id);
      }
    });
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<BoardPage>> BoardService::shown_board_page(long long org_id, long long board_id,
                                                                   long long viewer, bool by_dots) {
  auto op = db_.read([=](soci::session& s) {
    return board_with(s, org_id, board_id, viewer,
                      [&](BoardPage& page) { store::read_shown(s, page, viewer, kCardsOnBoard, by_dots); });
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<BoardPage>> BoardService::voted_board_page(long long org_id, long long board_id,
                                                                   long long viewer) {
  auto op = db_.read([=](soci::session& s) {
    return board_with(s, org_id, board_id, viewer, [&](BoardPage& page) { store::read_voted(s, page); });
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<BoardPage>> BoardService::list_page(long long org_id, long long board_id, long long list_id,
                                                            long long viewer) {
  auto op = db_.read([=](soci::session& s) {
    return board_with(s, org_id, board_id, viewer,
                      [&](BoardPage& page) { store::read_list(s, page, list_id, viewer); });
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<CardPage>> BoardService::card_page(long long org_id, long long card_id, long long viewer) {
  auto op = db_.read([=, this](soci::session& s) -> std::optional<CardPage> {
    const auto board_id = store::board_of_card(s, org_id, card_id);
    if (!board_id) return std::nullopt;
    auto v = store::find_board(s, org_id, *board_id, viewer);
    if (!v) return std::nullopt;
    CardPage page;
    page.board.view = std::move(*v);
    // The card, the board's frame, and the card's history, comments and files: one round trip on PostgreSQL.
    std::optional<Card> card;
    db::Batch b(s);
    store::find_card(b, card_id, viewer, card);
    store::read_frame(b, page.board, viewer);
    store::history(b, card_id, page.history);
    store::comments(b, card_id, page.comments);
    store::attachments(b, card_id, page.attachments);
    b.run();
    if (!card) return std::nullopt;
    page.card = std::move(*card);
    if (!page.card.source_kind.empty()) {
      page.source =
          resolve_source(s, org_id, page.board.view.board.group_id, page.card.source_kind, page.card.source_id, viewer);
    }
    return page;
  });
  co_return co_await std::move(op);
}

std::optional<CardSource> BoardService::resolve_source(soci::session& s, long long org_id, long long group_id,
                                                       std::string_view kind, long long id, long long viewer) const {
  for (const auto& k : kinds_) {
    if (k.kind != kind) continue;
    auto found = k.find(s, org_id, id, viewer);
    if (!found || found->group_id != group_id) return std::nullopt;
    return CardSource{std::string(k.name_key), std::move(found->title), std::move(found->href)};
  }
  return std::nullopt;
}

awaitable<std::optional<CardSource>> BoardService::card_source(long long org_id, long long board_id, std::string kind,
                                                               long long id, long long viewer) {
  auto op = db_.read([=, this](soci::session& s) -> std::optional<CardSource> {
    auto v = store::find_board(s, org_id, board_id, viewer);
    if (!v) return std::nullopt;
    return resolve_source(s, org_id, v->board.group_id, kind, id, viewer);
  });
  co_return co_await std::move(op);
}

void BoardService::follow_ups(db::Batch& b, const module::FollowUpAsk& ask, std::vector<module::FollowUp>& out) const {
  // A card is on a board already (its timeline asks too).
  if (ask.kind == "card") return;
  const auto org_id = ask.org_id;
  const auto id = ask.id;
  const auto kind = ask.kind;
  // The cards that came from it, on the group's boards (which everyone who sees the contribution sees).
  // "source_kind <> ''" says what the partial index board_cards_source covers: SQLite cannot see that a parameter is
  // not empty, and without it read every card of the group's boards on every topic's page (half the page's work).
  b.add(
      "SELECT c.id, b.title, c.created_at FROM board_cards c JOIN boards b ON b.id = c.board_id WHERE c.org_id = "
      "$1 AND c.source_kind = $2 AND c.source_kind <> '' AND c.source_id = $3 AND c.archived_at IS NULL AND "
      "b.group_id = $4 ORDER BY c.id",
      {org_id, kind, id, ask.group_id}, [&out](const db::Row& r) {
        module::FollowUp f;
        f.text_key = "boards.follow_up.on_board";
        f.what = r.string(1);
        f.at = r.integer(2);
        f.href = "/cards/" + std::to_string(r.integer(0));
        f.link_key = "boards.follow_up.see_card";
        out.push_back(std::move(f));
      });
  // Who adds cards (board_policy's work_on_cards): the group's members, facilitators and lead facilitators, while
  // the group is not archived. The board's own page asks the whole policy again.
  const auto role = ask.viewer_role;
  if (ask.group_archived || (role != "lead" && role != "facilitator" && role != "member")) return;
  b.add("SELECT id, title FROM boards WHERE group_id = $1 AND org_id = $2 AND archived_at IS NULL ORDER BY id",
        {ask.group_id, org_id}, [&out, kind = std::string(kind), id](const db::Row& r) {
          module::FollowUp f;
          f.text_key = "boards.follow_up.can_add";
          f.what = r.string(1);
          // Last, after what has happened already (follow-ups are shown by date): 1 January 2100, a date its
          // words do not show.
          f.at = 4102444800;
          f.href = "/boards/" + std::to_string(r.integer(0)) + "/cards/new?from=" + kind + "-" + std::to_string(id);
          f.link_key = "boards.follow_up.add_card";
          out.push_back(std::move(f));
        });
}

awaitable<Change> BoardService::save_board(Who who, long long org_id, long long board_id, std::string title,
                                           std::string purpose, long long budget, std::optional<groups::Stage> stage) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto v = locked(s, who, org_id, board_id, Action::run_boards);
    if (!v) return Change::refused;
    const auto for_stage = v->board.group_stage ? stage : std::nullopt;
    store::update_board(s, board_id, title, purpose, std::clamp(budget, 0LL, static_cast<long long>(kMaxBudget)),
                        for_stage, now());
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  if (done == Change::done) tell(board_id, "board");
  co_return done;
}

awaitable<Change> BoardService::archive_board(Who who, long long org_id, long long board_id, bool archive) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    if (!locked(s, who, org_id, board_id, archive ? Action::run_boards : Action::restore_board)) return Change::refused;
    const long long at = now();
    store::set_board_archived(s, board_id, archive ? std::optional<long long>(at) : std::nullopt, at);
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  if (done == Change::done) tell(board_id, "board");
  co_return done;
}

awaitable<Change> BoardService::add_list(Who who, long long org_id, long long board_id, std::string title) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    if (!locked(s, who, org_id, board_id, Action::run_boards)) return Change::refused;
    if (!store::add_list(s, board_id, title, now())) return Change::refused;
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  if (done == Change::done) tell(board_id, "board");
  co_return done;
}

awaitable<Change> BoardService::rename_list(Who who, long long org_id, long long board_id, long long list_id,
                                            std::string title) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    if (!locked(s, who, org_id, board_id, Action::run_boards)) return Change::refused;
    if (!store::rename_list(s, board_id, list_id, title)) return Change::refused;
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  if (done == Change::done) tell(board_id, "board");
  co_return done;
}

awaitable<Change> BoardService::shift_list(Who who, long long org_id, long long board_id, long long list_id, int by) {
  auto op = db_.run([=](soci::session& s) {
    db::WriteTransaction tx(s);
    if (!locked(s, who, org_id, board_id, Action::run_boards)) return Change::refused;
    if (!store::shift_list(s, board_id, list_id, by)) return Change::refused;
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  if (done == Change::done) tell(board_id, "board");
  co_return done;
}

awaitable<ListRemoval> BoardService::remove_list(Who who, long long org_id, long long board_id, long long list_id) {
  auto op = db_.run([=](soci::session& s) {
    db::WriteTransaction tx(s);
    if (!locked(s, who, org_id, board_id, Action::run_boards)) return ListRemoval::refused;
    if (store::cards_in_list(s, list_id) > 0) return ListRemoval::not_empty;
    if (!store::remove_list(s, board_id, list_id)) return ListRemoval::refused;
    tx.commit();
    return ListRemoval::done;
  });
  const auto done = co_await std::move(op);
  if (done == ListRemoval::done) tell(board_id, "board");
  co_return done;
}

awaitable<Change> BoardService::add_label(Who who, long long org_id, long long board_id, std::string name,
                                          std::string colour) {
  auto op = db_.run([=](soci::session& s) {
    db::WriteTransaction tx(s);
    if (!known_colour(colour) || !locked(s, who, org_id, board_id, Action::run_boards)) return Change::refused;
    if (!store::add_label(s, board_id, name, colour)) return Change::refused;
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  if (done == Change::done) tell(board_id, "board");
  co_return done;
}

awaitable<long long> BoardService::create_card(Who who, long long org_id, long long board_id, long long list_id,
                                               CardInput in, std::string create_key) {
  auto op = db_.run([=, this](soci::session& s) -> long long {
    db::WriteTransaction tx(s);
    if (auto existing = store::find_card_by_key(s, org_id, create_key)) return *existing;
    const auto v = locked(s, who, org_id, board_id, Action::work_on_cards);
    if (!v) return 0;
    // The list must be this board's.
    BoardPage page;
    page.lists = store::lists(s, board_id);
    if (!page.list(list_id)) return 0;
    Card c;
    c.title = in.title;
    c.description = in.description;
    c.due_date = in.due_date;
    if (!in.source_kind.empty()) {
      if (!resolve_source(s, org_id, v->board.group_id, in.source_kind, in.source_id, who.user_id)) return 0;
      c.source_kind = in.source_kind;
      c.source_id = in.source_id;
    }
    const long long at = now();
    const long long id = store::insert_card(s, org_id, board_id, list_id, c, create_key, who.user_id, at);
    if (id == 0) return store::find_card_by_key(s, org_id, create_key).value_or(0);
    store::set_card_labels(s, id, board_id, in.labels);
    store::set_card_people(s, id, board_id, org_id, group_people_only(s, v->board.group_id, in.people));
    store::add_history(s, id, who.user_id, "created", page.list(list_id)->title, 0, at);
    tx.commit();
    return id;
  });
  const long long id = co_await std::move(op);
  if (id != 0) tell(board_id, "card", id);
  co_return id;
}

awaitable<Change> BoardService::save_card(Who who, long long org_id, long long card_id, CardInput in) {
  long long board_id = 0;
  auto op = db_.run([=, this, &board_id](soci::session& s) {
    db::WriteTransaction tx(s);
    auto found = locked_card(s, who, org_id, card_id);
    if (!found) return Change::refused;
    board_id = found->first.board.id;
    auto& [v, c] = *found;
    c.title = in.title;
    c.description = in.description;
    c.due_date = in.due_date;
    const long long at = now();
    store::update_card(s, c, at);
    store::set_card_labels(s, card_id, c.board_id, in.labels);
    store::set_card_people(s, card_id, c.board_id, org_id, group_people_only(s, v.board.group_id, in.people));
    store::add_history(s, card_id, who.user_id, "edited", "", 0, at);
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  if (done == Change::done) tell(board_id, "card", card_id);
  co_return done;
}

awaitable<Change> BoardService::archive_card(Who who, long long org_id, long long card_id, bool archive) {
  long long board_id = 0;
  auto op = db_.run([=, this, &board_id](soci::session& s) {
    db::WriteTransaction tx(s);
    auto found = locked_card(s, who, org_id, card_id);
    if (!found) return Change::refused;
    board_id = found->first.board.id;
    const auto& c = found->second;
    if (c.archived_at.has_value() == archive) return Change::refused;
    const long long at = now();
    if (archive) {
      store::archive_card(s, c, at);
      store::add_history(s, card_id, who.user_id, "archived", "", 0, at);
    } else {
      const long long position = store::restore_card(s, c, at);
      store::add_history(s, card_id, who.user_id, "restored", "", position, at);
    }
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  if (done == Change::done) tell(board_id, "card", card_id);
  co_return done;
}

awaitable<Moved> BoardService::move_card(Who who, long long org_id, long long card_id, MoveTo to) {
  auto op = db_.run([=, this](soci::session& s) {
    Moved out;
    db::WriteTransaction tx(s);
    auto found = locked_card(s, who, org_id, card_id);
    if (!found) return out;
    const auto& c = found->second;
    if (c.archived_at) return out;
    BoardPage page;
    page.lists = store::lists(s, c.board_id);
    long long list_id = c.list_id;
    long long position = c.position;
    // Up from the top of a list goes to the end of the list before it; down from the bottom, to the top of the next.
    const long long in_list = store::cards_in_play(s, c.list_id);
    std::size_t list_index = 0;
    for (std::size_t i = 0; i < page.lists.size(); ++i) {
      if (page.lists[i].id == c.list_id) list_index = i;
    }
    switch (to.kind) {
      case MoveTo::Kind::up:
        if (c.position > 1) {
          position = c.position - 1;
        } else if (list_index > 0) {
          list_id = page.lists[list_index - 1].id;
          position = 1000000;
        }
        break;
      case MoveTo::Kind::down:
        if (c.position < in_list) {
          position = c.position + 1;
        } else if (list_index + 1 < page.lists.size()) {
          list_id = page.lists[list_index + 1].id;
          position = 1;
        }
        break;
      case MoveTo::Kind::to:
        if (!page.list(to.list_id)) return out;
        list_id = to.list_id;
        position = to.position;
        break;
    }
    const long long at = now();
    out.position = store::move_card(s, c, list_id, position, at);
    out.list_title = page.list(list_id)->title;
    out.card_title = c.title;
    out.board_id = c.board_id;
    out.list_id = list_id;
    out.change = Change::done;
    if (list_id != c.list_id || out.position != c.position) {
      store::add_history(s, card_id, who.user_id, "moved", out.list_title, out.position, at);
    }
    tx.commit();
    return out;
  });
  auto moved = co_await std::move(op);
  if (moved.change == Change::done) tell(moved.board_id, "card", card_id);
  co_return moved;
}

awaitable<Dots> BoardService::dots(Who who, long long org_id, long long card_id, int by) {
  long long board_id = 0;
  auto op = db_.run([=, &board_id](soci::session& s) {
    db::WriteTransaction tx(s);
    auto found = locked_card(s, who, org_id, card_id);
    if (!found) return Dots::refused;
    board_id = found->first.board.id;
    const auto& [v, c] = *found;
    if (c.archived_at) return Dots::refused;
    if (by > 0) {
      if (store::dots_used(s, c.board_id, who.user_id) >= v.board.dot_budget) return Dots::out_of_dots;
    } else if (c.my_dots == 0) {
      return Dots::none_to_take;
    }
    store::change_dots(s, card_id, c.board_id, org_id, who.user_id, by > 0 ? 1 : -1);
    tx.commit();
    return Dots::done;
  });
  const auto done = co_await std::move(op);
  if (done == Dots::done) tell(board_id, "card", card_id);
  co_return done;
}

awaitable<long long> BoardService::add_comment(Who who, long long org_id, long long card_id, std::string body,
                                               std::string create_key) {
  long long board_id = 0;
  auto op = db_.run([=, this, &board_id](soci::session& s) -> long long {
    db::WriteTransaction tx(s);
    const auto found = on_card(s, who, org_id, card_id, Action::comment);
    if (!found) return 0;
    if (auto existing = store::find_comment_by_key(s, card_id, create_key)) return *existing;
    board_id = found->view.board.id;
    const long long at = now();
    const long long id = store::insert_comment(s, org_id, board_id, card_id, who.user_id, body, create_key, at);
    if (id == 0) return 0;
    store::add_history(s, card_id, who.user_id, "commented", "", 0, at);
    tx.commit();
    return id;
  });
  const long long id = co_await std::move(op);
  // The board shows each card's number of comments.
  if (board_id != 0) tell(board_id, "card", card_id);
  co_return id;
}

awaitable<Change> BoardService::change_comment(Who who, long long org_id, long long card_id, long long comment_id,
                                               Action action, std::function<void(soci::session&, long long)> change) {
  long long board_id = 0;
  auto op = db_.run([=, this, &board_id](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto found = on_card(s, who, org_id, card_id, action, comment_id);
    if (!found) return Change::refused;
    board_id = found->view.board.id;
    change(s, now());
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  if (done == Change::done) tell(board_id, "card", card_id);
  co_return done;
}

awaitable<Change> BoardService::edit_comment(Who who, long long org_id, long long card_id, long long comment_id,
                                             std::string body) {
  return change_comment(
      who, org_id, card_id, comment_id, Action::edit_comment,
      [comment_id, body](soci::session& s, long long at) { store::edit_comment(s, comment_id, body, at); });
}

awaitable<Change> BoardService::delete_comment(Who who, long long org_id, long long card_id, long long comment_id) {
  return change_comment(who, org_id, card_id, comment_id, Action::delete_comment,
                        [comment_id](soci::session& s, long long at) { store::delete_comment(s, comment_id, at); });
}

awaitable<std::optional<CommentHistory>> BoardService::comment_history(Who who, long long org_id, long long card_id,
                                                                       long long comment_id) {
  auto op = db_.read([=](soci::session& s) -> std::optional<CommentHistory> {
    auto found = find_on_card(s, who, org_id, card_id, Action::see_comment_history, comment_id);
    if (!found) return std::nullopt;
    CommentHistory out{std::move(found->card), std::move(*found->comment), found->verdict, {}};
    if (out.verdict == policy::Verdict::allow) out.versions = store::comment_versions(s, comment_id);
    return out;
  });
  co_return co_await std::move(op);
}

awaitable<Change> BoardService::remove_comment(Who who, long long org_id, long long card_id, long long comment_id,
                                               std::string reason) {
  return change_comment(who, org_id, card_id, comment_id, Action::remove_comment,
                        [comment_id, reason, by = who.user_id](soci::session& s, long long at) {
                          store::remove_comment(s, comment_id, by, reason, at);
                        });
}

uploads::Allowed card_file_allowed() {
  uploads::Allowed a;
  a.images = true;
  a.documents = true;
  return a;
}

void register_card_file_access(uploads::UploadService& uploads) {
  uploads.set_access(kCardFilePurpose, [](soci::session& s, const uploads::Upload& u, const http::Principal* viewer) {
    if (!viewer) return false;
    const auto on = store::attachment_board(s, u.id);
    if (!on) return false;
    // Only the people of the board's own organisation, as the policy sees them there.
    for (const auto& m : viewer->memberships) {
      if (m.org_id != on->first) continue;
      const auto v = store::find_board(s, on->first, on->second, viewer->user_id);
      return v && policy::allows({m.role, viewer->two_step, v->role}, Action::see_boards, policy::facts_of(v->board)) ==
                      policy::Verdict::allow;
    }
    return false;
  });
}

awaitable<Change> BoardService::attach_file(Who who, long long org_id, long long card_id, uploads::Prepared file) {
  if (!uploads_) co_return Change::refused;
  long long board_id = 0;
  auto op = db_.run([=, this, &board_id](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto found = on_card(s, who, org_id, card_id, Action::attach_file);
    if (!found) return Change::refused;
    board_id = found->view.board.id;
    const long long at = now();
    const auto saved = uploads::store::save(s, uploads_->storage(), file, kCardFilePurpose, who.user_id, org_id, at);
    store::insert_attachment(s, org_id, board_id, card_id, saved.id, who.user_id, at);
    store::add_history(s, card_id, who.user_id, "attached", file.original_name, 0, at);
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  if (done == Change::done) tell(board_id, "card", card_id);
  co_return done;
}

awaitable<Change> BoardService::remove_file(Who who, long long org_id, long long card_id, long long attachment_id) {
  if (!uploads_) co_return Change::refused;
  long long board_id = 0;
  std::string key;
  auto op = db_.run([=, this, &board_id, &key](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto file = store::find_attachment(s, card_id, attachment_id);
    if (!file) return Change::refused;
    Who as = who;
    const auto found = on_card(s, as, org_id, card_id, Action::remove_file, 0, file->added_by == who.user_id);
    if (!found) return Change::refused;
    board_id = found->view.board.id;
    const long long upload = store::delete_attachment(s, attachment_id);
    key = uploads::store::remove(s, upload).value_or("");
    store::add_history(s, card_id, who.user_id, "detached", file->name, 0, now());
    tx.commit();
    return Change::done;
  });
  const auto done = co_await std::move(op);
  // The file goes once its row has (a failure here leaves a file no row names, which housekeeping sweeps).
  if (!key.empty()) uploads_->storage().remove(key);
  if (done == Change::done) tell(board_id, "card", card_id);
  co_return done;
}

void BoardService::tell(long long board_id, const char* event, long long card_id) const {
  if (live_) live_->publish("board:" + std::to_string(board_id), event, "{\"card\":" + std::to_string(card_id) + "}");
}

long long BoardService::create_board_now(long long org_id, long long group_id, long long actor,
                                         const std::string& title, const std::string& purpose,
                                         const std::vector<std::string>& lists, const std::string& key,
                                         std::optional<groups::Stage> stage) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    if (auto existing = store::find_board_by_key(s, org_id, key)) return *existing;
    const long long id = store::insert_board(s, org_id, group_id, title, purpose, 5, stage, lists, key, actor, now());
    tx.commit();
    return id;
  });
}

long long BoardService::create_card_now(long long org_id, long long board_id, long long list_id, long long actor,
                                        const CardInput& in, const std::string& key) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    if (auto existing = store::find_card_by_key(s, org_id, key)) return *existing;
    Card c;
    c.title = in.title;
    c.description = in.description;
    c.due_date = in.due_date;
    const long long at = now();
    const long long id = store::insert_card(s, org_id, board_id, list_id, c, key, actor, at);
    store::set_card_labels(s, id, board_id, in.labels);
    store::set_card_people(s, id, board_id, org_id, in.people);
    store::add_history(s, id, actor, "created", "", 0, at);
    tx.commit();
    return id;
  });
}

long long BoardService::add_label_now(long long board_id, const std::string& name, const std::string& colour) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    long long id = 0;
    store::add_label(s, board_id, name, colour);
    for (const auto& l : store::labels(s, board_id)) {
      if (l.name == name) id = l.id;
    }
    tx.commit();
    return id;
  });
}

void BoardService::dots_now(long long org_id, long long card_id, long long user_id, int dots) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto board_id = store::board_of_card(s, org_id, card_id);
    for (int i = 0; board_id && i < dots; ++i) store::change_dots(s, card_id, *board_id, org_id, user_id, 1);
    tx.commit();
  });
}

void BoardService::edit_comment_now(long long card_id, long long comment_id, const std::string& body, long long at) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto c = store::find_comment(s, card_id, comment_id);
    if (!c || c->body == body) return false;
    store::edit_comment(s, comment_id, body, at);
    tx.commit();
    return true;
  });
}

long long BoardService::add_comment_now(long long org_id, long long card_id, long long author, const std::string& body,
                                        const std::string& key, long long at) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto board_id = store::board_of_card(s, org_id, card_id);
    if (!board_id) return 0LL;
    if (auto existing = store::find_comment_by_key(s, card_id, key)) return *existing;
    const long long id = store::insert_comment(s, org_id, *board_id, card_id, author, body, key, at);
    store::add_history(s, card_id, author, "commented", "", 0, at);
    tx.commit();
    return id;
  });
}

}  // namespace roundtable::boards
