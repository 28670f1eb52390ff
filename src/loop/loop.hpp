/// Closing the loop (issue #15, ADR 0032): what happened next to a contribution (a topic, a reply, a proposal...),
/// set by the people who run its group, kept as a timeline of changes, told to the people who raised and supported
/// it, and gathered on the group's "You said, we did" page and on each person's "What happened to what I said".
/// Plain types (no SOCI, no Beast).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account_form.hpp"
#include "module/module.hpp"

namespace roundtable::loop {

using accounts::FormProblem;

/// What happened next.
enum class Status {
  /// Being worked on.
  under_way,
  /// Something changed because of it (what: required).
  changed,
  /// The group decided against it (why: required).
  decided_against,
  /// Not now (until when: a date, required).
  not_now,
};
inline constexpr std::array kAllStatuses{Status::under_way, Status::changed, Status::decided_against, Status::not_now};

/// "under_way", "changed", "decided_against", "not_now" (as stored and as sent by forms).
std::string_view status_code(Status s);
std::optional<Status> parse_status(std::string_view code);

/// What the status form holds, as typed.
struct StatusForm {
  std::string status;
  std::string detail;
  std::string until_day, until_month, until_year;
  std::string you_said;
  std::string change_key;
  /// The same as `detail` (or, for "not now", more words) in easy read: optional.
  std::string easy_read;
};

inline constexpr std::size_t kMaxYouSaid = 300;
inline constexpr std::size_t kMaxDetail = 2000;
/// An easy-read sentence or two, not a second page.
inline constexpr std::size_t kMaxEasyRead = 500;

/// A checked change, ready to store.
struct NewChange {
  Status status = Status::under_way;
  std::string detail;
  /// "YYYY-MM-DD" for not_now; "" otherwise.
  std::string until;
  std::string you_said;
  std::string change_key;
  /// What changed, why or more words in easy read ("" for none).
  std::string easy_read;
};

/// The form's problems (keys "loop.error.<field>_<what>"), in the form's order, or the change. `today` is the day
/// number (days since 1970-01-01) in London: "not now" must last until a day after today.
std::vector<FormProblem> check_status(const StatusForm& form, long long today, NewChange& out);

/// One change on a contribution's timeline.
struct Change {
  Status status = Status::under_way;
  std::string detail;
  std::string until;
  std::string easy_read;
  /// Who made it ("" when they have since left: a former member).
  std::string by_name;
  long long at = 0;
};

/// A contribution's loop, as one viewer may see it.
struct Timeline {
  std::string kind;
  std::string_view kind_key;
  long long id = 0;
  module::Contribution contribution;
  std::string you_said;
  /// Newest first.
  std::vector<Change> changes;
  /// What other modules did with it (a card made from it, "Put it on the board", a meeting's agenda item, a decision
  /// it led to), from every module's module::FollowUpReader, oldest first.
  std::vector<module::FollowUp> follow_ups;
};

/// One entry of the group's "You said, we did" page, or of a person's own list.
struct Entry {
  std::string kind;
  long long id = 0;
  /// The group's page: you_said; the person's list: the contribution's title.
  std::string said;
  Status status = Status::under_way;
  std::string detail;
  std::string until;
  /// `detail` in easy read ("" for none).
  std::string easy_read;
  /// The easy-read pages only, for the people who may see the contribution: its own easy-read text (a topic's
  /// easy-read summary, a proposal's easy-read wording), when its kind has one and someone wrote it; "" otherwise.
  std::string said_easy_read;
  /// said_easy_read is Markdown (module::ContributionKind::easy_read_markdown).
  bool said_easy_read_markdown = false;
  long long changed_at = 0;
  /// The person's list only: where it was.
  std::string org_slug, org_name, group_name;
};

/// A page of entries, newest change first, and the key of the next (older) page, if any ("<changed_at>.<id>").
struct EntryPage {
  std::vector<Entry> entries;
  std::string older;
};

inline constexpr int kEntriesPerPage = 25;

}  // namespace roundtable::loop
