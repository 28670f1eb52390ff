/// What the "find a time" pages share (time_poll_pages.cpp, time_poll_form_pages.cpp): finding the poll in the
/// address, who may do what to it, and its words.
#pragma once

#include <string>
#include <variant>

#include "meetings/meeting_pages.hpp"
#include "meetings/time_poll_service.hpp"

namespace roundtable::meetings::pages {

/// The person may do this to the poll (the policy does not deny it).
bool may_poll(const OrgRequest& req, const PollForViewer& v, policy::Action action, long long now);
/// "Weekday evening", "Weekend" ...
std::string kind_name(const core::Translator& t, TimeKind k);
/// The poll named by {poll} in the address, when the person may do this to it; otherwise the answer to send.
awaitable<std::variant<PollPage, Response>> load_poll(OrgRequest& req, const PagesDeps& deps, policy::Action action);

}  // namespace roundtable::meetings::pages
