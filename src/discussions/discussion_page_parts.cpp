// What the discussions pages share: loading a group, topic or post for the person asking and asking the policy,
// addresses, the ground rules before a first post, and how a post is shown with what the person may do to it.
#include <charconv>

#include "discussions/discussion_pages.hpp"
#include "groups/group_form.hpp"
#include "markdown/markdown.hpp"
#include "view/dates.hpp"
#include "view/file_upload.hpp"
#include "view/govuk/govuk.hpp"
#include "view/recorder.hpp"

namespace roundtable::discussions::pages {

namespace govuk = view::govuk;
using policy::Action;
using view::Html;

namespace {

using view::s;

}  // namespace

std::optional<long long> parse_id(std::string_view text) {
  long long v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

bool may(const GroupFacts& g, Action action, const policy::Facts& facts) {
  policy::Facts f = facts;
  f.group_archived = g.archived;
  return policy::allows({g.role}, action, f) == policy::Verdict::allow;
}

policy::Facts facts_of(const GroupFacts& g, const Post& p, long long viewer) {
  return {g.archived, p.author_id == viewer, p.gone(), p.hidden()};
}

awaitable<std::variant<GroupFacts, Response>> load_group(OrgRequest& req, const PagesDeps& deps, Action action) {
  auto& ctx = req.ctx;
  const auto id = parse_id(ctx.param("group"));
  if (!id) co_return deps.not_found(ctx);
  auto op = deps.service->group(req.membership.org_id, *id, req.principal.user_id);
  auto found = co_await std::move(op);
  if (!found || !may(*found, action)) co_return deps.not_found(ctx);
  co_return std::move(*found);
}

awaitable<std::variant<store::PostInTopic, Response>> load_post(OrgRequest& req, const PagesDeps& deps, Action action) {
  auto& ctx = req.ctx;
  const auto topic_id = parse_id(ctx.param("topic"));
  const auto number = ctx.param("number").empty() ? std::optional<long long>(1) : parse_id(ctx.param("number"));
  if (!topic_id || !number) co_return deps.not_found(ctx);
  auto op = deps.service->post(req.membership.org_id, *topic_id, *number, req.principal.user_id);
  auto found = co_await std::move(op);
  // Whoever may not see the discussion learns nothing, not even that the post exists.
  if (!found || !may(found->group, Action::see_discussion) ||
      policy::allows({found->group.role}, action, facts_of(found->group, found->post, req.principal.user_id)) !=
          policy::Verdict::allow) {
    co_return deps.not_found(ctx);
  }
  co_return std::move(*found);
}

std::string group_url(const OrgRequest& req, long long group_id) {
  return "/o/" + req.membership.org_slug + "/groups/" + std::to_string(group_id);
}

std::string name_or_former(const core::Translator& t, const std::string& name) {
  return name.empty() ? s(t("discussions.former_member")) : name;
}

std::string title_of(const core::Translator& t, const std::string& title) {
  return title.empty() ? s(t("discussions.topic.deleted_title")) : title;
}

void ground_rules(Html& h, const core::Translator& t, const GroupFacts& g, const std::vector<view::FieldError>& errors,
                  bool ticked) {
  if (g.agreed_rules) return;
  govuk::heading(h, 2, "m", t("discussions.rules.title"));
  govuk::paragraph(h, t("discussions.rules.lead"));
  const auto& rules = g.ground_rules;
  if (!rules.easy_read.empty()) {
    Html easy;
    markdown::render(easy, rules.easy_read, {.top_heading_level = 3});
    if (rules.standard.empty()) {
      h.append(easy);
    } else {
      markdown::render(h, rules.standard, {.top_heading_level = 3});
      govuk::details(h, {.summary_text = s(t("discussions.rules.easy_read")), .html = std::move(easy)});
    }
  } else {
    markdown::render(h, rules.standard, {.top_heading_level = 3});
  }
  govuk::checkboxes(h, {.name = "agree_rules",
                        .items = {{.text = s(t("discussions.rules.agree")), .value = "yes", .checked = ticked}},
                        .error_message = field_error_message(t, errors, "agree_rules")});
}

void body_field(Html& h, const core::Translator& t, const std::string& label, const std::string& value,
                const std::vector<view::FieldError>& errors) {
  govuk::textarea(h, {.id = "body",
                      .name = "body",
                      .rows = 8,
                      .value = value,
                      .label = small_label(label),
                      .hint = {.text = s(t("discussions.form.body_hint"))},
                      .error_message = field_error_message(t, errors, "body")});
}

namespace {

std::string post_base(const OrgRequest& req, const Post& p) {
  return topic_url(req.membership.org_slug, p.topic_id) + "/posts/" + std::to_string(p.number);
}

/// Each reaction's message key and its button's values (kAllReactions' order), written out rather than put together
/// for every button of every post.
constexpr std::string_view kReactionKeys[] = {"discussions.reaction.agree", "discussions.reaction.thanks",
                                              "discussions.reaction.me_too"};
constexpr std::string_view kReactionOn[] = {"agree:on", "thanks:on", "me_too:on"};
constexpr std::string_view kReactionOff[] = {"agree:off", "thanks:off", "me_too:off"};
static_assert(std::size(kReactionKeys) == kAllReactions.size());

void reactions(Html& h, const OrgRequest& req, const GroupFacts& g, const Post& p, const std::string& base) {
  const auto t = req.ctx.t();
  if (may(g, Action::react, facts_of(g, p, req.principal.user_id))) {
    // One form with a button per reaction (its value names the reaction and whether to add or take it back): a form
    // each cost a third of the topic page's time and markup.
    govuk::form_start(h, {.action = base + "/react", .csrf_token = req.ctx.csrf_token});
    govuk::button_group_start(h);
    // One button refilled for each reaction.
    govuk::Button b{.name = "reaction", .attributes = {{"aria-pressed", ""}}};
    for (std::size_t i = 0; i < kAllReactions.size(); ++i) {
      const bool mine = p.mine[i];
      b.text = core::format(t.plural(kReactionKeys[i], p.reactions[i]), {{"n", std::to_string(p.reactions[i])}});
      b.value = mine ? kReactionOff[i] : kReactionOn[i];
      // Pressed: the green button; not pressed: the grey one (and aria-pressed says which).
      b.classes = mine ? "govuk-!-margin-bottom-1" : "govuk-button--secondary govuk-!-margin-bottom-1";
      b.attributes[0].value = mine ? "true" : "false";
      govuk::button(h, b);
    }
    govuk::button_group_end(h);
    govuk::form_end(h);
    return;
  }
  // Observers and the post's author see the counts without buttons.
  std::string counts;
  for (std::size_t i = 0; i < kAllReactions.size(); ++i) {
    if (p.reactions[i] == 0) continue;
    if (!counts.empty()) counts += ", ";
    counts += core::format(t.plural(kReactionKeys[i], p.reactions[i]), {{"n", std::to_string(p.reactions[i])}});
  }
  if (!counts.empty()) govuk::paragraph(h, counts, "govuk-body-s");
}

void actions(Html& h, const OrgRequest& req, const GroupFacts& g, const Post& p, const std::string& base) {
  const auto t = req.ctx.t();
  const auto f = facts_of(g, p, req.principal.user_id);
  const std::string what = p.number == 1 ? "topic" : "reply";
  govuk::List list{.classes = "govuk-!-font-size-16"};
  auto link = [&](const std::string& href, const std::string& key) {
    Html a;
    govuk::link(a, href, t("discussions.post." + key + "_" + what));
    list.items.emplace_back(std::move(a));
  };
  if (may(g, Action::edit_post, f)) link(base + "/edit", "edit");
  if (may(g, Action::delete_post, f)) link(base + "/delete", "delete");
  if ((p.edited_at || p.gone()) && may(g, Action::see_history, f)) link(base + "/history", "history");
  if (may(g, Action::report_post, f)) link(base + "/report", "report");
  if (may(g, Action::hide_post, f)) link(base + "/hide", "hide");
  // What became of a reply: its timeline in the loop (discussions_loop.cpp registers replies with it). For the reply's
  // author and the people who run the group (who say what happened next); anyone told of a change gets the link.
  // A topic's own timeline is under "What happened next" (the loop's follow-up).
  if (p.number > 1 && !p.gone() && !p.hidden() &&
      (p.author_id == req.principal.user_id || may(g, Action::see_reports))) {
    link("/o/" + req.membership.org_slug + "/loop/reply/" + std::to_string(p.id), "loop");
  }
  if (!list.items.empty()) govuk::list(h, list);
  if (may(g, Action::unhide_post, f)) {
    govuk::button_form(
        h, {.form = {.action = base + "/show", .csrf_token = req.ctx.csrf_token},
            .button = {.text = s(t("discussions.post.show." + what)), .classes = "govuk-button--secondary"}});
  }
}

}  // namespace

void post_block(Html& h, const OrgRequest& req, const GroupFacts& g, const Post& p,
                const std::optional<Attachment>& attachment) {
  const auto t = req.ctx.t();
  const bool opening = p.number == 1;
  h.raw("<div class=\"govuk-!-margin-bottom-6\" id=\"post-").number(p.number).raw("\">\n");
  const std::string who = name_or_former(t, p.author_name);
  std::string meta = core::format(t(opening ? "discussions.post.started" : "discussions.post.replied"),
                                  {{"name", who}, {"date", view::format_datetime(t, p.created_at)}});
  if (p.edited_at && !p.gone()) {
    meta += " " + core::format(t("discussions.post.edited"), {{"date", view::format_datetime(t, *p.edited_at)}});
  }
  if (!opening) {
    govuk::heading(
        h, 3, "s",
        core::format(t("discussions.post.reply_heading"), {{"name", who}, {"n", std::to_string(p.number - 1)}}));
  }
  govuk::paragraph(h, meta, "govuk-body-s");
  const bool own = p.author_id == req.principal.user_id;
  const bool runs = may(g, Action::see_reports);
  if (p.gone()) {
    govuk::paragraph(h, t(opening ? "discussions.post.deleted_topic" : "discussions.post.deleted_reply"));
  } else if (p.hidden()) {
    const std::string reason = core::format(t("discussions.post.hidden_reason"), {{"reason", p.hidden_reason}});
    if (own || runs) {
      govuk::warning_text(
          h, {.text = s(t(own ? "discussions.post.hidden_yours" : "discussions.post.hidden")) + " " + reason,
              .icon_fallback_text = s(t("discussions.warning"))});
      Html body;
      markdown::render(body, p.body, {.top_heading_level = 4});
      govuk::details(h, {.summary_text = s(t("discussions.post.hidden_show")), .html = std::move(body)});
    } else {
      govuk::paragraph(h, t("discussions.post.hidden"));
    }
  } else {
    markdown::render(h, p.body, {.top_heading_level = 4});
    if (attachment) attachment_block(h, t, *attachment);
  }
  // The post's address, which its reactions and its links start from.
  const std::string base = post_base(req, p);
  if (!p.gone() && !p.hidden()) reactions(h, req, g, p, base);
  actions(h, req, g, p, base);
  h.raw("<hr class=\"govuk-section-break govuk-section-break--m govuk-section-break--visible\">\n</div>\n");
}

void attachment_block(Html& h, const core::Translator& t, const Attachment& a) {
  const std::string url = uploads::file_url(a.public_id);
  if (a.kind == media::Kind::image) {
    // No component shows a picture: its description is its alternative text; it fits the screen as a group's does.
    h.raw("<img class=\"rt-group-picture govuk-!-margin-bottom-4\" src=\"").text(url).raw("\" alt=\"").text(a.alt);
    h.raw("\">\n");
    return;
  }
  const bool video = a.kind == media::Kind::video;
  h.raw("<div class=\"govuk-!-margin-bottom-4\">\n");
  view::media_player(h, {.url = url,
                         .mime = a.mime,
                         .video = video,
                         .label = s(t(video ? "discussions.attachment.video" : "discussions.attachment.recording")),
                         .link_text = s(t(video ? "discussions.attachment.download_video"
                                                : "discussions.attachment.download_recording"))});
  h.raw("</div>\n");
}

void attachment_fields(Html& h, const core::Translator& t, const std::optional<Attachment>& current,
                       const PostForm& form, const std::vector<view::FieldError>& errors) {
  govuk::heading(h, 2, "m", t("discussions.attachment.heading"));
  if (current) {
    attachment_block(h, t, *current);
    govuk::checkboxes(
        h, {.name = "remove_attachment",
            .id_prefix = "remove_attachment",
            .items = {{.text = s(t("discussions.attachment.remove")), .value = "1", .checked = form.remove_attachment}},
            .classes = "govuk-checkboxes--small"});
  }
  view::file_upload(
      h, t,
      {.id = "attachment",
       .name = "attachment",
       .label = small_label(s(t(current ? "discussions.attachment.replace" : "discussions.attachment.choose"))),
       .hint = {.text = s(t("discussions.attachment.hint"))},
       .error_message = field_error_message(t, errors, "attachment"),
       .attributes = {{"accept", "image/jpeg,image/png,image/gif,image/webp,audio/*,video/*"}}});
  govuk::input(h, {.id = "alt",
                   .name = "alt",
                   .value = form.alt,
                   .label = small_label(s(t("discussions.attachment.alt"))),
                   .hint = {.text = s(t("discussions.attachment.alt_hint"))},
                   .error_message = field_error_message(t, errors, "alt")});
}

awaitable<AttachmentChecked> check_attachment(RequestContext& ctx, const PagesDeps& deps, const PostForm& form,
                                              bool keeps_picture) {
  const auto t = ctx.t();
  AttachmentChecked out;
  const auto allowed = topic_file_allowed();
  auto* uploads = deps.service->uploads();
  if (const auto* chosen = ctx.file("attachment"); chosen && uploads) {
    auto op = uploads->prepare(std::string(chosen->data), chosen->filename, allowed);
    auto prepared = co_await std::move(op);
    if (auto* refusal = std::get_if<uploads::Refusal>(&prepared)) {
      out.errors.push_back({"attachment", uploads::refusal_message(t, *refusal, allowed)});
    } else {
      out.file = std::move(std::get<uploads::Prepared>(prepared));
    }
  }
  // A picture is described in words, as a group's is (groups' rules and words).
  const bool picture = out.file ? out.file->kind == media::Kind::image : keeps_picture;
  for (const auto& e : field_errors(t, groups::check_picture({form.alt}, picture))) out.errors.push_back(e);
  co_return out;
}

std::vector<view::FieldError> with_attachment_errors(const core::Translator& t, std::vector<view::FieldError> errors,
                                                     const AttachmentChecked& checked) {
  errors.insert(errors.end(), checked.errors.begin(), checked.errors.end());
  if (!errors.empty() && checked.file) errors.push_back({"attachment", s(t("discussions.attachment.again"))});
  return errors;
}

}  // namespace roundtable::discussions::pages
