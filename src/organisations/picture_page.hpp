/// A page with one picture and the form that replaces or removes it: an organisation's logo here, a profile photo in
/// profiles/ and a group's picture in groups/, which build on this module.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "http/types.hpp"
#include "uploads/uploads.hpp"
#include "view/layout.hpp"
#include "view/page_builder.hpp"

namespace roundtable::organisations::pages {

/// key is the catalogue prefix ("organisations.logo", "profiles.photo"; the page reads key + ".title" and so on)
/// and field the file field's name; base is the page's address (the forms post to it and base/remove).
struct PicturePage {
  std::string_view key;
  std::string_view field;
  std::string base;
  std::string back_href;
  /// Above the heading (the organisation's name), or "".
  std::string caption;
  std::string current_url;
  std::string current_alt;
  std::string img_class;
  /// Ask for the words that describe the picture to someone who cannot see it (a text field named "alt", with
  /// key + ".alt" and ".alt_hint"), as typed in description; a picture whose subject nobody else names needs them.
  bool describe = false;
  std::string description;
};

http::Response picture_page(http::RequestContext& ctx, const view::Assets& assets, const PicturePage& p,
                            const std::vector<view::FieldError>& errors);

/// The picture sent in the page's file field, checked and cleaned; or the plain-words problem with it.
boost::asio::awaitable<std::variant<uploads::Prepared, std::string>> checked_picture(http::RequestContext& ctx,
                                                                                     uploads::UploadService* uploads,
                                                                                     const PicturePage& p,
                                                                                     const uploads::Allowed& rules);

}  // namespace roundtable::organisations::pages
