#include "http/types.hpp"

#include "http/signed_address.hpp"
#include "security/tokens.hpp"

namespace roundtable::http {

namespace bhttp = boost::beast::http;

bool is_unsafe(Verb v) { return v != Verb::get && v != Verb::head && v != Verb::options; }

namespace policy {

Policy public_access() {
  return {"public", [](const RequestContext&) { return Decision::allow; }};
}

Policy signed_address() {
  return {std::string(kSignedAddress), [](const RequestContext&) { return Decision::allow; }};
}

Policy signed_in() {
  return {"signed_in",
          [](const RequestContext& ctx) { return ctx.principal ? Decision::allow : Decision::need_sign_in; }};
}

Policy platform_admin() {
  return {"platform_admin", [](const RequestContext& ctx) {
            if (!ctx.principal) return Decision::need_sign_in;
            return ctx.principal->platform_admin ? Decision::allow : Decision::not_found;
          }};
}

Policy org_member(std::string name, std::function<Decision(const Principal&, const Membership&)> check) {
  return {std::move(name),
          [check = std::move(check)](const RequestContext& ctx) {
            if (!ctx.principal) return Decision::need_sign_in;
            const Membership* m = ctx.principal->membership(ctx.param("org"));
            if (!m) return Decision::not_found;
            return check ? check(*ctx.principal, *m) : Decision::allow;
          },
          true};
}

}  // namespace policy

const UploadedFile* RequestContext::file(std::string_view field) const {
  for (const auto& f : files) {
    if (f.field == field && !f.data.empty()) return &f;
  }
  return nullptr;
}

std::string_view RequestContext::param(std::string_view name) const {
  for (auto& [k, v] : params) {
    if (k == name) return v;
  }
  return {};
}

FormData RequestContext::query_params() const { return parse_urlencoded(query).value_or(FormData{}); }

const Membership* Principal::membership(std::string_view org_slug) const {
  for (auto& m : memberships) {
    if (m.org_slug == org_slug) return &m;
  }
  return nullptr;
}

void RequestContext::sign_in(long long user_id, bool second_step) {
  auto& s = session_for_write();
  s.user_id = user_id;
  s.second_step = second_step;
  s.rotate = true;
  s.destroy = false;
}

void RequestContext::sign_out(bool everywhere) {
  if (!session) return;
  session->dirty = true;
  session->destroy = true;
  session->destroy_all_for_user = everywhere && session->user_id.has_value();
  principal.reset();
}

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

}  // namespace roundtable::http
