/// The person's photo: showing, replacing and removing it.
#include <string>
#include <variant>

#include "organisations/picture_page.hpp"
#include "profiles/profile_pages.hpp"

namespace roundtable::profiles::pages {

namespace {

using organisations::pages::PicturePage;

const PicturePage kPhoto{.key = "profiles.photo", .field = "photo"};

awaitable<PicturePage> photo_of(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->profile(ctx.principal->user_id);
  auto p = co_await std::move(op);
  if (!p) throw std::runtime_error("signed-in account has no profile");
  co_return PicturePage{kPhoto.key,
                        kPhoto.field,
                        "/account/photo",
                        "/account",
                        "",
                        p->photo_url,
                        std::string(ctx.t()("profiles.photo.yours_alt")),
                        "rt-profile-photo"};
}

}  // namespace

awaitable<Response> photo_form(RequestContext& ctx, const PagesDeps& deps) {
  auto page = co_await photo_of(ctx, deps);
  co_return organisations::pages::picture_page(ctx, *deps.assets, page, {});
}

awaitable<Response> save_photo(RequestContext& ctx, const PagesDeps& deps) {
  auto checked = co_await organisations::pages::checked_picture(ctx, deps.service->uploads(), kPhoto,
                                                                ProfileService::photo_rules());
  if (auto* problem = std::get_if<std::string>(&checked)) {
    auto page = co_await photo_of(ctx, deps);
    co_return organisations::pages::picture_page(ctx, *deps.assets, page, {{"photo", *problem}});
  }
  auto save = deps.service->set_photo(ctx.principal->user_id, std::move(std::get<uploads::Prepared>(checked)));
  co_await std::move(save);
  ctx.set_flash("profiles.photo.saved");
  co_return http::redirect(ctx.request, "/account");
}

awaitable<Response> remove_photo(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->remove_photo(ctx.principal->user_id);
  co_await std::move(op);
  ctx.set_flash("profiles.photo.removed");
  co_return http::redirect(ctx.request, "/account/photo");
}

}  // namespace roundtable::profiles::pages
