#include "boards/boards_demo.hpp"

#include <map>
#include <string>

#include "boards/board_store.hpp"
#include "groups/group_store.hpp"

namespace roundtable::boards {

namespace {

constexpr const char* kGroup = "Carers Co-production Board";
constexpr const char* kBoardKey = "demo-board-respite";
// A board for one stage of a project's double diamond: the respite booking project is at Define.
constexpr const char* kStagedGroup = "Booking respite made simple";
constexpr const char* kStagedKey = "demo-board-booking-define";

}  // namespace

int load_demo(db::Database& db, BoardService& service) {
  struct Found {
    std::optional<long long> org, group;
    bool existing = false;
    std::map<std::string, long long> people;
  };
  auto found = db.run_sync([&](soci::session& s) {
    Found f;
    f.org = groups::store::find_org_id(s, "demo");
    if (!f.org) return f;
    f.group = groups::store::find_group_id(s, *f.org, kGroup);
    f.existing = store::find_board_by_key(s, *f.org, kBoardKey).has_value();
    for (const char* email : {"tom@demo.example", "sian@demo.example", "gareth@demo.example", "mair@demo.example"}) {
      if (auto id = groups::store::find_user_id(s, email)) f.people[email] = *id;
    }
    return f;
  });
  if (!found.org || !found.group || found.existing || found.people.size() < 4) return 0;
  const long long org = *found.org;
  const long long tom = found.people["tom@demo.example"], sian = found.people["sian@demo.example"],
                  gareth = found.people["gareth@demo.example"], mair = found.people["mair@demo.example"];

  const long long board = service.create_board_now(
      org, *found.group, tom, "Respite booking ideas",
      "Ideas from carers for making short breaks easier to book. Add a card, give dots to the ones that matter most.",
      {"Ideas", "Doing", "Done"}, kBoardKey);
  const long long urgent = service.add_label_now(board, "Urgent", "red");
  const long long quick = service.add_label_now(board, "Quick win", "green");
  const long long council = service.add_label_now(board, "Needs the council", "purple");
  const auto lists = db.run_sync([&](soci::session& s) { return store::lists(s, board); });
  if (lists.size() < 3) return 0;
  const long long ideas = lists[0].id, doing = lists[1].id, done = lists[2].id;

  struct DemoCard {
    long long list;
    const char* title;
    const char* description;
    std::vector<long long> labels;
    std::vector<long long> people;
    const char* due;
  };
  const DemoCard cards[] = {
      {ideas,
       "Book respite by phone as well as online",
       "Not everyone can use the booking website. A phone line **with a real person** would help.",
       {urgent},
       {mair},
       ""},
      {ideas,
       "Show which places are free this month",
       "One page that lists the free respite places, updated weekly.",
       {quick},
       {},
       ""},
      {ideas,
       "Emergency respite within 24 hours",
       "When a carer is ill, they need cover the same day.",
       {urgent, council},
       {tom},
       "2027-03-31"},
      {ideas, "Easy read booking guide", "A guide in easy read, in English and Welsh.", {quick}, {gareth}, ""},
      {doing,
       "Ask the council about direct payments for respite",
       "Tom and Siân are meeting the commissioning team.",
       {council},
       {tom, sian},
       "2027-01-15"},
      {doing,
       "Survey carers about booking problems",
       "Ten questions, online and on paper.",
       {},
       {mair, gareth},
       "2026-12-19"},
      {done, "Collect stories of booking going wrong", "We gathered 14 stories at the carers' café.", {}, {sian}, ""},
      {done,
       "List the respite providers in the county",
       "A shared list of 22 providers with their contact details.",
       {quick},
       {gareth},
       ""},
  };
  int made = 0;
  std::vector<long long> ids;
  for (const auto& c : cards) {
    CardInput in{c.title, c.description, c.due, c.labels, c.people};
    ids.push_back(
        service.create_card_now(org, board, c.list, tom, in, std::string(kBoardKey) + "-" + std::to_string(made)));
    ++made;
  }
  // Some dots: the phone line and emergency cover matter most.
  service.dots_now(org, ids[0], mair, 3);
  service.dots_now(org, ids[0], gareth, 2);
  service.dots_now(org, ids[2], tom, 2);
  service.dots_now(org, ids[2], sian, 3);
  service.dots_now(org, ids[1], gareth, 1);
  service.dots_now(org, ids[3], mair, 1);
  // A short conversation on the phone line card.
  const long long at = service.now();
  service.add_comment_now(
      org, ids[0], mair,
      "My dad cannot see the screen well. Last month it took me **three evenings** to book one night.",
      std::string(kBoardKey) + "-comment-1", at - 2 * 86400);
  const long long toms = service.add_comment_now(org, ids[0], tom, "Thank you, Mair. I will ask the council.",
                                                 std::string(kBoardKey) + "-comment-2", at - 86400);
  // Tom made his comment clearer an hour later: its earlier words are kept (its author and the people who run the group
  // see them).
  service.edit_comment_now(ids[0], toms,
                           "Thank you, Mair. I will ask the council how many calls a phone line would get.",
                           at - 86400 + 3600);

  const auto staged_group = db.run_sync([&](soci::session& s) -> std::optional<long long> {
    if (store::find_board_by_key(s, org, kStagedKey)) return std::nullopt;
    return groups::store::find_group_id(s, org, kStagedGroup);
  });
  if (staged_group) {
    const long long staged = service.create_board_now(
        org, *staged_group, tom, "The problems we heard",
        "What carers told us makes booking a break hard. Give dots to the problems to solve first.",
        {"Heard", "Chosen", "Set aside"}, kStagedKey, groups::Stage::define);
    const auto staged_lists = db.run_sync([&](soci::session& s) { return store::lists(s, staged); });
    if (!staged_lists.empty()) {
      const char* problems[] = {"Too many forms to fill in", "No way to see which dates are free"};
      for (const char* title : problems) {
        service.create_card_now(org, staged, staged_lists[0].id, tom, {title, "", "", {}, {mair}},
                                std::string(kStagedKey) + "-" + std::to_string(made));
        ++made;
      }
    }
  }
  return made;
}

}  // namespace roundtable::boards
