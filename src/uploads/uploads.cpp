#include "uploads/uploads.hpp"

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cstdint>

namespace roundtable::uploads {

using boost::asio::awaitable;

namespace {

/// security::random_token(16): 16 random bytes as unpadded URL-safe base64.
constexpr size_t kPublicIdLength = 22;

bool is_public_id(std::string_view id) {
  if (id.size() != kPublicIdLength) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

bool allows(const Allowed& a, media::Kind k) {
  switch (k) {
    case media::Kind::image: return a.images;
    case media::Kind::audio: return a.audio;
    case media::Kind::video: return a.video;
    case media::Kind::document: return a.documents;
  }
  return false;
}

long long max_bytes(const Allowed& a, media::Kind k) {
  switch (k) {
    case media::Kind::image: return a.max_image_bytes;
    case media::Kind::audio: return a.max_audio_bytes;
    case media::Kind::video: return a.max_video_bytes;
    case media::Kind::document: return a.max_document_bytes;
  }
  return 0;
}

constexpr media::Kind kKinds[] = {media::Kind::image, media::Kind::audio, media::Kind::video, media::Kind::document};

std::string_view kind_key(media::Kind k) {
  switch (k) {
    case media::Kind::image: return "images";
    case media::Kind::audio: return "audio";
    case media::Kind::video: return "video";
    case media::Kind::document: return "documents";
  }
  return "images";
}

}  // namespace

std::string size_words(long long bytes) {
  constexpr long long kKiB = 1024;
  constexpr long long kMiB = 1024 * kKiB;
  if (bytes >= kMiB) {
    const long long tenths = (bytes * 10 + kMiB / 2) / kMiB;
    std::string out = std::to_string(tenths / 10);
    if (tenths % 10 != 0) out += "." + std::to_string(tenths % 10);
    return out + " MB";
  }
  return std::to_string(std::max<long long>(1, (bytes + kKiB / 2) / kKiB)) + " KB";
}

namespace {

/// Length of the valid UTF-8 sequence at the start of s and its code point; 0 when it is not valid.
size_t utf8_sequence(std::string_view s, char32_t& cp) {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(0);
  size_t len = 0;
  if (c < 0x80) {
    cp = c;
    return 1;
  } else if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (s.size() < len) return 0;
  for (size_t i = 1; i < len; ++i) {
    if ((b(i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i) & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

/// Control characters and the invisible marks that can make a name display as something else ("gpj.exe").
bool hidden_character(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

std::string clean_name(std::string_view filename) {
  const auto slash = filename.find_last_of("/\\");
  if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
  constexpr size_t kMaxBytes = 200;
  std::string out;
  while (!filename.empty()) {
    char32_t cp = 0;
    const size_t n = utf8_sequence(filename, cp);
    if (n == 0) {
      filename.remove_prefix(1);
      continue;
    }
    if (!hidden_character(cp)) {
      if (out.size() + n > kMaxBytes) break;
      out.append(filename.substr(0, n));
    }
    filename.remove_prefix(n);
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  out = out.substr(first, out.find_last_not_of(' ') - first + 1);
  if (out == "." || out == "..") return {};
  return out;
}

}  // namespace

std::string file_url(const Upload& u) { return file_url(u.public_id); }
std::string file_url(std::string_view public_id) { return "/files/" + std::string(public_id); }

std::string attachment_disposition(std::string_view name) {
  // A title such as "Plan 2025/26" is a name, not a path.
  std::string flat(name);
  std::replace(flat.begin(), flat.end(), '/', '_');
  std::replace(flat.begin(), flat.end(), '\\', '_');
  const std::string clean = clean_name(flat);
  // An ASCII name for old browsers: letters, digits and a few safe marks; everything else (quotes, semicolons,
  // backslashes, accents) becomes "_".
  std::string ascii;
  for (char c : clean) {
    const bool safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' ||
                      c == '.' || c == '-' || c == '_' || c == '(' || c == ')' || c == ',';
    ascii += safe ? c : '_';
  }
  if (ascii.empty() || ascii.find_first_not_of("._ ") == std::string::npos) ascii = "paper";
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : clean) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
        c == '_') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  std::string out = "attachment; filename=\"" + ascii + "\"";
  if (!encoded.empty()) out += "; filename*=UTF-8''" + encoded;
  return out;
}

size_t body_limit_for(const Allowed& a) {
  long long biggest = 0;
  for (auto k : kKinds) {
    if (allows(a, k)) biggest = std::max(biggest, max_bytes(a, k));
  }
  return static_cast<size_t>(biggest) + 64 * 1024;
}

std::string_view refusal_code(Refusal r) {
  switch (r) {
    case Refusal::empty: return "empty";
    case Refusal::wrong_type: return "wrong_type";
    case Refusal::too_big: return "too_big";
    case Refusal::image_too_large: return "image_too_large";
    case Refusal::broken: return "broken";
    case Refusal::cannot_clean: return "cannot_clean";
    case Refusal::old_office: return "old_office";
    case Refusal::macros: return "macros";
    case Refusal::locked: return "locked";
  }
  return "broken";
}

std::string refusal_message(const core::Translator& t, Refusal r, const Allowed& a) {
  std::vector<media::Kind> kinds;
  for (auto k : kKinds) {
    if (allows(a, k)) kinds.push_back(k);
  }
  switch (r) {
    case Refusal::wrong_type: {
      if (kinds.empty()) return std::string(t("upload.error.wrong_type"));
      std::string key = "upload.error.wrong_type";
      char sep = '.';
      for (auto k : kinds) {
        key += sep;
        key += kind_key(k);
        sep = '_';
      }
      return std::string(t(key));
    }
    case Refusal::too_big: {
      if (kinds.size() == 1) {
        return core::format(t("upload.error.too_big." + std::string(kind_key(kinds[0]))),
                            {{"size", size_words(max_bytes(a, kinds[0]))}});
      }
      // Several kinds, each with its own limit: one sentence per kind.
      std::string out(t("upload.error.too_big"));
      for (auto k : kinds) {
        out += ' ';
        out += core::format(t("upload.error.too_big.each." + std::string(kind_key(k))),
                            {{"size", size_words(max_bytes(a, k))}});
      }
      return out;
    }
    case Refusal::image_too_large:
      return core::format(t("upload.error.image_too_large"),
                          {{"megapixels", std::to_string(media::ImageLimits{}.max_pixels_in / 1'000'000)}});
    case Refusal::empty:
    case Refusal::broken:
    case Refusal::cannot_clean:
    case Refusal::old_office:
    case Refusal::macros:
    case Refusal::locked: break;
  }
  return std::string(t("upload.error." + std::string(refusal_code(r))));
}

std::variant<Prepared, Refusal> prepare_file(std::string_view data, std::string_view filename, const Allowed& allowed) {
  if (data.empty()) return Refusal::empty;
  auto type = media::sniff(data);
  if (!type && allowed.documents) {
    type = media::sniff_document(data);
    if (const auto issue = type ? std::nullopt : media::document_issue(data)) {
      switch (*issue) {
        case media::DocumentIssue::old_office: return Refusal::old_office;
        case media::DocumentIssue::macros: return Refusal::macros;
        case media::DocumentIssue::locked: return Refusal::locked;
      }
    }
  }
  if (!type || !allows(allowed, type->kind)) return Refusal::wrong_type;
  if (static_cast<long long>(data.size()) > max_bytes(allowed, type->kind)) return Refusal::too_big;
  Prepared p;
  p.kind = type->kind;
  p.original_name = clean_name(filename);
  p.extension = std::string(type->extension);
  if (type->kind == media::Kind::document) {
    p.bytes = std::string(data);
    switch (media::strip_document(*type, p.bytes)) {
      case media::Strip::done: break;
      case media::Strip::broken: return Refusal::broken;
      case media::Strip::cannot_clean: return Refusal::cannot_clean;
      case media::Strip::locked: return Refusal::locked;
    }
    p.mime = std::string(type->mime);
    return p;
  }
  if (type->kind == media::Kind::image) {
    media::ImageLimits limits;
    limits.max_side_out = allowed.max_image_side;
    auto out = media::reencode_image(data, limits);
    if (auto* err = std::get_if<media::ImageError>(&out)) {
      return *err == media::ImageError::too_large ? Refusal::image_too_large : Refusal::broken;
    }
    auto& image = std::get<media::Image>(out);
    p.bytes = std::move(image.bytes);
    p.mime = std::move(image.mime);
    p.extension = p.mime == "image/png" ? "png" : "jpg";
    p.width = image.width;
    p.height = image.height;
    return p;
  }
  p.bytes = std::string(data);
  switch (media::strip(*type, p.bytes)) {
    case media::Strip::done: break;
    case media::Strip::broken: return Refusal::broken;
    case media::Strip::cannot_clean: return Refusal::cannot_clean;
    case media::Strip::locked: return Refusal::locked;
  }
  p.mime = std::string(type->mime);
  return p;
}

UploadService::UploadService(db::Database& db, std::shared_ptr<Storage> storage)
    : db_(db), storage_(std::move(storage)), workers_(2) {}

UploadService::~UploadService() { workers_.join(); }

awaitable<std::variant<Prepared, Refusal>> UploadService::prepare(std::string data, std::string filename,
                                                                  Allowed allowed) {
  using Result = std::variant<Prepared, Refusal>;
  auto op = boost::asio::co_spawn(
      workers_.get_executor(),
      [data = std::move(data), filename = std::move(filename), allowed]() -> awaitable<Result> {
        co_return prepare_file(data, filename, allowed);
      },
      boost::asio::use_awaitable);
  co_return co_await std::move(op);
}

void UploadService::set_access(Purpose p, AccessCheck check) { access_[p] = std::move(check); }

awaitable<std::optional<UploadService::File>> UploadService::file_for(std::string public_id,
                                                                      std::optional<http::Principal> viewer) {
  if (!is_public_id(public_id)) co_return std::nullopt;
  auto find = db_.run([this, public_id = std::move(public_id), viewer = std::move(viewer)](soci::session& s) {
    auto u = store::find_by_public_id(s, public_id);
    if (!u) return u;
    const http::Principal* who = viewer ? &*viewer : nullptr;
    if (who && u->owner_user_id && *u->owner_user_id == who->user_id) return u;
    const auto check = access_.find(u->purpose);
    if (check != access_.end() && check->second && check->second(s, *u, who)) return u;
    return std::optional<Upload>();
  });
  auto upload = co_await std::move(find);
  if (!upload) co_return std::nullopt;
  // Reading a large file off the network threads, without holding a database connection.
  auto read = boost::asio::co_spawn(
      workers_.get_executor(),
      [this, key = upload->storage_key]() -> awaitable<std::optional<std::string>> { co_return storage_->get(key); },
      boost::asio::use_awaitable);
  auto bytes = co_await std::move(read);
  if (!bytes) co_return std::nullopt;
  co_return File{std::move(*upload), std::move(*bytes)};
}

std::vector<std::pair<std::string, std::string>> export_files(soci::session& s, Storage& storage, long long user_id) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& u : store::of_owner(s, user_id)) {
    auto bytes = storage.get(u.storage_key);
    if (!bytes) continue;
    auto type = media::sniff(*bytes);
    if (!type) type = media::document_type(u.mime);
    out.emplace_back("files/" + u.public_id + "." + std::string(type ? type->extension : "bin"), std::move(*bytes));
  }
  return out;
}

}  // namespace roundtable::uploads
