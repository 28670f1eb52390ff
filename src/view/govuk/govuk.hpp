/// All the GOV.UK components (see README.md in this folder).
#pragma once

#include "view/govuk/choices.hpp"
#include "view/govuk/common.hpp"
#include "view/govuk/content.hpp"
#include "view/govuk/date_input.hpp"
#include "view/govuk/field_parts.hpp"
#include "view/govuk/file_upload.hpp"
#include "view/govuk/navigation.hpp"
#include "view/govuk/summary_list.hpp"
#include "view/govuk/table.hpp"
#include "view/govuk/text_fields.hpp"
#include "view/govuk/typography.hpp"
