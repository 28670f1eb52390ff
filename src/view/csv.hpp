/// Tables as CSV files people open in a spreadsheet (RFC 4180), and the answer that downloads one.
///
/// A cell that begins with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows
/// what someone typed instead of running it as a formula (OWASP's "CSV injection"). The file starts with a UTF-8 byte
/// order mark, so spreadsheets read Welsh letters correctly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/types.hpp"

namespace roundtable::view {

class Csv {
 public:
  Csv();
  /// One row; cells are quoted when they hold a comma, a quote or a line break.
  Csv& row(const std::vector<std::string_view>& cells);
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

/// 200 with the file as an attachment named filename (letters, digits, '-' and '.' only; others become '-').
http::Response csv_download(const http::RequestContext& ctx, std::string_view filename, const Csv& csv);

}  // namespace roundtable::view
