/// QR codes drawn as inline SVG, for pages where a phone needs to read something (the two-step sign-in key).
#pragma once

#include <string>
#include <string_view>

#include "view/html.hpp"

namespace roundtable::view {

/// The id of the <title> inside the SVG that qr_svg makes; aria-labelledby points at it. One QR code per page.
inline constexpr std::string_view kQrTitleId = "rt-qr-title";

/// An inline <svg> QR code (error correction level M, 8-bit mode) of text: black modules on a white square with a
/// 4-module quiet zone, one <path> for all the dark modules, class "rt-qr", a default 200 x 200 size that CSS may
/// change, role="img" and a <title> (escaped) that names it for screen readers. No inline styles, so the CSP allows
/// it. Throws std::runtime_error if libqrencode cannot encode text (for example when it is too long).
Html qr_svg(std::string_view text, std::string_view title);

}  // namespace roundtable::view
