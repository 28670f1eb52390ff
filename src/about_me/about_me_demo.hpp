/// The About Me module's demo data for `roundtable serve --demo`.
#pragma once

#include "about_me/about_me_service.hpp"
#include "profiles/profile_service.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::about_me {

/// Gives some demo members an About Me page (words, and a photo drawn here) that staff of their organisation may
/// see. Pages that already have items are left alone. Returns how many items were written.
int load_demo(profiles::ProfileService& profiles, AboutMeService& about_me, uploads::UploadService& uploads);

}  // namespace roundtable::about_me
