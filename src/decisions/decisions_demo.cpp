#include "decisions/decisions_demo.hpp"

#include <map>
#include <string>

#include "decisions/decision_store.hpp"
#include "discussions/discussion_store.hpp"
#include "groups/group_store.hpp"

namespace roundtable::decisions {

namespace {

constexpr long long kDay = 24 * 60 * 60;
constexpr const char* kBoard = "Carers Co-production Board";
constexpr const char* kConsentKey = "demo-decision-evening-meetings";
constexpr const char* kConsentTitle = "Hold board meetings in the early evening";
constexpr const char* kPollKey = "demo-decision-summer-event";

}  // namespace

int load_demo(db::Database& db, DecisionService& service, long long now) {
  struct Found {
    std::optional<long long> org, board;
    bool existing = false;
    std::map<std::string, long long> people;
  };
  auto found = db.run_sync([&](soci::session& s) {
    Found f;
    f.org = groups::store::find_org_id(s, "demo");
    if (!f.org) return f;
    f.board = groups::store::find_group_id(s, *f.org, kBoard);
    f.existing = store::find_by_create_key(s, *f.org, kConsentKey).has_value();
    for (const char* email : {"tom@demo.example", "sian@demo.example", "gareth@demo.example", "mair@demo.example"}) {
      if (auto id = groups::store::find_user_id(s, email)) f.people[email] = *id;
    }
    return f;
  });
  if (!found.org || !found.board || found.existing || found.people.size() < 4) return 0;
  const long long org = *found.org, board = *found.board;
  const long long tom = found.people["tom@demo.example"], sian = found.people["sian@demo.example"],
                  gareth = found.people["gareth@demo.example"], mair = found.people["mair@demo.example"];

  // Decided by consent three weeks ago, from the discussion about evening meetings, after Siân's objection was
  // resolved.
  const auto topic = db.run_sync([&](soci::session& s) -> std::optional<long long> {
    for (const auto& [t, key] :
         discussions::store::list_topics(s, board, 0, discussions::Filter::all, std::nullopt, 50)) {
      if (t.title == "Can board meetings be in the evening?") return t.id;
    }
    return std::nullopt;
  });
  ProposalDetails evening;
  evening.title = kConsentTitle;
  evening.body =
      "Most of us care for someone during the day, and a meeting at 2pm means finding someone to sit with them.\n\n"
      "We propose that board meetings **start at 6pm**, with a light supper, from the next meeting.";
  evening.easy_read = "Board meetings will start at 6 in the evening. There will be food.";
  evening.process = Process::consent;
  evening.eligibility = Eligibility::members;
  const long long opened = now - 35 * kDay;
  evening.closes_at = now - 21 * kDay;
  const long long consent_id = service.propose_now(org, board, gareth, evening, kConsentKey, opened);
  service.respond_now(org, consent_id, mair, ConsentAnswer::agree, "", opened + kDay);
  service.respond_now(org, consent_id, tom, ConsentAnswer::agree, "", opened + kDay);
  service.respond_now(org, consent_id, sian, ConsentAnswer::object,
                      "Staff would be working late. We need to agree time off for them first.", opened + 2 * kDay);
  service.respond_now(org, consent_id, gareth, ConsentAnswer::agree, "", opened + 2 * kDay);
  const auto objections = db.run_sync([&](soci::session& s) { return store::objections(s, consent_id); });
  for (const auto& o : objections) {
    service.resolve_now(consent_id, o.id, tom,
                        "Staff who come take the time back the next morning. The partnership's manager agreed this in "
                        "writing.",
                        opened + 5 * kDay);
  }
  service.close_now(consent_id, evening.closes_at);
  service.record_now(consent_id, tom,
                     "Daytime meetings kept carers who look after someone during the day away. Siân's question about "
                     "staff hours was answered, so nobody objects any more. The next board meeting starts at 6pm.",
                     evening.closes_at + kDay, topic);

  // Open for votes this week.
  ProposalDetails event;
  event.title = "Where should the summer event be?";
  event.body =
      "The board holds one open event for carers each summer. Choose the place that would be easiest for "
      "you and the people you care for.";
  event.easy_read = "Pick the place you would like for the summer event.";
  event.process = Process::simple_poll;
  event.eligibility = Eligibility::members;
  event.closes_at = now + 6 * kDay;
  event.options = {{0, "Cardiff Bay community centre", "A centre by the bay, with a lift and parking"},
                   {0, "Roath Park", "Outside in the park, with a big tent"},
                   {0, "Online, on a video call", "From home, on a computer or phone"}};
  const long long poll_id = service.propose_now(org, board, tom, event, kPollKey, now - 2 * kDay);
  if (const auto v = db.run_sync([&](soci::session& s) { return store::find_for_viewer(s, org, poll_id, 0, ""); })) {
    const auto& o = v->proposal.details.options;
    if (o.size() == 3) {
      service.vote_now(org, poll_id, mair, o[0].id, now - kDay);
      service.vote_now(org, poll_id, gareth, o[0].id, now - kDay);
      service.vote_now(org, poll_id, sian, o[2].id, now - kDay / 2);
    }
  }
  return 2;
}

}  // namespace roundtable::decisions
