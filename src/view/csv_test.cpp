#include "view/csv.hpp"

#include <gtest/gtest.h>

namespace roundtable::view {
namespace {

TEST(Csv, QuotesWhatNeedsQuotingAndDisarmsFormulas) {
  Csv csv;
  csv.row({"Name", "Said"});
  csv.row({"Siân", "Hello, \"all\"\nof you"});
  csv.row({"=HYPERLINK(\"http://x\")", "-1", "+1", "@SUM(A1)", "plain"});
  csv.row({"", "a"});
  EXPECT_EQ(csv.str(),
            "\xEF\xBB\xBF"
            "Name,Said\r\n"
            "Siân,\"Hello, \"\"all\"\"\nof you\"\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\")\",\"'-1\",\"'+1\",\"'@SUM(A1)\",plain\r\n"
            ",a\r\n");
}

TEST(Csv, DownloadsAsAnAttachmentWithASafeName) {
  http::Request request{http::Verb::get, "/x.csv", 11};
  http::RequestContext ctx{request};
  Csv csv;
  csv.row({"a"});
  auto res = csv_download(ctx, "members of \"Board\"/x.csv", csv);
  EXPECT_EQ(res[boost::beast::http::field::content_type], "text/csv; charset=utf-8");
  EXPECT_EQ(res[boost::beast::http::field::content_disposition], "attachment; filename=\"members-of--Board--x.csv\"");
}

}  // namespace
}  // namespace roundtable::view
