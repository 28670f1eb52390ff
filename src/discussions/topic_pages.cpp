// A topic and its replies (a page of 50 at a time, by keyset on their numbers), replying, following, raising it at
// the next meeting, reactions, and the easy-read summary.
#include "discussions/discussion_form.hpp"
#include "discussions/discussion_pages.hpp"
#include "module/follow_ups_section.hpp"
#include "security/tokens.hpp"
#include "view/dates.hpp"
#include "view/govuk/govuk.hpp"

namespace roundtable::discussions::pages {

namespace {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

using view::s;

/// The reply box (with the ground rules before a first post), or why there is none.
void reply_form(Html& h, const OrgRequest& req, const GroupFacts& g, const Topic& topic, const Post& opening,
                const PostForm& form, const std::vector<view::FieldError>& errors) {
  const auto t = req.ctx.t();
  if (!may(g, Action::reply, facts_of(g, opening, req.principal.user_id))) {
    const char* why = g.archived                      ? "discussions.topic.archived"
                      : g.role == GroupRole::observer ? "discussions.topic.observer"
                                                      : "discussions.topic.closed";
    govuk::paragraph(h, t(why));
    return;
  }
  govuk::heading(h, 2, "m", t("discussions.topic.reply_heading"), "reply");
  govuk::form_start(
      h, {.action = topic_url(req.membership.org_slug, topic.id) + "/replies", .csrf_token = req.ctx.csrf_token});
  govuk::hidden(h, "create_key", form.create_key);
  ground_rules(h, t, g, errors, form.agree_rules);
  body_field(h, t, s(t("discussions.form.reply")), form.body, errors);
  submit_button(h, t("discussions.topic.reply_button"));
  govuk::form_end(h);
}

/// A button that turns something on or off for the person (follow, raise), posting `on`.
void toggle(Html& h, const OrgRequest& req, const std::string& action, bool is_on, const std::string& on_words,
            const std::string& off_words) {
  govuk::button_form(h, {.form = {.action = action, .csrf_token = req.ctx.csrf_token},
                         .hidden = {{"on", is_on ? "0" : "1"}},
                         .button = {.text = is_on ? off_words : on_words, .classes = "govuk-button--secondary"}});
}

Response render_reply_page(OrgRequest& req, const PagesDeps& deps, const store::PostInTopic& found,
                           const PostForm& form, const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  auto page =
      page_builder(ctx, deps, core::format(t("discussions.reply.title"), {{"title", title_of(t, found.topic.title)}}));
  page.caption(found.group.name)
      .back_link(topic_url(req.membership.org_slug, found.topic.id), s(t("discussions.back_to_topic")))
      .errors(t, errors);
  reply_form(page.body(), req, found.group, found.topic, found.post, form, errors);
  return page.respond();
}

/// What the page's script needs to listen for new replies (web/js/live.mjs): the stream's address, and the words it
/// says in the page's language (each plural form of "{n} new replies", with {n} for the script to fill, for
/// Intl.PluralRules to choose from).
void live_attributes(Html& h, const core::Translator& t, const std::string& topic_address) {
  constexpr std::string_view kNew = "discussions.live.new_replies";
  const auto form = [&](core::PluralCategory c) {
    const auto& messages = core::Messages::embedded();
    const std::string* text = messages.catalogue(t.lang()).find_plural(kNew, c);
    if (!text) text = messages.catalogue(core::Lang::en).find_plural(kNew, c);
    return text ? *text : std::string(kNew);
  };
  using core::PluralCategory;
  h.raw(" data-rt-live=\"").text(topic_address + "/live").raw("\"");
  h.raw(" data-text-new-zero=\"").text(form(PluralCategory::zero)).raw("\"");
  h.raw(" data-text-new-one=\"").text(form(PluralCategory::one)).raw("\"");
  h.raw(" data-text-new-two=\"").text(form(PluralCategory::two)).raw("\"");
  h.raw(" data-text-new-few=\"").text(form(PluralCategory::few)).raw("\"");
  h.raw(" data-text-new-many=\"").text(form(PluralCategory::many)).raw("\"");
  h.raw(" data-text-new-other=\"").text(form(PluralCategory::other)).raw("\"");
  h.raw(" data-text-changed=\"").text(t("discussions.live.changed")).raw("\"");
  h.raw(" data-text-reload=\"").text(t("discussions.live.reload")).raw("\"");
}

std::optional<long long> after_of(const http::FormData& query) {
  const auto v = query.value("after");
  if (v.empty()) return 0;
  if (v == "0") return 0;
  return parse_id(v);
}

}  // namespace

awaitable<Response> topic(OrgRequest& req, const PagesDeps& deps) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const auto id = parse_id(ctx.param("topic"));
  const auto after = after_of(ctx.query_params());
  if (!id || !after) co_return deps.not_found(ctx);
  auto op = deps.service->topic(req.membership.org_id, *id, req.principal.user_id, *after);
  const auto found = co_await std::move(op);
  if (!found || !may(found->group, Action::see_discussion)) co_return deps.not_found(ctx);
  const auto& g = found->group;
  const auto& topic = found->topic;
  const std::string slug = req.membership.org_slug;
  const std::string url = topic_url(slug, topic.id);
  auto page = page_builder(ctx, deps, title_of(t, topic.title));
  page.caption(g.name).back_link(discussion_url(slug, g.id), s(t("discussions.back_to_list")));
  Html& h = page.body();
  const bool first_page = found->after <= 1;
  if (!topic.easy_read.empty()) {
    Html easy;
    govuk::heading(easy, 2, "s", t("discussions.topic.easy_read"));
    govuk::paragraph(easy, topic.easy_read, "govuk-body rt-pre-line");
    govuk::inset_text(h, {.html = std::move(easy)});
  }
  if (may(g, Action::write_easy_read, {.post_deleted = found->opening.gone()})) {
    govuk::link_paragraph(
        h, url + "/easy-read",
        t(topic.easy_read.empty() ? "discussions.topic.easy_read_add" : "discussions.topic.easy_read_change"));
  }
  std::string meta = core::format(t.plural("discussions.topic.replies", topic.post_count - 1),
                                  {{"n", std::to_string(topic.post_count - 1)}});
  if (topic.raised_count > 0) {
    meta += " " + core::format(t.plural("discussions.topic.raised", topic.raised_count),
                               {{"n", std::to_string(topic.raised_count)}});
  }
  govuk::paragraph(h, meta);
  Html buttons;
  if (may(g, Action::follow)) {
    toggle(buttons, req, url + "/follow", topic.following, s(t("discussions.topic.follow")),
           s(t("discussions.topic.unfollow")));
  }
  if (may(g, Action::raise_at_meeting, facts_of(g, found->opening, req.principal.user_id))) {
    toggle(buttons, req, url + "/raise", topic.raised, s(t("discussions.topic.raise")),
           s(t("discussions.topic.unraise")));
  }
  if (!buttons.empty()) {
    govuk::button_group_start(h);
    h.append(buttons);
    govuk::button_group_end(h);
  }
  if (topic.following) govuk::paragraph(h, t("discussions.topic.following_hint"), "govuk-body-s");
  if (first_page && topic.seen_number > 1 && topic.seen_number < topic.post_count) {
    govuk::link_paragraph(h, post_url(slug, topic.id, topic.seen_number + 1), t("discussions.topic.first_new"));
  }
  if (first_page) {
    post_block(h, req, g, found->opening, topic.attachment);
    module::follow_ups_section(h, t, t("discussions.topic.follow_ups"), slug, found->follow_ups);
  } else {
    govuk::link_paragraph(h, url, t("discussions.topic.to_start"));
  }
  govuk::heading(h, 2, "m", t("discussions.topic.replies_heading"));
  // On the last page, where new replies appear, a script may listen for them (live_attributes); without it, the
  // page is the same.
  const bool live = deps.live && !found->more;
  h.raw("<div id=\"replies\"");
  if (live) live_attributes(h, t, url);
  h.raw(">\n");
  if (found->replies.empty()) {
    h.raw("<p class=\"govuk-body\" data-rt-live-empty>")
        .text(t(first_page ? "discussions.topic.no_replies" : "discussions.topic.no_more"))
        .raw("</p>\n");
  }
  for (const auto& p : found->replies) post_block(h, req, g, p);
  h.raw("</div>\n");
  if (live)
    h.raw("<div class=\"govuk-body govuk-!-font-weight-bold\" aria-live=\"polite\" data-rt-live-status></div>\n");
  if (!first_page || found->more) {
    govuk::Pagination pagination{.landmark_label = s(t("pagination.label"))};
    if (!first_page) {
      const long long previous = found->after - kPostsPerPage;
      pagination.previous =
          govuk::PaginationLink{.text = s(t("discussions.topic.earlier")),
                                .href = previous <= 1 ? url : url + "?after=" + std::to_string(previous)};
    }
    if (found->more) {
      pagination.next = govuk::PaginationLink{.text = s(t("discussions.topic.later")),
                                              .href = url + "?after=" + std::to_string(found->replies.back().number)};
    }
    govuk::pagination(h, pagination);
  }
  // The reply box only under the last page, where a reply will appear.
  if (!found->more) {
    PostForm form;
    form.create_key = security::random_token(16);
    reply_form(h, req, g, topic, found->opening, form, {});
  }
  co_return page.respond();
}

awaitable<Response> live(OrgRequest& req, const PagesDeps& deps) {
  if (!deps.live) co_return deps.not_found(req.ctx);
  // Whoever may read the topic may listen to it; anyone else learns nothing, exactly as from the topic's page.
  auto op = load_post(req, deps, Action::see_discussion);
  auto loaded = co_await std::move(op);
  if (auto* refused = std::get_if<Response>(&loaded)) co_return std::move(*refused);
  const auto& found = std::get<store::PostInTopic>(loaded);
  auto answer = deps.live->answer(req.ctx, "topic:" + std::to_string(found.topic.id));
  co_return co_await std::move(answer);
}

awaitable<Response> reply(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::reply);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& found = std::get<store::PostInTopic>(loaded);
  auto form = read_post(ctx.form);
  if (form.create_key.empty()) form.create_key = security::random_token(16);
  const auto problems = check_post(form, false, !found.group.agreed_rules);
  if (!problems.empty()) co_return render_reply_page(req, deps, found, form, field_errors(ctx.t(), problems));
  auto op = deps.service->reply(req.membership.org_id, found.topic.id, req.principal.user_id,
                                {"", form.body, form.agree_rules, form.create_key});
  const auto posted = co_await std::move(op);
  if (posted.number == 0) co_return deps.not_found(ctx);
  ctx.set_flash("discussions.done.replied");
  co_return http::redirect(ctx.request, post_url(req.membership.org_slug, found.topic.id, posted.number));
}

awaitable<Response> follow(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::follow);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& found = std::get<store::PostInTopic>(loaded);
  const bool on = ctx.form.value("on") == "1";
  auto op = deps.service->follow(req.membership.org_id, found.topic.id, req.principal.user_id, on);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash(on ? "discussions.done.following" : "discussions.done.not_following",
                {{"title", title_of(ctx.t(), found.topic.title)}});
  co_return http::redirect(ctx.request, topic_url(req.membership.org_slug, found.topic.id));
}

awaitable<Response> raise(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::raise_at_meeting);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& found = std::get<store::PostInTopic>(loaded);
  const bool on = ctx.form.value("on") == "1";
  auto op = deps.service->raise(req.membership.org_id, found.topic.id, req.principal.user_id, on);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash(on ? "discussions.done.raised" : "discussions.done.not_raised");
  co_return http::redirect(ctx.request, topic_url(req.membership.org_slug, found.topic.id));
}

awaitable<Response> react(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::react);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& found = std::get<store::PostInTopic>(loaded);
  // The button pressed: "agree:on" adds that reaction, "agree:off" takes it back (see reactions() in the page parts).
  const std::string_view pressed = ctx.form.value("reaction");
  const auto colon = pressed.find(':');
  const auto kind = parse_reaction(pressed.substr(0, colon));
  const std::string_view change = colon == std::string_view::npos ? "" : pressed.substr(colon + 1);
  if (!kind || (change != "on" && change != "off")) co_return deps.not_found(ctx);
  const bool on = change == "on";
  auto op =
      deps.service->react(req.membership.org_id, found.topic.id, found.post.number, req.principal.user_id, *kind, on);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash(on ? "discussions.done.reacted." + s(reaction_code(*kind)) : "discussions.done.unreacted");
  co_return http::redirect(ctx.request, post_url(req.membership.org_slug, found.topic.id, found.post.number));
}

namespace {

Response render_easy_read(OrgRequest& req, const PagesDeps& deps, const store::PostInTopic& found,
                          const std::string& value, const std::vector<view::FieldError>& errors) {
  auto& ctx = req.ctx;
  auto t = ctx.t();
  const std::string url = topic_url(req.membership.org_slug, found.topic.id);
  auto page = page_builder(ctx, deps, s(t("discussions.easy_read.title")));
  page.caption(title_of(t, found.topic.title)).back_link(url, s(t("discussions.back_to_topic"))).errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("discussions.easy_read.lead"));
  govuk::form_start(h, {.action = url + "/easy-read", .csrf_token = ctx.csrf_token});
  govuk::textarea(h, {.id = "easy_read",
                      .name = "easy_read",
                      .rows = 8,
                      .value = value,
                      .label = small_label(s(t("discussions.easy_read.label"))),
                      .hint = {.text = s(t("discussions.easy_read.hint"))},
                      .error_message = field_error_message(t, errors, "easy_read")});
  submit_button(h, t("discussions.easy_read.button"));
  govuk::form_end(h);
  return page.respond();
}

}  // namespace

awaitable<Response> easy_read_form(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::write_easy_read);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  const auto& found = std::get<store::PostInTopic>(loaded);
  co_return render_easy_read(req, deps, found, found.topic.easy_read, {});
}

awaitable<Response> save_easy_read(OrgRequest& req, const PagesDeps& deps) {
  auto loaded_op = load_post(req, deps, Action::write_easy_read);
  auto loaded = co_await std::move(loaded_op);
  if (auto* r = std::get_if<Response>(&loaded)) co_return std::move(*r);
  auto& ctx = req.ctx;
  const auto& found = std::get<store::PostInTopic>(loaded);
  const auto form = read_easy_read(ctx.form);
  const auto problems = check_easy_read(form);
  if (!problems.empty()) co_return render_easy_read(req, deps, found, form.easy_read, field_errors(ctx.t(), problems));
  auto op = deps.service->set_easy_read(req.membership.org_id, found.topic.id, req.principal.user_id, form.easy_read);
  if (!co_await std::move(op)) co_return deps.not_found(ctx);
  ctx.set_flash(form.easy_read.empty() ? "discussions.done.easy_read_removed" : "discussions.done.easy_read_saved");
  co_return http::redirect(ctx.request, topic_url(req.membership.org_slug, found.topic.id));
}

}  // namespace roundtable::discussions::pages
