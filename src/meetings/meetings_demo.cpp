#include "meetings/meetings_demo.hpp"

#include <gd.h>
#include <gdfontg.h>
#include <gdfontl.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/transaction.hpp"
#include "groups/group_store.hpp"
#include "meetings/agenda_store.hpp"
#include "meetings/london_time.hpp"
#include "meetings/meeting_store.hpp"

namespace roundtable::meetings {

namespace {

using core::kDay;

struct DemoReply {
  const char* email;
  RsvpDetails reply;
};

struct DemoMeeting {
  const char* group;
  MeetingDetails details;
  /// Days from today (negative: past), and the London time it starts and ends.
  int in_days;
  int start_hour, start_minute, end_hour, end_minute;
  std::vector<DemoReply> replies;
  /// Called off, with this reason ("" for not).
  const char* cancelled = "";
};

constexpr const char* kVenue = "Ty Hywel community room\n12 Bute Street\nCardiff\nCF10 5AA";

MeetingDetails details(const char* title, const char* purpose, const char* online_url, const char* venue,
                       std::vector<Access> access, const char* notes) {
  MeetingDetails d;
  d.title = title;
  d.purpose = purpose;
  d.online_url = online_url;
  d.venue = venue;
  d.access = std::move(access);
  d.access_notes = notes;
  return d;
}

std::vector<DemoMeeting> demo_meetings() {
  std::vector<DemoMeeting> out;
  out.push_back(
      {"Carers Co-production Board",
       details("Board meeting: next year's plan",
               "We agree the partnership's plan for next year.\n\nWe will:\n\n- hear what carers told us in the "
               "discussion space\n- choose the three things that matter most\n- agree who does what\n\nPapers come "
               "a week before, in easy read and large print if you ask.",
               "https://meet.example.org/carers-board", kVenue,
               {Access::step_free, Access::hearing_loop, Access::quiet_room, Access::public_transport},
               "The lift is by the main door. Buses 1 and 6 stop outside. Tea, coffee and a light supper from 5:30pm."),
       9,
       18,
       0,
       20,
       0,
       {{"gareth@demo.example",
         {Answer::going, {Need::bsl_interpreter, Need::travel_expenses}, "", "", "I will come to the room."}},
        {"mair@demo.example",
         {Answer::going,
          {Need::large_print, Need::carer_expenses, Need::supporter, Need::dietary},
          "",
          "Vegetarian, please",
          "My daughter will come with me."}},
        {"sian@demo.example", {Answer::maybe, {}, "", "", "I may join online."}},
        {"tom@demo.example", {Answer::going, {}, "", "", ""}}}});
  out.push_back({"Carers Co-production Board",
                 details("Board meeting: checking the year so far",
                         "We looked at what the partnership promised this year and what has happened.", "", kVenue,
                         {Access::step_free, Access::hearing_loop, Access::public_transport}, ""),
                 -50,
                 18,
                 0,
                 20,
                 0,
                 {{"gareth@demo.example", {Answer::going, {Need::bsl_interpreter}, "", "", ""}},
                  {"mair@demo.example", {Answer::going, {Need::easy_read}, "", "", ""}}}});
  out.push_back({"Carers Co-production Board",
                 details("Board away day", "A day together to plan the next three years.", "", kVenue,
                         {Access::step_free, Access::parking}, ""),
                 30,
                 10,
                 0,
                 15,
                 30,
                 {},
                 "The venue is closed for repairs that day. We will choose a new date together at the next board "
                 "meeting."});
  out.push_back(
      {"Carers Strategy Steering Group",
       details("Steering group: the first draft of the strategy",
               "We read the first draft of the carers strategy together and say what is missing.\n\nThe views "
               "gathered online this month set the agenda.",
               "https://meet.example.org/carers-strategy", "", {}, "Captions are on. There is a break halfway."),
       5,
       18,
       30,
       20,
       0,
       {{"mair@demo.example",
         {Answer::going, {Need::bsl_interpreter, Need::large_print}, "", "", "Large print papers by post, please."}},
        {"ngozi@demo.example",
         {Answer::maybe, {Need::easy_read, Need::other_interpreter}, "Yoruba", "", "For my mother, who may join."}}}});
  out.push_back({"Monday coffee mornings",
                 details("Coffee morning", "A friendly hour to meet, share news and try out ideas. Everyone welcome.",
                         "", "The Hub café\nQueen Street\nCardiff\nCF10 2BH",
                         {Access::step_free, Access::quiet_room, Access::public_transport}, ""),
                 3,
                 10,
                 0,
                 11,
                 0,
                 {{"gareth@demo.example", {Answer::going, {}, "", "", ""}}}});
  return out;
}

/// That many days from now's London date, at a London time.
long long london_at(long long now, int in_days, int hour, int minute) {
  WallClock w = to_london(now + in_days * kDay);
  w.hour = hour;
  w.minute = minute;
  return from_london(w).utc;
}

/// A page of a paper drawn here (so the demo ships no files), as PNG bytes: a heading and lines of words; the
/// easy-read version has bigger words, fewer of them, and a picture beside each.
std::string drawn_paper(bool easy_read) {
  gdImagePtr im = gdImageCreateTrueColor(600, 800);
  const int white = gdImageColorAllocate(im, 255, 255, 255);
  const int ink = gdImageColorAllocate(im, 11, 12, 12);
  const int blue = gdImageColorAllocate(im, 29, 112, 184);
  gdImageFilledRectangle(im, 0, 0, 599, 799, white);
  auto words = [&](int x, int y, const char* text, bool big) {
    gdImageString(im, big ? gdFontGetGiant() : gdFontGetLarge(), x, y,
                  reinterpret_cast<unsigned char*>(const_cast<char*>(text)), ink);
  };
  words(40, 40, easy_read ? "Next year's plan: easy read" : "Next year's plan", true);
  if (easy_read) {
    const char* lines[] = {"Carers told us what matters.", "We will choose 3 things.", "We will say who does what."};
    for (int i = 0; i < 3; ++i) {
      gdImageFilledEllipse(im, 80, 160 + i * 160, 90, 90, blue);
      words(150, 150 + i * 160, lines[i], true);
    }
  } else {
    for (int i = 0; i < 20; ++i) {
      words(40, 100 + i * 30, "The partnership's plan for next year, from what carers told us.", false);
    }
  }
  int size = 0;
  void* png = gdImagePngPtr(im, &size);
  std::string bytes(static_cast<const char*>(png), static_cast<size_t>(size));
  gdFree(png);
  gdImageDestroy(im);
  return bytes;
}

/// A one-page PDF written here (so the demo ships no files): the budget, in a few lines of text.
std::string written_paper() {
  std::string text = "BT /F1 20 Tf 50 740 Td (Budget for next year) Tj /F1 12 Tf 0 -40 Td";
  for (const char* line : {"Money in: grants from the council and the health board.",
                           "Money out: the coffee mornings, the minibus, and training for carers.",
                           "The board will agree the budget at this meeting."}) {
    text += " (" + std::string(line) + ") Tj 0 -20 Td";
  }
  text += " ET";
  const std::string objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type "
      "/Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
      "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream",
  };
  std::string out = "%PDF-1.7\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < std::size(objects); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(std::size(objects) + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", o);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(std::size(objects) + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

/// The board's next meeting has an agenda built from the discussion space and a member's idea, with the papers sent;
/// its last one has who came, published minutes, decisions and actions.
void demo_agendas(db::Database& db, MeetingService& service, long long org, long long group, long long next,
                  long long past, std::map<std::string, long long>& people, long long now) {
  std::optional<uploads::Prepared> paper, budget;
  if (service.uploads()) {
    auto prepared = uploads::prepare_file(drawn_paper(false), "plan.png", paper_allowed());
    if (auto* p = std::get_if<uploads::Prepared>(&prepared)) paper = std::move(*p);
    auto written = uploads::prepare_file(written_paper(), "budget.pdf", paper_allowed());
    if (auto* p = std::get_if<uploads::Prepared>(&written)) {
      p->original_name = "Budget for next year.pdf";
      budget = std::move(*p);
    }
  }
  db.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long tom = people["tom@demo.example"];
    auto day_code = [](long long utc) {
      const auto w = to_london(utc);
      char out[16];
      std::snprintf(out, sizeof out, "%04d-%02d-%02d", w.year, w.month, w.day);
      return std::string(out);
    };
    auto item = [&](long long meeting, const char* title, const char* notes, ItemStatus status,
                    std::optional<long long> topic, long long by, const char* key, long long at) {
      return store::insert_item(s, {meeting, org, group, title, notes, status, topic, by, key}, at);
    };
    if (next != 0) {
      if (const auto topic = store::topic_by_title(s, group, "Can board meetings be in the evening?")) {
        item(next, "Can board meetings be in the evening?", "", ItemStatus::accepted, topic, tom,
             ("topic-" + std::to_string(*topic)).c_str(), now - 3 * kDay);
      }
      if (people.contains("gareth@demo.example")) {
        item(next, "Bus passes for carers",
             "Carers who travel with the person they care for pay twice. Can the board ask the council about this?",
             ItemStatus::accepted, std::nullopt, people["gareth@demo.example"], "demo-bus-passes", now - 2 * kDay);
      }
      if (people.contains("mair@demo.example")) {
        item(next, "A quiet room at every meeting", "Some of us need a break from the noise.", ItemStatus::proposed,
             std::nullopt, people["mair@demo.example"], "demo-quiet-room", now - kDay);
      }
      if (paper) {
        auto* uploads = service.uploads();
        const auto plain = uploads::store::save(s, uploads->storage(), *paper, kPaperPurpose, std::nullopt, org, now);
        std::optional<long long> version;
        auto easy = uploads::prepare_file(drawn_paper(true), "plan-easy-read.png", paper_allowed());
        if (auto* e = std::get_if<uploads::Prepared>(&easy)) {
          version = uploads::store::save(s, uploads->storage(), *e, kPaperPurpose, std::nullopt, org, now).id;
        }
        store::insert_paper(s, {next, org, "Next year's plan", plain.id, version, "easy_read", tom, "demo-paper"},
                            now - kDay);
      }
      if (budget) {
        const auto pdf =
            uploads::store::save(s, service.uploads()->storage(), *budget, kPaperPurpose, std::nullopt, org, now);
        store::insert_paper(s, {next, org, "Budget for next year", pdf.id, std::nullopt, "", tom, "demo-budget"},
                            now - kDay);
      }
      store::mark_papers_sent(s, next, now - kDay);
    }
    if (past != 0) {
      const long long held = now - 50 * kDay;
      const long long cards =
          item(past, "Carers' emergency cards", "How many carers have a card now, and what the project group learned.",
               ItemStatus::accepted, std::nullopt, tom, "demo-cards", held - 10 * kDay);
      const long long year = item(past, "What carers told us this year", "", ItemStatus::accepted, std::nullopt, tom,
                                  "demo-year", held - 9 * kDay);
      store::set_decision(s, cards, "The board will ask every GP surgery in the county to hand out the cards.", held);
      store::set_decision(s, year, "The board agreed the three things that matter most for next year's plan.", held);
      if (people.contains("gareth@demo.example")) {
        store::insert_action(
            s, {past, cards, "Write to the GP surgeries about the cards", tom, day_code(held + 14 * kDay), "demo-a1"},
            held);
        store::set_action_status(
            s, past,
            store::insert_action(s, {past, cards, "Thank the project group", tom, day_code(held + 7 * kDay), "demo-a0"},
                                 held),
            ActionStatus::done, held + 5 * kDay);
        store::insert_action(s,
                             {past, year, "Share the three things in the discussion space",
                              people["gareth@demo.example"], day_code(now + 20 * kDay), "demo-a2"},
                             held);
      }
      for (const auto& p : store::attendance(s, past, group)) {
        Attendance a = Attendance::present;
        if (p.user_id == people["mair@demo.example"]) a = Attendance::apologies;
        if (p.user_id == people["sian@demo.example"]) a = Attendance::absent;
        store::upsert_attendance(s, past, org, p.user_id, a, held);
      }
      store::set_minutes(s, past,
                         "Tom welcomed everyone. Gareth used a BSL interpreter.\n\n# Emergency cards\n\n"
                         "- 140 carers have a card now.\n- Most found out about it from their GP.\n\n"
                         "# What carers told us\n\nWe read what members wrote in the discussion space and chose "
                         "three things: breaks, money, and being listened to.",
                         held + kDay);
      store::publish_minutes(s, past, held + 2 * kDay);
    }
    tx.commit();
  });
}

/// The steering group's polls: an open one with evenings and a weekend morning among its times and some answers (Ngozi
/// has not answered yet), and a closed one whose best time became the coming meeting.
void demo_polls(TimePollService& polls, long long org, long long group, long long meeting,
                const std::map<std::string, long long>& people, long long now) {
  auto person = [&](const char* email) {
    const auto it = people.find(email);
    return it == people.end() ? 0LL : it->second;
  };
  auto option = [&](int in_days, int sh, int sm, int eh, int em) {
    return PollOption{0, london_at(now, in_days, sh, sm), london_at(now, in_days, eh, em)};
  };
  // The next Saturday at least 12 days away, so that the weekend time is a real weekend.
  int saturday = 12;
  while (true) {
    const auto w = to_london(now + saturday * kDay);
    if (weekday_of(w.year, w.month, w.day) == 6) break;
    ++saturday;
  }
  // Weekdays near it: the Tuesday and Thursday before that Saturday.
  const std::vector<PollOption> open_times{option(saturday - 4, 18, 30, 20, 0), option(saturday - 2, 18, 30, 20, 0),
                                           option(saturday, 10, 0, 12, 0), option(saturday - 3, 13, 0, 15, 0)};
  PollDetails open;
  open.title = "Steering group: talking to carers about the draft";
  open.purpose =
      "We plan the sessions where carers tell us what they think of the draft strategy. We met in the evenings and "
      "at weekends before, so those times are here too.";
  open.closes_at = london_at(now, 8, 0, 0);
  const long long open_id = polls.open_now(org, group, person("tom@demo.example"), open, open_times, now - 2 * kDay);
  if (open_id != 0) {
    // The ids the store gave the times, in the order given.
    auto loaded = polls.poll_now(org, open_id);
    if (loaded && loaded->poll.options.size() == open_times.size()) {
      const auto& o = loaded->poll.options;
      polls.answer_now(org, open_id, person("tom@demo.example"),
                       {{o[0].id, PollAnswer::yes},
                        {o[1].id, PollAnswer::yes},
                        {o[2].id, PollAnswer::if_need_be},
                        {o[3].id, PollAnswer::yes}},
                       now - 2 * kDay);
      polls.answer_now(org, open_id, person("mair@demo.example"),
                       {{o[0].id, PollAnswer::if_need_be},
                        {o[1].id, PollAnswer::yes},
                        {o[2].id, PollAnswer::yes},
                        {o[3].id, PollAnswer::no}},
                       now - kDay);
    }
  }
  if (meeting == 0) return;
  // The poll that found the time of the coming meeting (in 5 days, 6:30pm), closed a fortnight ago.
  const std::vector<PollOption> closed_times{option(5, 18, 30, 20, 0), option(6, 10, 30, 12, 0),
                                             option(7, 14, 0, 16, 0)};
  PollDetails closed;
  closed.title = "Steering group: the first draft of the strategy";
  closed.purpose = "We read the first draft of the carers strategy together and say what is missing.";
  const long long closed_id =
      polls.open_now(org, group, person("tom@demo.example"), closed, closed_times, now - 28 * kDay);
  if (closed_id == 0) return;
  if (auto loaded = polls.poll_now(org, closed_id); loaded && loaded->poll.options.size() == closed_times.size()) {
    const auto& o = loaded->poll.options;
    polls.answer_now(org, closed_id, person("tom@demo.example"),
                     {{o[0].id, PollAnswer::yes}, {o[1].id, PollAnswer::yes}, {o[2].id, PollAnswer::no}},
                     now - 27 * kDay);
    polls.answer_now(org, closed_id, person("mair@demo.example"),
                     {{o[0].id, PollAnswer::yes}, {o[1].id, PollAnswer::if_need_be}, {o[2].id, PollAnswer::no}},
                     now - 26 * kDay);
    polls.answer_now(org, closed_id, person("ngozi@demo.example"),
                     {{o[0].id, PollAnswer::yes}, {o[1].id, PollAnswer::no}, {o[2].id, PollAnswer::if_need_be}},
                     now - 25 * kDay);
  }
  polls.close_now(closed_id, meeting, now - 21 * kDay);
}

}  // namespace

int load_demo(db::Database& db, MeetingService& service, TimePollService& polls, long long now) {
  struct Found {
    std::optional<long long> org;
    long long existing = 0;
    std::map<std::string, long long> groups;
    std::map<std::string, long long> people;
  };
  const auto demo = demo_meetings();
  auto found = db.run_sync([&](soci::session& s) {
    Found f;
    f.org = groups::store::find_org_id(s, "demo");
    if (!f.org) return f;
    f.existing = store::count_for_org(s, *f.org);
    for (const auto& m : demo) {
      if (auto id = groups::store::find_group_id(s, *f.org, m.group)) f.groups[m.group] = *id;
    }
    for (const char* email :
         {"tom@demo.example", "sian@demo.example", "gareth@demo.example", "mair@demo.example", "ngozi@demo.example"}) {
      if (auto id = groups::store::find_user_id(s, email)) f.people[email] = *id;
    }
    return f;
  });
  if (!found.org || found.existing > 0 || !found.people.contains("tom@demo.example")) return 0;
  const long long org = *found.org;
  const long long tom = found.people["tom@demo.example"];
  int made = 0;
  long long board_next = 0, board_past = 0, steering_next = 0;
  for (auto m : demo) {
    const auto group = found.groups.find(m.group);
    if (group == found.groups.end()) continue;
    m.details.starts_at = london_at(now, m.in_days, m.start_hour, m.start_minute);
    m.details.ends_at = london_at(now, m.in_days, m.end_hour, m.end_minute);
    // Scheduled a few weeks before it.
    const long long at = std::min(now, m.details.starts_at - 21 * kDay);
    const long long id = service.schedule_now(org, group->second, tom, m.details, at);
    if (id == 0) continue;
    ++made;
    long long replied = at + kDay;
    for (const auto& r : m.replies) {
      const auto who = found.people.find(r.email);
      if (who == found.people.end()) continue;
      service.reply_now(org, id, who->second, r.reply, replied);
      replied += kDay / 3;
    }
    if (*m.cancelled) service.cancel_now(id, m.cancelled, std::min(now, at + 7 * kDay));
    if (std::string_view(m.group) == "Carers Co-production Board" && !*m.cancelled) {
      (m.in_days > 0 ? board_next : board_past) = id;
    }
    if (std::string_view(m.group) == "Carers Strategy Steering Group" && m.in_days > 0) steering_next = id;
  }
  if (const auto board = found.groups.find("Carers Co-production Board"); board != found.groups.end()) {
    demo_agendas(db, service, org, board->second, board_next, board_past, found.people, now);
  }
  if (const auto steering = found.groups.find("Carers Strategy Steering Group"); steering != found.groups.end()) {
    demo_polls(polls, org, steering->second, steering_next, found.people, now);
  }
  // On the next board meeting's checklist, Tom has booked the BSL interpreter Gareth asked for; the rest is to do.
  const auto gareth = found.people.find("gareth@demo.example");
  if (board_next != 0 && gareth != found.people.end()) {
    db.run_sync([&](soci::session& s) {
      db::WriteTransaction tx(s);
      store::set_arranged(s, board_next, gareth->second, Need::bsl_interpreter, true, tom, now);
      tx.commit();
    });
  }
  return made;
}

}  // namespace roundtable::meetings
