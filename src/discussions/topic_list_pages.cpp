// A group's discussion (its topics, most recently active first, a page at a time), starting a topic, and the posts
// reported to the people who run the group.
#include "discussions/discussion_form.hpp"
#include "discussions/discussion_pages.hpp"
#include "security/tokens.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::discussions::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

using view::s;

/// The three ways to look at the list, as links; the current one is marked.
void filters(Html& h, const core::Translator& t, const std::string& base, Filter current) {
  govuk::List list{.classes = "govuk-list--inline"};
  for (Filter f : {Filter::all, Filter::following, Filter::raised}) {
    Html item;
    const std::string words(t("discussions.list.filter." + s(filter_code(f))));
    if (f == current) {
      item.raw("<strong>").text(words).raw("</strong>");
    } else {
      govuk::link(item, f == Filter::all ? base : base + "?show=" + s(filter_code(f)), words);
    }
    list.items.emplace_back(std::move(item));
  }
  govuk::list(h, list);
}

void topic_item(Html& h, const core::Translator& t, const std::string& url, const TopicListed& topic) {
  Html title;
  // A topic whose opening post was deleted has no title left (store::delete_post): the list says so.
  govuk::link(title, url, title_of(t, topic.title));
  govuk::heading(h, 3, "s", govuk::Content(std::move(title)));
  std::string meta = core::format(t("discussions.list.meta"), {{"name", name_or_former(t, topic.author_name)},
                                                               {"date", view::format_datetime(t, topic.last_post_at)}});
  meta += " " + core::format(t.plural("discussions.list.replies", topic.post_count - 1),
                             {{"n", std::to_string(topic.post_count - 1)}});
  govuk::paragraph(h, meta, "govuk-body-s govuk-!-margin-bottom-1");
  Html tags;
  if (topic.seen_number == 0) {
    govuk::tag(tags, {.text = s(t("discussions.list.new_topic")), .classes = "govuk-tag--blue"});
  } else if (topic.unread() > 0) {
    govuk::tag(tags, {.text = core::format(t.plural("discussions.list.new_replies", topic.unread()),
                                           {{"n", std::to_string(topic.unread())}}),
                      .classes = "govuk-tag--blue"});
  }
  if (topic.raised_count > 0) {
    if (!tags.empty()) tags.text(" ");
    govuk::tag(tags, {.text = core::format(t.plural("discussions.list.raised", topic.raised_count),
                                           {{"n", std::to_string(topic.raised_count)}}),
                      .classes = "govuk-tag--yellow"});
  }
  if (topic.following) {
    if (!tags.empty()) tags.text(" ");
    govuk::tag(tags, {.text = s(t("discussions.list.following")), .classes = "govuk-tag--grey"});
  }
  if (!tags.empty()) govuk::paragraph(h, govuk::Content(std::move(tags)), "govuk-body-s");
  h.raw("<hr class=\"govuk-section-break govuk-section-break--m govuk-section-break--visible\">\n");
}

Response render_new(OrgRequest& req, const PagesDeps& deps, const GroupFacts& g, const PostForm& form,
                    const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string base = discussion_url(req.membership.org_slug, g.id);
  auto page = page_builder(ctx, deps, s(t("discussions.new.title")));
  page.caption(g.name).back_link(base, s(t("discussions.back_to_list"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("discussions.new.lead"));
  govuk::form_start(h, {.action = base, .csrf_token = ctx.csrf_token, .multipart = true});
  govuk::hidden(h, "create_key", form.create_key);
  govuk::input(h, {.id = "title",
                   .name = "title",
                   .value = form.title,
                   .label = small_label(s(t("discussions.form.title"))),
                   .hint = {.text = s(t("discussions.form.title_hint"))},
                   .error_message = field_error_message(t, errors, "title")});
  body_field(h, t, s(t("discussions.form.opening")), form.body, errors);
  if (deps.service->uploads()) attachment_fields(h, t, std::nullopt, form, errors);
  ground_rules(h, t, g, errors, form.agree_rules);
  submit_button(h, t("discussions.new.button"));
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> discussion(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto id = parse_id(ctx.param("group"));
  if (!id) co_return deps.not_found(ctx);
  const auto query = ctx.query_params();
  const Filter filter = parse_filter(query.value("show")).value_or(Filter::all);
  const auto before = store::parse_topic_key(query.value("before"));
  auto op = deps.service->topics(req.membership.org_id, *id, req.principal.user_id, filter, before);
  const auto found = co_await std::move(op);
  if (!found || !may(found->group, Action::see_discussion)) co_return deps.not_found(ctx);
  const auto& g = found->group;
  const std::string base = discussion_url(req.membership.org_slug, g.id);
  auto page = page_builder(ctx, deps, s(t("discussions.list.title")));
  page.caption(g.name).back_link(group_url(req, g.id), s(t("discussions.back_to_group")));
  Html& h = page.body();
  govuk::paragraph(h, t("discussions.list.lead"));
  if (g.archived) govuk::inset_text(h, {.text = s(t("discussions.list.archived"))});
  if (may(g, Action::start_topic)) govuk::button(h, {.text = s(t("discussions.list.start")), .href = base + "/new"});
  if (found->open_reports > 0) {
    Html note;
    govuk::link(note, base + "/reports",
                core::format(t.plural("discussions.list.reports", found->open_reports),
                             {{"n", std::to_string(found->open_reports)}}));
    govuk::inset_text(h, {.html = std::move(note)});
  }
  govuk::heading(h, 2, "m", t("discussions.list.topics"));
  filters(h, t, base, filter);
  if (found->topics.empty()) {
    govuk::paragraph(h, t(before ? "discussions.list.no_more" : "discussions.list.none." + s(filter_code(filter))));
  }
  for (const auto& topic : found->topics) topic_item(h, t, topic_url(req.membership.org_slug, topic.id), topic);
  if (before || found->older) {
    const std::string show = filter == Filter::all ? "" : "show=" + s(filter_code(filter));
    govuk::Pagination pagination{.landmark_label = s(t("pagination.label"))};
    if (before) {
      pagination.previous = govuk::PaginationLink{.text = s(t("discussions.list.newest")),
                                                  .href = show.empty() ? base : base + "?" + show};
    }
    if (found->older) {
      pagination.next =
          govuk::PaginationLink{.text = s(t("discussions.list.older")),
                                .href = base + "?" + (show.empty() ? "" : show + "&") + "before=" + *found->older};
    }
    govuk::pagination(h, pagination);
  }
  co_return page.respond();
}

awaitable<Response> new_topic(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Action::start_topic);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  PostForm form;
  form.create_key = security::random_token(16);
  co_return render_new(req, deps, std::get<GroupFacts>(loaded), form, {});
}

awaitable<Response> create_topic(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Action::start_topic);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& g = std::get<GroupFacts>(loaded);
  auto form = read_post(ctx.form);
  if (form.create_key.empty()) form.create_key = security::random_token(16);
  // The attachment, checked by its content and cleaned of its metadata; a refused file is never kept.
  auto check = check_attachment(ctx, deps, form, false);
  auto attachment = co_await std::move(check);
  const auto errors =
      with_attachment_errors(ctx.t(), field_errors(ctx.t(), check_post(form, true, !g.agreed_rules)), attachment);
  if (!errors.empty()) co_return render_new(req, deps, g, form, errors);
  auto op = deps.service->start_topic(
      req.membership.org_id, g.id, req.principal.user_id,
      {form.title, form.body, form.agree_rules, form.create_key, std::move(attachment.file), form.alt});
  const auto posted = co_await std::move(op);
  if (posted.number == 0) co_return deps.not_found(ctx);
  ctx.set_flash("discussions.done.topic_started");
  co_return http::redirect(ctx.request, topic_url(req.membership.org_slug, posted.topic_id));
}

awaitable<Response> reports(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Action::see_reports);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto& g = std::get<GroupFacts>(loaded);
  auto op = deps.service->reports(g.id);
  const auto waiting = co_await std::move(op);
  const std::string base = discussion_url(req.membership.org_slug, g.id);
  auto page = page_builder(ctx, deps, s(t("discussions.reports.title")));
  page.caption(g.name).back_link(base, s(t("discussions.back_to_list")));
  Html& h = page.body();
  govuk::paragraph(h, t("discussions.reports.lead"));
  if (waiting.empty()) govuk::paragraph(h, t("discussions.reports.none"));
  for (const auto& r : waiting) {
    govuk::SummaryList rows;
    auto row = [&](const char* key, const std::string& value) {
      rows.rows.push_back({.key = {.text = s(t(key))}, .value = {.text = value, .classes = "rt-pre-line"}});
    };
    row("discussions.reports.topic", title_of(t, r.topic_title));
    row("discussions.reports.written_by", name_or_former(t, r.post_author));
    row("discussions.reports.words",
        r.post_excerpt.size() > 600 ? r.post_excerpt.substr(0, 600) + "…" : r.post_excerpt);
    row("discussions.reports.reported_by", name_or_former(t, r.reporter_name));
    row("discussions.reports.reason", r.reason);
    row("discussions.reports.when", view::format_datetime(t, r.created_at));
    Html title;
    govuk::link(title, post_url(req.membership.org_slug, r.topic_id, r.number),
                core::format(t("discussions.reports.card"), {{"title", title_of(t, r.topic_title)}}));
    rows.card = govuk::SummaryCard{.title = govuk::SummaryCardTitle{.html = std::move(title), .heading_level = 2}};
    govuk::summary_list(h, rows);
    Html buttons;
    if (!r.post_hidden && !g.archived) {
      govuk::button(buttons, {.text = s(t("discussions.reports.hide")),
                              .href = topic_url(req.membership.org_slug, r.topic_id) + "/posts/" +
                                      std::to_string(r.number) + "/hide"});
    }
    if (may(g, Action::dismiss_report)) {
      govuk::button_form(
          buttons,
          {.form = {.action = base + "/reports/" + std::to_string(r.id) + "/dismiss", .csrf_token = ctx.csrf_token},
           .button = {.text = s(t("discussions.reports.dismiss")), .classes = "govuk-button--secondary"}});
    }
    govuk::button_group_start(h);
    h.append(buttons);
    govuk::button_group_end(h);
  }
  co_return page.respond();
}

awaitable<Response> dismiss_report(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_group(req, deps, Action::dismiss_report);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& g = std::get<GroupFacts>(loaded);
  const auto report_id = parse_id(ctx.param("report"));
  if (!report_id) co_return deps.not_found(ctx);
  auto op = deps.service->dismiss_report(req.membership.org_id, g.id, *report_id, req.principal.user_id);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash("discussions.done.report_dismissed");
  co_return http::redirect(ctx.request, discussion_url(req.membership.org_slug, g.id) + "/reports");
}

}  // namespace roundtable::discussions::pages
