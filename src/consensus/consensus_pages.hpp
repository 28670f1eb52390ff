/// The consensus finder's pages (addresses in consensus_routes.cpp) and what they share: loading a conversation,
/// statement or group for the person asking and asking the policy, and addresses.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <string>
#include <variant>

#include "accounts/pages_common.hpp"
#include "consensus/consensus_policy.hpp"
#include "consensus/consensus_service.hpp"
#include "http/types.hpp"
#include "view/layout.hpp"

namespace roundtable::consensus::pages {

using boost::asio::awaitable;
using http::OrgRequest;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;
using accounts::FormProblem;

struct PagesDeps {
  std::shared_ptr<ConsensusService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
  std::string two_step_path = "/account/two-step";
};

using view::s;

// consensus_page_parts.cpp
policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> role);
policy::Facts facts_of(const Conversation& c);
/// Whether the person may do this now (or could once two-step sign-in is on), to show its form or button.
bool may(const OrgRequest& req, const ConversationForViewer& v, policy::Action action);
/// The conversation named by {conversation} with its statements, when the person may do this in it.
awaitable<std::variant<ConversationPage, Response>> load_conversation(OrgRequest& req, const PagesDeps& deps,
                                                                      policy::Action action);
/// The statement named by {statement} with its conversation, when the person may do this there.
awaitable<std::variant<StatementPage, Response>> load_statement(OrgRequest& req, const PagesDeps& deps,
                                                                policy::Action action);
/// The group named by {group}, when the person may do this in it (see or run), with a page's reads along.
awaitable<std::variant<groups::GroupForViewer, Response>> load_group(OrgRequest& req, const PagesDeps& deps,
                                                                     policy::Action action,
                                                                     groups::AlongWithGroup along = {});
Who who_of(const OrgRequest& req);
/// "/o/{org}/conversations/{id}"
std::string conversation_url(const OrgRequest& req, long long id);
/// "/o/{org}/statements/{id}"
std::string statement_url(const OrgRequest& req, long long id);
/// "/o/{org}/groups/{group}/conversations"
std::string group_conversations_url(const OrgRequest& req, long long group_id);
/// After a change: to `to` with the done message, or 404 when it was refused.
Response after(OrgRequest& req, const PagesDeps& deps, Change c, const std::string& to, const char* done_key);
/// "Agree", "Disagree", "Pass" in the page's language.
std::string answer_words(const core::Translator& t, Answer a);

// conversation_pages.cpp: a group's conversations and a new one; a conversation with its next statement to answer,
// a new statement, the person's answers; closing and reopening.
awaitable<Response> conversations(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_conversation(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> conversation(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_statement(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> close_conversation(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> reopen_conversation(OrgRequest& req, const PagesDeps& deps);

// statement_pages.cpp: a statement, answering or changing the answer, hiding it.
awaitable<Response> statement(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> answer(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> hide_statement(OrgRequest& req, const PagesDeps& deps);

// results_pages.cpp: the groups, what every group supports, what divides, with a picture and tables.
awaitable<Response> results(OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::consensus::pages
