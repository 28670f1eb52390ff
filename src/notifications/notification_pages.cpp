#include "notifications/notification_pages.hpp"

#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::notifications::pages {

namespace {

namespace govuk = view::govuk;
using view::Html;

using view::s;

std::string org_url(const OrgRequest& req) { return "/o/" + req.membership.org_slug; }

std::string settings_url(std::string_view org_slug) {
  return "/o/" + std::string(org_slug) + "/notifications/settings";
}

std::string choice_name(const core::Translator& t, Choice c) {
  switch (c) {
    case Choice::immediate: return s(t("notifications.choice.immediate"));
    case Choice::daily: return s(t("notifications.choice.daily"));
    case Choice::weekly: return s(t("notifications.choice.weekly"));
    case Choice::none: return s(t("notifications.choice.none"));
  }
  return {};
}

std::string field_of(long long group_id) { return "group-" + std::to_string(group_id); }

Response render_settings(OrgRequest& req, const PagesDeps& deps, const std::vector<store::GroupChoice>& groups,
                         bool one_group, const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t("notifications.settings.title")));
  if (one_group && !groups.empty()) {
    page.caption(groups.front().group_name)
        .back_link(org_url(req) + "/groups/" + std::to_string(groups.front().group_id),
                   s(t("notifications.back_group")));
  } else {
    page.back_link(org_url(req) + "/notifications", s(t("notifications.back")));
  }
  page.errors(t, errors);
  Html& h = page.body();
  if (groups.empty()) {
    govuk::paragraph(h, t("notifications.settings.no_groups"));
    govuk::link_paragraph(h, org_url(req) + "/groups", t("notifications.settings.find_groups"));
    return page.respond();
  }
  govuk::paragraph(h, t("notifications.settings.lead"));
  govuk::form_start(h, {.action = settings_url(req.membership.org_slug), .csrf_token = ctx.csrf_token});
  // Every group's radios offer the same choices: put together once for the page, and refilled for each group.
  govuk::Radios radios{.classes = "govuk-radios--small"};
  radios.items.reserve(kAllChoices.size());
  for (Choice c : kAllChoices) radios.items.push_back({.text = choice_name(t, c), .value = s(choice_code(c))});
  bool outside_said = false;
  for (const auto& g : groups) {
    if (g.outside && !outside_said) {
      // Groups the person is not in, which emailed them (open sessions) and whose emails they stopped or chose.
      govuk::heading(h, 2, "m", s(t("notifications.settings.outside_title")));
      govuk::paragraph(h, t("notifications.settings.outside_lead"));
      outside_said = true;
    }
    radios.name = field_of(g.group_id);
    radios.value = s(choice_code(g.choice));
    radios.fieldset = small_legend(g.group_name);
    radios.error_message = field_error_message(t, errors, radios.name);
    govuk::radios(h, radios);
  }
  govuk::paragraph(h, t("notifications.settings.always"));
  submit_button(h, t("notifications.settings.button"));
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> notices(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto before = http::parse_id(ctx.query_params().value("before"));
  auto op = deps.service->notices(req.membership.org_id, req.principal.user_id, before.value_or(0));
  const auto page_data = co_await std::move(op);
  const std::string base = org_url(req) + "/notifications";
  auto page = page_builder(ctx, deps, s(t("notifications.list.title")));
  Html& h = page.body();
  govuk::paragraph(h, t.plural("notifications.list.unread", page_data.unread));
  if (page_data.unread > 0) {
    govuk::form_start(h, {.action = base + "/read", .csrf_token = ctx.csrf_token});
    submit_button(h, t("notifications.list.mark_read"), "govuk-button--secondary");
    govuk::form_end(h);
  }
  govuk::link_paragraph(h, settings_url(req.membership.org_slug), t("notifications.list.settings_link"));
  if (page_data.notices.empty()) {
    govuk::paragraph(h, t(before ? "notifications.list.no_more" : "notifications.list.none"));
  } else {
    govuk::SummaryList list;
    for (const auto& n : page_data.notices) {
      Html key;
      if (n.unread) {
        govuk::tag(key, {.text = s(t("notifications.list.new")), .classes = "govuk-tag--blue"});
        key.text(" ");
      }
      govuk::link(key, n.url, n.title);
      Html value;
      value.text(n.group_name).raw("<br>").text(view::format_datetime(t, n.created_at));
      list.rows.push_back({.key = {.html = std::move(key)}, .value = {.html = std::move(value)}});
    }
    govuk::summary_list(h, list);
  }
  if (before || page_data.older) {
    govuk::Pagination pagination{.landmark_label = s(t("pagination.label"))};
    if (before) pagination.previous = govuk::PaginationLink{.text = s(t("notifications.list.newest")), .href = base};
    if (page_data.older) {
      pagination.next = govuk::PaginationLink{.text = s(t("notifications.list.older")),
                                              .href = base + "?before=" + std::to_string(*page_data.older)};
    }
    govuk::pagination(h, pagination);
  }
  co_return page.respond();
}

awaitable<Response> mark_read(OrgRequest& req, const PagesDeps& deps) {
  auto op = deps.service->mark_all_read(req.membership.org_id, req.principal.user_id);
  co_await std::move(op);
  req.ctx.set_flash("notifications.done.read");
  co_return http::redirect(req.ctx.request, org_url(req) + "/notifications");
}

awaitable<Response> settings(OrgRequest& req, const PagesDeps& deps) {
  auto op = deps.service->choices(req.membership.org_id, req.principal.user_id);
  const auto groups = co_await std::move(op);
  co_return render_settings(req, deps, groups, false, {});
}

awaitable<Response> group_settings(OrgRequest& req, const PagesDeps& deps) {
  const auto group_id = req.ctx.id_param("group");
  auto op = deps.service->choices(req.membership.org_id, req.principal.user_id);
  const auto groups = co_await std::move(op);
  std::vector<store::GroupChoice> one;
  for (const auto& g : groups) {
    if (group_id && g.group_id == *group_id && !g.outside) one.push_back(g);
  }
  // Only a group the person is in has a choice to make.
  if (one.empty()) co_return deps.not_found(req.ctx);
  co_return render_settings(req, deps, one, true, {});
}

awaitable<Response> save_settings(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto op = deps.service->choices(req.membership.org_id, req.principal.user_id);
  auto groups = co_await std::move(op);
  std::vector<std::pair<long long, Choice>> chosen;
  std::vector<store::GroupChoice> sent;
  std::vector<view::FieldError> errors;
  for (auto& g : groups) {
    const auto name = field_of(g.group_id);
    const auto value = ctx.form.get(name);
    // A form for one group sends only that group's field: the others stay as they are.
    if (!value) continue;
    if (auto c = parse_choice(*value)) {
      g.choice = *c;
      chosen.emplace_back(g.group_id, *c);
    } else {
      errors.push_back({name, s(t("notifications.settings.error_choice"))});
    }
    sent.push_back(g);
  }
  if (!errors.empty()) co_return render_settings(req, deps, sent, sent.size() == 1 && groups.size() > 1, errors);
  auto save = deps.service->save_choices(req.membership.org_id, req.principal.user_id, std::move(chosen));
  co_await std::move(save);
  ctx.set_flash("notifications.done.saved");
  co_return http::redirect(ctx.request, settings_url(req.membership.org_slug));
}

awaitable<Response> stop_form(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->stop_view(std::string(ctx.param("token")));
  const auto view = co_await std::move(op);
  if (!view) co_return deps.not_found(ctx);
  auto page = page_builder(ctx, deps, core::format(t("notifications.stop.title"), {{"group", view->group_name}}));
  Html& h = page.body();
  if (view->choice == Choice::none) {
    govuk::paragraph(h, core::format(t("notifications.stop.already"), {{"group", view->group_name}}));
  } else {
    govuk::paragraph(h, core::format(t("notifications.stop.lead"), {{"group", view->group_name}}));
    govuk::form_start(h, {.action = "/stop/" + std::string(ctx.param("token")), .csrf_token = ctx.csrf_token});
    submit_button(h, t("notifications.stop.button"), "govuk-button--warning");
    govuk::form_end(h);
  }
  govuk::link_paragraph(h, settings_url(view->org_slug), t("notifications.stop.change"));
  co_return page.respond();
}

awaitable<Response> stop(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  auto op = deps.service->stop(std::string(ctx.param("token")));
  const auto view = co_await std::move(op);
  if (!view) co_return deps.not_found(ctx);
  auto page = page_builder(ctx, deps, s(t("notifications.stopped.title")));
  Html& h = page.body();
  govuk::paragraph(h, core::format(t("notifications.stopped.lead"), {{"group", view->group_name}}));
  govuk::paragraph(h, t("notifications.stopped.app"));
  govuk::link_paragraph(h, settings_url(view->org_slug), t("notifications.stopped.change"));
  co_return page.respond();
}

}  // namespace roundtable::notifications::pages
