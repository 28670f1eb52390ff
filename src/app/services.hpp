/// What route handlers can reach: the database, search, static files, asset URLs and the feature services.
#pragma once

#include <memory>

#include "about_me/about_me_service.hpp"
#include "accounts/account_service.hpp"
#include "consent/consent_service.hpp"
#include "db/database.hpp"
#include "db/search.hpp"
#include "http/static_files.hpp"
#include "live/live.hpp"
#include "mail/reply_address.hpp"
#include "organisations/organisation_service.hpp"
#include "privacy/privacy_service.hpp"
#include "profiles/profile_service.hpp"
#include "uploads/uploads.hpp"
#include "view/layout.hpp"

namespace roundtable::http {
class Metrics;
}

namespace roundtable::app {

struct Services {
  db::Database* db = nullptr;
  std::unique_ptr<db::SearchIndex> search;
  std::unique_ptr<http::StaticFiles> static_files;
  view::Assets assets;
  std::unique_ptr<accounts::AccountService> accounts;
  std::unique_ptr<consent::ConsentService> consent;
  std::unique_ptr<organisations::OrganisationService> organisations;
  std::unique_ptr<profiles::ProfileService> profiles;
  std::unique_ptr<privacy::PrivacyService> privacy;
  std::unique_ptr<uploads::UploadService> uploads;
  /// The folder behind uploads (housekeeping sweeps it).
  uploads::FolderStorage* storage = nullptr;
  std::unique_ptr<about_me::AboutMeService> about_me;
  /// The live channel (server-sent events) pages listen to; made by serve (nullptr for route listings and tests).
  std::unique_ptr<live::Live> live;
  /// Set once the pipeline exists (for /metrics).
  http::Metrics* metrics = nullptr;
  /// How answers to a discussion's email are addressed (not enabled without --mail-reply-domain).
  mail::ReplyAddresses reply_addresses;
  /// /metrics from other addresses than loopback needs "Authorization: Bearer <this>" (empty: loopback only).
  std::string metrics_token;
  /// The --mail-from address without its name: meeting invitations name it as their organizer.
  std::string mail_from_address = "roundtable@localhost";
};

/// Makes the services of accounts, consent, organisations, profiles and privacy on db (and the search index if
/// there is none yet), wired to each other as the modules need: the member directory follows memberships.
void make_feature_services(Services& s, db::Database& db);

}  // namespace roundtable::app
