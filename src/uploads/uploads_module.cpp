#include "uploads/uploads_module.hpp"

namespace roundtable::uploads {

module::Module make_module(UploadService* service, std::function<http::Response(http::RequestContext&)> not_found) {
  module::Module m;
  m.name = "uploads";
  m.add_routes = [service, not_found = std::move(not_found)](std::vector<http::Route>& routes, const module::Shared&) {
    add_upload_routes(routes, service, not_found);
  };
  m.personal_tables = {{"uploads", "owner_user_id", module::Erasure::remove,
                        "files the person uploaded: type, size, name; the files themselves are removed with the rows"}};
  return m;
}

}  // namespace roundtable::uploads
