#include "view/keyset_pagination.hpp"

#include <string>

#include "view/govuk/navigation.hpp"

namespace roundtable::view {

void keyset_pagination(Html& h, const core::Translator& t, std::string_view keep, const KeysetLinks& links) {
  if (!links.more_before && !links.more_after) return;
  govuk::Pagination pagination{.landmark_label = std::string(t("pagination.label"))};
  if (links.more_before) {
    pagination.previous = govuk::PaginationLink{.text = std::string(t("pagination.previous")),
                                                .href = std::string(keep) + "before=" + std::to_string(links.first_id)};
  }
  if (links.more_after) {
    pagination.next = govuk::PaginationLink{.text = std::string(t("pagination.next")),
                                            .href = std::string(keep) + "after=" + std::to_string(links.last_id)};
  }
  govuk::pagination(h, pagination);
}

}  // namespace roundtable::view
