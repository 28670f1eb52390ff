/// The discussions pages' handlers (see discussion_routes.cpp for the addresses) and what they share: loading a
/// group, topic or post for the person asking and asking the policy, addresses, and how a post is shown.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "accounts/pages_common.hpp"
#include "discussions/discussion_form.hpp"
#include "discussions/discussion_policy.hpp"
#include "discussions/discussion_service.hpp"
#include "http/types.hpp"
#include "live/live.hpp"
#include "view/layout.hpp"

namespace roundtable::discussions::pages {

using boost::asio::awaitable;
using http::OrgRequest;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;

struct PagesDeps {
  /// Shared by every route's copy of these dependencies (the module owns the service through them).
  std::shared_ptr<DiscussionService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
  /// The live channel (nullptr: pages do not offer it).
  live::Live* live = nullptr;
};

// Shared by the page files (discussion_page_parts.cpp).

std::optional<long long> parse_id(std::string_view s);
bool may(const GroupFacts& g, policy::Action action, const policy::Facts& facts = {});
/// The facts of a post for the person asking.
policy::Facts facts_of(const GroupFacts& g, const Post& p, long long viewer);
/// The group named by {group}, when the person may do this there; otherwise 404.
awaitable<std::variant<GroupFacts, Response>> load_group(OrgRequest& req, const PagesDeps& deps, policy::Action action);
/// The post numbered {number} (1 when the address has none) of the topic {topic}, when the person may do this to
/// it; otherwise 404.
awaitable<std::variant<store::PostInTopic, Response>> load_post(OrgRequest& req, const PagesDeps& deps,
                                                                policy::Action action);
std::string group_url(const OrgRequest& req, long long group_id);
/// "A former member" when the name is gone with its account.
std::string name_or_former(const core::Translator& t, const std::string& name);
/// The topic's title, or words saying it was deleted.
std::string title_of(const core::Translator& t, const std::string& title);
/// The group's ground rules and the box to tick, before a person's first post (nothing once they agreed).
void ground_rules(view::Html& h, const core::Translator& t, const GroupFacts& g,
                  const std::vector<view::FieldError>& errors, bool ticked);
/// The writing box of a topic or reply, with its hint about @mentions and Markdown.
void body_field(view::Html& h, const core::Translator& t, const std::string& label, const std::string& value,
                const std::vector<view::FieldError>& errors);
/// One post with what the person may do to it, and under an opening post's words its topic's attachment.
void post_block(view::Html& h, const OrgRequest& req, const GroupFacts& g, const Post& p,
                const std::optional<Attachment>& attachment = std::nullopt);
/// A topic's attachment: the picture with its alternative text, or the browser's player with a link to download the
/// file inside it (for browsers that cannot play it).
void attachment_block(view::Html& h, const core::Translator& t, const Attachment& a);
/// A topic form's attachment part (the form must be multipart): the one there is with a box to take it away, a file
/// to choose, and the picture's description.
void attachment_fields(view::Html& h, const core::Translator& t, const std::optional<Attachment>& current,
                       const PostForm& form, const std::vector<view::FieldError>& errors);
/// The file chosen in a topic form ("attachment") checked and cleaned by the topic's upload rules, and what is wrong
/// with it or with the picture's description (needed for a new picture, or for the one kept: keeps_picture).
struct AttachmentChecked {
  std::optional<uploads::Prepared> file;
  std::vector<view::FieldError> errors;
};
awaitable<AttachmentChecked> check_attachment(RequestContext& ctx, const PagesDeps& deps, const PostForm& form,
                                              bool keeps_picture);
/// The form's errors with the attachment's (a file that was fine is asked for again: a browser cannot show it).
std::vector<view::FieldError> with_attachment_errors(const core::Translator& t, std::vector<view::FieldError> errors,
                                                     const AttachmentChecked& checked);

// topic_list_pages.cpp: a group's discussion, starting a topic, the reports waiting.
awaitable<Response> discussion(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> new_topic(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_topic(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> reports(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> dismiss_report(OrgRequest& req, const PagesDeps& deps);

// topic_pages.cpp: a topic and its replies, replying, following, raising it at the next meeting, reactions, the
// easy-read summary.
awaitable<Response> topic(OrgRequest& req, const PagesDeps& deps);
/// The topic's live channel (server-sent events: live/live.hpp), for whoever may read the topic.
awaitable<Response> live(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> reply(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> follow(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> raise(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> react(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> easy_read_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_easy_read(OrgRequest& req, const PagesDeps& deps);

// post_pages.cpp: changing, deleting, reporting, hiding and showing a post, and its earlier versions.
awaitable<Response> edit_post(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_post(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> delete_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> delete_post(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> history(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> report_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> report_post(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> hide_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> hide_post(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> unhide_post(OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::discussions::pages
