// The organisation's open opportunities, a group's opportunities, advertising a place, an opportunity's page,
// changing, publishing and closing it, and the public page anyone may read.
#include "opportunities/opportunity_pages.hpp"

#include "groups/group_policy.hpp"
#include "markdown/markdown.hpp"
#include "opportunities/opportunity_form.hpp"
#include "security/tokens.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"
#include "view/html.hpp"

namespace roundtable::opportunities::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

using view::s;

/// One opportunity in a list, as a summary card.
void card(Html& h, const core::Translator& t, const std::string& url, const OpportunityListed& o, bool show_group,
          bool show_state) {
  govuk::SummaryList rows;
  if (show_group) {
    rows.rows.push_back({.key = {.text = s(t("opportunities.about.group"))}, .value = {.text = o.group_name}});
  }
  rows.rows.push_back({.key = {.text = s(t("opportunities.about.time_asked"))}, .value = {.text = o.time_asked}});
  rows.rows.push_back(
      {.key = {.text = s(t("opportunities.about.closes"))}, .value = {.text = closing_date(t, o.closes_on)}});
  if (o.mine) {
    rows.rows.push_back(
        {.key = {.text = s(t("opportunities.list.you"))}, .value = {.text = s(t("opportunities.list.you_applied"))}});
  }
  Html title;
  govuk::link(title, url, o.title);
  if (show_state) {
    title.text(" ");
    state_tag(title, t, o.state);
  }
  rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.html = std::move(title), .heading_level = 2}};
  govuk::summary_list(h, rows);
}

Response render_form(OrgRequest& req, const PagesDeps& deps, const std::string& caption, const std::string& action,
                     const std::string& back, const OpportunityForm& form, const std::vector<view::FieldError>& errors,
                     bool creating) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, s(t(creating ? "opportunities.new.title" : "opportunities.edit.title")));
  page.caption(caption).back_link(back, s(t("opportunities.back"))).errors(t, errors);
  Html& h = page.body();
  if (creating) govuk::paragraph(h, t("opportunities.new.lead"));
  govuk::form_start(h, {.action = action, .csrf_token = ctx.csrf_token});
  if (creating) govuk::hidden(h, "create_key", form.create_key);
  govuk::input(h, {.id = "title",
                   .name = "title",
                   .value = form.title,
                   .label = small_label(s(t("opportunities.form.title"))),
                   .hint = {.text = s(t("opportunities.form.title_hint"))},
                   .error_message = field_error_message(t, errors, "title")});
  govuk::textarea(h, {.id = "description",
                      .name = "description",
                      .rows = 8,
                      .value = form.description,
                      .label = small_label(s(t("opportunities.form.description"))),
                      .hint = {.text = s(t("opportunities.form.description_hint"))},
                      .error_message = field_error_message(t, errors, "description")});
  govuk::input(h, {.id = "time_asked",
                   .name = "time_asked",
                   .value = form.time_asked,
                   .label = small_label(s(t("opportunities.form.time_asked"))),
                   .hint = {.text = s(t("opportunities.form.time_asked_hint"))},
                   .error_message = field_error_message(t, errors, "time_asked")});
  govuk::input(h, {.id = "payment",
                   .name = "payment",
                   .value = form.payment,
                   .label = small_label(s(t("opportunities.form.payment"))),
                   .hint = {.text = s(t("opportunities.form.payment_hint"))},
                   .error_message = field_error_message(t, errors, "payment")});
  govuk::textarea(h, {.id = "support",
                      .name = "support",
                      .rows = 4,
                      .value = form.support,
                      .label = small_label(s(t("opportunities.form.support"))),
                      .hint = {.text = s(t("opportunities.form.support_hint"))},
                      .error_message = field_error_message(t, errors, "support")});
  govuk::date_input(h, {.id = "closes",
                        .name_prefix = "closes",
                        .day = govuk::DateInputItem{.name = "day",
                                                    .label = s(t("opportunities.form.day")),
                                                    .value = form.day,
                                                    .classes = "govuk-input--width-2"},
                        .month = govuk::DateInputItem{.name = "month",
                                                      .label = s(t("opportunities.form.month")),
                                                      .value = form.month,
                                                      .classes = "govuk-input--width-2"},
                        .year = govuk::DateInputItem{.name = "year",
                                                     .label = s(t("opportunities.form.year")),
                                                     .value = form.year,
                                                     .classes = "govuk-input--width-4"},
                        .fieldset = small_legend(s(t("opportunities.form.closes"))),
                        .hint = {.text = s(t("opportunities.form.closes_hint"))},
                        .error_message = field_error_message(t, errors, "closes-day")});
  govuk::Radios audience{.name = "audience",
                         .value = form.audience,
                         .fieldset = small_legend(s(t("opportunities.form.audience"))),
                         .error_message = field_error_message(t, errors, "audience")};
  for (Audience a : kAllAudiences) {
    const std::string c(audience_code(a));
    audience.items.push_back(
        {.text = audience_name(t, a), .value = c, .hint = {.text = s(t("opportunities.audience_hint." + c))}});
  }
  govuk::radios(h, audience);
  if (creating) {
    Html buttons;
    govuk::button(buttons, {.text = s(t("opportunities.new.publish")), .name = "publish", .value = "1"});
    govuk::button(buttons, {.text = s(t("opportunities.new.draft")),
                            .name = "publish",
                            .value = "0",
                            .classes = "govuk-button--secondary"});
    govuk::button_group_start(h);
    h.append(buttons);
    govuk::button_group_end(h);
  } else {
    submit_button(h, t("opportunities.edit.button"));
  }
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> list(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto op = deps.service->open_opportunities(req.membership.org_id, req.principal.user_id);
  const auto open = co_await std::move(op);
  auto page = page_builder(ctx, deps, s(t("opportunities.list.title")));
  page.caption(req.membership.org_name).back_link("/o/" + req.membership.org_slug, s(t("opportunities.back_to_org")));
  Html& h = page.body();
  govuk::paragraph(h, t("opportunities.list.lead"));
  if (open.empty()) {
    govuk::paragraph(h, t("opportunities.list.none"));
  } else {
    govuk::heading(h, 2, "m", t.plural("opportunities.list.count", static_cast<long long>(open.size())));
    for (const auto& o : open) card(h, t, opportunity_url(req, o.id), o, true, false);
  }
  govuk::paragraph(h, t("opportunities.list.advertise"));
  govuk::link_paragraph(h, "/o/" + req.membership.org_slug + "/groups", t("opportunities.list.groups_link"));
  co_return page.respond();
}

awaitable<Response> group_list(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto id = parse_id(ctx.param("group"));
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->group_opportunities(req.membership.org_id, *id, req.principal.user_id);
  const auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto& g = found->group;
  // Whoever may see the group sees its opportunities (the groups policy decides).
  const groups::policy::Actor group_actor{req.membership.role, req.principal.two_step, g.role};
  const groups::policy::GroupFacts group_facts{g.group.details.visibility, g.group.archived()};
  switch (groups::policy::allows(group_actor, groups::policy::Action::see_group, group_facts)) {
    case groups::policy::Verdict::allow: break;
    case groups::policy::Verdict::need_two_step:
      co_return http::redirect(ctx.request, deps.two_step_path + "?required=1");
    case groups::policy::Verdict::deny: co_return deps.not_found(ctx);
  }
  const auto actor = actor_of(req, g.role);
  const bool runs = policy::allows(actor, Action::see_applicants, {State::open, false}) != policy::Verdict::deny;
  const std::string base = group_opportunities_url(req, g.group.id);
  auto page = page_builder(ctx, deps, s(t("opportunities.group.title")));
  page.caption(g.group.details.name)
      .back_link("/o/" + req.membership.org_slug + "/groups/" + std::to_string(g.group.id),
                 s(t("opportunities.back_to_group")));
  Html& h = page.body();
  govuk::paragraph(h, t("opportunities.group.lead"));
  if (policy::allows(actor, Action::create_opportunity, {State::draft, g.group.archived()}) != policy::Verdict::deny) {
    govuk::button(h, {.text = s(t("opportunities.group.create")), .href = base + "/new"});
  }
  int shown = 0;
  for (const auto& o : found->opportunities) {
    if (o.state == State::draft && !runs) continue;
    card(h, t, opportunity_url(req, o.id), o, false, true);
    ++shown;
  }
  if (shown == 0) govuk::paragraph(h, t("opportunities.group.none"));
  co_return page.respond();
}

awaitable<Response> new_opportunity(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  OpportunityForm form;
  form.audience = "members";
  form.create_key = security::random_token(16);
  const std::string base = group_opportunities_url(req, g.id);
  co_return render_form(req, deps, g.details.name, base, base, form, {}, true);
}

awaitable<Response> create_opportunity(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load_group(req, deps);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& g = std::get<groups::GroupForViewer>(loaded).group;
  const auto form = read_opportunity(ctx.form);
  const std::string base = group_opportunities_url(req, g.id);
  const auto errors = field_errors(t, check_opportunity(form, true, deps.service->today()));
  if (!errors.empty()) co_return render_form(req, deps, g.details.name, base, base, form, errors, true);
  const bool publish = ctx.form.value("publish") != "0";
  auto op = deps.service->create_opportunity(req.membership.org_id, g.id, req.principal.user_id, details_of(form),
                                             publish, form.create_key);
  const long long id = co_await std::move(op);
  if (id == 0) co_return deps.not_found(ctx);
  ctx.set_flash(publish ? "opportunities.done.published" : "opportunities.done.drafted", {{"title", form.title}});
  co_return http::redirect(ctx.request, opportunity_url(req, id));
}

awaitable<Response> opportunity(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::see_opportunity);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& v = std::get<OpportunityForViewer>(loaded);
  const auto& o = v.opportunity;
  const std::string base = opportunity_url(req, o.id);
  auto page = page_builder(ctx, deps, o.details.title);
  page.caption(o.group_name).back_link(list_url(req), s(t("opportunities.back_to_list")));
  Html& h = page.body();
  {
    Html status;
    status.text(t("opportunities.page.status")).text(" ");
    state_tag(status, t, o.state);
    govuk::paragraph(h, std::move(status));
  }
  if (o.state == State::draft) govuk::inset_text(h, {.text = s(t("opportunities.page.draft"))});

  // The person's own place in it: what they wrote, what they were told, or how to apply.
  if (v.mine) {
    const auto& mine = *v.mine;
    if (mine.told_at) {
      govuk::inset_text(
          h, {.text = s(t(mine.selected ? "opportunities.page.you_selected" : "opportunities.page.you_not_selected"))});
    } else {
      govuk::inset_text(h, {.text = core::format(t("opportunities.page.you_applied"),
                                                 {{"date", view::format_date(t, mine.created_at)}})});
    }
    govuk::SummaryList yours;
    interest_rows(yours, t, mine, std::nullopt);
    govuk::summary_list(h, yours);
    if (may(req, v, Action::express_interest)) {
      govuk::link_paragraph(h, base + "/interest", t("opportunities.page.change_interest"));
      govuk::button_form(
          h, {.form = {.action = base + "/interest/withdraw", .csrf_token = ctx.csrf_token},
              .button = {.text = s(t("opportunities.page.withdraw")), .classes = "govuk-button--secondary"}});
    }
  } else if (may(req, v, Action::express_interest)) {
    govuk::button(h, {.text = s(t("opportunities.page.apply")), .href = base + "/interest"});
  } else if (v.group_role == GroupRole::member || v.group_role == GroupRole::observer) {
    govuk::paragraph(h, t("opportunities.page.in_group"));
  } else if (o.state == State::closed || o.state == State::filled) {
    govuk::paragraph(h, t("opportunities.page.closed"));
  }

  govuk::heading(h, 2, "m", t("opportunities.page.what_title"));
  markdown::render(h, o.details.description, {.top_heading_level = 3});
  about(h, t, o);

  // Running it.
  const bool edits = may(req, v, Action::edit_opportunity);
  const bool applicants = may(req, v, Action::see_applicants);
  if (edits || applicants) {
    govuk::heading(h, 2, "m", t("opportunities.page.run_title"));
    if (applicants) {
      govuk::link_paragraph(h, base + "/applicants", t.plural("opportunities.page.applicants_link", o.interest_count));
    }
    if (may(req, v, Action::tell_outcome)) {
      govuk::link_paragraph(h, base + "/outcome", t("opportunities.page.outcome_link"));
    }
    if (edits) govuk::link_paragraph(h, base + "/edit", t("opportunities.page.edit_link"));
    if (o.details.audience == Audience::everyone && o.state != State::draft) {
      Html public_link;
      public_link.text(t("opportunities.page.public_address")).text(" ");
      const std::string address = "/opportunities/" + req.membership.org_slug + "/" + std::to_string(o.id);
      govuk::link(public_link, address, address);
      govuk::paragraph(h, std::move(public_link));
    }
    if (may(req, v, Action::open_opportunity)) {
      govuk::button_form(h, {.form = {.action = base + "/open", .csrf_token = ctx.csrf_token},
                             .button = {.text = s(t("opportunities.page.publish"))}});
    }
    if (may(req, v, Action::close_opportunity)) {
      govuk::button_form(h,
                         {.form = {.action = base + "/close", .csrf_token = ctx.csrf_token},
                          .button = {.text = s(t("opportunities.page.close")), .classes = "govuk-button--secondary"}});
    }
  }
  govuk::link_paragraph(h, group_opportunities_url(req, o.group_id), t("opportunities.page.group_link"));
  co_return page.respond();
}

awaitable<Response> edit_opportunity(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load(req, deps, Action::edit_opportunity);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& o = std::get<OpportunityForViewer>(loaded).opportunity;
  const std::string base = opportunity_url(req, o.id);
  co_return render_form(req, deps, o.details.title, base + "/edit", base, form_of(o.details), {}, false);
}

awaitable<Response> save_opportunity(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto loaded_op = load(req, deps, Action::edit_opportunity);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& o = std::get<OpportunityForViewer>(loaded).opportunity;
  const std::string base = opportunity_url(req, o.id);
  const auto form = read_opportunity(ctx.form);
  const auto errors = field_errors(t, check_opportunity(form, false, deps.service->today()));
  if (!errors.empty()) co_return render_form(req, deps, o.details.title, base + "/edit", base, form, errors, false);
  auto op = deps.service->update_opportunity(req.membership.org_id, o.id, details_of(form));
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("opportunities.done.saved");
  co_return http::redirect(ctx.request, base);
}

awaitable<Response> open_opportunity(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::open_opportunity);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& o = std::get<OpportunityForViewer>(loaded).opportunity;
  auto op = deps.service->open_opportunity(req.membership.org_id, o.id);
  if (co_await std::move(op)) ctx.set_flash("opportunities.done.published", {{"title", o.details.title}});
  co_return http::redirect(ctx.request, opportunity_url(req, o.id));
}

awaitable<Response> close_opportunity(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto loaded_op = load(req, deps, Action::close_opportunity);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& o = std::get<OpportunityForViewer>(loaded).opportunity;
  auto op = deps.service->close_opportunity(req.membership.org_id, o.id);
  if (co_await std::move(op)) ctx.set_flash("opportunities.done.closed", {{"title", o.details.title}});
  co_return http::redirect(ctx.request, opportunity_url(req, o.id));
}

awaitable<Response> public_opportunity(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  const auto id = parse_id(ctx.param("opportunity"));
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->public_opportunity(std::string(ctx.param("org")), *id);
  const auto found = co_await std::move(op);
  if (!found) co_return deps.not_found(ctx);
  const auto& o = found->opportunity;
  auto page = page_builder(ctx, deps, o.details.title);
  page.caption(found->org_name);
  Html& h = page.body();
  {
    Html status;
    status.text(t("opportunities.page.status")).text(" ");
    state_tag(status, t, o.state);
    govuk::paragraph(h, std::move(status));
  }
  if (o.state == State::open) {
    const std::string interest = "/o/" + found->org_slug + "/opportunities/" + std::to_string(o.id) + "/interest";
    Html how;
    how.text(core::format(t("opportunities.public.how"), {{"org", found->org_name}})).text(" ");
    govuk::link(how, "/sign-in?next=" + view::url_encode(interest), t("opportunities.public.sign_in"));
    govuk::inset_text(h, {.html = std::move(how)});
  } else {
    govuk::paragraph(h, t("opportunities.page.closed"));
  }
  govuk::heading(h, 2, "m", t("opportunities.page.what_title"));
  markdown::render(h, o.details.description, {.top_heading_level = 3});
  about(h, t, o);
  co_return page.respond();
}

}  // namespace roundtable::opportunities::pages
