// The roundtable binary: serve, migrate, admin, mail-test, receive-mail, run-due, routes, version, --help.
#include <malloc.h>

#include <iostream>
#include <string>
#include <vector>

#include "app/admin_commands.hpp"
#include "app/application.hpp"
#include "core/config.hpp"
#include "security/passwords.hpp"

int main(int argc, char** argv) {
  using namespace roundtable;
  // glibc's malloc gives memory back to the system as soon as 128 KB are free at the top of a heap, and serves
  // anything over 128 KB (a board's page, a download) with its own mmap; a request that builds and frees a page of
  // tens of KB then faults the same pages back in, and the munmap flushes every core's TLB. That was a third of
  // the CPU of a signed-in group's home under load (docs/PERFORMANCE.md). Up to 16 MB free is kept for the next
  // request, and blocks up to 4 MB come from the heap. (The sanitised build's allocator ignores this.)
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
  std::vector<std::string> args(argv + 1, argv + argc);
  auto parsed = core::parse_config(args);
  if (auto* problem = std::get_if<std::string>(&parsed)) {
    std::cerr << "roundtable: " << *problem << "\n";
    return 2;
  }
  const auto& config = std::get<core::Config>(parsed);
  security::use_test_password_cost_if_asked();
  switch (config.command) {
    case core::Command::help: std::cout << core::command_usage(config.help_for); return 0;
    case core::Command::version: std::cout << "roundtable " << core::version() << "\n"; return 0;
    case core::Command::migrate: return app::migrate(config);
    case core::Command::routes: return app::print_routes();
    case core::Command::serve: return app::serve(config);
    case core::Command::admin: return app::admin(config, std::cin);
    case core::Command::mail_test: return app::mail_test(config);
    case core::Command::receive_mail: return app::receive_mail(config, std::cin);
    case core::Command::run_due: return app::run_due(config);
  }
  return 0;
}
