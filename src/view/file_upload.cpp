#include "view/file_upload.hpp"

#include <utility>

namespace roundtable::view {

namespace {

void fill(std::string& text, std::string_view message) {
  if (text.empty()) text = std::string(message);
}

/// A count in each plural category (CLDR): 0 zero, 1 one, 2 two, 3 few, 6 many, 100 other, in English and Welsh.
long long count_in(core::PluralCategory c) {
  switch (c) {
    case core::PluralCategory::zero: return 0;
    case core::PluralCategory::one: return 1;
    case core::PluralCategory::two: return 2;
    case core::PluralCategory::few: return 3;
    case core::PluralCategory::many: return 6;
    case core::PluralCategory::other: return 100;
  }
  return 100;
}

}  // namespace

govuk::FileUpload with_file_upload_texts(const core::Translator& t, govuk::FileUpload p) {
  p.javascript = true;
  fill(p.choose_files_button_text, t("form.file_upload.choose_file"));
  fill(p.drop_instruction_text, t("form.file_upload.drop_instruction"));
  fill(p.no_file_chosen_text, t("form.file_upload.no_file_chosen"));
  fill(p.entered_drop_zone_text, t("form.file_upload.entered_drop_zone"));
  fill(p.left_drop_zone_text, t("form.file_upload.left_drop_zone"));
  // The script fills in %{count} itself and picks the form with the page's language rules, so every form the language
  // has is written out (the catalogue's forms hold no {n}, so plural() gives each one as it is).
  auto& chosen = p.multiple_files_chosen_text;
  for (auto c : core::plural_categories(t.lang())) {
    std::string* form = nullptr;
    switch (c) {
      case core::PluralCategory::zero: form = &chosen.zero; break;
      case core::PluralCategory::one: form = &chosen.one; break;
      case core::PluralCategory::two: form = &chosen.two; break;
      case core::PluralCategory::few: form = &chosen.few; break;
      case core::PluralCategory::many: form = &chosen.many; break;
      case core::PluralCategory::other: form = &chosen.other; break;
    }
    fill(*form, t.plural("form.file_upload.files_chosen", count_in(c)));
  }
  return p;
}

void file_upload(Html& h, const core::Translator& t, govuk::FileUpload p) {
  govuk::file_upload(h, with_file_upload_texts(t, std::move(p)));
}

}  // namespace roundtable::view
