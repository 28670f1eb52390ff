#include "http/flash.hpp"

#include "http/form.hpp"
#include "security/tokens.hpp"

namespace roundtable::http {

namespace {

void percent_encode(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}

std::string signature(std::string_view payload, std::string_view secret) {
  return security::keyed_hash(secret, std::string("flash:").append(payload));
}

}  // namespace

std::string encode_flash(const Flash& flash, std::string_view secret) {
  // The first field names the message: "k" for a success, "i" for something important that is not one.
  std::string payload = flash.important ? "i=" : "k=";
  percent_encode(payload, flash.key);
  for (const auto& [name, value] : flash.params) {
    payload += '&';
    percent_encode(payload, name);
    payload += '=';
    percent_encode(payload, value);
  }
  // The signature is URL-safe base64 (no '.'), so it is whatever follows the last '.'.
  return payload + "." + signature(payload, secret);
}

std::optional<Flash> decode_flash(std::string_view value, std::string_view secret) {
  if (value.size() > 2048) return std::nullopt;
  const auto dot = value.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string_view payload = value.substr(0, dot);
  if (!security::constant_time_equal(value.substr(dot + 1), signature(payload, secret))) return std::nullopt;
  auto form = parse_urlencoded(payload);
  if (!form || form->fields().empty()) return std::nullopt;
  const auto& first = form->fields().front().first;
  if (first != "k" && first != "i") return std::nullopt;
  Flash flash;
  flash.key = form->fields().front().second;
  flash.important = first == "i";
  for (size_t i = 1; i < form->fields().size(); ++i) flash.params.push_back(form->fields()[i]);
  return flash;
}

}  // namespace roundtable::http
