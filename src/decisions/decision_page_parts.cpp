// What the decisions pages share: finding the proposal or group, who may do what, addresses.
#include "decisions/decision_pages.hpp"
#include "http/form.hpp"

namespace roundtable::decisions::pages {

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

policy::Facts facts_of(const OrgRequest& req, const ProposalForViewer& v, long long now) {
  const auto& p = v.proposal;
  return {p.group_visibility, p.group_archived, p.closed(now), v.may_take_part(),
          p.created_by && *p.created_by == req.principal.user_id};
}

}  // namespace

policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> role) {
  return {req.membership.role, req.principal.two_step, role};
}

bool may(const OrgRequest& req, const ProposalForViewer& v, policy::Action action, long long now) {
  return policy::allows(actor_of(req, v.role), action, facts_of(req, v, now)) != policy::Verdict::deny;
}

awaitable<std::variant<DecisionPage, Response>> load(OrgRequest& req, const PagesDeps& deps, policy::Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("decision"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->page(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict =
      policy::allows(actor_of(req, found->view.role), action, facts_of(req, found->view, deps.service->now()));
  co_return decide(req, deps, verdict, std::move(*found));
}

awaitable<std::variant<WhoChoseView, Response>> load_who_chose(OrgRequest& req, const PagesDeps& deps,
                                                               WhoChoseQuery q) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("decision"));
  if (!id || !deps.service) co_return deps.not_found(ctx);
  auto op = deps.service->who_chose(req.membership.org_id, *id, req.principal.user_id, q);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto verdict = policy::allows(actor_of(req, found->view.role), policy::Action::see_decisions,
                                      facts_of(req, found->view, deps.service->now()));
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
  const policy::Facts facts{found->group.details.visibility, found->group.archived(), false, false, false};
  const auto verdict = policy::allows(actor_of(req, found->role), action, facts);
  co_return decide(req, deps, verdict, std::move(*found));
}

Who who_of(const OrgRequest& req) { return {req.principal.user_id, req.membership.role, req.principal.two_step}; }

std::string decision_url(const OrgRequest& req, long long id) {
  return "/o/" + req.membership.org_slug + "/decisions/" + std::to_string(id);
}

std::string group_decisions_url(const OrgRequest& req, long long group_id) {
  return "/o/" + req.membership.org_slug + "/groups/" + std::to_string(group_id) + "/decisions";
}

Response after(OrgRequest& req, const PagesDeps& deps, Change c, const std::string& to, const char* done_key) {
  if (c == Change::refused) return deps.not_found(req.ctx);
  if (c == Change::done) req.ctx.set_flash(done_key);
  return http::redirect(req.ctx.request, to);
}

}  // namespace roundtable::decisions::pages
