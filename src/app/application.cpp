#include "app/application.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <thread>

#include "app/demo_data.hpp"
#include "app/due_worker.hpp"
#include "app/error_pages.hpp"
#include "app/housekeeping.hpp"
#include "app/modules.hpp"
#include "app/routes.hpp"
#include "app/session_store.hpp"
#include "app/settings_store.hpp"
#include "core/log.hpp"
#include "db/migrator.hpp"
#include "http/server.hpp"
#include "mail/compose.hpp"
#include "mail/outbox_store.hpp"
#include "mail/outbox_worker.hpp"
#include "mail/smtp_sender.hpp"
#include "organisations/organisation_routes.hpp"
#include "security/passwords.hpp"
#include "security/tokens.hpp"

namespace roundtable::app {

namespace {

/// Makes sure the data folder exists and is writable; returns a one-line problem or "".
std::string check_data_dir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return "cannot create the data folder '" + dir + "': " + ec.message();
  auto probe = std::filesystem::path(dir) / ".write-test";
  {
    std::ofstream out(probe);
    if (!out || !(out << "ok") || !out.flush()) return "the data folder '" + dir + "' is not writable";
  }
  std::filesystem::remove(probe, ec);
  return "";
}

}  // namespace

mail::ReplyAddresses reply_addresses_for(const core::Config& config, db::Database& db) {
  if (config.mail_reply_domain.empty()) return {};
  // Its own secret: a reply address proves who may post where, and must not share a key with sessions or CSRF.
  return {config.mail_reply_domain, get_or_create_setting(db, "mail_reply_secret", security::random_token(32))};
}

std::unique_ptr<db::Database> open_database_for(const core::Config& config) {
  const auto url = core::effective_database_url(config);
  if (db::parse_database_url(url).backend == db::Backend::sqlite || config.command == core::Command::serve) {
    if (auto problem = check_data_dir(config.data_dir); !problem.empty()) throw db::DatabaseError(problem);
  }
  return db::Database::open(url, config.db_pool_size);
}

int migrate(const core::Config& config) {
  try {
    auto db = open_database_for(config);
    int applied = db::migrate(*db);
    std::cout << "applied " << applied << " migration(s); schema version " << db::schema_version(*db) << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "roundtable: " << e.what() << "\n";
    return 1;
  }
}

int mail_test(const core::Config& config) {
  const auto& to = config.mail_test_to;
  if (!mail::is_valid_address(to)) {
    std::cerr << "roundtable: --to wants one email address, like name@example.org\n";
    return 2;
  }
  try {
    auto db = open_database_for(config);
    db::migrate(*db);
    const auto lang = core::parse_lang(config.mail_test_lang).value_or(core::Lang::en);
    const auto message = mail::test_message(to, lang);
    const long long id = db->run_sync([&](soci::session& s) { return mail::store::enqueue(s, message); });
    std::cout << "queued test email " << id << " to " << to
              << "; a running 'roundtable serve' with --smtp-url on this database sends it\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "roundtable: " << e.what() << "\n";
    return 1;
  }
}

int print_routes() {
  Services services;
  for (const auto& r : build_routes(services)) {
    std::cout << "{\"method\":\"" << r.method << "\",\"pattern\":\"" << r.pattern << "\",\"name\":\"" << r.name
              << "\",\"policy\":\"" << r.policy.name << "\",\"html\":" << (r.html ? "true" : "false") << "}\n";
  }
  return 0;
}

int serve(const core::Config& config) {
  std::unique_ptr<db::Database> db;
  Services services;
  std::unique_ptr<http::Pipeline> pipeline;
  std::vector<module::Module> modules;
  std::unique_ptr<mail::SmtpSender> smtp;
  std::unique_ptr<mail::OutboxWorker> mail_worker;
  // Dates on pages are local time for the people using Roundtable, unless the machine says otherwise.
  if (!std::getenv("TZ")) setenv("TZ", "Europe/London", 1);
  tzset();
  try {
    security::init();
    if (security::use_test_password_cost_if_asked()) {
      core::log::warn("test_fast_passwords", {{"detail", "test build: passwords are hashed at the lowest cost"}});
    }
    db = open_database_for(config);
    int applied = db::migrate(*db);
    core::log::info("migrations", {{"applied", std::to_string(applied)}});
    services.db = db.get();
    services.metrics_token = config.metrics_token;
    services.mail_from_address = mail::address_of(config.mail_from);
    services.search = db::make_search_index(db->backend());
    make_feature_services(services, *db);
    services.reply_addresses = reply_addresses_for(config, *db);
    // The live channel: on PostgreSQL its events go through the database, so every server sharing it hears them.
    services.live = std::make_unique<live::Live>(
        live::LiveOptions{.hub = {.max_subscribers = config.live_max_connections}, .heartbeat = config.live_heartbeat});
    if (db->backend() == db::Backend::postgresql) {
      services.live->relay_through_postgres(db::parse_database_url(core::effective_database_url(config)).target);
    }
    auto storage = std::make_shared<uploads::FolderStorage>(std::filesystem::path(config.data_dir) / "uploads");
    services.storage = storage.get();
    services.privacy->set_export_extras(
        [storage](soci::session& s, long long user_id) { return uploads::export_files(s, *storage, user_id); });
    services.uploads = std::make_unique<uploads::UploadService>(*db, storage);
    services.organisations->set_uploads(services.uploads.get());
    services.profiles->set_uploads(services.uploads.get());
    services.about_me = std::make_unique<about_me::AboutMeService>(*db, *services.uploads);
    services.static_files = std::make_unique<http::StaticFiles>(config.public_dir);
    services.assets = view::Assets::from_manifest(services.static_files->manifest());
    if (services.static_files->file_count() == 0) {
      core::log::warn("no_static_files", {{"public_dir", config.public_dir}, {"hint", "run scripts/build-web"}});
    }
    modules = make_modules(services);
    for (auto& m : modules) {
      if (m.start) m.start();
    }
    services.privacy->set_personal_tables(personal_tables(modules));
    if (config.demo) {
      int n = load_demo_stories(*db, *services.search);
      for (auto& m : modules) {
        if (m.load_demo) n += m.load_demo();
      }
      core::log::info("demo_data_loaded", {{"items", std::to_string(n)}});
    }
    auto sessions = std::make_shared<DbSessionStore>(*db, organisations::read_principal);
    auto csrf_secret = get_or_create_setting(*db, "csrf_secret", security::random_token(32));
    services.accounts->set_known_browser_secret(
        get_or_create_setting(*db, "known_browser_secret", security::random_token(32)));
    pipeline = std::make_unique<http::Pipeline>(
        build_routes(services, modules), sessions, csrf_secret, make_error_renderer(services),
        http::PipelineOptions{.secure_cookies = config.secure_cookies,
                              .access_log = config.access_log,
                              .trusted_proxy = config.trusted_proxy,
                              .session_idle = config.session_idle,
                              .session_lifetime = config.session_lifetime,
                              .admin_session_lifetime = config.admin_session_lifetime,
                              .org_navigation = org_navigation(modules)});
    if (!config.smtp_url.empty()) {
      smtp = std::make_unique<mail::SmtpSender>(mail::SmtpOptions{.url = config.smtp_url, .from = config.mail_from});
      mail_worker = std::make_unique<mail::OutboxWorker>(*db, *smtp);
    } else {
      core::log::warn("mail_not_configured", {{"hint", "email waits in the outbox until --smtp-url is given"}});
    }
    services.metrics = &pipeline->metrics();
  } catch (const std::exception& e) {
    std::cerr << "roundtable: " << e.what() << "\n";
    return 1;
  }

  // On PostgreSQL an I/O thread waits for the database's answer to each of its reads (ADR 0058): four a core keep the
  // cores busy while some wait, also when the database is on another machine. Each keeps a connection to it, so at
  // most 32.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads = config.threads                             ? config.threads
                           : db->backend() == db::Backend::postgresql ? std::min(4 * cores, 32u)
                                                                      : cores;
  // One I/O context for each thread, each run by that thread alone (ADR 0054): a connection's work stays on one
  // thread, so requests wake no other thread and take no lock another thread holds. Signals and the shutdown timer
  // use the first.
  std::vector<std::unique_ptr<boost::asio::io_context>> contexts;
  std::vector<boost::asio::io_context*> context_list;
  for (unsigned i = 0; i < threads; ++i) {
    contexts.push_back(std::make_unique<boost::asio::io_context>(1));
    context_list.push_back(contexts.back().get());
  }
  boost::asio::io_context& ioc = *contexts.front();
  http::Server server(context_list, *pipeline, http::ServerOptions{.trusted_proxy = config.trusted_proxy});
  try {
    server.listen(config.listen_host, config.listen_port);
  } catch (const std::exception& e) {
    std::cerr << "roundtable: " << e.what() << "\n";
    return 1;
  }
  {
    std::string base = config.base_url;
    if (base.empty()) {
      const bool v6 = config.listen_host.find(':') != std::string::npos;
      base =
          "http://" + (v6 ? "[" + config.listen_host + "]" : config.listen_host) + ":" + std::to_string(server.port());
    }
    while (!base.empty() && base.back() == '/') base.pop_back();
    auto* worker = mail_worker.get();
    auto wake = [worker] {
      if (worker) worker->notify();
    };
    services.accounts->set_mail(base, wake);
    services.live->set_own_origin(base);
    services.organisations->set_mail(base, wake);
  }
  if (mail_worker) mail_worker->start();
  auto rules = platform_retention();
  for (auto& m : modules) rules.insert(rules.end(), m.retention.begin(), m.retention.end());
  Housekeeper housekeeper(*db, std::move(rules), services.storage);
  housekeeper.start();
  // Digests and reminders (each module's due jobs), every minute, claimed once across servers.
  std::vector<module::DueJob> due_jobs;
  for (auto& m : modules) due_jobs.insert(due_jobs.end(), m.due_jobs.begin(), m.due_jobs.end());
  DueWorker due_worker(std::move(due_jobs));
  due_worker.start();
  server.start();

  boost::asio::signal_set signals(ioc, SIGINT, SIGTERM);
  boost::asio::steady_timer poll(ioc);
  auto stop_at = std::chrono::steady_clock::time_point::max();
  std::function<void()> wait_for_drain = [&] {
    poll.expires_after(std::chrono::milliseconds(25));
    poll.async_wait([&](const boost::system::error_code& tec) {
      if (tec) return;
      // In-flight requests get until stop_at to finish before the process stops anyway.
      if (server.connection_count() == 0 || std::chrono::steady_clock::now() >= stop_at) {
        for (auto& c : contexts) c->stop();
      } else {
        wait_for_drain();
      }
    });
  };
  signals.async_wait([&](const boost::system::error_code& ec, int sig) {
    if (ec) return;
    // Stop accepting first, then say so: whoever reads the log line may rely on new connections being refused
    // (the shutdown test saw a connection served after the line when it came first).
    server.shutdown();
    core::log::info("shutting_down", {{"signal", std::to_string(sig)}});
    stop_at = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    wait_for_drain();
  });

  const std::string address = config.listen_host + ":" + std::to_string(server.port());
  core::log::info("listening", {{"address", address},
                                {"url", "http://" + address + "/"},
                                {"database", db::redact_url(core::effective_database_url(config))},
                                {"version", core::version()}});

  // The others have no work until a connection comes: kept running until stopped.
  std::vector<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> keep;
  for (auto& c : contexts) keep.push_back(boost::asio::make_work_guard(*c));
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) {
    pool.emplace_back([c = contexts[i].get()] { db::Database::run_handlers(*c); });
  }
  db::Database::run_handlers(ioc);
  for (auto& t : pool) t.join();
  services.live->stop();
  due_worker.stop();
  if (mail_worker) mail_worker->stop();
  housekeeper.stop();
  db->close();
  core::log::info("stopped");
  return 0;
}

}  // namespace roundtable::app
