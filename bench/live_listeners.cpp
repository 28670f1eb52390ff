// The listeners of bench/live.mjs, in one epoll loop: N server-sent-event streams on loopback, and the moment each
// heard each event. Issues #14 and #16 ask that one change reach 1,000 open listeners with p99 under 15 ms. On a
// two-core machine, 1,000 streams read through Node's sockets cost about as much CPU as the server's sending them
// (PERFORMANCE.md, 2026-12-07 15:40), and the listeners share the server's cores: this reads each stream with one
// read() and a search for the event's line, so the figure is mostly the server's.
//
//   cmake --build build-release --target live_listeners   (bench/live.mjs builds it when it is missing)
//   build-release/src/live/live_listeners PORT PATH COOKIE N EVENT_LINE
//
// It opens N connections to 127.0.0.1:PORT, asks each for PATH with that Cookie header, and prints "ready" once every
// stream has sent its "ready" event (or "failed <reason>" and exits 1). Then, for each line "report" on its standard
// input, it prints one line: for each listener, the CLOCK_MONOTONIC nanoseconds at which each read holding EVENT_LINE
// arrived ("a,b;c,d;..."), and forgets them. On end of input it closes everything and exits 0.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Listener {
  int fd = -1;
  bool ready = false;
  std::string head;  // what arrived and is not yet a whole event
  std::vector<long long> heard;
};

long long now_ns() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

[[noreturn]] void fail(const std::string& why) {
  std::printf("failed %s\n", why.c_str());
  std::fflush(stdout);
  std::exit(1);
}

int open_stream(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) fail("socket: " + std::string(std::strerror(errno)));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    fail("connect: " + std::string(std::strerror(errno)));
  }
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = write(fd, request.data() + sent, request.size() - sent);
    if (n <= 0) fail("write: " + std::string(std::strerror(errno)));
    sent += static_cast<size_t>(n);
  }
  return fd;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: live_listeners PORT PATH COOKIE N EVENT_LINE\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const std::string path = argv[2];
  const std::string cookie = argv[3];
  const int n = std::atoi(argv[4]);
  const std::string event_line = std::string(argv[5]) + "\n";
  if (port <= 0 || n <= 0) {
    std::fprintf(stderr, "live_listeners: PORT and N must be positive\n");
    return 2;
  }
  const std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                              "\r\nAccept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n";

  const int ep = epoll_create1(0);
  if (ep < 0) fail("epoll_create1");
  std::vector<Listener> listeners(static_cast<size_t>(n));
  epoll_event in{};
  in.events = EPOLLIN;
  in.data.u64 = static_cast<uint64_t>(n);  // standard input
  if (epoll_ctl(ep, EPOLL_CTL_ADD, 0, &in) != 0) fail("epoll_ctl stdin");

  int not_ready = n;
  std::string command;
  std::vector<epoll_event> events(256);
  char buf[16384];
  int opened = 0;
  for (;;) {
    // Open them a hundred at a time, as pages would: the next hundred once the last are all listening.
    if (opened < n && not_ready == n - opened) {
      const int batch = std::min(100, n - opened);
      for (int i = opened; i < opened + batch; ++i) {
        auto& l = listeners[static_cast<size_t>(i)];
        l.fd = open_stream(port, request);
        epoll_event e{};
        e.events = EPOLLIN;
        e.data.u64 = static_cast<uint64_t>(i);
        if (epoll_ctl(ep, EPOLL_CTL_ADD, l.fd, &e) != 0) fail("epoll_ctl");
      }
      opened += batch;
    }
    const int got = epoll_wait(ep, events.data(), static_cast<int>(events.size()), 30'000);
    if (got < 0) {
      if (errno == EINTR) continue;
      fail("epoll_wait");
    }
    if (got == 0 && not_ready > 0) fail("streams not ready after 30 s: " + std::to_string(not_ready));
    for (int k = 0; k < got; ++k) {
      const auto which = events[static_cast<size_t>(k)].data.u64;
      if (which == static_cast<uint64_t>(n)) {
        const ssize_t r = read(0, buf, sizeof buf);
        if (r <= 0) return 0;  // end of input: done
        command.append(buf, static_cast<size_t>(r));
        for (size_t nl = command.find('\n'); nl != std::string::npos; nl = command.find('\n')) {
          const std::string line = command.substr(0, nl);
          command.erase(0, nl + 1);
          if (line != "report") continue;
          std::string out;
          for (auto& l : listeners) {
            for (size_t j = 0; j < l.heard.size(); ++j) {
              if (j) out += ',';
              out += std::to_string(l.heard[j]);
            }
            out += ';';
            l.heard.clear();
          }
          out += '\n';
          std::fwrite(out.data(), 1, out.size(), stdout);
          std::fflush(stdout);
        }
        continue;
      }
      auto& l = listeners[which];
      const ssize_t r = read(l.fd, buf, sizeof buf);
      const long long at = now_ns();
      if (r <= 0) fail("stream " + std::to_string(which) + " closed");
      const std::string_view chunk(buf, static_cast<size_t>(r));
      l.head.append(chunk);
      if (l.ready) {
        // Each whole event (it ends with an empty line) that has the event's line was heard now.
        for (size_t end = l.head.find("\n\n"); end != std::string::npos; end = l.head.find("\n\n")) {
          if (std::string_view(l.head).substr(0, end + 1).find(event_line) != std::string_view::npos) {
            l.heard.push_back(at);
          }
          l.head.erase(0, end + 2);
        }
        continue;
      }
      if (l.head.size() >= 12 && l.head.compare(0, 12, "HTTP/1.1 200") != 0) {
        fail("stream " + std::to_string(which) + ": " + l.head.substr(0, 12));
      }
      if (l.head.find("event: ready\n") != std::string::npos) {
        l.ready = true;
        l.head.clear();
        if (--not_ready == 0) {
          std::printf("ready\n");
          std::fflush(stdout);
        }
      }
    }
  }
}
