#include "view/file_upload.hpp"

#include <gtest/gtest.h>

#include <string>

namespace roundtable::view {
namespace {

std::string rendered(core::Lang lang,
                     govuk::FileUpload p = {.id = "file", .name = "file", .label = {.text = "Photo"}}) {
  Html h;
  file_upload(h, core::Translator(core::Messages::embedded(), lang), std::move(p));
  return h.str();
}

bool has(const std::string& html, const std::string& part) { return html.find(part) != std::string::npos; }

TEST(FileUploadTexts, EnglishPagesGetTheScriptAndEveryTextInEnglish) {
  const auto html = rendered(core::Lang::en);
  EXPECT_TRUE(has(html, "data-module=\"govuk-file-upload\"")) << html;
  EXPECT_TRUE(has(html, "data-i18n.choose-files-button=\"Choose a file\""));
  EXPECT_TRUE(has(html, "data-i18n.no-file-chosen=\"No file chosen yet\""));
  EXPECT_TRUE(has(html, "data-i18n.drop-instruction=\"or drop a file here\""));
  EXPECT_TRUE(has(html, "data-i18n.entered-drop-zone=\""));
  EXPECT_TRUE(has(html, "data-i18n.left-drop-zone=\""));
  EXPECT_TRUE(has(html, "data-i18n.multiple-files-chosen.one=\"%{count} file chosen\""));
  EXPECT_TRUE(has(html, "data-i18n.multiple-files-chosen.other=\"%{count} files chosen\""));
  EXPECT_FALSE(has(html, "multiple-files-chosen.few")) << "English has only one and other";
}

TEST(FileUploadTexts, WelshPagesGetEveryTextAndEveryPluralFormInWelsh) {
  const auto html = rendered(core::Lang::cy);
  EXPECT_TRUE(has(html, "data-i18n.choose-files-button=\"Dewis ffeil\"")) << html;
  EXPECT_TRUE(has(html, "data-i18n.no-file-chosen=\"Dim ffeil wedi&#39;i dewis eto\""));
  EXPECT_TRUE(has(html, "data-i18n.drop-instruction=\"neu ollwng ffeil yma\""));
  for (const char* form : {"zero", "one", "two", "few", "many", "other"}) {
    EXPECT_TRUE(has(html, std::string("data-i18n.multiple-files-chosen.") + form + "=\"%{count} ffeil")) << form;
  }
  EXPECT_FALSE(has(html, "Choose")) << "no English on a Welsh page";
}

TEST(FileUploadTexts, TextsAPageSetsAreKeptAndTheRestFilledIn) {
  auto p = with_file_upload_texts(core::Translator(core::Messages::embedded(), core::Lang::en),
                                  {.id = "logo", .name = "logo", .choose_files_button_text = "Choose a logo"});
  EXPECT_TRUE(p.javascript);
  EXPECT_EQ(p.choose_files_button_text, "Choose a logo");
  EXPECT_EQ(p.no_file_chosen_text, "No file chosen yet");
}

TEST(FileUploadTexts, WithoutTheHelperTheFieldIsAPlainFileInputThatNeedsNoScript) {
  Html h;
  govuk::file_upload(h, {.id = "photo", .name = "photo", .label = {.text = "Photo"}});
  EXPECT_FALSE(has(h.str(), "data-module")) << h.str();
  EXPECT_TRUE(has(h.str(), "<label class=\"govuk-label\" for=\"photo\">"));
  EXPECT_TRUE(has(h.str(), "<input class=\"govuk-file-upload\" id=\"photo\" name=\"photo\" type=\"file\">"));
}

}  // namespace
}  // namespace roundtable::view
