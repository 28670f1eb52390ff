/// The "find a time" pages (addresses in time_poll_routes.cpp): opening a poll for a group, a poll's page with its
/// results and the answer form, changing, closing, reopening and deleting it, and the "Find a time" section of a
/// group's meetings page.
#pragma once

#include <vector>

#include "meetings/meeting_form.hpp"
#include "meetings/meeting_pages.hpp"
#include "meetings/time_poll.hpp"

namespace roundtable::meetings::pages {

/// "/o/{org}/polls/{id}"
std::string poll_url(const OrgRequest& req, long long id);
/// The group's polls, with a button to open one for the people who run the group, and an empty state.
void polls_section(view::Html& h, const core::Translator& t, const OrgRequest& req, long long group_id,
                   const std::vector<PollListed>& polls, bool runs, long long now);
/// Pre-fills the schedule-meeting form from a poll's time (?poll=<id>&option=<id>), when the person runs the poll.
awaitable<MeetingForm> fill_from_poll(OrgRequest& req, const PagesDeps& deps, long long group_id, MeetingForm form);
/// After a meeting was scheduled from a poll: keeps it on the poll.
awaitable<void> link_poll(OrgRequest& req, const PagesDeps& deps, std::string poll, long long meeting_id);

awaitable<Response> poll_new(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> poll_create(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> poll(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> poll_answer(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> poll_edit(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> poll_save(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> poll_close(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> poll_reopen(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> poll_delete_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> poll_delete(OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::meetings::pages
