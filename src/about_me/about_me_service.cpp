#include "about_me/about_me_service.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "about_me/about_me_store.hpp"
#include "accounts/account.hpp"
#include "accounts/account_store.hpp"
#include "audit/audit_store.hpp"
#include "db/transaction.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::about_me {

using boost::asio::awaitable;

uploads::Allowed allowed_for(ItemKind kind) {
  uploads::Allowed a;
  a.images = kind == ItemKind::photo;
  a.audio = kind == ItemKind::audio;
  a.video = kind == ItemKind::video;
  return a;
}

awaitable<OwnPage> AboutMeService::own_page(long long user_id) {
  auto op = db_.read([user_id](soci::session& s) {
    return OwnPage{store::load_settings(s, user_id), store::list_items(s, user_id), store::list_viewers(s, user_id)};
  });
  co_return co_await std::move(op);
}

awaitable<void> AboutMeService::set_visibility(long long user_id, Visibility v) {
  auto op = db_.run(
      [user_id, v](soci::session& s) { store::save_visibility(s, user_id, v, accounts::store::now_seconds()); });
  co_await std::move(op);
}

awaitable<void> AboutMeService::set_intro(long long user_id, std::string intro) {
  auto op = db_.run([user_id, intro = std::move(intro)](soci::session& s) {
    store::save_intro(s, user_id, intro, accounts::store::now_seconds());
  });
  co_await std::move(op);
}

awaitable<SharingPage> AboutMeService::sharing_page(long long user_id) {
  auto op = db_.read([user_id](soci::session& s) {
    return SharingPage{store::load_settings(s, user_id), store::list_viewers(s, user_id),
                       store::people_to_name(s, user_id)};
  });
  co_return co_await std::move(op);
}

awaitable<SharingOutcome> AboutMeService::save_sharing(long long user_id, SharingChoice choice) {
  auto op = db_.run([user_id, choice = std::move(choice)](soci::session& s) {
    const long long now = accounts::store::now_seconds();
    db::WriteTransaction tx(s);
    if (choice.add && (*choice.add == user_id || !store::shares_organisation(s, user_id, *choice.add))) {
      return SharingOutcome::no_such_person;
    }
    std::vector<long long> named;
    for (const auto& v : store::list_viewers(s, user_id)) {
      if (std::find(choice.keep.begin(), choice.keep.end(), v.user_id) != choice.keep.end()) {
        named.push_back(v.user_id);
      } else {
        store::remove_viewer(s, user_id, v.user_id);
      }
    }
    if (choice.add && std::find(named.begin(), named.end(), *choice.add) == named.end()) {
      store::add_viewer(s, user_id, *choice.add, now);
      named.push_back(*choice.add);
    }
    if (choice.visibility == Visibility::named && named.empty()) return SharingOutcome::nobody_named;
    store::save_visibility(s, user_id, choice.visibility, now);
    tx.commit();
    return SharingOutcome::saved;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<Item>> AboutMeService::item(long long user_id, long long item_id) {
  auto op = db_.run([user_id, item_id](soci::session& s) { return store::find_item(s, user_id, item_id); });
  co_return co_await std::move(op);
}

awaitable<AddResult> AboutMeService::add_item(long long user_id, ItemInput input,
                                              std::optional<uploads::Prepared> file) {
  auto op = db_.run([this, user_id, input = std::move(input), file = std::move(file)](soci::session& s) {
    AddResult result;
    const long long now = accounts::store::now_seconds();
    db::WriteTransaction tx(s);
    if (store::count_items(s, user_id) >= static_cast<long long>(kMaxItems)) {
      result.too_many = true;
      return result;
    }
    Item item;
    item.user_id = user_id;
    item.kind = input.kind;
    item.title = input.title;
    item.body = input.body;
    item.caption = input.caption;
    item.transcript = input.transcript;
    if (file) {
      auto saved = uploads::store::save(s, uploads_.storage(), *file, kFilePurpose, user_id, std::nullopt, now);
      item.upload_id = saved.id;
    }
    result.id = store::insert_item(s, item, now);
    tx.commit();
    return result;
  });
  co_return co_await std::move(op);
}

awaitable<bool> AboutMeService::update_item(long long user_id, long long item_id, ItemInput input,
                                            std::optional<uploads::Prepared> file) {
  auto op = db_.run([this, user_id, item_id, input = std::move(input),
                     file = std::move(file)](soci::session& s) -> std::pair<bool, std::optional<std::string>> {
    const long long now = accounts::store::now_seconds();
    db::WriteTransaction tx(s);
    auto item = store::find_item(s, user_id, item_id);
    if (!item || item->kind != input.kind) return {false, std::nullopt};
    item->title = input.title;
    item->body = input.body;
    item->caption = input.caption;
    item->transcript = input.transcript;
    std::optional<long long> old_upload;
    if (file) {
      auto saved = uploads::store::save(s, uploads_.storage(), *file, kFilePurpose, user_id, std::nullopt, now);
      old_upload = item->upload_id;
      item->upload_id = saved.id;
    }
    store::update_item(s, *item, now);
    std::optional<std::string> old_key;
    if (old_upload) old_key = uploads::store::remove(s, *old_upload);
    tx.commit();
    return {true, old_key};
  });
  auto [done, old_key] = co_await std::move(op);
  if (old_key) uploads_.storage().remove(*old_key);
  co_return done;
}

awaitable<bool> AboutMeService::delete_item(long long user_id, long long item_id) {
  auto op = db_.run([user_id, item_id](soci::session& s) -> std::pair<bool, std::optional<std::string>> {
    db::WriteTransaction tx(s);
    auto item = store::delete_item(s, user_id, item_id);
    if (!item) return {false, std::nullopt};
    std::optional<std::string> key;
    if (item->upload_id) key = uploads::store::remove(s, *item->upload_id);
    tx.commit();
    return {true, key};
  });
  auto [done, key] = co_await std::move(op);
  if (key) uploads_.storage().remove(*key);
  co_return done;
}

awaitable<bool> AboutMeService::move_item(long long user_id, long long item_id, Direction d) {
  auto op = db_.run([user_id, item_id, d](soci::session& s) {
    db::WriteTransaction tx(s);
    const bool moved = store::move_item(s, user_id, item_id, d, accounts::store::now_seconds());
    tx.commit();
    return moved;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<SharedPage>> AboutMeService::shared_page(long long viewer_id, long long org_id,
                                                                 long long subject_id) {
  auto op = db_.run([viewer_id, org_id, subject_id](soci::session& s) -> std::optional<SharedPage> {
    auto user = accounts::store::find_user_by_id(s, subject_id);
    if (!user) return std::nullopt;
    bool member = false;
    for (const auto& m : organisations::store::memberships_of(s, subject_id)) member = member || m.org_id == org_id;
    if (!member) return std::nullopt;
    auto settings = store::load_settings(s, subject_id);
    if (!may_see(settings.visibility, store::facts(s, subject_id, viewer_id))) return std::nullopt;
    SharedPage page{subject_id, user->name, std::move(settings), store::list_items(s, subject_id)};
    if (viewer_id != subject_id) {
      audit::store::record(s, {org_id, viewer_id, subject_id, audit::action::kAboutMeViewed, ""});
    }
    return page;
  });
  co_return co_await std::move(op);
}

awaitable<bool> AboutMeService::page_to_show(long long viewer_id, long long subject_id) {
  auto op = db_.read([viewer_id, subject_id](soci::session& s) {
    const auto settings = store::load_settings(s, subject_id);
    if (!may_see(settings.visibility, store::facts(s, subject_id, viewer_id))) return false;
    return !settings.intro.empty() || store::count_items(s, subject_id) > 0;
  });
  co_return co_await std::move(op);
}

void register_access(uploads::UploadService& uploads) {
  uploads.set_access(kFilePurpose, [](soci::session& s, const uploads::Upload& u, const http::Principal* viewer) {
    if (!viewer || !u.owner_user_id) return false;
    return store::may_view(s, *u.owner_user_id, viewer->user_id);
  });
}

}  // namespace roundtable::about_me
