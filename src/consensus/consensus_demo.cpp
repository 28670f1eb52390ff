#include "consensus/consensus_demo.hpp"

#include <map>
#include <string>

#include "consensus/consensus_store.hpp"
#include "groups/group_store.hpp"

namespace roundtable::consensus {

namespace {

constexpr const char* kGroup = "Carers Co-production Board";
constexpr const char* kKey = "demo-consensus-respite";

}  // namespace

int load_demo(db::Database& db, ConsensusService& service) {
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
    f.existing = store::find_conversation_by_key(s, *f.org, kKey).has_value();
    for (const char* email : {"tom@demo.example", "sian@demo.example", "gareth@demo.example", "mair@demo.example"}) {
      if (auto id = groups::store::find_user_id(s, email)) f.people[email] = *id;
    }
    return f;
  });
  if (!found.org || !found.group || found.existing || found.people.size() < 4) return 0;
  const long long org = *found.org;
  const long long people[] = {found.people["tom@demo.example"], found.people["sian@demo.example"],
                              found.people["gareth@demo.example"], found.people["mair@demo.example"]};
  const long long conversation =
      service.create_conversation_now(org, *found.group, people[1], "What matters most about respite care?", kKey);
  if (conversation == 0) return 0;

  // Each statement, who wrote it (an index into people) and the answers of Tom, Siân, Gareth and Mair (a agree,
  // d disagree, p pass). Tom and Siân want planned respite the council runs; Gareth and Mair want the money and the
  // choice; all four agree on what carers need first.
  struct DemoStatement {
    const char* body;
    int author;
    const char* answers;
  };
  const DemoStatement statements[] = {
      {"Carers should hear about respite before they reach crisis point.", 3, "aaaa"},
      {"Booking respite should take one phone call, not three forms.", 2, "aaaa"},
      {"Respite should be planned a year ahead, with the dates fixed early.", 0, "aadd"},
      {"Carers should get the money and choose their own respite.", 2, "ddaa"},
      {"Day centres are the best kind of respite.", 1, "aadp"},
      {"A sitter at home is better than a stay away from home.", 3, "dpaa"},
      {"Welsh-speaking respite staff should be there in every part of the county.", 3, "aaaa"},
      {"The council should run respite itself, not private firms.", 0, "aadd"},
      {"Young carers need respite of their own.", 1, "aaap"},
      {"One night of respite is not worth the upheaval.", 2, "pdaa"},
      {"Emergency respite should be there within 24 hours.", 0, "aaaa"},
      {"Carers should be paid for the hours they spend finding respite.", 3, "ddaa"},
  };
  int made = 0;
  for (const auto& st : statements) {
    const long long id = service.add_statement_now(org, conversation, people[st.author], st.body,
                                                   std::string(kKey) + "-" + std::to_string(made));
    ++made;
    for (int p = 0; p < 4; ++p) {
      const char a = st.answers[p];
      service.answer_now(org, id, people[p], a == 'a' ? Answer::agree : a == 'd' ? Answer::disagree : Answer::pass);
    }
  }
  return made;
}

}  // namespace roundtable::consensus
