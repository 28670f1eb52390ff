#include "notifications/notifications_demo.hpp"

#include "db/transaction.hpp"
#include "notifications/notification_store.hpp"

namespace roundtable::notifications {

int load_demo(db::Database& db, long long now) {
  return db.run_sync([now](soci::session& s) {
    db::WriteTransaction tx(s);
    const int n = store::demo_choices(s, now);
    tx.commit();
    return n;
  });
}

}  // namespace roundtable::notifications
