#include "consensus/consensus_service.hpp"

#include "db/query.hpp"
#include "db/transaction.hpp"
#include "groups/group_store.hpp"

namespace roundtable::consensus {

namespace {

using policy::Action;

policy::Facts facts_of(const Conversation& c) {
  return {c.group_visibility, c.group_archived, c.closed_at.has_value()};
}

/// The conversation when `who` may do this in it now.
std::optional<ConversationForViewer> allowed(soci::session& s, const Who& who, long long org_id, long long id,
                                             Action action) {
  auto v = store::find_conversation(s, org_id, id, who.user_id);
  if (!v) return std::nullopt;
  if (policy::allows({who.org_role, who.two_step, v->role}, action, facts_of(v->conversation)) !=
      policy::Verdict::allow) {
    return std::nullopt;
  }
  return v;
}

/// The statement in play (not hidden) with its conversation, when `who` may do this there.
std::optional<std::pair<ConversationForViewer, Statement>> statement_for(soci::session& s, const Who& who,
                                                                         long long org_id, long long statement_id,
                                                                         Action action) {
  const auto conversation = store::conversation_of_statement(s, org_id, statement_id);
  if (!conversation) return std::nullopt;
  auto v = allowed(s, who, org_id, *conversation, action);
  if (!v) return std::nullopt;
  for (auto& st : store::statements(s, *conversation, who.user_id)) {
    if (st.id == statement_id) return std::make_pair(std::move(*v), std::move(st));
  }
  return std::nullopt;
}

}  // namespace

const Statement* ResultsPage::statement(long long id) const {
  for (const auto& s : statements) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

awaitable<std::optional<groups::GroupForViewer>> ConsensusService::group_for(long long org_id, long long group_id,
                                                                             long long viewer,
                                                                             groups::AlongWithGroup along) {
  auto op = db_.read([=, along = std::move(along)](soci::session& s) {
    return groups::store::find_for_viewer(s, org_id, group_id, viewer, groups::Documents::left_out, along);
  });
  co_return co_await std::move(op);
}

groups::AlongWithGroup ConsensusService::conversations_along(std::vector<store::ConversationListed>& out) {
  return [&out](db::Batch& b, long long group_id) { store::conversations_of_group(b, group_id, out); };
}

awaitable<std::vector<store::ConversationListed>> ConsensusService::group_conversations(long long group_id) {
  auto op = db_.read([=](soci::session& s) { return store::conversations_of_group(s, group_id); });
  co_return co_await std::move(op);
}

awaitable<long long> ConsensusService::create_conversation(Who who, long long org_id, long long group_id,
                                                           std::string question, std::string create_key) {
  auto op = db_.run([=, this](soci::session& s) -> long long {
    db::WriteTransaction tx(s);
    if (auto existing = store::find_conversation_by_key(s, org_id, create_key)) return *existing;
    const auto g = groups::store::find_for_viewer(s, org_id, group_id, who.user_id, groups::Documents::left_out);
    if (!g) return 0;
    const policy::Facts facts{g->group.details.visibility, g->group.archived(), false};
    if (policy::allows({who.org_role, who.two_step, g->role}, Action::run, facts) != policy::Verdict::allow) return 0;
    const long long id = store::insert_conversation(s, org_id, group_id, question, create_key, who.user_id, now());
    if (id == 0) return store::find_conversation_by_key(s, org_id, create_key).value_or(0);
    tx.commit();
    return id;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<ConversationPage>> ConsensusService::conversation_page(long long org_id, long long id,
                                                                               long long viewer) {
  auto op = db_.read([=, this](soci::session& s) -> std::optional<ConversationPage> {
    auto v = store::find_conversation(s, org_id, id, viewer);
    if (!v) return std::nullopt;
    ConversationPage page;
    page.view = std::move(*v);
    page.statements = store::statements(s, id, viewer);
    page.voters = voters(s, id, page.view.conversation.votes_version);
    return page;
  });
  co_return co_await std::move(op);
}

awaitable<std::optional<StatementPage>> ConsensusService::statement_page(long long org_id, long long statement_id,
                                                                         long long viewer) {
  auto op = db_.read([=](soci::session& s) -> std::optional<StatementPage> {
    const auto conversation = store::conversation_of_statement(s, org_id, statement_id);
    if (!conversation) return std::nullopt;
    auto v = store::find_conversation(s, org_id, *conversation, viewer);
    if (!v) return std::nullopt;
    for (auto& st : store::statements(s, *conversation, viewer)) {
      if (st.id == statement_id) return StatementPage{std::move(*v), std::move(st)};
    }
    return std::nullopt;
  });
  co_return co_await std::move(op);
}

std::shared_ptr<const analysis::Result> ConsensusService::cached(long long conversation_id, long long version) {
  std::lock_guard lock(mutex_);
  const auto it = cache_.find(conversation_id);
  if (it == cache_.end() || it->second.version != version) return nullptr;
  return it->second.result;
}

long long ConsensusService::voters(soci::session& s, long long conversation_id, long long version) {
  {
    std::lock_guard lock(mutex_);
    const auto it = voters_.find(conversation_id);
    if (it != voters_.end() && it->second.first == version) return it->second.second;
  }
  // Counted outside the lock; a count read at this version is the count of this version (the version is bumped in
  // the transaction of every vote and of every membership that ends, whose votes go with it).
  const long long people = store::voters(s, conversation_id);
  std::lock_guard lock(mutex_);
  auto& kept = voters_[conversation_id];
  if (version >= kept.first) kept = {version, people};
  return people;
}

void ConsensusService::keep(long long conversation_id, long long version,
                            std::shared_ptr<const analysis::Result> result) {
  std::lock_guard lock(mutex_);
  auto& c = cache_[conversation_id];
  if (version >= c.version) c = {version, std::move(result)};
}

awaitable<std::optional<ResultsPage>> ConsensusService::results(Who who, long long org_id, long long id) {
  auto op = db_.read([=, this](soci::session& s) -> std::optional<ResultsPage> {
    auto v = store::find_conversation(s, org_id, id, who.user_id);
    if (!v) return std::nullopt;
    ResultsPage page;
    page.view = std::move(*v);
    if (policy::allows({who.org_role, who.two_step, page.view.role}, Action::see, facts_of(page.view.conversation)) !=
        policy::Verdict::allow) {
      return page;
    }
    page.statements = store::statements(s, id, who.user_id);
    const long long version = page.view.conversation.votes_version;
    page.result = cached(id, version);
    if (!page.result) {
      // Only when someone voted since: the votes and the analysis (well under a second at 5,000 x 200).
      page.result = std::make_shared<const analysis::Result>(analysis::analyse(store::votes(s, id)));
      keep(id, version, page.result);
    }
    return page;
  });
  co_return co_await std::move(op);
}

awaitable<Added> ConsensusService::add_statement(Who who, long long org_id, long long conversation_id, std::string body,
                                                 std::string create_key) {
  auto op = db_.run([=, this](soci::session& s) -> Added {
    db::WriteTransaction tx(s);
    if (auto existing = store::find_statement_by_key(s, conversation_id, create_key)) {
      return {Added::Outcome::done, *existing};
    }
    if (!allowed(s, who, org_id, conversation_id, Action::take_part)) return {};
    if (store::count_statements(s, conversation_id) >= kMaxStatements) return {Added::Outcome::full, 0};
    const long long id = store::insert_statement(s, org_id, conversation_id, body, create_key, who.user_id, now());
    if (id == 0)
      return {Added::Outcome::done, store::find_statement_by_key(s, conversation_id, create_key).value_or(0)};
    store::bump_version(s, conversation_id, now());
    tx.commit();
    return {Added::Outcome::done, id};
  });
  co_return co_await std::move(op);
}

awaitable<Change> ConsensusService::answer(Who who, long long org_id, long long statement_id, Answer a) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto found = statement_for(s, who, org_id, statement_id, Action::take_part);
    if (!found || found->second.hidden_at) return Change::refused;
    const long long conversation = found->first.conversation.id;
    store::set_vote(s, org_id, conversation, statement_id, who.user_id, a, now());
    store::bump_version(s, conversation, now());
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> ConsensusService::hide(Who who, long long org_id, long long statement_id, std::string reason) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto found = statement_for(s, who, org_id, statement_id, Action::run);
    if (!found || !store::hide_statement(s, statement_id, reason, now())) return Change::refused;
    store::bump_version(s, found->first.conversation.id, now());
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

awaitable<Change> ConsensusService::set_open(Who who, long long org_id, long long conversation_id, bool open) {
  auto op = db_.run([=, this](soci::session& s) {
    db::WriteTransaction tx(s);
    if (!allowed(s, who, org_id, conversation_id, Action::run)) return Change::refused;
    const long long at = now();
    store::set_closed(s, conversation_id, open ? std::nullopt : std::optional<long long>(at), at);
    tx.commit();
    return Change::done;
  });
  co_return co_await std::move(op);
}

long long ConsensusService::create_conversation_now(long long org_id, long long group_id, long long actor,
                                                    const std::string& question, const std::string& key) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long id = store::insert_conversation(s, org_id, group_id, question, key, actor, now());
    tx.commit();
    return id;
  });
}

long long ConsensusService::add_statement_now(long long org_id, long long conversation_id, long long actor,
                                              const std::string& body, const std::string& key) {
  return db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const long long id = store::insert_statement(s, org_id, conversation_id, body, key, actor, now());
    store::bump_version(s, conversation_id, now());
    tx.commit();
    return id;
  });
}

void ConsensusService::answer_now(long long org_id, long long statement_id, long long user_id, Answer a) {
  db_.run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const auto conversation = store::conversation_of_statement(s, org_id, statement_id);
    if (!conversation) return;
    store::set_vote(s, org_id, *conversation, statement_id, user_id, a, now());
    store::bump_version(s, *conversation, now());
    tx.commit();
  });
}

}  // namespace roundtable::consensus
