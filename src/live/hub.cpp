#include "live/hub.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>

namespace roundtable::live {

Subscription::Subscription(Hub& hub, std::string channel, boost::asio::any_io_executor executor, size_t queue_limit)
    : hub_(hub),
      channel_(std::move(channel)),
      executor_(executor),
      timer_(executor, boost::asio::steady_timer::time_point::max()),
      queue_limit_(queue_limit) {}

Subscription::~Subscription() { hub_.remove(this); }

std::vector<std::shared_ptr<const std::string>> Subscription::take() {
  std::lock_guard lock(mu_);
  std::vector<std::shared_ptr<const std::string>> out(queue_.begin(), queue_.end());
  queue_.clear();
  return out;
}

bool Subscription::overflowed() {
  std::lock_guard lock(mu_);
  return overflowed_;
}

bool Subscription::push(const std::shared_ptr<const std::string>& event) {
  std::lock_guard lock(mu_);
  if (overflowed_) return false;
  if (queue_.size() >= queue_limit_) {
    // Falling behind: what waits is dropped (memory stays bounded) and the subscriber is told to reload.
    queue_.clear();
    overflowed_ = true;
  } else {
    queue_.push_back(event);
  }
  return true;
}

std::shared_ptr<Subscription> Hub::subscribe(std::string channel, boost::asio::any_io_executor executor) {
  std::lock_guard lock(mu_);
  if (subscribers_ >= options_.max_subscribers) return nullptr;
  auto s = std::make_shared<Subscription>(*this, channel, executor, options_.queue_limit);
  channels_[std::move(channel)].insert(s.get());
  ++subscribers_;
  return s;
}

size_t Hub::publish(std::string_view channel, std::string event) {
  auto text = std::make_shared<const std::string>(std::move(event));
  // The subscribers to wake, by the executor (I/O thread) each runs on: one hand-off to each thread, which then
  // wakes its own subscribers in one pass, rather than one hand-off per subscriber.
  std::vector<std::pair<boost::asio::any_io_executor, std::vector<std::weak_ptr<Subscription>>>> wake;
  size_t count = 0;
  {
    std::lock_guard lock(mu_);
    auto it = channels_.find(std::string(channel));
    if (it == channels_.end()) return 0;
    count = it->second.size();
    for (auto* s : it->second) {
      if (!s->push(text)) continue;
      auto group = std::find_if(wake.begin(), wake.end(), [&](const auto& g) { return g.first == s->executor_; });
      if (group == wake.end()) group = wake.insert(wake.end(), {s->executor_, {}});
      group->second.push_back(s->weak_from_this());
    }
  }
  // Each wake-up runs on the subscriber's executor, where its timer lives. If the subscriber is not waiting then, it
  // looks at its queue before it next waits, and sees this event. Subscribers are held weakly: one that has gone (on
  // that thread too) is not kept for it.
  for (auto& [executor, subs] : wake) {
    boost::asio::post(executor, [subs = std::move(subs)] {
      for (const auto& weak : subs) {
        if (auto self = weak.lock()) self->timer_.cancel();
      }
    });
  }
  return count;
}

void Hub::remove(Subscription* s) {
  std::lock_guard lock(mu_);
  auto it = channels_.find(s->channel_);
  if (it == channels_.end() || it->second.erase(s) == 0) return;
  --subscribers_;
  if (it->second.empty()) channels_.erase(it);
}

size_t Hub::subscriber_count() {
  std::lock_guard lock(mu_);
  return subscribers_;
}

size_t Hub::channel_count() {
  std::lock_guard lock(mu_);
  return channels_.size();
}

}  // namespace roundtable::live
