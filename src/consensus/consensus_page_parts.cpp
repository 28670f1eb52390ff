// What the consensus finder's pages share: finding the conversation, statement or group, who may do what, addresses.
#include "consensus/consensus_pages.hpp"
#include "http/form.hpp"

namespace roundtable::consensus::pages {

namespace {

template <class T>
std::variant<T, Response> decide(OrgRequest& req, const PagesDeps& deps, policy::Verdict verdict, T found) {
  switch (verdict) {
    case policy::Verdict::allow: return found;
    case policy::Verdict::need_two_step: return http::redirect(req.ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  return deps.not_found(req.ctx);
}

}  // namespace

policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> role) {
  return {req.membership.role, req.principal.two_step, role};
}

policy::Facts facts_of(const Conversation& c) {
  return {c.group_visibility, c.group_archived, c.closed_at.has_value()};
}

bool may(const OrgRequest& req, const ConversationForViewer& v, policy::Action action) {
  return policy::allows(actor_of(req, v.role), action, facts_of(v.conversation)) != policy::Verdict::deny;
}

awaitable<std::variant<ConversationPage, Response>> load_conversation(OrgRequest& req, const PagesDeps& deps,
                                                                      policy::Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("conversation"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->conversation_page(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict = policy::allows(actor_of(req, found->view.role), action, facts_of(found->view.conversation));
  co_return decide(req, deps, verdict, std::move(*found));
}

awaitable<std::variant<StatementPage, Response>> load_statement(OrgRequest& req, const PagesDeps& deps,
                                                                policy::Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("statement"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->statement_page(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict = policy::allows(actor_of(req, found->view.role), action, facts_of(found->view.conversation));
  co_return decide(req, deps, verdict, std::move(*found));
}

awaitable<std::variant<groups::GroupForViewer, Response>> load_group(OrgRequest& req, const PagesDeps& deps,
                                                                     policy::Action action,
                                                                     groups::AlongWithGroup along) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("group"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->group_for(req.membership.org_id, *id, req.principal.user_id, std::move(along));
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const policy::Facts facts{found->group.details.visibility, found->group.archived(), false};
  const auto verdict = policy::allows(actor_of(req, found->role), action, facts);
  co_return decide(req, deps, verdict, std::move(*found));
}

Who who_of(const OrgRequest& req) { return {req.principal.user_id, req.membership.role, req.principal.two_step}; }

std::string conversation_url(const OrgRequest& req, long long id) {
  return "/o/" + req.membership.org_slug + "/conversations/" + std::to_string(id);
}

std::string statement_url(const OrgRequest& req, long long id) {
  return "/o/" + req.membership.org_slug + "/statements/" + std::to_string(id);
}

std::string group_conversations_url(const OrgRequest& req, long long group_id) {
  return "/o/" + req.membership.org_slug + "/groups/" + std::to_string(group_id) + "/conversations";
}

Response after(OrgRequest& req, const PagesDeps& deps, Change c, const std::string& to, const char* done_key) {
  if (c == Change::refused) return deps.not_found(req.ctx);
  req.ctx.set_flash(done_key);
  return http::redirect(req.ctx.request, to);
}

std::string answer_words(const core::Translator& t, Answer a) {
  switch (a) {
    case Answer::agree: return s(t("consensus.answer.agree"));
    case Answer::disagree: return s(t("consensus.answer.disagree"));
    case Answer::pass: return s(t("consensus.answer.pass"));
  }
  return "";
}

}  // namespace roundtable::consensus::pages
