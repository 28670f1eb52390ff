// What the "find a time" pages share: finding the poll, who may do what to it, and its words.
#include "meetings/time_poll_page_parts.hpp"

namespace roundtable::meetings::pages {

namespace {

using policy::Action;

policy::Facts poll_facts(const TimePoll& p, long long now) {
  return {p.group_visibility, p.group_archived, false, p.closed(now)};
}

}  // namespace

bool may_poll(const OrgRequest& req, const PollForViewer& v, Action action, long long now) {
  return policy::allows(actor_of(req, v.group_role), action, poll_facts(v.poll, now)) != policy::Verdict::deny;
}

std::string kind_name(const core::Translator& t, TimeKind k) {
  return s(t("meetings.polls.kind." + std::string(time_kind_code(k))));
}

awaitable<std::variant<PollPage, Response>> load_poll(OrgRequest& req, const PagesDeps& deps, Action action) {
  auto& ctx = req.ctx;
  const auto id = http::parse_id(ctx.param("poll"));
  if (!id || !deps.polls) co_return deps.not_found(ctx);
  auto op = deps.polls->poll_page(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  switch (
      policy::allows(actor_of(req, found->poll.group_role), action, poll_facts(found->poll.poll, deps.polls->now()))) {
    case policy::Verdict::allow: co_return std::move(*found);
    case policy::Verdict::need_two_step: co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
    case policy::Verdict::deny: break;
  }
  co_return deps.not_found(ctx);
}

}  // namespace roundtable::meetings::pages
