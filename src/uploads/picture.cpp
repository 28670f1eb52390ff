#include "uploads/picture.hpp"

#include <string>
#include <utility>

#include "core/clock.hpp"
#include "db/transaction.hpp"

namespace roundtable::uploads {

using boost::asio::awaitable;

awaitable<bool> replace_picture(db::Database& db, UploadService& uploads, std::optional<Prepared> picture,
                                Purpose purpose, std::optional<long long> owner, std::optional<long long> org_id,
                                Hook hook, AfterChange after) {
  auto op = db.run([&uploads, picture = std::move(picture), purpose, owner, org_id, hook = std::move(hook),
                    after = std::move(after)](soci::session& s) -> std::pair<bool, std::optional<std::string>> {
    db::WriteTransaction tx(s);
    std::optional<long long> id;
    if (picture)
      id = store::save(s, uploads.storage(), *picture, purpose, owner, org_id, core::system_clock().now_seconds()).id;
    const auto old = hook(s, id);
    std::optional<std::string> old_key;
    if (old) old_key = store::remove(s, *old);
    if (after) after(s, old.has_value());
    tx.commit();
    return {old.has_value(), old_key};
  });
  auto [had_one, old_key] = co_await std::move(op);
  if (old_key) uploads.storage().remove(*old_key);
  co_return had_one;
}

}  // namespace roundtable::uploads
