/// What the loop's standard and easy-read list pages share (loop_pages.cpp, loop_easy_read_pages.cpp): finding a
/// group's "You said, we did" with the policy's answer, the addresses, and the pagination. Not for other modules.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "loop/loop_pages.hpp"
#include "view/html.hpp"

namespace roundtable::loop::pages {

/// A group's page of entries as the signed-in person may see it, and where its list lives.
struct FoundGroup {
  GroupPage found;
  std::optional<std::pair<long long, long long>> before;
  /// "/o/{org}/groups/{group}" or, public, "/groups/{org}/{group}".
  std::string group_url;
  /// The person may see the contributions themselves (links to their timelines, their own easy-read text).
  bool sees_contributions = false;
};

/// The group named by {group} for the signed-in person: the page, or the answer to send (404, or two-step sign-in
/// first for an organisation admin outside a members-only group).
awaitable<std::variant<FoundGroup, Response>> load_group(OrgRequest& req, const PagesDeps& deps, Version version);
/// The same for anyone, without signing in: a public group's only.
awaitable<std::variant<FoundGroup, Response>> load_public_group(RequestContext& ctx, const PagesDeps& deps);
/// The person's own list, with the page they asked for.
struct FoundMine {
  EntryPage page;
  std::optional<std::pair<long long, long long>> before;
};
awaitable<std::optional<FoundMine>> load_mine(RequestContext& ctx, const PagesDeps& deps, Version version);

/// "/o/{org}/loop/{kind}/{id}"
std::string timeline_url(const std::string& slug, std::string_view kind, long long id);
/// "Newest" and "Older" below a list whose address is `base`.
void pagination(view::Html& h, const core::Translator& t, const std::string& base, bool has_before, const EntryPage& p);
/// The link to the page's other version ("Easy read version" or "Standard version").
void other_version_link(view::Html& h, const core::Translator& t, const std::string& href, bool to_easy_read);

}  // namespace roundtable::loop::pages
