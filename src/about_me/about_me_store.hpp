/// The only place About Me SQL lives. Functions that change several rows expect the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "about_me/about_me.hpp"

namespace soci {
class session;
}

namespace roundtable::about_me::store {

/// The page's settings; defaults (only me, no intro) when the person has not set them.
PageSettings load_settings(soci::session& s, long long user_id);
void save_visibility(soci::session& s, long long user_id, Visibility v, long long now);
void save_intro(soci::session& s, long long user_id, const std::string& intro, long long now);

/// The page's items in order, each with its file's address and type (items whose file is gone are left out).
std::vector<Item> list_items(soci::session& s, long long user_id);
/// One item of this owner's page (nullopt for other people's items).
std::optional<Item> find_item(soci::session& s, long long owner_id, long long item_id);
long long count_items(soci::session& s, long long owner_id);
/// Adds the item at the end of the page; returns its id.
long long insert_item(soci::session& s, const Item& item, long long now);
/// Saves title, body, caption, transcript and upload_id of an item of item.user_id.
void update_item(soci::session& s, const Item& item, long long now);
/// Deletes the item; returns it as it was (nullopt when the owner has no such item).
std::optional<Item> delete_item(soci::session& s, long long owner_id, long long item_id);
/// Swaps the item with the one above or below it; false when it is already at that end or is not the owner's.
bool move_item(soci::session& s, long long owner_id, long long item_id, Direction d, long long now);

/// The people the owner named, by name, each with the organisations they still share with the owner.
std::vector<Viewer> list_viewers(soci::session& s, long long owner_id);
/// Everyone who shares an organisation with the owner (not the owner), by name, with those organisations: the people
/// the owner may name. Read from the shared users and memberships tables.
std::vector<Viewer> people_to_name(soci::session& s, long long owner_id);
/// Names a person (nothing when already named).
void add_viewer(soci::session& s, long long owner_id, long long viewer_id, long long now);
void remove_viewer(soci::session& s, long long owner_id, long long viewer_id);
/// After a membership of `user_id` ended: drops every naming, on their page or naming them on another's, between two
/// people who no longer share an organisation (module::MembershipEnded).
void drop_viewers_without_shared_org(soci::session& s, long long user_id);
/// True when the person belongs to an organisation the owner belongs to.
bool shares_organisation(soci::session& s, long long owner_id, long long person_id);

/// What the database knows about a viewer in relation to the owner.
ViewerFacts facts(soci::session& s, long long owner_id, long long viewer_id);
/// may_see() for this owner's page and viewer.
bool may_view(soci::session& s, long long owner_id, long long viewer_id);

}  // namespace roundtable::about_me::store
