/// Hanging a picture (a profile photo, a logo) where one picture belongs: the new one in, the old one out.
#pragma once

#include <soci/soci.h>

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>

#include "db/database.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::uploads {

/// Where a picture hangs: sets the new upload (or none) and returns the upload it replaces.
using Hook = std::function<std::optional<long long>(soci::session&, std::optional<long long>)>;
/// Written in the same transaction; told whether there was a picture before.
using AfterChange = std::function<void(soci::session&, bool had_one)>;

/// Hangs a new picture (or, with nullopt, none) in one transaction that also deletes the old upload's row; the old
/// file is removed only after the commit, so a failed change leaves the old picture working. True when there was
/// a picture before.
boost::asio::awaitable<bool> replace_picture(db::Database& db, UploadService& uploads, std::optional<Prepared> picture,
                                             Purpose purpose, std::optional<long long> owner,
                                             std::optional<long long> org_id, Hook hook, AfterChange after);

}  // namespace roundtable::uploads
