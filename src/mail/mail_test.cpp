#include <gtest/gtest.h>
#include <signal.h>
#include <soci/soci.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

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
    std::string script = std::string(ROUNDTABLE_SOURCE_DIR) + "/tests/support/smtp_sink.py";
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

TEST(Smtp, HeadersAreEncodedAndCannotBeInjected) {
  EXPECT_EQ(encode_header_text("Reset your password"), "Reset your password");
  EXPECT_EQ(encode_header_text("Ailosod eich cyfrinair ŵ"), "=?UTF-8?B?QWlsb3NvZCBlaWNoIGN5ZnJpbmFpciDFtQ==?=");
  EXPECT_EQ(encode_header_text("a\r\nBcc: x@y.z").find('\n'), std::string::npos);
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

TEST_P(OutboxOnBackend, NothingIsLostWhileTheMailServerIsDownAndItAllGoesOutWhenItReturns) {
  const int port = free_port();
  SmtpSender sender({.url = "smtp://127.0.0.1:" + std::to_string(port),
                     .from = "hello@roundtable.example",
                     .timeout = std::chrono::seconds(5)});
  OutboxWorker worker(*db, sender, {.first_delay = std::chrono::seconds(0)});
  enqueue("a@example.org");
  enqueue("b@example.org");
  EXPECT_EQ(worker.run_once(), 0);
  auto c = counts();
  EXPECT_EQ(c.queued, 2);
  EXPECT_EQ(c.sent, 0);
  auto error = db->run_sync([](soci::session& s) {
    std::string e;
    s << "SELECT last_error FROM mail_outbox ORDER BY id LIMIT 1", soci::into(e);
    return e;
  });
  EXPECT_FALSE(error.empty());
  SmtpSink sink(port);
  EXPECT_EQ(worker.run_once(), 2);
  EXPECT_EQ(sink.messages().size(), 2u);
  EXPECT_EQ(counts().sent, 2);
  EXPECT_EQ(worker.run_once(), 0);
  EXPECT_EQ(sink.messages().size(), 2u);
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
