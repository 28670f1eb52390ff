/// The file upload pages use: govuk-frontend's enhanced control (a button, the chosen file's name, a place to drop a
/// file) with its words in the reader's language, so a Welsh page never says "Choose file" or "No file chosen".
#pragma once

#include "core/i18n.hpp"
#include "view/govuk/file_upload.hpp"
#include "view/html.hpp"

namespace roundtable::view {

/// The component's options with the script turned on and its six texts taken from the catalogue (form.file_upload.*)
/// in t's language, the "files chosen" text in every plural form that language has. Texts already set are kept.
govuk::FileUpload with_file_upload_texts(const core::Translator& t, govuk::FileUpload p);

/// govuk::file_upload with with_file_upload_texts applied: what a page calls, the same way on every page.
void file_upload(Html& h, const core::Translator& t, govuk::FileUpload p);

}  // namespace roundtable::view
