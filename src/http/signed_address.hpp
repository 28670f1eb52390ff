/// The one exemption from CSRF: a route authenticated by a signed token in its own address, which its handler checks
/// (answering 404, and changing nothing, when it does not verify). RFC 8058's one-click unsubscribe is posted by the
/// person's mail program, with no cookies and so no CSRF token: the stop route of a notification email uses this
/// policy, and the pipeline lets its POSTs through without the token. Nothing else may use it.
#pragma once

#include <string_view>

#include "http/types.hpp"

namespace roundtable::http::policy {

/// The policy's name, as the route table shows it and the pipeline recognises it.
inline constexpr std::string_view kSignedAddress = "signed_address";

/// Anyone, signed in or not; POSTs need no CSRF token (the handler checks the address's signature instead).
Policy signed_address();

}  // namespace roundtable::http::policy
