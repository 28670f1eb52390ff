#include "http/types.hpp"

#include "security/tokens.hpp"

namespace roundtable::http {

namespace bhttp = boost::beast::http;

namespace policy {

Policy public_access() {
  return {"public", [](const RequestContext&) { return Decision::allow; }};
}

Policy signed_in() {
  return {"signed_in", [](const RequestContext& ctx) {
            return ctx.session && ctx.session->user_id ? Decision::allow : Decision::need_sign_in;
          }};
}

}  // namespace policy

std::string_view RequestContext::param(std::string_view name) const {
  for (auto& [k, v] : params) {
    if (k == name) return v;
  }
  return {};
}

FormData RequestContext::query_params() const { return parse_urlencoded(query).value_or(FormData{}); }

SessionData& RequestContext::session_for_write() {
  if (!session) {
    session.emplace();
    session->is_new = true;
  }
  session->dirty = true;
  return *session;
}

Response make_response(const Request& req, Status status, std::string body, std::string_view content_type) {
  Response res{status, req.version()};
  res.set(bhttp::field::content_type, content_type);
  res.body() = std::move(body);
  res.keep_alive(req.keep_alive());
  res.prepare_payload();
  return res;
}

Response redirect(const Request& req, std::string_view location) {
  Response res{bhttp::status::see_other, req.version()};
  res.set(bhttp::field::location, location);
  res.keep_alive(req.keep_alive());
  res.prepare_payload();
  return res;
}

bool is_local_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f || c == '\\') return false;
  }
  return path.size() <= 2048;
}

}  // namespace roundtable::http
