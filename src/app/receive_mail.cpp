// `roundtable receive-mail`: the command Postfix's pipe transport or Exim's pipe transport runs for each answer to a
// discussion's email (ADR 0025). The message is on stdin; the exit status tells the mail server what happened.
#include <iostream>
#include <istream>

#include "app/application.hpp"
#include "app/services.hpp"
#include "core/log.hpp"
#include "db/migrator.hpp"
#include "mail_in/mail_in_service.hpp"
#include "security/tokens.hpp"

namespace roundtable::app {

namespace {

constexpr int kTempFail = 75;  // EX_TEMPFAIL: the mail server keeps the message and tries again later
constexpr int kConfig = 78;    // EX_CONFIG: the same, until the set-up is put right

}  // namespace

int receive_mail(const core::Config& config, std::istream& in) {
  // Read at most one byte past the limit, then let the rest go: a mail server whose command stops reading early may
  // take that as a failure to deliver.
  std::string raw;
  raw.resize(mail_in::kMaxMessageBytes + 1);
  in.read(raw.data(), static_cast<std::streamsize>(raw.size()));
  raw.resize(static_cast<std::size_t>(in.gcount()));
  if (raw.size() > mail_in::kMaxMessageBytes) {
    char sink[65536];
    while (in.read(sink, sizeof sink) || in.gcount() > 0) {
    }
  }
  if (config.mail_reply_domain.empty()) {
    std::cerr << "roundtable: receive-mail needs --mail-reply-domain (or ROUNDTABLE_MAIL_REPLY_DOMAIN), the domain of "
                 "the reply addresses in email\n";
    return kConfig;
  }
  std::unique_ptr<db::Database> db;
  try {
    security::init();
    db = open_database_for(config);
    db::migrate(*db);
    Services services;
    services.db = db.get();
    services.search = db::make_search_index(db->backend());
    make_feature_services(services, *db);
    std::string base = config.base_url.empty() ? std::string("http://127.0.0.1:8080") : config.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    // The running server's mail worker sends what this queues (it looks every few seconds).
    services.organisations->set_mail(base, {});
    const auto delivery = mail_in::receive_now(
        {db.get(), services.search.get(), services.organisations.get(), reply_addresses_for(config, *db), nullptr},
        std::move(raw), config.mail_recipient);
    db->close();
    const int code = mail_in::exit_code(delivery.outcome);
    if (code != 0) std::cerr << "roundtable: " << delivery.explanation << "\n";
    return code;
  } catch (const std::exception& e) {
    core::log::error("mail_in_failed", {{"error", e.what()}});
    std::cerr << "roundtable: cannot take the message in now, try again later: " << e.what() << "\n";
    return kTempFail;
  }
}

}  // namespace roundtable::app
