#include "boards/boards_module.hpp"

#include "boards/board_routes.hpp"
#include "boards/board_service.hpp"
#include "boards/boards_demo.hpp"
#include "boards/boards_loop.hpp"
#include "live/live.hpp"

namespace roundtable::boards {

module::Module make_module(Deps deps) {
  module::Module m;
  m.name = "boards";
  const core::Clock& clock = deps.clock ? *deps.clock : core::system_clock();
  std::shared_ptr<BoardService> service;
  if (deps.db) {
    service = std::make_shared<BoardService>(*deps.db, clock);
    service->set_live(deps.live);
    service->set_uploads(deps.uploads);
  }
  m.add_routes = [service, deps](std::vector<http::Route>& routes, const module::Shared& shared) {
    if (service) service->set_contribution_kinds(shared.contribution_kinds);
    add_board_routes(routes, {service, deps.assets, deps.not_found, "/account/two-step", deps.live});
  };
  // On a topic's page: the cards that came from it, and a way to put it on the group's board.
  if (service) {
    m.follow_up_reader = [service](db::Batch& b, const module::FollowUpAsk& ask, std::vector<module::FollowUp>& out) {
      service->follow_ups(b, ask, out);
    };
  }
  using module::Erasure;
  m.personal_tables = {
      {"board_card_people", "user_id", Erasure::remove, "the cards of a group's boards the person was put on"},
      {"board_dots", "user_id", Erasure::remove, "the dots the person gave to cards on a group's boards"},
      {"board_card_history", "user_id", Erasure::keep_as_former_member,
       "what the person changed on a board's cards, and when"},
      {"board_card_comments", "author_id", Erasure::keep_as_former_member,
       "the person's comments on a board's cards (the conversation stays; they show as \"former member\")"},
      {"board_card_comment_versions", "author_id", Erasure::keep_as_former_member,
       "earlier versions of the person's comments on a board's cards, kept when they changed or deleted them"},
      {"board_card_attachments", "added_by", Erasure::keep_as_former_member,
       "the files the person added to a board's cards (the files are in uploads)"},
  };
  m.tables_without_personal_data = {
      {"boards", "a group's boards: title, purpose and dot budget (created_by is kept as \"former member\")"},
      {"board_lists", "a board's lists and their order"},
      {"board_labels", "a board's labels and their colours"},
      {"board_cards",
       "the cards on a group's boards: title, description, due date and place (created_by is kept as \"former "
       "member\")"},
      {"board_card_labels", "which labels each card has"}};
  // People on cards and their dots go with their membership of the organisation (the tables' foreign keys to
  // memberships cascade), so nothing more to do when it ends.
  m.contribution_kinds = contribution_kinds();
  m.group_tools = {{"boards.group_tool.title", "boards.group_tool.lead", "boards.group_tool.link", "/boards"}};
  if (service && deps.uploads) m.start = [uploads = deps.uploads] { register_card_file_access(*uploads); };
  if (service) m.load_demo = [db = deps.db, service] { return load_demo(*db, *service); };
  return m;
}

}  // namespace roundtable::boards
