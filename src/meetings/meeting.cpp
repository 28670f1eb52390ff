#include "meetings/meeting.hpp"

#include <algorithm>

namespace roundtable::meetings {

namespace {

template <class E, std::size_t N>
std::optional<E> parse_of(const E (&all)[N], std::string_view code, std::string_view (*name)(E)) {
  for (E e : all) {
    if (name(e) == code) return e;
  }
  return std::nullopt;
}

template <class E>
std::string join(const std::vector<E>& items, std::string_view (*name)(E)) {
  std::string out;
  for (E e : items) {
    if (!out.empty()) out += ',';
    out += name(e);
  }
  return out;
}

template <class E, std::size_t N>
std::vector<E> split(const E (&all)[N], std::string_view codes, std::string_view (*name)(E)) {
  std::vector<E> out;
  while (!codes.empty()) {
    const auto comma = codes.find(',');
    const auto code = codes.substr(0, comma);
    if (auto e = parse_of(all, code, name); e && std::find(out.begin(), out.end(), *e) == out.end()) out.push_back(*e);
    if (comma == std::string_view::npos) break;
    codes.remove_prefix(comma + 1);
  }
  // Always in the order the pages list them.
  std::vector<E> ordered;
  for (E e : all) {
    if (std::find(out.begin(), out.end(), e) != out.end()) ordered.push_back(e);
  }
  return ordered;
}

}  // namespace

std::string_view access_code(Access a) {
  switch (a) {
    case Access::step_free: return "step_free";
    case Access::hearing_loop: return "hearing_loop";
    case Access::quiet_room: return "quiet_room";
    case Access::parking: return "parking";
    case Access::public_transport: return "public_transport";
  }
  return "step_free";
}

std::optional<Access> parse_access(std::string_view code) { return parse_of(kAllAccess, code, access_code); }

std::string_view answer_code(Answer a) {
  switch (a) {
    case Answer::going: return "going";
    case Answer::maybe: return "maybe";
    case Answer::not_going: return "not_going";
  }
  return "going";
}

std::optional<Answer> parse_answer(std::string_view code) { return parse_of(kAllAnswers, code, answer_code); }

std::string_view need_code(Need n) {
  switch (n) {
    case Need::bsl_interpreter: return "bsl_interpreter";
    case Need::other_interpreter: return "other_interpreter";
    case Need::easy_read: return "easy_read";
    case Need::large_print: return "large_print";
    case Need::travel_expenses: return "travel_expenses";
    case Need::carer_expenses: return "carer_expenses";
    case Need::dietary: return "dietary";
    case Need::supporter: return "supporter";
  }
  return "supporter";
}

std::optional<Need> parse_need(std::string_view code) { return parse_of(kAllNeeds, code, need_code); }

std::string access_list_code(const std::vector<Access>& access) { return join(access, access_code); }
std::vector<Access> parse_access_list(std::string_view codes) { return split(kAllAccess, codes, access_code); }
std::string need_list_code(const std::vector<Need>& needs) { return join(needs, need_code); }
std::vector<Need> parse_need_list(std::string_view codes) { return split(kAllNeeds, codes, need_code); }

bool RsvpDetails::has(Need n) const { return std::find(needs.begin(), needs.end(), n) != needs.end(); }

bool Rsvp::is_arranged(Need n) const { return std::find(arranged.begin(), arranged.end(), n) != arranged.end(); }

long long unmet_support(const std::vector<Rsvp>& people) {
  long long n = 0;
  for (const auto& p : people) {
    if (!p.reply || p.reply->answer == Answer::not_going) continue;
    for (Need need : p.reply->needs) n += p.is_arranged(need) ? 0 : 1;
  }
  return n;
}

NeedCounts count_needs(const std::vector<Rsvp>& replies) {
  NeedCounts c;
  for (const auto& r : replies) {
    if (!r.reply) {
      ++c.no_reply;
      continue;
    }
    switch (r.reply->answer) {
      case Answer::going: ++c.going; break;
      case Answer::maybe: ++c.maybe; break;
      case Answer::not_going: ++c.not_going; continue;
    }
    for (std::size_t i = 0; i < std::size(kAllNeeds); ++i) c.need[i] += r.reply->has(kAllNeeds[i]) ? 1 : 0;
  }
  return c;
}

}  // namespace roundtable::meetings
