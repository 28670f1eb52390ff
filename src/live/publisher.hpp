/// What a service needs of the live channel: telling a channel's listeners, on every server, that something changed.
/// Free of Asio and Beast, so domain services may hold one (live::Live is the real one).
#pragma once

#include <string>

namespace roundtable::live {

class Publisher {
 public:
  virtual ~Publisher() = default;
  /// Call only once the change has committed. event and data hold no newline; data is a small JSON object that says
  /// what changed and holds nothing private (listeners fetch the page again, asking the policy as usual).
  virtual void publish(std::string channel, std::string event, std::string data) = 0;
};

}  // namespace roundtable::live
