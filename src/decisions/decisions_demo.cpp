#include "decisions/decisions_demo.hpp"

#include <map>
#include <string>

#include "core/clock.hpp"
#include "core/london_time.hpp"
#include "decisions/decision_store.hpp"
#include "discussions/discussion_store.hpp"
#include "groups/group_store.hpp"

namespace roundtable::decisions {

namespace {

using core::kDay;
constexpr const char* kBoard = "Carers Co-production Board";
constexpr const char* kConsentKey = "demo-decision-evening-meetings";
constexpr const char* kConsentTitle = "Hold board meetings in the early evening";
constexpr const char* kPollKey = "demo-decision-summer-event";
constexpr const char* kRankedKey = "demo-decision-grant-priority";
constexpr const char* kDotsKey = "demo-decision-training-topics";
constexpr const char* kTimeKey = "demo-decision-carers-cafe-time";

/// The board's power-sharing rules, a closed ranked-choice decision with several rounds and an open dot vote (their
/// own create keys, so an older demo database gets them too).
int load_processes(db::Database& db, DecisionService& service, long long org, long long board,
                   std::map<std::string, long long>& people, long long now) {
  const bool existing =
      db.run_sync([&](soci::session& s) { return store::find_by_create_key(s, org, kRankedKey).has_value(); });
  if (existing) return 0;
  const long long tom = people["tom@demo.example"], sian = people["sian@demo.example"],
                  gareth = people["gareth@demo.example"], mair = people["mair@demo.example"];
  power::Rules rules;
  rules.at_least_lived_experience = 2;
  rules.lived_experience_half = true;
  rules.carers_count = true;
  service.save_rules_now(board, rules, tom, now - 40 * kDay);

  auto options_of = [&](long long id) {
    std::vector<long long> out;
    if (const auto v = db.run_sync([&](soci::session& s) { return store::find_for_viewer(s, org, id, 0, ""); })) {
      for (const auto& o : v->proposal.details.options) out.push_back(o.id);
    }
    return out;
  };

  // Ranked choice, closed last week: the newsletter goes out in round 1, training and respite together in round 2
  // (tied in every round), and bus passes win in round 3 with one ballot no longer counted.
  ProposalDetails grant;
  grant.title = "What should the small grant pay for first?";
  grant.body =
      "The council gave the board £2,000 to spend this year. Put the four ideas in the order you want them. If one "
      "idea has more than half of the first choices it wins; if not, the idea with fewest is taken out and those "
      "votes go to each person's next choice.";
  grant.easy_read = "We have £2,000. Put the ideas in order, with the one you want most first.";
  grant.process = Process::ranked_choice;
  grant.eligibility = Eligibility::members;
  const long long grant_opened = now - 20 * kDay;
  grant.closes_at = now - 7 * kDay;
  grant.options = {{0, "Bus passes for carers going to meetings", "Free bus travel to board meetings"},
                   {0, "A respite sitting service", "Someone to sit with the person you care for"},
                   {0, "Training for new board members", "Learning how the board works"},
                   {0, "A printed newsletter", "News on paper, sent to your home"}};
  const long long grant_id = service.propose_now(org, board, sian, grant, kRankedKey, grant_opened);
  if (const auto o = options_of(grant_id); o.size() == 4) {
    service.cast_now(org, grant_id, mair, {{o[0], 1}, {o[1], 2}}, grant_opened + kDay);
    service.cast_now(org, grant_id, gareth, {{o[0], 1}, {o[2], 2}}, grant_opened + kDay);
    service.cast_now(org, grant_id, sian, {{o[1], 1}, {o[2], 2}, {o[0], 3}}, grant_opened + 2 * kDay);
    service.cast_now(org, grant_id, tom, {{o[2], 1}, {o[1], 2}}, grant_opened + 3 * kDay);
  }
  service.close_now(grant_id, grant.closes_at);
  service.record_now(grant_id, sian,
                     "Bus passes won in the third round. Getting to meetings is what stops most carers taking part, so "
                     "this comes first. Respite and training are next on the list for next year's grant.",
                     grant.closes_at + kDay);

  // A dot vote, open now.
  ProposalDetails training;
  training.title = "Which training would help you most?";
  training.body =
      "We can run three training sessions this year. You have 5 dots: put them on the sessions you would come to. "
      "You can put up to 3 on one session.";
  training.easy_read = "Put your 5 dots on the training you want. Up to 3 on one.";
  training.process = Process::dot_vote;
  training.eligibility = Eligibility::members;
  training.dot_budget = 5;
  training.dot_most = 3;
  training.closes_at = now + 10 * kDay;
  training.options = {{0, "Speaking up in meetings", "How to say what you think in a meeting"},
                      {0, "Understanding council budgets", "Where the council's money goes"},
                      {0, "Looking after yourself as a carer", "Keeping well while you care for someone"},
                      {0, "Using Roundtable", "How to use this website"}};
  const long long dots_id = service.propose_now(org, board, tom, training, kDotsKey, now - kDay);
  if (const auto o = options_of(dots_id); o.size() == 4) {
    service.cast_now(org, dots_id, mair, {{o[0], 2}, {o[2], 3}}, now - kDay / 2);
    service.cast_now(org, dots_id, sian, {{o[1], 3}, {o[3], 2}}, now - kDay / 3);
  }
  return 2;
}

/// Finding a meeting time, open now: two weekday evenings and a weekend's mornings, with some answers (its own create
/// key, so an older demo database gets it too).
int load_meeting_time(db::Database& db, DecisionService& service, long long org, long long board,
                      std::map<std::string, long long>& people, long long now) {
  const bool existing =
      db.run_sync([&](soci::session& s) { return store::find_by_create_key(s, org, kTimeKey).has_value(); });
  if (existing) return 0;
  const long long sian = people["sian@demo.example"], gareth = people["gareth@demo.example"],
                  mair = people["mair@demo.example"];
  ProposalDetails cafe;
  cafe.title = "When should we hold the carers' café?";
  cafe.body =
      "We want to start a monthly café where carers can meet the board over a cup of tea. Say which of these times "
      "you could come to. Evenings and weekends are here because many of us work or care in the day.";
  cafe.easy_read = "Tell us which times you can come to the carers' café.";
  cafe.process = Process::meeting_time;
  cafe.eligibility = Eligibility::members;
  cafe.closes_at = now + 5 * kDay;
  auto times = meetings::next_weekday_evenings(now + 7 * kDay, 2);
  for (const auto& w : meetings::next_weekend_mornings(now + 7 * kDay)) times.push_back(w);
  for (const auto& w : times) {
    const auto starts = core::from_london({w.year, w.month, w.day, w.start_hour, w.start_minute}).utc;
    const auto ends = core::from_london({w.year, w.month, w.day, w.end_hour, w.end_minute}).utc;
    cafe.options.push_back({0, "", "", starts, ends});
  }
  const long long id = service.propose_now(org, board, gareth, cafe, kTimeKey, now - kDay);
  std::vector<long long> o;
  if (const auto v = db.run_sync([&](soci::session& s) { return store::find_for_viewer(s, org, id, 0, ""); })) {
    for (const auto& x : v->proposal.details.options) o.push_back(x.id);
  }
  if (o.size() == 4) {
    using meetings::PollAnswer;
    const auto v = [](PollAnswer a) { return answer_value(a); };
    service.cast_now(org, id, mair,
                     {{o[0], v(PollAnswer::yes)},
                      {o[1], v(PollAnswer::no)},
                      {o[2], v(PollAnswer::if_need_be)},
                      {o[3], v(PollAnswer::no)}},
                     now - kDay / 2);
    service.cast_now(
        org, id, sian,
        {{o[0], v(PollAnswer::yes)}, {o[1], v(PollAnswer::yes)}, {o[2], v(PollAnswer::no)}, {o[3], v(PollAnswer::no)}},
        now - kDay / 3);
  }
  return 1;
}

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
  if (!found.org || !found.board || found.people.size() < 4) return 0;
  const long long org = *found.org, board = *found.board;
  // An older demo database has the first two: only the later ones are added (after them, so ids stay as they were).
  if (found.existing) {
    return load_processes(db, service, org, board, found.people, now) +
           load_meeting_time(db, service, org, board, found.people, now);
  }
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
  const int more = load_processes(db, service, org, board, found.people, now);
  return 2 + more + load_meeting_time(db, service, org, board, found.people, now);
}

}  // namespace roundtable::decisions
