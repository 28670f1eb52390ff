#include "view/csv.hpp"

namespace roundtable::view {

Csv::Csv() { out_ = "\xEF\xBB\xBF"; }

Csv& Csv::row(const std::vector<std::string_view>& cells) {
  bool first = true;
  for (auto cell : cells) {
    if (!first) out_ += ',';
    first = false;
    const bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                                           cell[0] == '\t' || cell[0] == '\r');
    const bool quote = formula || cell.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote) out_ += '"';
    if (formula) out_ += '\'';
    for (char c : cell) {
      if (c == '"') out_ += '"';
      out_ += c;
    }
    if (quote) out_ += '"';
  }
  out_ += "\r\n";
  return *this;
}

http::Response csv_download(const http::RequestContext& ctx, std::string_view filename, const Csv& csv) {
  std::string name;
  for (char c : filename) {
    const bool safe =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    name += safe ? c : '-';
  }
  auto res = http::make_response(ctx.request, http::Status::ok, csv.str(), "text/csv; charset=utf-8");
  res.set(boost::beast::http::field::content_disposition, "attachment; filename=\"" + name + "\"");
  return res;
}

}  // namespace roundtable::view
