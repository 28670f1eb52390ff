/// The shape of a feature module: what it brings to the application. Each module makes one `module::Module`
/// (`<module>_module.cpp` in its own folder); `app/modules.cpp` is the one list of them, and nothing else in `app/`
/// names a module. Adding a module = its folder + one line in that list (docs/architecture.md, "Adding a feature
/// module").
#pragma once

#include <soci/soci.h>

#include <algorithm>
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/query.hpp"
#include "http/types.hpp"
#include "module/follow_up.hpp"
#include "view/html.hpp"

namespace roundtable::db {
struct SearchQuery;  // db/search.hpp: the search_scope hook fills one in
}  // namespace roundtable::db

namespace roundtable::module {

/// What erasing a person does to their rows in a table.
enum class Erasure {
  /// The rows are about the person only: delete them.
  remove,
  /// The rows record what happened (audit, contributions): keep them, but the person shows as "former member".
  keep_as_former_member,
};

/// What a personal table's person_column holds.
enum class PersonKey {
  user_id,
  email,
  /// "org_id:user_id" (search documents of kind member): kept up to date through the search index.
  member_ref,
};

/// A table with personal data: downloaded by the person and emptied of them when they are erased.
struct PersonalTable {
  std::string_view table;
  /// The column holding the person's user id (or, for mail_outbox, their address).
  std::string_view person_column;
  Erasure erasure;
  /// What it holds, for reviewers (the download explains it in the person's language: "data.table.<table>").
  std::string_view holds;
  PersonKey key = PersonKey::user_id;
  /// False for derived copies (the search index) that the download would only repeat.
  bool exported = true;
};

/// A table without personal data, and why.
using TableWithout = std::pair<std::string_view, std::string_view>;

/// A housekeeping rule: deletes rows that have done their job at `now` (unix seconds), inside the housekeeping
/// transaction; returns how many it deleted.
struct Retention {
  std::string_view name;
  std::function<long long(soci::session& s, long long now)> purge;
};

/// Work due at a time rather than on a request (digest emails at 07:00, meeting reminders the day before): the due
/// worker (app/due_worker.hpp) runs every module's jobs every minute on every server, and `roundtable
/// run-due` runs them once. run(now) makes its own transactions and claims what it does in the same transaction (a
/// row inserted with ON CONFLICT DO NOTHING), so that with several servers on one database it happens once; it
/// returns how many emails it queued.
struct DueJob {
  std::string_view name;
  std::function<int(long long now)> run;
};

/// A section of the account page (/account) that leads to the module's own pages.
struct AccountSection {
  std::string_view title_key;
  std::string_view lead_key;
  std::string_view link_key;
  std::string href;
};

/// A link in an organisation's "Running this organisation" list (shown to the people who may manage the
/// organisation, its admins), to one of the module's own pages for them.
struct OrgAdminLink {
  std::string_view title_key;
  /// Below the organisation's address ("/accessibility" for /o/{org}/accessibility).
  std::string path;
};

/// A link on an organisation's page for every member, to one of the module's own pages there (such as its groups).
struct OrgMemberLink {
  std::string_view title_key;
  /// A sentence under the heading saying what is there.
  std::string_view lead_key;
  std::string_view link_key;
  /// Below the organisation's address ("/groups" for /o/{org}/groups).
  std::string path;
  /// Its place in the organisation's navigation shows the person's unread notices there (notifications).
  bool shows_unread_notices = false;
};

/// A section for someone new to Roundtable, on the home page and the sign-in page, that leads to one of the module's
/// public pages (such as the organisations anyone may join).
struct NewcomerSection {
  std::string_view title_key;
  std::string_view lead_key;
  std::string_view link_key;
  std::string href;
};

/// A module's place in every group (its discussion, meetings, decisions, board, opportunities...): listed on each
/// group's home page, for the people who may see the group; the module's own page decides what each person sees.
struct GroupTool {
  std::string_view title_key;
  /// A sentence saying what is there.
  std::string_view lead_key;
  /// The link's words (saying where it goes, such as "See the group's opportunities").
  std::string_view link_key;
  /// Below the group's address ("/opportunities" for /o/{org}/groups/{group}/opportunities).
  std::string path;
};

/// A section of a signed-in person's home page (`/`): what is going on for them in the module's part of Roundtable
/// (their groups and what is new in them, opportunities open to them, what needs their answer). Sections come in
/// module order.
struct HomeSection {
  std::string_view name;
  /// Appends the section (an h2 and what is under it) for ctx's signed-in person; a few indexed reads at most, the
  /// same number however much there is (tests/integration/query_counts.test.mjs checks the home page).
  std::function<boost::asio::awaitable<void>(view::Html& out, const http::RequestContext& ctx)> render;
};

/// Adds to a signed-in person's search what they may find of the module's search documents (the groups they are in,
/// for documents upserted with a group_id). Runs inside the search's own database call, before it: one indexed read
/// at most.
using SearchScope = std::function<void(soci::session& s, long long user_id, db::SearchQuery& query)>;

/// Adds to `out` what the module did with a contribution, given what the page knows (FollowUpAsk, follow_up.hpp: the
/// contribution, its group and the viewer's role there), leaving out what the viewer may not see. Runs inside the
/// contribution page's own database call: a few indexed reads at most, the same number whatever the data, none when
/// the module has nothing for that kind or that viewer. The reads are added to the page's batch (db/query.hpp), which
/// sends them with the page's other reads (one round trip on PostgreSQL): what a reader collects is in `out` once the
/// batch has run, so a reader's callbacks and then() steps keep their state in `out` or in what they capture by value.
using FollowUpReader = std::function<void(db::Batch& b, const FollowUpAsk& ask, std::vector<FollowUp>& out)>;

/// A contribution page's "What happened next": what each reader adds for ask, in date order (the order of equal dates
/// kept: the readers' own), once b has run.
inline void read_follow_ups(db::Batch& b, const std::vector<FollowUpReader>& readers, const FollowUpAsk& ask,
                            std::vector<FollowUp>& out) {
  for (const auto& read : readers) read(b, ask, out);
  b.then([&out] {
    std::stable_sort(out.begin(), out.end(), [](const FollowUp& a, const FollowUp& b) { return a.at < b.at; });
  });
}

/// Runs inside the transaction that ends `user_id`'s membership of organisation `org_id` (an admin removed them; any
/// later way a membership ends must call it too), after the membership row is gone: the module drops what that
/// membership alone allowed (an About Me page's named viewers who no longer share an organisation with its owner), so
/// joining again later does not silently bring it back. A few indexed writes at most.
using MembershipEnded = std::function<void(soci::session& s, long long org_id, long long user_id)>;

/// Runs inside the transaction that makes or changes `user_id`'s membership of organisation `org_id` (they joined, an
/// invitation was accepted, an admin changed their role or member types), after the change is written.
/// `types_before` are the member type codes they had there before ("staff", ...; none when they just joined), so a
/// module acts only on what is new to them (a coffee-morning series whose rule now covers them invites them to its
/// sessions to come). Email it queues is sent once the transaction commits.
using MembershipChanged = std::function<void(soci::session& s, long long org_id, long long user_id,
                                             const std::vector<std::string>& types_before)>;

/// A contribution as another module sees it (the loop, src/loop: "what happened next" and "You said, we did"): what
/// a kind's resolver found for one viewer.
struct Contribution {
  long long group_id = 0;
  std::string group_name;
  /// The group's visibility code ("members", "organisation", "public") and whether it is archived.
  std::string group_visibility;
  bool group_archived = false;
  /// The viewer's role in the group ("lead", "facilitator", "member", "observer").
  std::string viewer_role;
  /// A short title or excerpt, as plain text.
  std::string title;
  /// Who wrote or proposed it (none: a former member).
  std::optional<long long> author_id;
  std::string author_name;
  /// Its page, below the organisation's address ("/topics/4").
  std::string href;
  /// Who supported it (reactions such as "me too", voters), each once, in no particular order.
  std::vector<long long> supporters;
};

/// Finds the contribution `id` of one kind in organisation `org_id` for `viewer`, inside the caller's database call
/// (two indexed reads at most): nothing when it does not exist or the viewer may not see it (answered 404).
using ContributionResolver =
    std::function<std::optional<Contribution>(soci::session& s, long long org_id, long long id, long long viewer)>;

/// A kind of contribution a module owns ("topic", "reply", "proposal", "agenda_item", ...), so that other modules
/// can say what became of it without knowing its tables.
struct ContributionKind {
  /// The code in addresses and stored rows: lower case letters and "_".
  std::string_view kind;
  /// A message key naming one ("a discussion topic"), in the owning module's catalogue.
  std::string_view name_key;
  ContributionResolver resolve;
  /// Every contribution of this kind, for the measures (src/measures): a SELECT of `org_id`, `group_id`, `id` and
  /// `created_at` (seconds), named so, over every one still counted (not deleted), without parameters. The measures
  /// wrap it ("... FROM (<listing>) x WHERE x.group_id IN (...) AND x.created_at >= $1"), one query for all kinds.
  std::string_view listing;
  /// The same as `resolve` without reading `supporters` (left empty), given by a kind whose supporters can be many (a
  /// poll's voters): for pages that need only the contribution's group, title and the viewer's role (a card's "Came
  /// from", the boards' follow-ups on a proposal's page). Empty: `resolve` does for both.
  ContributionResolver resolve_without_supporters;
  /// The kind's own easy-read text, for a kind that has one (a topic's easy-read summary, a proposal's easy-read
  /// wording): a SELECT of `id` and `easy_read`, named so, of the ones that have it, without parameters. The loop's
  /// easy-read pages wrap it ("... FROM (<easy_read>) x WHERE x.id IN (...)"), one query for the kind's contributions
  /// on a page, and show it only to the people who may see the contributions. Empty: the kind has none.
  std::string_view easy_read;
  /// `easy_read` is Markdown (a proposal's), drawn as its own page draws it; plain text otherwise (one line a
  /// paragraph).
  bool easy_read_markdown = false;

  /// `resolve_without_supporters` when the kind gives one, else `resolve` (nothing when it has neither).
  std::optional<Contribution> find(soci::session& s, long long org_id, long long id, long long viewer) const {
    if (resolve_without_supporters) return resolve_without_supporters(s, org_id, id, viewer);
    if (resolve) return resolve(s, org_id, id, viewer);
    return std::nullopt;
  }
};

/// What every module can see of the others once all are made (for pages that gather from all of them).
struct Shared {
  std::vector<AccountSection> account_sections;
  std::vector<OrgAdminLink> org_admin_links;
  std::vector<OrgMemberLink> org_member_links;
  std::vector<NewcomerSection> newcomer_sections;
  std::vector<HomeSection> home_sections;
  std::vector<GroupTool> group_tools;
  std::vector<SearchScope> search_scopes;
  /// Every module's follow-up readers.
  std::vector<FollowUpReader> follow_ups;
  std::vector<MembershipEnded> membership_ended;
  std::vector<MembershipChanged> membership_changed;
  std::vector<ContributionKind> contribution_kinds;
};

struct Module {
  std::string_view name;
  /// Adds its routes (after every module is made, so it can use what the others registered).
  std::function<void(std::vector<http::Route>& routes, const Shared& shared)> add_routes;
  /// Where its personal data lives (for download and erasure), and its tables without any.
  std::vector<PersonalTable> personal_tables;
  std::vector<TableWithout> tables_without_personal_data;
  /// What housekeeping deletes, and when.
  std::vector<Retention> retention;
  /// Work due at a time, run by the due worker and `roundtable run-due`.
  std::vector<DueJob> due_jobs;
  /// Loads (or refreshes) its demo data for `serve --demo`, after the modules before it; returns how many things it
  /// wrote. Unset: none.
  std::function<int()> load_demo;
  /// Its sections of the account page.
  std::vector<AccountSection> account_sections;
  /// Its links on an organisation's page for the organisation's admins.
  std::vector<OrgAdminLink> org_admin_links;
  /// Its links on an organisation's page for every member.
  std::vector<OrgMemberLink> org_member_links;
  /// Its sections for newcomers on the home and sign-in pages.
  std::vector<NewcomerSection> newcomer_sections;
  /// Its places in every group, listed on each group's home page.
  std::vector<GroupTool> group_tools;
  /// Its sections of a signed-in person's home page.
  std::vector<HomeSection> home_sections;
  /// What a signed-in person may find of its search documents. Unset: nothing beyond public documents.
  SearchScope search_scope;
  /// What it did with other modules' contributions, given what the page knows. Unset: nothing.
  FollowUpReader follow_up_reader;
  /// What it drops when a membership of an organisation ends (organisations calls every module's). Unset: nothing.
  MembershipEnded membership_ended;
  /// What it does when a membership is made or changed (organisations calls every module's). Unset: nothing.
  MembershipChanged membership_changed;
  /// The kinds of contribution it owns, each with its resolver (module::ContributionKind).
  std::vector<ContributionKind> contribution_kinds;
  /// Runs once when the server starts, after every module is made: hooks it sets in shared services, such as who
  /// may see its uploaded files (uploads::UploadService::set_access). Unset: nothing to do.
  std::function<void()> start;
};

}  // namespace roundtable::module
