/// The measures' pages (addresses in measures_routes.cpp): a group's dashboard and an organisation's, each with its
/// monthly figures as CSV.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <string>

#include "accounts/pages_common.hpp"
#include "http/types.hpp"
#include "measures/measures_service.hpp"
#include "view/layout.hpp"

namespace roundtable::measures::pages {

using boost::asio::awaitable;
using http::OrgRequest;
using http::RequestContext;
using http::Response;
using namespace accounts::pages;

struct PagesDeps {
  std::shared_ptr<MeasuresService> service;
  const view::Assets* assets = nullptr;
  std::function<Response(RequestContext&)> not_found;
  std::string two_step_path = "/account/two-step";
};

awaitable<Response> group_measures(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> group_measures_csv(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> org_measures(OrgRequest& req, const PagesDeps& deps);
awaitable<Response> org_measures_csv(OrgRequest& req, const PagesDeps& deps);

}  // namespace roundtable::measures::pages
