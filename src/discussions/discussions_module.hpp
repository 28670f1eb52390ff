/// The discussions module: every group's always-on discussion space (topics, replies, reactions, follows, unread
/// markers, "raise this at the next meeting", easy-read summaries and moderation), and the email that tells
/// followers and @mentioned members.
#pragma once

#include <functional>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/search.hpp"
#include "mail/reply_address.hpp"
#include "module/module.hpp"
#include "view/layout.hpp"

namespace roundtable::organisations {
class OrganisationService;
}
namespace roundtable::live {
class Live;
}
namespace roundtable::uploads {
class UploadService;
}

namespace roundtable::discussions {

struct Deps {
  db::Database* db = nullptr;
  const view::Assets* assets = nullptr;
  std::function<http::Response(http::RequestContext&)> not_found;
  /// Where links in email point, and who wakes the mail worker.
  const organisations::OrganisationService* organisations = nullptr;
  /// Where topics and replies are indexed for search (nullptr: not indexed).
  db::SearchIndex* search = nullptr;
  const core::Clock* clock = nullptr;
  /// How the Reply-To of each email is signed, so people can answer by email (not enabled: no Reply-To).
  mail::ReplyAddresses reply_addresses;
  /// The live channel: changes to topics are told there, and topic pages listen (nullptr: neither).
  live::Live* live = nullptr;
  /// Where topics' attachments are kept (nullptr: topics cannot have one).
  uploads::UploadService* uploads = nullptr;
};

/// The module owns its service; without a database (route listings) it brings its routes only.
module::Module make_module(Deps deps);

}  // namespace roundtable::discussions
