/// The person's choices about what their organisations may do with their information (consent), and the history of
/// those choices.
#include "consent/consent_pages.hpp"

#include <string>

#include "accounts/pages_common.hpp"
#include "view/dates.hpp"
#include "view/html.hpp"

namespace roundtable::consent::pages {

namespace {

using view::Html;
namespace govuk = view::govuk;

Response consent_page(RequestContext& ctx, const PagesDeps& deps, const ConsentState& state,
                      const std::vector<ConsentRecord>& history, const std::vector<view::FieldError>& errors,
                      const http::FormData* typed) {
  auto t = ctx.t();
  auto page = page_builder(ctx, deps, std::string(t("consent.title")));
  page.back_link("/account", std::string(t("consent.profile.back")));
  page.errors(t, errors);
  Html& h = page.body();
  govuk::paragraph(h, t("consent.lead"));
  govuk::form_start(h, {.action = "/account/consent", .csrf_token = ctx.csrf_token});
  for (auto purpose : kAllConsentPurposes) {
    const std::string code(consent_purpose_code(purpose));
    const auto& now = state.of(purpose);
    govuk::heading(h, 2, "m", t("consent." + code + ".title"));
    govuk::inset_text(h, {.text = std::string(t(consent_wording_key(purpose, current_consent_version(purpose))))});
    if (!now) {
      govuk::paragraph(h, t("consent.status_never"));
    } else {
      govuk::paragraph(h, core::format(t(now->given ? "consent.status_given" : "consent.status_withdrawn"),
                                       {{"date", view::format_date(t, now->created_at)}}));
    }
    if (purpose == ConsentPurpose::store_data) {
      // Storing the account's data is what the account is; withdrawing it means deleting the account.
      Html how;
      how.text(t("consent.store_data.how_to_withdraw")).text(" ");
      govuk::link(how, "/account/delete", t("consent.data.delete.title"));
      govuk::paragraph(h, std::move(how));
      continue;
    }
    std::string chosen;
    if (typed) {
      chosen = std::string(typed->value(code));
    } else if (now) {
      chosen = now->given ? "yes" : "no";
    }
    govuk::radios(h, {.name = code,
                      .items = {{.text = std::string(t("consent.yes")), .value = "yes"},
                                {.text = std::string(t("consent.no")), .value = "no"}},
                      .value = chosen,
                      .fieldset = small_legend(std::string(t("consent." + code + ".question"))),
                      .error_message = field_error_message(t, errors, code),
                      .classes = "govuk-radios--small"});
  }
  submit_button(h, t("consent.save"));
  govuk::form_end(h);
  govuk::heading(h, 2, "m", t("consent.history_title"));
  if (history.empty()) {
    govuk::paragraph(h, t("consent.history_none"));
  } else {
    govuk::List list;
    list.items.reserve(history.size());
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      list.items.emplace_back(
          view::format_date(t, it->created_at) + ": " +
          core::format(t(it->given ? "consent.history_given" : "consent.history_withdrawn"),
                       {{"what", t("consent." + std::string(consent_purpose_code(it->purpose)) + ".title")},
                        {"version", std::to_string(it->version)}}));
    }
    govuk::list(h, list);
  }
  return page.respond();
}

}  // namespace

awaitable<Response> consent_form(RequestContext& ctx, const PagesDeps& deps) {
  auto op = deps.service->consents(ctx.principal->user_id);
  auto [state, history] = co_await std::move(op);
  co_return consent_page(ctx, deps, state, history, {}, nullptr);
}

awaitable<Response> save_consent(RequestContext& ctx, const PagesDeps& deps) {
  auto t = ctx.t();
  std::vector<std::pair<ConsentPurpose, bool>> decisions;
  std::vector<view::FieldError> errors;
  for (auto purpose : {ConsentPurpose::contact, ConsentPurpose::public_use}) {
    const std::string code(consent_purpose_code(purpose));
    auto v = ctx.form.value(code);
    if (v == "yes" || v == "no") {
      decisions.emplace_back(purpose, v == "yes");
    } else {
      errors.push_back({code, std::string(t("consent." + code + ".error"))});
    }
  }
  if (!errors.empty()) {
    auto op = deps.service->consents(ctx.principal->user_id);
    auto [state, history] = co_await std::move(op);
    co_return consent_page(ctx, deps, state, history, errors, &ctx.form);
  }
  auto save = deps.service->set_consents(ctx.principal->user_id, ctx.lang, std::move(decisions));
  co_await std::move(save);
  ctx.set_flash("consent.saved");
  co_return http::redirect(ctx.request, "/account/consent");
}

}  // namespace roundtable::consent::pages
