// `roundtable run-due [--at SECONDS]`: one tick of the due worker now (or for a given time), for operators and tests.
// What was already done for that time (by a server's worker, or an earlier run) is not done again.
#include <ctime>
#include <iostream>

#include "app/application.hpp"
#include "app/due_worker.hpp"
#include "app/modules.hpp"
#include "app/services.hpp"
#include "db/migrator.hpp"
#include "security/tokens.hpp"

namespace roundtable::app {

int run_due(const core::Config& config) {
  try {
    security::init();
    auto db = open_database_for(config);
    db::migrate(*db);
    Services services;
    services.db = db.get();
    services.search = db::make_search_index(db->backend());
    make_feature_services(services, *db);
    std::string base = config.base_url.empty() ? std::string("http://127.0.0.1:8080") : config.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    // The running server's mail worker sends what this queues (it looks every few seconds).
    services.organisations->set_mail(base, {});
    std::vector<module::DueJob> jobs;
    for (auto& m : make_modules(services)) jobs.insert(jobs.end(), m.due_jobs.begin(), m.due_jobs.end());
    const long long at = config.run_due_at > 0 ? config.run_due_at : static_cast<long long>(std::time(nullptr));
    const int emails = run_due_jobs(jobs, at);
    db->close();
    std::cout << "roundtable: " << emails << " emails queued\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "roundtable: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace roundtable::app
