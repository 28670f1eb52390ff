#include <gtest/gtest.h>
#include <signal.h>
#include <soci/soci.h>
#include <sodium.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/build_paths.hpp"
#include "db/test_databases.hpp"
#include "mail/compose.hpp"
#include "mail/outbox_store.hpp"
#include "mail/outbox_worker.hpp"
#include "mail/smtp_sender.hpp"

extern char** environ;

namespace roundtable::mail {
namespace {

namespace fs = std::filesystem;

/// tests/support/smtp_sink.py: a real SMTP server (aiosmtpd) on loopback that writes each message to a file.
class SmtpSink {
 public:
  explicit SmtpSink(int port = 0)
      : dir_(fs::temp_directory_path() / ("rt-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++))) {
    fs::create_directories(dir_);
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::string script = std::string(core::build_paths::source_dir()) + "/tests/support/smtp_sink.py";
    std::string folder = dir_.string();
    std::string port_text = std::to_string(port);
    std::vector<char*> argv{const_cast<char*>("/usr/bin/python3"), script.data(), folder.data()};
    if (port) argv.push_back(port_text.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, "/usr/bin/python3", &actions, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("could not start smtp_sink.py");
    }
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    if (line.rfind("ready ", 0) != 0) throw std::runtime_error("smtp_sink.py did not start: " + line);
    port_ = std::stoi(line.substr(6));
  }
  ~SmtpSink() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  /// The messages received so far, as raw text.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    std::vector<fs::path> files;
    for (auto& e : fs::directory_iterator(dir_)) {
      if (e.path().extension() == ".eml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (auto& f : files) {
      std::ifstream in(f);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
    return out;
  }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
  pid_t pid_ = 0;
  int port_ = 0;
};

int free_port() {
  SmtpSink probe;
  return probe.port();  // free again once the probe stops
}

TEST(Compose, WritesBothPartsInTheRecipientsLanguageAndEscapesHtml) {
  auto en = compose("ceri@example.org", "Ceri <Jones>", core::Lang::en, "Reset your password",
                    {"Someone asked to reset the password for <your> account."},
                    Action{"Choose a new password", "https://roundtable.example/reset/abc?x=1&y=2"});
  EXPECT_EQ(en.to_address, "ceri@example.org");
  EXPECT_NE(en.text.find("Hello Ceri <Jones>,"), std::string::npos);
  EXPECT_NE(en.text.find("https://roundtable.example/reset/abc?x=1&y=2"), std::string::npos);
  EXPECT_NE(en.html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en.html.find("Hello Ceri &lt;Jones&gt;,"), std::string::npos);
  EXPECT_NE(en.html.find("for &lt;your&gt; account"), std::string::npos);
  EXPECT_NE(en.html.find("href=\"https://roundtable.example/reset/abc?x=1&amp;y=2\""), std::string::npos);
  EXPECT_EQ(en.html.find("<your>"), std::string::npos);
  auto cy = compose("mair@example.org", "Mair", core::Lang::cy, "Pwnc", {"Neges."}, std::nullopt);
  EXPECT_NE(cy.text.find("Helo Mair,"), std::string::npos);
  EXPECT_NE(cy.html.find("<html lang=\"cy\">"), std::string::npos);
}

TEST(Compose, TheTestMessageIsInTheChosenLanguageAndSaysRoundtableSentIt) {
  auto en = test_message("ops@example.org", core::Lang::en);
  EXPECT_EQ(en.subject, "Test email from Roundtable – email is working");
  EXPECT_NE(en.text.find("This is a test email."), std::string::npos);
  EXPECT_NE(en.text.find("-- \nThis email was sent by Roundtable."), std::string::npos);
  EXPECT_NE(en.html.find("This email was sent by Roundtable."), std::string::npos);
  auto cy = test_message("ops@example.org", core::Lang::cy);
  EXPECT_EQ(cy.lang, core::Lang::cy);
  EXPECT_EQ(cy.subject, "E-bost prawf gan Roundtable – mae e-bost yn gweithio");
  EXPECT_NE(cy.text.find("E-bost prawf yw hwn."), std::string::npos);
  EXPECT_NE(cy.html.find("<html lang=\"cy\">"), std::string::npos);
  EXPECT_NE(cy.html.find("Anfonwyd yr e-bost hwn gan Roundtable."), std::string::npos);
  // The apostrophe in Welsh text is escaped in HTML like everything else that is not markup.
  EXPECT_EQ(cy.html.find("i'r cyfeiriad"), std::string::npos);
}

TEST(Smtp, OnlyPlainAddressesAreUsable) {
  for (const char* good : {"a@b", "someone@example.org", "first.last+tag@sub.example.co.uk", "o'neill@example.ie"}) {
    EXPECT_TRUE(is_valid_address(good)) << good;
  }
  for (const char* bad : {"", "example.org", "@example.org", "someone@", "a@b@c", "a b@example.org",
                          "a@example.org\r\nRCPT TO:<x@y.z>", "<a@example.org>", "a@example.org>", "a,b@example.org",
                          "a@.example.org", "a@example.org.", "a@exa..mple.org", "\"a\"@example.org"}) {
    EXPECT_FALSE(is_valid_address(bad)) << bad;
  }
  EXPECT_FALSE(is_valid_address(std::string(250, 'a') + "@b.cd"));
}

TEST(Smtp, OnlyARefusedRecipientOrMessageIsPermanent) {
  EXPECT_TRUE(is_permanent_failure(55, 550, "RCPT failed: 550 (server answered 550)"));
  EXPECT_TRUE(is_permanent_failure(8, 554, ""));  // CURLE_WEIRD_SERVER_REPLY after the message body
  EXPECT_FALSE(is_permanent_failure(55, 451, "RCPT failed: 451"));
  EXPECT_FALSE(is_permanent_failure(7, 0, "Failed to connect"));
  EXPECT_FALSE(is_permanent_failure(67, 535, "Login denied"));  // the operator's password: fix it, keep the mail
  EXPECT_FALSE(is_permanent_failure(55, 553, "MAIL failed: 553"));
}

TEST(Smtp, HeadersAreEncodedAndCannotBeInjected) {
  EXPECT_EQ(encode_header_text("Reset your password"), "Reset your password");
  EXPECT_EQ(encode_header_text("Ailosod eich cyfrinair ŵ"), "=?UTF-8?B?QWlsb3NvZCBlaWNoIGN5ZnJpbmFpciDFtQ==?=");
  EXPECT_EQ(encode_header_text("a\r\nBcc: x@y.z").find('\n'), std::string::npos);
  // A long subject becomes several encoded words of at most 75 characters, none splitting a character.
  const std::string long_subject = "Mae Siân wedi eich gwahodd i ymuno â Gofalwyr Gogledd Cymru ar Roundtable";
  const auto encoded = encode_header_text(long_subject);
  std::string decoded;
  std::istringstream words(encoded);
  for (std::string word; words >> word;) {
    ASSERT_LE(word.size(), 75u) << word;
    ASSERT_TRUE(word.starts_with("=?UTF-8?B?") && word.ends_with("?=")) << word;
    const auto b64 = word.substr(10, word.size() - 12);
    std::string bytes(b64.size(), '\0');
    size_t len = 0;
    ASSERT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), b64.data(), b64.size(),
                                nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL),
              0);
    bytes.resize(len);
    ASSERT_NE(static_cast<unsigned char>(bytes[0]) & 0xC0, 0x80) << "a word starts inside a character";
    decoded += bytes;
  }
  EXPECT_EQ(decoded, long_subject);
  EXPECT_EQ(address_of("Roundtable <hello@roundtable.example>"), "hello@roundtable.example");
  EXPECT_EQ(address_of("hello@roundtable.example"), "hello@roundtable.example");
}

TEST(Backoff, DoublesUpToTheLimit) {
  WorkerOptions o;
  EXPECT_EQ(retry_delay(o, 1).count(), 30);
  EXPECT_EQ(retry_delay(o, 2).count(), 60);
  EXPECT_EQ(retry_delay(o, 3).count(), 120);
  EXPECT_EQ(retry_delay(o, 20).count(), 3600);
}

TEST(Smtp, ARealServerReceivesPlainTextAndHtml) {
  SmtpSink sink;
  SmtpSender sender({.url = sink.url(), .from = "Roundtable <hello@roundtable.example>"});
  auto m = compose("mair@example.org", "Mair Hughes", core::Lang::cy, "Ailosod eich cyfrinair ŵ", {"Neges â ŵ."},
                   Action{"Dewis cyfrinair newydd", "http://127.0.0.1/reset"});
  auto r = sender.send(m);
  ASSERT_TRUE(r.ok) << r.error;
  auto got = sink.messages();
  ASSERT_EQ(got.size(), 1u);
  const auto& mail = got[0];
  EXPECT_NE(mail.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(mail.find("To: Mair Hughes <mair@example.org>"), std::string::npos);
  EXPECT_NE(mail.find("From: Roundtable <hello@roundtable.example>"), std::string::npos);
  EXPECT_NE(mail.find("multipart/alternative"), std::string::npos);
  EXPECT_NE(mail.find("text/plain; charset=utf-8"), std::string::npos);
  EXPECT_NE(mail.find("text/html; charset=utf-8"), std::string::npos);
  EXPECT_NE(mail.find("Content-Language: cy"), std::string::npos);
  // Quoted-printable: ŵ is =C5=B5.
  EXPECT_NE(mail.find("=C5=B5"), std::string::npos);
  auto refused = sender.send(compose("reject-me@example.org", "", core::Lang::en, "x", {"y"}, std::nullopt));
  EXPECT_FALSE(refused.ok);
  EXPECT_TRUE(refused.permanent) << refused.error;
}

class OutboxOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { db = db::testing::fresh_database(GetParam()); }
  long long enqueue(const std::string& to) {
    return db->run_sync([&](soci::session& s) {
      return store::enqueue(s, compose(to, "", core::Lang::en, "Hello", {"Body"}, std::nullopt), 1000);
    });
  }
  store::Counts counts() {
    return db->run_sync([](soci::session& s) { return store::counts(s); });
  }
  std::unique_ptr<db::Database> db;
};

TEST_P(OutboxOnBackend, AClaimedMessageIsNotClaimedTwiceUntilItsLeaseEnds) {
  enqueue("a@example.org");
  enqueue("b@example.org");
  auto first = db->run_sync([](soci::session& s) { return store::claim_due(s, 2000, 2300, 10); });
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].attempts, 1);
  EXPECT_TRUE(db->run_sync([](soci::session& s) { return store::claim_due(s, 2001, 2301, 10); }).empty());
  // The first worker stopped: after the lease, the messages go out again.
  auto again = db->run_sync([](soci::session& s) { return store::claim_due(s, 2300, 2600, 10); });
  EXPECT_EQ(again.size(), 2u);
  EXPECT_EQ(again[0].attempts, 2);
}

TEST_P(OutboxOnBackend, ARetryWaitsForItsTimeAndGivingUpIsForGood) {
  const long long id = enqueue("a@example.org");
  auto claimed = db->run_sync([](soci::session& s) { return store::claim_due(s, 1000, 1300, 10); });
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].id, id);
  EXPECT_EQ(claimed[0].message.to_address, "a@example.org");
  EXPECT_EQ(claimed[0].message.subject, "Hello");
  db->run_sync([&](soci::session& s) { store::mark_failed(s, id, "451 try later", 1030); });
  auto e = db->run_sync([&](soci::session& s) { return store::find_by_id(s, id); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, "queued");
  EXPECT_EQ(e->attempts, 1);
  EXPECT_EQ(e->next_attempt_at, 1030);
  EXPECT_EQ(e->last_error, "451 try later");
  EXPECT_FALSE(e->sent_at);
  EXPECT_TRUE(db->run_sync([](soci::session& s) { return store::claim_due(s, 1029, 1329, 10); }).empty());
  auto again = db->run_sync([](soci::session& s) { return store::claim_due(s, 1030, 1330, 10); });
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].attempts, 2);
  db->run_sync([&](soci::session& s) { store::mark_failed(s, id, "550 no such user", std::nullopt); });
  EXPECT_TRUE(db->run_sync([](soci::session& s) { return store::claim_due(s, 99999, 99999, 10); }).empty());
  EXPECT_EQ(db->run_sync([&](soci::session& s) { return store::find_by_id(s, id); })->status, "failed");
  EXPECT_EQ(counts().failed, 1);
  EXPECT_FALSE(db->run_sync([](soci::session& s) { return store::find_by_id(s, 424242); }));
}

TEST_P(OutboxOnBackend, AReleasedMessageIsDueAgainAtOnceAndASentOneKeepsNoBody) {
  const long long id = enqueue("a@example.org");
  ASSERT_EQ(db->run_sync([](soci::session& s) { return store::claim_due(s, 2000, 2300, 10); }).size(), 1u);
  db->run_sync([&](soci::session& s) { store::release(s, id); });
  auto e = db->run_sync([&](soci::session& s) { return store::find_by_id(s, id); });
  EXPECT_EQ(e->status, "queued");
  EXPECT_EQ(e->attempts, 0);
  auto claimed = db->run_sync([](soci::session& s) { return store::claim_due(s, 2001, 2301, 10); });
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].attempts, 1);
  db->run_sync([&](soci::session& s) { store::mark_sent(s, id, 2002); });
  e = db->run_sync([&](soci::session& s) { return store::find_by_id(s, id); });
  EXPECT_EQ(e->status, "sent");
  EXPECT_EQ(e->sent_at, 2002);
  EXPECT_EQ(e->subject, "Hello");
  auto bodies = db->run_sync([&](soci::session& s) {
    std::string text, html;
    s << "SELECT text_body, html_body FROM mail_outbox WHERE id = :id", soci::use(id), soci::into(text),
        soci::into(html);
    return text + html;
  });
  EXPECT_EQ(bodies, "");
  EXPECT_EQ(counts().sent, 1);
}

TEST_P(OutboxOnBackend, NothingIsLostWhileTheMailServerIsDownAndItAllGoesOutWhenItReturns) {
  const int port = free_port();
  SmtpSender sender({.url = "smtp://127.0.0.1:" + std::to_string(port),
                     .from = "hello@roundtable.example",
                     .timeout = std::chrono::seconds(5)});
  OutboxWorker worker(*db, sender, {.first_delay = std::chrono::hours(1)});
  const long long a = db->run_sync([&](soci::session& s) {
    return store::enqueue(s, compose("a@example.org", "Ann", core::Lang::cy, "Pwnc ŵ", {"Neges"}, std::nullopt));
  });
  enqueue("b@example.org");
  const long long before =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_EQ(worker.run_once(), 0);
  auto c = counts();
  EXPECT_EQ(c.queued, 2);
  EXPECT_EQ(c.sent, 0);
  auto e = db->run_sync([&](soci::session& s) { return store::find_by_id(s, a); });
  EXPECT_EQ(e->status, "queued");
  EXPECT_EQ(e->attempts, 1);
  EXPECT_GT(e->next_attempt_at, before);
  EXPECT_FALSE(e->last_error.empty());
  SmtpSink sink(port);
  // Not before its time (an hour away), even though the server is back; then the time comes.
  EXPECT_EQ(worker.run_once(), 0);
  db->run_sync([](soci::session& s) { s << "UPDATE mail_outbox SET next_attempt_at = 0"; });
  EXPECT_EQ(worker.run_once(), 2);
  auto got = sink.messages();
  ASSERT_EQ(got.size(), 2u);
  const auto& mail = got[0].find("a@example.org") != std::string::npos ? got[0] : got[1];
  EXPECT_NE(mail.find("To: Ann <a@example.org>"), std::string::npos);
  EXPECT_NE(mail.find("Subject: =?UTF-8?B?UHduYyDFtQ==?="), std::string::npos);
  EXPECT_NE(mail.find("text/plain; charset=utf-8"), std::string::npos);
  EXPECT_NE(mail.find("text/html; charset=utf-8"), std::string::npos);
  EXPECT_NE(mail.find("<html lang=3D\"cy\">"), std::string::npos);
  EXPECT_EQ(counts().sent, 2);
  EXPECT_EQ(db->run_sync([&](soci::session& s) { return store::find_by_id(s, a); })->attempts, 2);
  EXPECT_EQ(worker.run_once(), 0);
  EXPECT_EQ(sink.messages().size(), 2u);
}

TEST_P(OutboxOnBackend, AMailServerThatNeverComesBackMeansFailedAfterTheLastTry) {
  const int port = free_port();
  SmtpSender sender({.url = "smtp://127.0.0.1:" + std::to_string(port), .from = "hello@roundtable.example"});
  OutboxWorker worker(*db, sender, {.first_delay = std::chrono::seconds(0), .max_attempts = 3});
  const long long id = enqueue("a@example.org");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(worker.run_once(), 0);
  auto e = db->run_sync([&](soci::session& s) { return store::find_by_id(s, id); });
  EXPECT_EQ(e->status, "failed");
  EXPECT_EQ(e->attempts, 3);
  EXPECT_FALSE(e->last_error.empty());
  EXPECT_EQ(worker.run_once(), 0);
  EXPECT_EQ(db->run_sync([&](soci::session& s) { return store::find_by_id(s, id); })->attempts, 3);
}

/// Records what it is asked to send; optionally stops a worker after the first message.
class RecordingSender final : public Sender {
 public:
  SendResult send(const Message& m) override {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::lock_guard lock(mu_);
    ++sent_[m.to_address];
    if (stop_after_first_) std::exchange(stop_after_first_, nullptr)->stop();
    return {true, false, ""};
  }
  std::map<std::string, int> sent() {
    std::lock_guard lock(mu_);
    return sent_;
  }
  OutboxWorker* stop_after_first_ = nullptr;

 private:
  std::mutex mu_;
  std::map<std::string, int> sent_;
};

TEST_P(OutboxOnBackend, TwoWorkersSharingTheDatabaseNeverSendAMessageTwice) {
  constexpr int kMessages = 24;
  for (int i = 0; i < kMessages; ++i) enqueue("p" + std::to_string(i) + "@example.org");
  RecordingSender sender;
  OutboxWorker one(*db, sender, {.batch = 3});
  OutboxWorker two(*db, sender, {.batch = 3});
  auto drain = [](OutboxWorker& w) {
    for (int i = 0; i < 50; ++i) w.run_once();
  };
  std::thread a(drain, std::ref(one));
  std::thread b(drain, std::ref(two));
  a.join();
  b.join();
  auto sent = sender.sent();
  EXPECT_EQ(sent.size(), static_cast<size_t>(kMessages));
  for (const auto& [to, n] : sent) EXPECT_EQ(n, 1) << to;
  EXPECT_EQ(counts().sent, kMessages);
}

TEST_P(OutboxOnBackend, AStoppingWorkerHandsBackWhatItHasNotSent) {
  for (int i = 0; i < 3; ++i) enqueue("p" + std::to_string(i) + "@example.org");
  RecordingSender sender;
  OutboxWorker worker(*db, sender);
  sender.stop_after_first_ = &worker;
  EXPECT_EQ(worker.run_once(), 1);
  auto c = counts();
  EXPECT_EQ(c.sent, 1);
  EXPECT_EQ(c.queued, 2);
  EXPECT_EQ(c.sending, 0);
  // Another worker takes them at once, without waiting for a lease to run out.
  OutboxWorker other(*db, sender);
  EXPECT_EQ(other.run_once(), 2);
}

TEST_P(OutboxOnBackend, ARefusedRecipientFailsForGoodAndRetriesWaitForTheirTime) {
  SmtpSink sink;
  SmtpSender sender({.url = sink.url(), .from = "hello@roundtable.example"});
  OutboxWorker worker(*db, sender);
  enqueue("reject-this@example.org");
  EXPECT_EQ(worker.run_once(), 0);
  EXPECT_EQ(counts().failed, 1);
  // A worker thread delivers what is queued without being asked twice.
  worker.start();
  enqueue("c@example.org");
  worker.notify();
  for (int i = 0; i < 100 && sink.messages().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  worker.stop();
  EXPECT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(counts().sent, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::mail
