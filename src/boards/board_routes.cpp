#include "boards/board_routes.hpp"

#include "http/route_list.hpp"

namespace roundtable::boards {

namespace {

/// As for decisions: any member of the organisation passes the route guard, and the page asks the boards policy with
/// the board (or group) and the person's role in the group, answering 404 when it says no.
http::Policy on(policy::Action action) {
  return http::org_guard(std::string(policy::action_name(action)),
                         [](const http::Principal&, const http::Membership&) { return policy::Verdict::allow; });
}

}  // namespace

void add_board_routes(std::vector<http::Route>& routes, const pages::PagesDeps& deps) {
  using http::bind;
  using policy::Action;
  http::RouteList r(routes);
  auto org = r.scope("/o/{org}");
  auto group = org.scope("/groups/{group}/boards");
  group.get("", "boards", on(Action::see_boards), bind(deps, pages::boards));
  group.post("", "board_create", on(Action::run_boards), bind(deps, pages::create_board));
  auto board = org.scope("/boards/{board}");
  board.get("", "board", on(Action::see_boards), bind(deps, pages::board));
  board.get("/lists/{list}", "board_list", on(Action::see_boards), bind(deps, pages::board_list));
  board.get("/results", "board_results", on(Action::see_boards), bind(deps, pages::results));
  board.get("/cards.csv", "board_csv", on(Action::see_boards), bind(deps, pages::board_csv)).with_session().not_html();
  board.get("/print", "board_print", on(Action::see_boards), bind(deps, pages::print));
  board.get("/live", "board_live", on(Action::see_boards), bind(deps, pages::live)).not_html().with_session();
  board.get("/settings", "board_settings", on(Action::run_boards), bind(deps, pages::settings));
  board.post("/settings", "board_settings_save", on(Action::run_boards), bind(deps, pages::save_settings));
  board.post("/archive", "board_archive_save", on(Action::run_boards), bind(deps, pages::archive_board));
  board.post("/restore", "board_restore_save", on(Action::restore_board), bind(deps, pages::restore_board));
  board.post("/lists", "board_list_create", on(Action::run_boards), bind(deps, pages::add_list));
  board.post("/lists/{list}/rename", "board_list_rename_save", on(Action::run_boards), bind(deps, pages::rename_list));
  board.post("/lists/{list}/move", "board_list_move_save", on(Action::run_boards), bind(deps, pages::shift_list));
  board.post("/lists/{list}/remove", "board_list_remove", on(Action::run_boards), bind(deps, pages::remove_list));
  board.post("/labels", "board_label_create", on(Action::run_boards), bind(deps, pages::add_label));
  board.get("/cards/new", "card_new", on(Action::work_on_cards), bind(deps, pages::new_card));
  board.post("/cards", "card_create", on(Action::work_on_cards), bind(deps, pages::create_card));
  auto card = org.scope("/cards/{card}");
  card.get("", "card", on(Action::see_boards), bind(deps, pages::card));
  card.get("/edit", "card_edit", on(Action::work_on_cards), bind(deps, pages::edit_card));
  card.post("/edit", "card_save", on(Action::work_on_cards), bind(deps, pages::save_card));
  card.post("/move", "card_move_save", on(Action::work_on_cards), bind(deps, pages::move_card));
  card.post("/archive", "card_archive_save", on(Action::work_on_cards), bind(deps, pages::archive_card));
  card.post("/restore", "card_restore_save", on(Action::work_on_cards), bind(deps, pages::restore_card));
  card.post("/dots", "card_dots_save", on(Action::work_on_cards), bind(deps, pages::dots));
  // A card's files: a picture or a document, by the uploads module's rules and limits.
  card.post("/files", "card_file_create", on(Action::attach_file), bind(deps, pages::attach_file))
      .accepts_uploads(uploads::body_limit_for(card_file_allowed()));
  card.post("/files/{file}/remove", "card_file_remove", on(Action::remove_file), bind(deps, pages::remove_file));
  card.post("/comments", "card_comment_create", on(Action::comment), bind(deps, pages::add_comment));
  auto comment = card.scope("/comments/{comment}");
  comment.get("/edit", "card_comment_edit", on(Action::edit_comment), bind(deps, pages::edit_comment));
  comment.post("/edit", "card_comment_save", on(Action::edit_comment), bind(deps, pages::save_comment));
  comment.get("/delete", "card_comment_delete_form", on(Action::delete_comment),
              bind(deps, pages::delete_comment_form));
  comment.post("/delete", "card_comment_delete", on(Action::delete_comment), bind(deps, pages::delete_comment));
  comment.get("/history", "card_comment_history", on(Action::see_comment_history), bind(deps, pages::comment_history));
  comment.get("/remove", "card_comment_remove_form", on(Action::remove_comment),
              bind(deps, pages::remove_comment_form));
  comment.post("/remove", "card_comment_remove", on(Action::remove_comment), bind(deps, pages::remove_comment));
}

}  // namespace roundtable::boards
