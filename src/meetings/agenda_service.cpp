// The agenda and record use cases of MeetingService: proposals, raised topics, order, decisions, actions,
// attendance, minutes, and the email that papers were sent and of what the meeting did with each raised topic.
#include <cstdlib>
#include <map>

#include "db/transaction.hpp"
#include "mail/compose.hpp"
#include "meetings/agenda_store.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/meeting_store.hpp"
#include "notifications/notify.hpp"
#include "organisations/organisation_store.hpp"

namespace roundtable::meetings {

namespace {

using policy::Action;

/// The meeting as the policy must see it at the moment of the change, when the person may do this to it.
std::optional<MeetingForViewer> checked(soci::session& s, const Who& who, long long org_id, long long id, Action action,
                                        long long now) {
  auto v = store::find_for_viewer(s, org_id, id, who.user_id);
  if (!v) return std::nullopt;
  const policy::Actor actor{who.org_role, who.two_step, v->group_role};
  const policy::Facts facts{v->meeting.group_visibility, v->meeting.group_archived, v->meeting.cancelled(),
                            v->meeting.started(now), v->meeting.open_to_organisation};
  if (policy::allows(actor, action, facts) != policy::Verdict::allow) return std::nullopt;
  return v;
}

std::string meeting_path(soci::session& s, long long org_id, long long id) {
  return "/o/" + organisations::store::org_slug(s, org_id) + "/meetings/" + std::to_string(id);
}

std::string meeting_link(const std::string& base, soci::session& s, long long org_id, long long id) {
  return base + meeting_path(s, org_id, id);
}

/// "5 January 2027" from "2027-01-05", in the reader's language.
std::string due_text(const core::Translator& t, const std::string& due_on) {
  if (due_on.size() != 10) return due_on;
  const int month = std::atoi(due_on.substr(5, 2).c_str());
  const int day = std::atoi(due_on.substr(8, 2).c_str());
  if (month < 1 || month > 12) return due_on;
  return core::format(t("date.date"), {{"day", std::to_string(day)},
                                       {"month", std::string(t("date.month." + std::to_string(month)))},
                                       {"year", due_on.substr(0, 4)}});
}

/// What the meeting did with the topics this person raised or supported, in their language.
mail::Message outcome_message(const Recipient& to, const Meeting& m, const std::vector<const AgendaItem*>& items,
                              const std::vector<MeetingAction>& actions, const std::string& url) {
  core::Translator t(core::Messages::embedded(), to.lang);
  const std::vector<std::pair<std::string, std::string>> args{{"meeting", m.details.title}, {"group", m.group_name}};
  std::vector<std::string> paragraphs{core::format(t("meetings.mail.outcome.p1"), args)};
  for (const auto* item : items) {
    std::string p = core::format(t("meetings.mail.outcome.item"), {{"title", item->title}});
    p += "\n" + (item->decision.empty()
                     ? std::string(t("meetings.mail.outcome.no_decision"))
                     : core::format(t("meetings.mail.outcome.decision"), {{"decision", item->decision}}));
    for (const auto& a : actions) {
      if (a.item_id != item->id) continue;
      p += "\n" +
           core::format(t("meetings.mail.outcome.action"),
                        {{"what", a.what},
                         {"owner", a.owner_name.empty() ? std::string(t("meetings.former_member")) : a.owner_name},
                         {"due", due_text(t, a.due_on)}});
    }
    paragraphs.push_back(std::move(p));
  }
  return mail::compose(to.email, to.name, to.lang, core::format(t("meetings.mail.outcome.subject"), args), paragraphs,
                       mail::Action{std::string(t("meetings.mail.outcome.button")), url + "/minutes"});
}

mail::Message papers_message(const Recipient& to, const Meeting& m, const std::string& url) {
  core::Translator t(core::Messages::embedded(), to.lang);
  const std::vector<std::pair<std::string, std::string>> args{{"meeting", m.details.title}, {"group", m.group_name}};
  return mail::compose(to.email, to.name, to.lang, core::format(t("meetings.mail.papers.subject"), args),
                       {core::format(t("meetings.mail.papers.p1"), args), std::string(t("meetings.mail.papers.p2"))},
                       mail::Action{std::string(t("meetings.mail.papers.button")), url + "/agenda"});
}

}  // namespace

std::string MeetingService::base_url() const {
  return mail_.base_url ? mail_.base_url() : std::string("http://127.0.0.1:8080");
}

void MeetingService::woke_mail(Change c) const {
  if (c == Change::done && mail_.mail_queued) mail_.mail_queued();
}

awaitable<std::optional<MeetingRecord>> MeetingService::record(long long org_id, long long id, long long viewer) {
  auto op = db_.read([=](soci::session& s) -> std::optional<MeetingRecord> {
    auto v = store::find_for_viewer(s, org_id, id, viewer);
    if (!v) return std::nullopt;
    MeetingRecord r;
    // The agenda, actions, raised topics, who came and the papers: one round trip on PostgreSQL.
    db::Batch b(s);
    store::agenda_items(b, id, r.items);
    store::actions(b, id, r.actions);
    store::raised_topics(b, v->meeting.group_id, id, r.raised);
    store::attendance(b, id, v->meeting.group_id, r.people);
    store::papers(b, id, r.papers);
    b.run();
    r.meeting = std::move(*v);
    return r;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::propose_item(Who who, long long org_id, long long id, std::string title,
                                               std::string notes, std::string create_key) {
  auto op = db_.run(
      [=, this, title = std::move(title), notes = std::move(notes), key = std::move(create_key)](soci::session& s) {
        db::WriteTransaction tx(s);
        const long long at = now();
        const auto v = checked(s, who, org_id, id, Action::propose_item, at);
        if (!v) return Change::refused;
        // The people who run the group put their own items straight on the agenda.
        const bool runs = checked(s, who, org_id, id, Action::run_agenda, at).has_value();
        store::NewItem n{id,    org_id,      v->meeting.group_id,
                         title, notes,       runs ? ItemStatus::accepted : ItemStatus::proposed,
                         {},    who.user_id, key};
        // The same form sent twice (or two copies at once): the create key's ON CONFLICT lets one through.
        if (store::insert_item(s, n, at) == 0) return Change::already;
        tx.commit();
        return Change::done;
      });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::promote_topic(Who who, long long org_id, long long id, long long topic_id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const auto v = checked(s, who, org_id, id, Action::run_agenda, at);
    if (!v) return Change::refused;
    const auto topic = store::find_raised_topic(s, v->meeting.group_id, topic_id);
    if (!topic) return Change::refused;
    const std::string key = "topic-" + std::to_string(topic_id);
    store::NewItem n{id,          org_id, v->meeting.group_id, topic->title, "", ItemStatus::accepted, topic_id,
                     who.user_id, key};
    if (store::insert_item(s, n, at) == 0) return Change::already;
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::accept_item(Who who, long long org_id, long long id, long long item_id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    if (!checked(s, who, org_id, id, Action::run_agenda, at) || !store::find_item(s, id, item_id)) {
      return Change::refused;
    }
    if (!store::accept_item(s, item_id, at)) return Change::already;
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::move_item(Who who, long long org_id, long long id, long long item_id, bool up) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    if (!checked(s, who, org_id, id, Action::run_agenda, at) || !store::find_item(s, id, item_id)) {
      return Change::refused;
    }
    if (!store::move_item(s, id, item_id, up, at)) return Change::already;
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::update_item(Who who, long long org_id, long long id, long long item_id,
                                              std::string title, std::string notes) {
  auto op = db_.run([=, this, title = std::move(title), notes = std::move(notes)](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    if (!checked(s, who, org_id, id, Action::run_agenda, at) || !store::find_item(s, id, item_id)) {
      return Change::refused;
    }
    store::update_item(s, item_id, title, notes, at);
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::remove_item(Who who, long long org_id, long long id, long long item_id) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    if (!checked(s, who, org_id, id, Action::run_agenda, at)) return Change::refused;
    if (!store::find_item(s, id, item_id)) return Change::already;
    store::remove_item(s, item_id);
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::set_decision(Who who, long long org_id, long long id, long long item_id,
                                               std::string decision) {
  auto op = db_.run([=, this, decision = std::move(decision)](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    if (!checked(s, who, org_id, id, Action::record_meeting, at) || !store::find_item(s, id, item_id)) {
      return Change::refused;
    }
    store::set_decision(s, item_id, decision, at);
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::add_action(Who who, long long org_id, long long id, long long item_id,
                                             std::string what, long long owner_id, std::string due_on,
                                             std::string create_key) {
  auto op = db_.run(
      [=, this, what = std::move(what), due_on = std::move(due_on), key = std::move(create_key)](soci::session& s) {
        db::WriteTransaction tx(s);
        const long long at = now();
        const auto v = checked(s, who, org_id, id, Action::record_meeting, at);
        if (!v || !store::find_item(s, id, item_id)) return Change::refused;
        if (!store::in_group(s, v->meeting.group_id, owner_id)) return Change::not_in_group;
        if (store::insert_action(s, {id, item_id, what, owner_id, due_on, key}, at) == 0) return Change::already;
        tx.commit();
        return Change::done;
      });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::set_action_status(Who who, long long org_id, long long id, long long action_id,
                                                    ActionStatus status) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    if (!checked(s, who, org_id, id, Action::record_meeting, at)) return Change::refused;
    if (!store::set_action_status(s, id, action_id, status, at)) return Change::refused;
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::record_attendance(Who who, long long org_id, long long id,
                                                    std::vector<std::pair<long long, Attendance>> marks) {
  auto op = db_.run([=, this, marks = std::move(marks)](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const auto v = checked(s, who, org_id, id, Action::record_meeting, at);
    if (!v) return Change::refused;
    std::map<long long, bool> in;
    for (const auto& p : store::attendance(s, id, v->meeting.group_id)) in[p.user_id] = true;
    for (const auto& [user, mark] : marks) {
      if (in.contains(user)) store::upsert_attendance(s, id, org_id, user, mark, at);
    }
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::save_minutes(Who who, long long org_id, long long id, std::string minutes) {
  auto op = db_.run([=, this, minutes = std::move(minutes)](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    if (!checked(s, who, org_id, id, Action::record_meeting, at)) return Change::refused;
    store::set_minutes(s, id, minutes, at);
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::publish_minutes(Who who, long long org_id, long long id) {
  auto op = db_.run([=, this, base = base_url()](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const auto v = checked(s, who, org_id, id, Action::record_meeting, at);
    if (!v) return Change::refused;
    // Of two publishings at once only one gets past this, so nobody is told twice.
    if (!store::publish_minutes(s, id, at)) return Change::already;
    const auto items = store::agenda_items(s, id);
    const auto actions = store::actions(s, id);
    const auto supporters = store::topic_supporters(s, id, v->meeting.group_id);
    const std::string url = meeting_link(base, s, org_id, id);
    // One email per person, naming every item they raised or supported.
    for (std::size_t i = 0; i < supporters.size();) {
      std::vector<const AgendaItem*> theirs;
      std::size_t j = i;
      for (; j < supporters.size() && supporters[j].to.user_id == supporters[i].to.user_id; ++j) {
        for (const auto& item : items) {
          if (item.id == supporters[j].item_id) theirs.push_back(&item);
        }
      }
      const auto& to = supporters[i].to;
      notifications::notify(s,
                            {org_id, v->meeting.group_id, to.user_id, "meeting_outcome", v->meeting.details.title,
                             meeting_path(s, org_id, id), v->meeting.group_name, base},
                            outcome_message(to, v->meeting, theirs, actions, url), at);
      i = j;
    }
    tx.commit();
    return Change::done;
  });
  const auto c = co_await std::move(op);
  woke_mail(c);
  co_return c;
}

uploads::Allowed paper_allowed() {
  uploads::Allowed a;
  a.images = true;
  a.audio = true;
  a.video = true;
  a.documents = true;
  return a;
}

awaitable<Change> MeetingService::add_paper(Who who, long long org_id, long long id, std::string title,
                                            uploads::Prepared file, std::optional<uploads::Prepared> accessible,
                                            std::string accessible_kind, std::string create_key) {
  if (!uploads_) co_return Change::refused;
  auto op = db_.run([=, this, title = std::move(title), file = std::move(file), accessible = std::move(accessible),
                     kind = std::move(accessible_kind), key = std::move(create_key)](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    if (!checked(s, who, org_id, id, Action::run_agenda, at)) return Change::refused;
    if (store::paper_exists(s, id, key)) return Change::already;
    // Owned by the organisation, so the papers stay when the person who added them leaves.
    const auto saved = uploads::store::save(s, uploads_->storage(), file, kPaperPurpose, std::nullopt, org_id, at);
    std::optional<long long> version;
    if (accessible) {
      version = uploads::store::save(s, uploads_->storage(), *accessible, kPaperPurpose, std::nullopt, org_id, at).id;
    }
    if (store::insert_paper(s, {id, org_id, title, saved.id, version, kind, who.user_id, key}, at) == 0) {
      return Change::already;  // rolled back: the files stay behind unreferenced, and housekeeping sweeps them
    }
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> MeetingService::remove_paper(Who who, long long org_id, long long id, long long paper_id) {
  auto op = db_.run([=, this](soci::session& s) {
    std::vector<std::string> keys;
    db::WriteTransaction tx(s);
    if (!checked(s, who, org_id, id, Action::run_agenda, now())) return std::pair{Change::refused, keys};
    const auto uploads = store::remove_paper(s, id, paper_id);
    if (uploads.empty()) return std::pair{Change::already, keys};
    for (long long u : uploads) {
      if (auto key = uploads::store::remove(s, u)) keys.push_back(*key);
    }
    tx.commit();
    return std::pair{Change::done, keys};
  });
  const auto result = co_await std::move(op);
  // The files go once the rows are gone.
  if (uploads_) {
    for (const auto& key : result.second) uploads_->storage().remove(key);
  }
  co_return result.first;
}

void register_paper_access(uploads::UploadService& uploads, const core::Clock& clock) {
  uploads.set_access(kPaperPurpose,
                     [&clock](soci::session& s, const uploads::Upload& u, const http::Principal* viewer) {
                       if (!viewer) return false;
                       const auto paper = store::paper_of_upload(s, u.id);
                       if (!paper) return false;
                       for (const auto& m : viewer->memberships) {
                         if (m.org_id != paper->org_id) continue;
                         const auto v = store::find_for_viewer(s, paper->org_id, paper->meeting_id, viewer->user_id);
                         if (!v) return false;
                         const policy::Actor actor{m.role, viewer->two_step, v->group_role};
                         const policy::Facts facts{v->meeting.group_visibility, v->meeting.group_archived,
                                                   v->meeting.cancelled(), v->meeting.started(clock.now_seconds())};
                         return policy::allows(actor, Action::see_agenda, facts) == policy::Verdict::allow;
                       }
                       return false;
                     });
}

awaitable<Change> MeetingService::send_papers(Who who, long long org_id, long long id) {
  auto op = db_.run([=, this, base = base_url()](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long at = now();
    const auto v = checked(s, who, org_id, id, Action::run_agenda, at);
    if (!v) return Change::refused;
    if (!store::mark_papers_sent(s, id, at)) return Change::already;
    const std::string url = meeting_link(base, s, org_id, id);
    for (const auto& to : store::group_people(s, v->meeting.group_id)) {
      notifications::notify(s,
                            {org_id, v->meeting.group_id, to.user_id, "meeting_papers", v->meeting.details.title,
                             meeting_path(s, org_id, id), v->meeting.group_name, base},
                            papers_message(to, v->meeting, url), at);
    }
    tx.commit();
    return Change::done;
  });
  const auto c = co_await std::move(op);
  woke_mail(c);
  co_return c;
}

}  // namespace roundtable::meetings
