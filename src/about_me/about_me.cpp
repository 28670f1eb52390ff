#include "about_me/about_me.hpp"

#include <algorithm>

namespace roundtable::about_me {

std::string_view visibility_code(Visibility v) {
  switch (v) {
    case Visibility::only_me: return "only_me";
    case Visibility::named: return "named";
    case Visibility::facilitators: return "facilitators";
    case Visibility::organisation: return "organisation";
  }
  return "only_me";
}

std::optional<Visibility> parse_visibility(std::string_view code) {
  for (auto v : kAllVisibilities) {
    if (visibility_code(v) == code) return v;
  }
  return std::nullopt;
}

std::string_view item_kind_code(ItemKind k) {
  switch (k) {
    case ItemKind::text: return "text";
    case ItemKind::photo: return "photo";
    case ItemKind::audio: return "audio";
    case ItemKind::video: return "video";
  }
  return "text";
}

std::optional<ItemKind> parse_item_kind(std::string_view code) {
  for (auto k : kAllItemKinds) {
    if (item_kind_code(k) == code) return k;
  }
  return std::nullopt;
}

bool may_see(Visibility v, const ViewerFacts& f) {
  if (f.viewer_id != 0 && f.viewer_id == f.owner_id) return true;
  // A named person sees the page only while they share an organisation with its owner: someone who left (or was
  // removed) keeps no access through an old name on the list, to the page or its files.
  const bool named = f.named && f.shares_org;
  switch (v) {
    case Visibility::only_me: return false;
    case Visibility::named: return named;
    case Visibility::facilitators: return named || f.staff_in_owners_org;
    case Visibility::organisation: return named || f.shares_org;
  }
  return false;
}

std::string display_name(const Viewer& person, const std::vector<Viewer>& everyone) {
  const auto folded = [](std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  };
  const auto name = folded(person.name);
  const bool shared = std::any_of(everyone.begin(), everyone.end(), [&](const Viewer& other) {
    return other.user_id != person.user_id && folded(other.name) == name;
  });
  if (!shared || person.orgs.empty()) return person.name;
  std::string out = person.name + " (";
  for (size_t i = 0; i < person.orgs.size(); ++i) out += (i ? ", " : "") + person.orgs[i];
  return out + ")";
}

size_t char_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string tidy(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += '\n';
      continue;
    }
    out += s[i];
  }
  const auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
  size_t begin = 0, end = out.size();
  while (begin < end && is_space(out[begin])) ++begin;
  while (end > begin && is_space(out[end - 1])) --end;
  return out.substr(begin, end - begin);
}

namespace {

void check_length(std::vector<Problem>& out, const std::string& value, size_t max, const char* field, const char* key) {
  if (char_count(value) > max) out.push_back({field, key});
}

}  // namespace

std::vector<Problem> validate_item(ItemInput& in) {
  in.title = tidy(in.title);
  in.body = tidy(in.body);
  in.caption = tidy(in.caption);
  in.transcript = tidy(in.transcript);
  std::vector<Problem> out;
  switch (in.kind) {
    case ItemKind::text:
      check_length(out, in.title, kMaxTitle, "title", "about_me.error.title_long");
      if (in.body.empty()) out.push_back({"body", "about_me.error.body_missing"});
      check_length(out, in.body, kMaxBody, "body", "about_me.error.body_long");
      in.caption.clear();
      in.transcript.clear();
      break;
    case ItemKind::photo:
      if (in.caption.empty()) out.push_back({"caption", "about_me.error.caption_missing"});
      check_length(out, in.caption, kMaxCaption, "caption", "about_me.error.caption_long");
      in.title.clear();
      in.body.clear();
      in.transcript.clear();
      break;
    case ItemKind::audio:
    case ItemKind::video:
      if (in.title.empty()) {
        out.push_back({"title", in.kind == ItemKind::audio ? "about_me.error.title_missing_audio"
                                                           : "about_me.error.title_missing_video"});
      }
      check_length(out, in.title, kMaxTitle, "title", "about_me.error.title_long");
      check_length(out, in.transcript, kMaxTranscript, "transcript", "about_me.error.transcript_long");
      in.body.clear();
      in.caption.clear();
      break;
  }
  return out;
}

std::vector<Problem> validate_intro(std::string& intro) {
  intro = tidy(intro);
  std::vector<Problem> out;
  check_length(out, intro, kMaxIntro, "intro", "about_me.error.intro_long");
  return out;
}

std::optional<Direction> parse_direction(std::string_view code) {
  if (code == "up") return Direction::up;
  if (code == "down") return Direction::down;
  return std::nullopt;
}

std::optional<size_t> swap_with(size_t index, size_t count, Direction d) {
  if (index >= count) return std::nullopt;
  if (d == Direction::up) {
    if (index == 0) return std::nullopt;
    return index - 1;
  }
  if (index + 1 >= count) return std::nullopt;
  return index + 1;
}

}  // namespace roundtable::about_me
