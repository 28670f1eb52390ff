#include "opportunities/opportunity_service.hpp"

#include "db/transaction.hpp"
#include "groups/group_service.hpp"
#include "groups/group_store.hpp"
#include "mail/compose.hpp"
#include "mail/outbox_store.hpp"
#include "opportunities/opportunity_policy.hpp"
#include "organisations/organisation_service.hpp"

namespace roundtable::opportunities {

namespace {

/// The outcome email, in the person's own language: selected (with a link to the group they joined), or not this
/// time, with thanks (and a link to other opportunities).
mail::Message outcome_message(const store::Untold& u, const Opportunity& o, const std::string& org_name,
                              const std::string& org_slug, const std::string& base_url) {
  core::Translator t(core::Messages::embedded(), u.lang);
  const std::vector<std::pair<std::string, std::string>> args{
      {"title", o.details.title}, {"org", org_name}, {"group", o.group_name}};
  const std::string org_url = base_url + "/o/" + org_slug;
  if (u.selected) {
    return mail::compose(u.email, u.name, u.lang, core::format(t("opportunities.mail.selected.subject"), args),
                         {core::format(t("opportunities.mail.selected.p1"), args),
                          core::format(t("opportunities.mail.selected.p2"), args)},
                         mail::Action{std::string(t("opportunities.mail.selected.button")),
                                      org_url + "/groups/" + std::to_string(o.group_id)});
  }
  return mail::compose(
      u.email, u.name, u.lang, core::format(t("opportunities.mail.not_selected.subject"), args),
      {core::format(t("opportunities.mail.not_selected.p1"), args),
       core::format(t("opportunities.mail.not_selected.p2"), args)},
      mail::Action{std::string(t("opportunities.mail.not_selected.button")), org_url + "/opportunities"});
}

long long create(soci::session& s, long long org_id, long long group_id, long long actor, const OpportunityDetails& d,
                 State state, const std::string& create_key, long long now) {
  db::WriteTransaction tx(s);
  if (auto existing = store::find_by_create_key(s, org_id, create_key)) return *existing;
  const auto g = groups::store::find_for_viewer(s, org_id, group_id, actor);
  if (!g || g->group.archived()) return 0;
  // Two copies of the form at once: on PostgreSQL both may pass the look-up above; the insert's ON CONFLICT lets one
  // through and the other finds it.
  const long long id = store::insert(s, org_id, group_id, d, state, create_key, actor, now);
  if (id == 0) return store::find_by_create_key(s, org_id, create_key).value_or(0);
  tx.commit();
  return id;
}

/// send: false only for demo data, whose people are told without email.
OutcomeTold tell(soci::session& s, long long org_id, long long id, long long actor, const Date& today, long long now,
                 const std::string& base_url, bool send = true) {
  OutcomeTold out;
  db::WriteTransaction tx(s);
  const auto v = store::find_for_viewer(s, org_id, id, actor, today);
  if (!v || (v->opportunity.state != State::open && v->opportunity.state != State::closed)) return out;
  const auto& o = v->opportunity;
  // First, so that of two tellings at once only one gets past here.
  if (!store::set_filled(s, id, now)) return out;
  const auto [org_name, org_slug] = store::org_of(s, org_id);
  for (const auto& u : store::untold(s, id)) {
    if (u.selected) {
      groups::add_member_in(s, org_id, o.group_id, actor, u.user_id, now);
      ++out.selected;
    } else {
      ++out.not_selected;
    }
    if (send) mail::store::enqueue(s, outcome_message(u, o, org_name, org_slug, base_url), now);
    store::mark_told(s, id, u.user_id, now);
  }
  tx.commit();
  out.done = true;
  return out;
}

}  // namespace

Date OpportunityService::today() const { return local_date(clock_.now_seconds()); }

std::string OpportunityService::base_url() const {
  return organisations_ ? organisations_->base_url() : std::string("http://127.0.0.1:8080");
}

awaitable<std::optional<groups::GroupForViewer>> OpportunityService::group_for(long long org_id, long long group_id,
                                                                               long long viewer) {
  auto op = db_.read([=](soci::session& s) {
    return groups::store::find_for_viewer(s, org_id, group_id, viewer, groups::Documents::left_out);
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<GroupOpportunities>> OpportunityService::group_opportunities(long long org_id,
                                                                                     long long group_id,
                                                                                     long long viewer) {
  auto op = db_.read([=, this](soci::session& s) -> std::optional<GroupOpportunities> {
    auto g = groups::store::find_for_viewer(s, org_id, group_id, viewer, groups::Documents::left_out);
    if (!g) return std::nullopt;
    return GroupOpportunities{std::move(*g), store::list_for_group(s, group_id, viewer, today())};
  });
  co_return co_await std::move(op);
}

awaitable<long long> OpportunityService::create_opportunity(long long org_id, long long group_id, long long actor,
                                                            OpportunityDetails details, bool publish,
                                                            std::string create_key) {
  auto op = db_.run([=, this, d = std::move(details), key = std::move(create_key)](soci::session& s) {
    return create(s, org_id, group_id, actor, d, publish ? State::open : State::draft, key, clock_.now_seconds());
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<OpportunityForViewer>> OpportunityService::opportunity_for(long long org_id, long long id,
                                                                                   long long viewer) {
  auto op = db_.read([=, this](soci::session& s) { return store::find_for_viewer(s, org_id, id, viewer, today()); });
  co_return co_await std::move(op);
}

awaitable<std::optional<store::Public>> OpportunityService::public_opportunity(std::string org_slug, long long id) {
  auto op = db_.read(
      [=, this, slug = std::move(org_slug)](soci::session& s) { return store::find_public(s, slug, id, today()); });
  co_return co_await std::move(op);
}

awaitable<std::vector<OpportunityListed>> OpportunityService::open_opportunities(long long org_id, long long viewer) {
  auto op = db_.read([=, this](soci::session& s) { return store::list_open(s, org_id, viewer, today()); });
  co_return co_await std::move(op);
}

awaitable<std::vector<Interest>> OpportunityService::applicants(long long org_id, long long id) {
  auto op = db_.read([=, this](soci::session& s) {
    // The id must be this organisation's.
    if (!store::find_for_viewer(s, org_id, id, 0, today())) return std::vector<Interest>{};
    return store::interests(s, id);
  });
  co_return co_await std::move(op);
}

awaitable<bool> OpportunityService::update_opportunity(long long org_id, long long id, OpportunityDetails details) {
  auto op = db_.run([=, this, d = std::move(details)](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto v = store::find_for_viewer(s, org_id, id, 0, today());
    if (!v || v->opportunity.state == State::filled) return false;
    store::update_details(s, id, d, clock_.now_seconds());
    tx.commit();
    return true;
  });
  co_return co_await std::move(op);
}

awaitable<bool> OpportunityService::open_opportunity(long long org_id, long long id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto v = store::find_for_viewer(s, org_id, id, 0, today());
    if (!v || v->opportunity.state != State::draft) return false;
    store::set_state(s, id, State::open, clock_.now_seconds());
    tx.commit();
    return true;
  });
  co_return co_await std::move(op);
}

awaitable<bool> OpportunityService::close_opportunity(long long org_id, long long id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto v = store::find_for_viewer(s, org_id, id, 0, today());
    if (!v || v->opportunity.state != State::open) return false;
    store::set_state(s, id, State::closed, clock_.now_seconds());
    tx.commit();
    return true;
  });
  co_return co_await std::move(op);
}

awaitable<InterestOutcome> OpportunityService::express_interest(long long org_id, long long id, long long user,
                                                                std::string message, std::string help,
                                                                RecordingChange recording) {
  // A recording can only be kept where there is storage for it.
  if (!uploads_) recording = {};
  auto op = db_.run([=, this, message = std::move(message), help = std::move(help),
                     recording = std::move(recording)](soci::session& s) -> std::pair<InterestOutcome, std::string> {
    db::WriteTransaction tx(s);
    if (!store::hold_undecided(s, id)) return {InterestOutcome::not_open, ""};
    const auto v = store::find_for_viewer(s, org_id, id, user, today());
    if (!v || v->opportunity.state != State::open || v->opportunity.group_archived) {
      return {InterestOutcome::not_open, ""};
    }
    if (v->group_role) return {InterestOutcome::in_group, ""};
    if (!groups::store::is_org_member(s, org_id, user)) return {InterestOutcome::not_in_organisation, ""};
    const long long now = clock_.now_seconds();
    store::upsert_interest(s, id, org_id, user, message, help, now);
    // The old file's storage key, removed once the change is committed.
    std::string old_key;
    if (recording.file || recording.remove) {
      const auto old = store::recording_of(s, id, user);
      std::optional<long long> kept;
      if (recording.file) {
        kept = uploads::store::save(s, uploads_->storage(), *recording.file, kRecordingPurpose, user, org_id, now).id;
      }
      store::set_recording(s, id, user, kept);
      if (old) old_key = uploads::store::remove(s, *old).value_or("");
    }
    tx.commit();
    return {InterestOutcome::done, old_key};
  });
  auto [outcome, old_key] = co_await std::move(op);
  if (!old_key.empty()) uploads_->storage().remove(old_key);
  co_return outcome;
}

awaitable<bool> OpportunityService::withdraw_interest(long long org_id, long long id, long long user) {
  auto op = db_.run([=, this](soci::session& s) -> std::pair<bool, std::string> {
    db::WriteTransaction tx(s);
    const auto v = store::find_for_viewer(s, org_id, id, user, today());
    if (!v || v->opportunity.state != State::open || !v->mine) return {false, ""};
    const auto recording = store::recording_of(s, id, user);
    store::delete_interest(s, id, user);
    std::string key;
    if (recording) key = uploads::store::remove(s, *recording).value_or("");
    tx.commit();
    return {true, key};
  });
  auto [done, key] = co_await std::move(op);
  if (!key.empty() && uploads_) uploads_->storage().remove(key);
  co_return done;
}

awaitable<bool> OpportunityService::mark(long long org_id, long long id, long long user, bool select, bool on) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    if (!store::hold_undecided(s, id)) return false;
    const auto v = store::find_for_viewer(s, org_id, id, 0, today());
    if (!v || (v->opportunity.state != State::open && v->opportunity.state != State::closed)) return false;
    const bool changed = select ? store::set_selected(s, id, user, on) : store::set_shortlisted(s, id, user, on);
    if (!changed) return false;
    tx.commit();
    return true;
  });
  co_return co_await std::move(op);
}

awaitable<OutcomeTold> OpportunityService::tell_outcome(long long org_id, long long id, long long actor) {
  auto op = db_.run([=, this, base = base_url()](soci::session& s) {
    return tell(s, org_id, id, actor, today(), clock_.now_seconds(), base);
  });
  const auto told = co_await std::move(op);
  if (told.done && told.selected + told.not_selected > 0 && organisations_) organisations_->mail_queued();
  co_return told;
}

long long OpportunityService::create_now(long long org_id, long long group_id, long long actor,
                                         const OpportunityDetails& details, State state, long long at) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long id = store::insert(s, org_id, group_id, details, state,
                                       "demo-" + std::to_string(group_id) + "-" + details.title, actor, at);
    tx.commit();
    return id;
  });
}

void OpportunityService::express_interest_now(long long org_id, long long id, long long user,
                                              const std::string& message, const std::string& help, long long at,
                                              const std::optional<uploads::Prepared>& recording) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    store::upsert_interest(s, id, org_id, user, message, help, at);
    if (recording && uploads_ && !store::recording_of(s, id, user)) {
      const auto saved = uploads::store::save(s, uploads_->storage(), *recording, kRecordingPurpose, user, org_id, at);
      store::set_recording(s, id, user, saved.id);
    }
    tx.commit();
  });
}

void OpportunityService::mark_now(long long id, long long user, bool shortlisted, bool selected) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    store::set_shortlisted(s, id, user, shortlisted);
    store::set_selected(s, id, user, selected);
    tx.commit();
  });
}

OutcomeTold OpportunityService::tell_outcome_now(long long org_id, long long id, long long actor, long long at,
                                                 bool send_mail) {
  const auto base = base_url();
  const auto day = local_date(at);
  return db_.run_sync([&](soci::session& s) { return tell(s, org_id, id, actor, day, at, base, send_mail); });
}

uploads::Allowed recording_allowed() {
  uploads::Allowed a;
  a.images = false;
  a.audio = true;
  a.video = true;
  return a;
}

void register_recording_access(uploads::UploadService& uploads, const core::Clock& clock) {
  uploads.set_access(kRecordingPurpose, [&clock](soci::session& s, const uploads::Upload& u,
                                                 const http::Principal* viewer) {
    if (!viewer) return false;
    const auto a = store::recording_access(s, u.id, viewer->user_id);
    if (!a) return false;
    // Only the people of the opportunity's own organisation, in the role they have there.
    for (const auto& m : viewer->memberships) {
      if (m.org_id != a->org_id) continue;
      const policy::Facts facts{state_on(a->stored, a->closes_on, local_date(clock.now_seconds())), a->group_archived};
      return policy::allows({m.role, viewer->two_step, a->group_role}, policy::Action::hear_recording, facts) ==
             policy::Verdict::allow;
    }
    return false;
  });
}

}  // namespace roundtable::opportunities
