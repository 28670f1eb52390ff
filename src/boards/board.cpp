#include "boards/board.hpp"

#include <algorithm>
#include <cstdio>

#include "core/london_time.hpp"
#include "core/text.hpp"

namespace roundtable::boards {

bool known_colour(std::string_view colour) {
  for (auto c : kColours) {
    if (c == colour) return true;
  }
  return false;
}

namespace {

template <class T>
const T* by_id(const std::vector<T>& items, long long id) {
  for (const auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

}  // namespace

ListShows list_shows(long long in_list, long long matching) {
  const long long shown = std::clamp(std::min(matching, in_list), 0LL, kCardsOnBoard);
  return {shown, in_list > shown};
}

const BoardList* BoardPage::list(long long id) const { return by_id(lists, id); }

const Label* BoardPage::label(long long id) const { return by_id(labels, id); }

std::string BoardPage::file_names(long long card_id) const {
  std::string out;
  for (const auto& f : files) {
    if (f.card_id != card_id) continue;
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

const Comment* CardPage::comment(long long id) const { return by_id(comments, id); }

const Attachment* CardPage::attachment(long long id) const { return by_id(attachments, id); }

std::optional<std::string> parse_due_date(std::string_view day, std::string_view month, std::string_view year) {
  if (day.empty() && month.empty() && year.empty()) return std::string();
  const auto d = core::small_number(day);
  const auto m = core::small_number(month);
  const auto y = core::small_number(year);
  if (!d || !m || !y || *y < 2000 || *y > 2200 || !core::real_date(*y, *m, *d)) return std::nullopt;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", *y, *m, *d);
  return std::string(out);
}

}  // namespace roundtable::boards
