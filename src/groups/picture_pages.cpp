// A group's picture: adding, replacing and removing it, with the words that describe it to someone who cannot see it
// (for the people who may change the group's details). The form is the one every picture shares
// (organisations/picture_page.hpp), with the description asked for too.
#include <string>
#include <variant>

#include "groups/group_form.hpp"
#include "groups/group_pages.hpp"
#include "organisations/picture_page.hpp"

namespace roundtable::groups::pages {

namespace {

using organisations::pages::PicturePage;

const PicturePage kPicture{.key = "groups.picture", .field = "picture"};

PicturePage picture_of(OrgRequest& req, const Group& g, std::string description) {
  const std::string base = group_url(req, g.id);
  return PicturePage{kPicture.key,  kPicture.field, base + "/picture",  base, g.details.name,
                     g.picture_url, g.picture_alt,  "rt-group-picture", true, std::move(description)};
}

}  // namespace

awaitable<Response> picture_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, policy::Action::edit_group);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  co_return organisations::pages::picture_page(req.ctx, *deps.assets, picture_of(req, g, g.picture_alt), {});
}

awaitable<Response> save_picture(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, policy::Action::edit_group);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  const auto form = read_picture(ctx.form);
  const bool has = !g.picture_url.empty();
  const auto* chosen = ctx.file(kPicture.field);
  // Without a new file, a group with a picture keeps it and changes only its description.
  const bool replacing = chosen || !has;
  auto errors = field_errors(t, check_picture(form, true));
  std::optional<uploads::Prepared> prepared;
  if (replacing) {
    // checked_picture keeps a reference to the rules until it is done: they must outlive it.
    const auto rules = GroupService::picture_rules();
    auto check = organisations::pages::checked_picture(ctx, deps.service->uploads(), kPicture, rules);
    auto checked = co_await std::move(check);
    if (auto* problem = std::get_if<std::string>(&checked)) {
      // The file's problem first: it comes first on the page.
      errors.insert(errors.begin(), view::FieldError{std::string(kPicture.field), *problem});
    } else {
      prepared = std::move(std::get<uploads::Prepared>(checked));
    }
  }
  if (!errors.empty()) {
    co_return organisations::pages::picture_page(ctx, *deps.assets, picture_of(req, g, form.alt), errors);
  }
  bool done = false;
  if (prepared) {
    auto op =
        deps.service->set_picture(req.membership.org_id, g.id, req.principal.user_id, std::move(*prepared), form.alt);
    done = co_await std::move(op);
  } else {
    auto op = deps.service->set_picture_alt(req.membership.org_id, g.id, req.principal.user_id, form.alt);
    done = co_await std::move(op);
  }
  if (!done) co_return deps.not_found(ctx);
  ctx.set_flash("groups.picture.saved");
  co_return http::redirect(ctx.request, group_url(req, g.id));
}

awaitable<Response> remove_picture(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, policy::Action::edit_group);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<GroupForViewer>(loaded).group;
  auto op = deps.service->remove_picture(req.membership.org_id, g.id, req.principal.user_id);
  if (co_await std::move(op)) ctx.set_flash("groups.picture.removed");
  co_return http::redirect(ctx.request, group_url(req, g.id) + "/picture");
}

}  // namespace roundtable::groups::pages
