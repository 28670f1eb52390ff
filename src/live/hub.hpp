/// The live channel's hub: channels named by a string ("topic:42"), each with its subscribers, every subscriber with
/// a bounded queue of events and a timer on its own connection's executor (its I/O thread) that a publish wakes.
/// Publishing is one formatted event pushed to each subscriber of the channel: O(subscribers), no copy of the text per
/// subscriber, and one hand-off to each I/O thread, which wakes its subscribers in one pass.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace roundtable::live {

class Hub;

/// One listener on one channel. Made by Hub::subscribe; leaves the channel when the last shared_ptr goes.
class Subscription : public std::enable_shared_from_this<Subscription> {
 public:
  Subscription(Hub& hub, std::string channel, boost::asio::any_io_executor executor, size_t queue_limit);
  ~Subscription();
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

  /// What waits to be sent, taken all at once (oldest first); empty when nothing does.
  std::vector<std::shared_ptr<const std::string>> take();
  /// The subscriber fell behind: more than queue_limit events waited, and they were dropped. It should be told to
  /// reload and be closed.
  bool overflowed();
  /// The timer a publish cancels to wake the subscriber: use only on the subscriber's executor.
  boost::asio::steady_timer& wake_timer() { return timer_; }
  const std::string& channel() const { return channel_; }

 private:
  friend class Hub;
  /// From Hub::publish, on any thread: queues the event; false when the subscriber has already overflowed (and is
  /// not woken again).
  bool push(const std::shared_ptr<const std::string>& event);

  Hub& hub_;
  std::string channel_;
  boost::asio::any_io_executor executor_;
  boost::asio::steady_timer timer_;
  size_t queue_limit_;
  std::mutex mu_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  bool overflowed_ = false;
};

struct HubOptions {
  /// Events that may wait for one subscriber before it is dropped.
  size_t queue_limit = 64;
  /// Subscribers at once over all channels; subscribe() refuses the next.
  size_t max_subscribers = 2000;
};

class Hub {
 public:
  explicit Hub(HubOptions options = {}) : options_(options) {}

  /// A new subscriber of the channel whose wake-ups run on executor, or nullptr when max_subscribers are open.
  std::shared_ptr<Subscription> subscribe(std::string channel, boost::asio::any_io_executor executor);
  /// Sends an event (already formatted, see format_event) to every subscriber of the channel; returns how many.
  size_t publish(std::string_view channel, std::string event);
  size_t subscriber_count();
  size_t channel_count();
  const HubOptions& options() const { return options_; }

 private:
  friend class Subscription;
  void remove(Subscription* s);

  HubOptions options_;
  std::mutex mu_;
  std::unordered_map<std::string, std::unordered_set<Subscription*>> channels_;
  size_t subscribers_ = 0;
};

}  // namespace roundtable::live
