#include "opportunities/opportunities_demo.hpp"

#include <cmath>
#include <map>
#include <numbers>
#include <string>

#include "core/clock.hpp"
#include "groups/group_store.hpp"
#include "opportunities/opportunity_store.hpp"

namespace roundtable::opportunities {

namespace {

using core::kDay;

struct Applicant {
  const char* email;
  const char* message;
  const char* help;
  bool shortlisted = false;
  bool selected = false;
  /// With a short recording as well as their words (demo_recording).
  bool recording = false;
};

struct DemoOpportunity {
  const char* group;
  OpportunityDetails details;
  State state;
  /// Days from now to the closing date (negative: it has passed).
  int closes_in;
  int age_days;
  std::vector<Applicant> applicants;
  /// The outcome was told (the selected joined the group).
  bool told = false;
};

OpportunityDetails details(const char* title, const char* description, const char* time_asked, const char* payment,
                           const char* support, Audience audience) {
  return {title, description, time_asked, payment, support, "", audience};
}

/// A short recording made in code: two seconds of a soft two-note chime as a WAV file (8 kHz, 16-bit, mono), which
/// uploads checks and cleans like any recording someone gives.
std::string demo_recording() {
  constexpr int kRate = 8000, kSamples = 2 * kRate;
  std::string wav;
  const auto u32 = [&](unsigned v) {
    for (int i = 0; i < 4; ++i) wav.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  };
  const auto u16 = [&](unsigned v) {
    wav.push_back(static_cast<char>(v & 0xFF));
    wav.push_back(static_cast<char>((v >> 8) & 0xFF));
  };
  wav += "RIFF";
  u32(36 + kSamples * 2);
  wav += "WAVEfmt ";
  u32(16);
  u16(1);  // PCM
  u16(1);  // mono
  u32(kRate);
  u32(kRate * 2);
  u16(2);
  u16(16);
  wav += "data";
  u32(kSamples * 2);
  for (int i = 0; i < kSamples; ++i) {
    const double t = static_cast<double>(i) / kRate;
    const double note = i < kSamples / 2 ? 523.25 : 659.25;  // C5, then E5
    const double within = std::fmod(t, 1.0);
    const double envelope = std::exp(-3.0 * within) * std::min(1.0, within * 50);
    const auto sample = static_cast<int>(8000 * envelope * std::sin(2 * std::numbers::pi * note * t));
    u16(static_cast<unsigned>(sample) & 0xFFFF);
  }
  return wav;
}

std::vector<DemoOpportunity> demo_opportunities() {
  std::vector<DemoOpportunity> out;
  out.push_back(
      {"Newly diagnosed: the first six months",
       details("Join the newly-diagnosed project: share your first six months",
               "We want to find out what people need in the first six months after a diagnosis, from the people who "
               "have been through it.\n\nYou will:\n\n- talk to us about your first six months, in an interview or a "
               "small group\n- help us turn what we hear into a few clear problems to solve\n\nYou do not need any "
               "experience of projects like this. Your experience of being diagnosed is what matters.",
               "About 2 hours a month for 6 months", "£25 an hour, and travel and care costs paid",
               "Meetings online or in Cardiff, with breaks. Easy read papers, a BSL interpreter or a supporter if you "
               "ask. Evening meetings if that suits you better.",
               Audience::everyone),
       State::open,
       21,
       10,
       {{"mair@demo.example",
         "I cared for my mum in the months after her diagnosis, and I remember what we were never told. I would like "
         "to make it easier for the next family.",
         "Meetings after 6pm, as I work in the day."},
        {"ngozi@demo.example",
         "Our charity supports people newly diagnosed every week; I can bring what they tell us, and my own story. I "
         "have recorded a few words too.",
         "", false, false, true}}});
  out.push_back({"Booking respite made simple",
                 details("Test the new respite booking on your phone",
                         "We have made a first version of booking a short break on a phone. Try it with us and tell "
                         "us what gets in the way.",
                         "One hour, once", "A £20 voucher", "We can come to you, or meet online.", Audience::members),
                 State::open,
                 14,
                 5,
                 {{"gareth@demo.example", "I book respite for my dad and it takes me hours on the phone.",
                   "A large-print version of anything written.", true}}});
  out.push_back(
      {"Booking respite made simple",
       details("Help write the booking guide", "A short guide to booking a break, written with carers in plain words.",
               "Two meetings of an hour", "£25 an hour", "", Audience::members),
       State::draft,
       30,
       1,
       {}});
  out.push_back(
      {"Carers' emergency card",
       details("Try three designs of the emergency card",
               "Carry each design for a week and tell us which one you would really keep in your wallet.",
               "Three weeks, a few minutes a day", "Expenses paid", "Large-print cards on request.", Audience::members),
       State::open,
       -3,
       30,
       {{"gareth@demo.example", "I am a carer and I worry about what happens if I am taken ill.", "", true}}});
  out.push_back(
      {"Leaving hospital checklist",
       details("Share your story of coming home from hospital",
               "We are writing a checklist that carers and ward staff go through together. Tell us what "
               "happened when someone you care for came home.",
               "One interview of an hour", "£25, and travel paid", "Interviews at home or online.", Audience::everyone),
       State::open,
       -40,
       90,
       {{"ngozi@demo.example", "Many of the families we support have stories of discharge going wrong.", "", true,
         true},
        {"priya@demo.example", "My brother came home from hospital last year.", "", false, false}},
       true});
  return out;
}

}  // namespace

int load_demo(db::Database& db, OpportunityService& service, long long now) {
  struct Found {
    std::optional<long long> org;
    long long existing = 0;
    std::map<std::string, long long> groups;
    std::map<std::string, long long> people;
  };
  const auto demo = demo_opportunities();
  auto found = db.run_sync([&](soci::session& s) {
    Found f;
    f.org = groups::store::find_org_id(s, "demo");
    if (!f.org) return f;
    f.existing = store::count_for_org(s, *f.org);
    for (const auto& o : demo) {
      if (auto id = groups::store::find_group_id(s, *f.org, o.group)) f.groups[o.group] = *id;
    }
    for (const char* email :
         {"tom@demo.example", "gareth@demo.example", "mair@demo.example", "ngozi@demo.example", "priya@demo.example"}) {
      if (auto id = groups::store::find_user_id(s, email)) f.people[email] = *id;
    }
    return f;
  });
  if (!found.org || found.existing > 0 || !found.people.contains("tom@demo.example")) return 0;
  const long long org = *found.org;
  const long long tom = found.people["tom@demo.example"];
  int made = 0;
  for (auto o : demo) {
    const auto group = found.groups.find(o.group);
    if (group == found.groups.end()) continue;
    o.details.closes_on = date_code(local_date(now + o.closes_in * kDay));
    const long long created = now - o.age_days * kDay;
    const long long id = service.create_now(org, group->second, tom, o.details, o.state, created);
    ++made;
    long long at = created + kDay;
    for (const auto& a : o.applicants) {
      const auto who = found.people.find(a.email);
      if (who == found.people.end()) continue;
      std::optional<uploads::Prepared> recording;
      if (a.recording) {
        auto prepared = uploads::prepare_file(demo_recording(), "ngozi.wav", recording_allowed());
        if (auto* file = std::get_if<uploads::Prepared>(&prepared)) recording = std::move(*file);
      }
      service.express_interest_now(org, id, who->second, a.message, a.help, at, recording);
      if (a.shortlisted || a.selected) service.mark_now(id, who->second, a.shortlisted, a.selected);
      at += kDay / 2;
    }
    if (o.told) service.tell_outcome_now(org, id, tom, now - 20 * kDay, false);
  }
  return made;
}

}  // namespace roundtable::opportunities
