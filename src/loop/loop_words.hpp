/// The loop's words, shared by its pages and its email: "We did: ..." for a status, in the reader's language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "loop/loop.hpp"

namespace roundtable::loop {

/// Midday UTC of "2027-03-01" (the same day in London all year), or nullopt when malformed.
std::optional<long long> until_seconds(std::string_view until);
/// "1 March 2027" for "2027-03-01" ("" when malformed).
std::string until_words(const core::Translator& t, std::string_view until);
/// A status's short name ("Under way"), for tags and the form.
std::string_view status_name(const core::Translator& t, Status s);
/// What the group did, as a sentence or two ("We changed something: ...").
std::string we_did(const core::Translator& t, Status s, const std::string& detail, const std::string& until);
/// "March 2027" for "2027-03-01" ("" when malformed): easy read names the month, not the day.
std::string until_month_words(const core::Translator& t, std::string_view until);
/// What the group did in easy read, one idea a line ("We decided not to do this.", "This is why: ..."), with the
/// easy-read words when someone wrote them and the standard ones otherwise.
std::vector<std::string> we_did_easy(const core::Translator& t, Status s, const std::string& detail,
                                     const std::string& easy_read, const std::string& until);

/// The lines of an easy-read text, one idea a line: split at line breaks, trailing spaces cut, empty lines left out
/// (the easy-read pages draw each as a paragraph, the status emails send each as one).
std::vector<std::string_view> easy_lines(std::string_view text);

}  // namespace roundtable::loop
