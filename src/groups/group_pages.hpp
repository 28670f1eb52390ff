/// The groups pages' handlers (see group_routes.cpp for the addresses) and what they share: loading a group for
/// the person asking and asking the policy, the words for kinds, stages and roles.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "accounts/pages_common.hpp"
#include "groups/group_policy.hpp"
#include "groups/group_service.hpp"
#include "http/types.hpp"
#include "module/module.hpp"
#include "view/layout.hpp"

namespace roundtable::groups::pages {

using boost::asio::awaitable;
using http::OrgRequest;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;

struct PagesDeps {
  /// Shared by every route's copy of these dependencies (the module owns the service through them).
  std::shared_ptr<GroupService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
  /// Where an organisation admin turns two-step sign-in on (the pipeline's own page).
  std::string two_step_path = "/account/two-step";
  /// Other modules' places in every group (module::Shared), listed on each group's home page.
  std::vector<module::GroupTool> tools;
};

// Shared by the page files (group_page_parts.cpp).

/// The person asking, for the policy, in this group (nullopt: not in it).
policy::Actor actor_of(const OrgRequest& req, std::optional<GroupRole> group_role, bool invited = false);
/// The person asking, for the policy, as the group sees them (their role, and whether they are invited).
policy::Actor actor_of(const OrgRequest& req, const GroupForViewer& g);
policy::GroupFacts facts_of(const Group& g);
/// Whether the person may do this to the group, or could once two-step sign-in is on (so links to it are shown).
bool may(const OrgRequest& req, const GroupForViewer& g, policy::Action action);
/// Whether the person may do this to the group now (for what a page shows, as opposed to the links it offers).
bool allowed(const OrgRequest& req, const GroupForViewer& g, policy::Action action);
/// The group named by {group} in the address, when the person may do this to it; otherwise the answer to send
/// instead (404, or to two-step sign-in for an organisation admin without it). A page that shows none of the group's
/// documents leaves them out.
awaitable<std::variant<GroupForViewer, Response>> load(OrgRequest& req, const PagesDeps& deps, policy::Action action,
                                                       Documents documents = Documents::read,
                                                       AlongWithGroup along = {});
/// The organisation's admins (two-step sign-in passed) see every group, members-only ones too.
bool sees_every_group(const OrgRequest& req);
/// "/o/{org}/groups/{id}"
std::string group_url(const OrgRequest& req, long long group_id);
std::string groups_url(const OrgRequest& req);

std::string kind_name(const core::Translator& t, Kind k);
std::string level_name(const core::Translator& t, Level l);
std::string visibility_name(const core::Translator& t, Visibility v);
std::string stage_name(const core::Translator& t, Stage s);
std::string group_role_name(const core::Translator& t, GroupRole r);
/// "Former member" for someone erased since.
std::string person_name(const core::Translator& t, const std::string& name);
/// What happened, in a sentence ("Siân moved the stage to Define").
std::string describe_activity(const core::Translator& t, const Activity& a);
/// The double diamond with the stage marked, and the sentence that says the same in words.
void stage_picture(view::Html& h, const core::Translator& t, std::optional<Stage> stage);
/// The group's picture with the words that describe it, when it has one.
void group_picture(view::Html& h, const Group& g);
/// The table of stage changes (oldest first), with who moved it and why.
void stage_table(view::Html& h, const core::Translator& t, const std::vector<StageChange>& changes);

// group_pages.cpp: the list, starting a group, its home page, changing it, archiving and restoring.
awaitable<Response> groups(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> new_group(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> create_group(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> group_home(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> edit_group(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_group(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> archive_group(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> restore_group(OrgRequest& req, const PagesDeps& deps);

// stage_pages.cpp: the stage, its history, and moving it.
awaitable<Response> stage(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> move_stage(OrgRequest& req, const PagesDeps& deps);

// membership_pages.cpp: asking to join, answering, leaving, the members and their roles.
awaitable<Response> ask_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> ask(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> requests(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> answer(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> leave_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> leave(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> members(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> member_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> change_role(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_member(OrgRequest& req, const PagesDeps& deps);

// picture_pages.cpp: the group's picture, with the words that describe it.
awaitable<Response> picture_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> save_picture(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> remove_picture(OrgRequest& req, const PagesDeps& deps);

// public_pages.cpp: a public group's summary, for anyone.
awaitable<Response> public_summary(RequestContext& ctx, const PagesDeps& deps);

// invite_pages.cpp: inviting someone in the organisation, and their answer.
awaitable<Response> invite_form(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> invite(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> answer_invitation(OrgRequest& req, const PagesDeps& deps);

// csv_pages.cpp: the members, the stage history and the activity feed as spreadsheet files.
awaitable<Response> groups_csv(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> members_csv(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> stage_csv(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> activity_csv(OrgRequest& req, const PagesDeps& deps);
/// Everyone's support needs (recorded in the audit log as the page is).
awaitable<Response> support_csv(OrgRequest& req, const PagesDeps& deps);

// support_pages.cpp: everyone's support needs, for the people who run the group.
awaitable<Response> support(OrgRequest& req, const PagesDeps& deps);

// activity_pages.cpp: what happened in the group, newest first.
awaitable<Response> activity(OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::groups::pages
