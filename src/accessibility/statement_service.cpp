#include "accessibility/statement_service.hpp"

#include "accessibility/statement_store.hpp"
#include "audit/audit.hpp"
#include "audit/audit_store.hpp"
#include "db/transaction.hpp"

namespace roundtable::accessibility {

using boost::asio::awaitable;

/// The audit detail of a saved statement (the action is the organisation's settings changing).
constexpr const char* kAuditDetail = "accessibility_statement";

awaitable<std::optional<Published>> StatementService::published_statement(std::string org_slug) {
  auto op = db_.read([slug = std::move(org_slug)](soci::session& s) -> std::optional<Published> {
    auto org = store::find_org(s, slug);
    if (!org) return std::nullopt;
    auto st = store::find(s, org->id);
    if (!st || !st->published) return std::nullopt;
    return Published{std::move(*org), std::move(*st)};
  });
  co_return co_await std::move(op);
}

awaitable<std::vector<Listed>> StatementService::published_statements() {
  auto op = db_.read([](soci::session& s) { return store::published(s); });
  co_return co_await std::move(op);
}

awaitable<std::optional<Statement>> StatementService::statement(long long org_id) {
  auto op = db_.read([org_id](soci::session& s) { return store::find(s, org_id); });
  co_return co_await std::move(op);
}

awaitable<void> StatementService::save_statement(long long actor_id, Statement statement) {
  auto op = db_.run([this, actor_id, st = std::move(statement)](soci::session& s) {
    db::WriteTransaction tx(s);
    store::save(s, st, clock_.now_seconds());
    audit::store::record(s, {st.org_id, actor_id, std::nullopt, audit::action::kOrgSettingsChanged, kAuditDetail});
    tx.commit();
  });
  co_await std::move(op);
}

bool StatementService::save_statement_now(const std::string& org_slug, Statement statement) {
  return db_.run_sync([&](soci::session& s) {
    auto org = store::find_org(s, org_slug);
    if (!org) return false;
    statement.org_id = org->id;
    db::WriteTransaction tx(s);
    store::save(s, statement, clock_.now_seconds());
    tx.commit();
    return true;
  });
}

}  // namespace roundtable::accessibility
