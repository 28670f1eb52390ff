#include "live/hub.hpp"

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

void Subscription::push(const std::shared_ptr<const std::string>& event) {
  {
    std::lock_guard lock(mu_);
    if (overflowed_) return;
    if (queue_.size() >= queue_limit_) {
      // Falling behind: what waits is dropped (memory stays bounded) and the subscriber is told to reload.
      queue_.clear();
      overflowed_ = true;
    } else {
      queue_.push_back(event);
    }
  }
  // The wake-up runs on the subscriber's executor (its connection's I/O thread), where its timer lives. If the
  // subscriber is not waiting then, it looks at its queue before it next waits, and sees this event. It holds the
  // subscriber weakly: one that has gone (on that thread too) is not kept for it.
  boost::asio::post(executor_, [weak = weak_from_this()] {
    if (auto self = weak.lock()) self->timer_.cancel();
  });
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
  std::lock_guard lock(mu_);
  auto it = channels_.find(std::string(channel));
  if (it == channels_.end()) return 0;
  for (auto* s : it->second) s->push(text);
  return it->second.size();
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
