/// Uploaded files as a module (module::Module): the /files route and the uploads table of personal data.
#pragma once

#include <functional>

#include "module/module.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::uploads {

module::Module make_module(UploadService* service, std::function<http::Response(http::RequestContext&)> not_found);

}  // namespace roundtable::uploads
