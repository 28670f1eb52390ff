// The GOV.UK components: the normaliser used by the parity tests (govuk_content_test.cpp, govuk_fields_test.cpp),
// escaping of every text parameter, and attribute names.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "view/govuk/govuk_test_support.hpp"

namespace roundtable::view::govuk {

namespace testing {

// Here rather than in govuk_test_support.cpp: scripts/check-source allows Html::trusted in this file only.
std::optional<Html> html(const json::object& o, std::string_view key) {
  const auto* v = get(o, key);
  if (!v || !v->is_string() || v->get_string().empty()) return std::nullopt;
  return Html::trusted(std::string(v->get_string()));
}

}  // namespace testing

namespace {

using testing::normalise;

TEST(GovukNormalise, CollapsesSpaceSortsAttributesAndTreatsBrAlike) {
  EXPECT_EQ(normalise("<p  class=\"a  b\" id=x>\n  Hello\n   world <br/></p>"),
            normalise("<p id=\"x\" class=\"a b\">Hello world<br></p>"));
  EXPECT_EQ(normalise("<a href=\"#\" hidden>x</a>"), "<a hidden href=\"#\">\nx\n</a>\n");
  EXPECT_NE(normalise("<p>a b</p>"), normalise("<p>ab</p>"));
  EXPECT_NE(normalise("<p class=\"a b\">"), normalise("<p class=\"b a\">"));
}

void render_tag(Html& h, const testing::json::object& o, bool drop_grey_classes) {
  const std::string text = testing::str(o, "text");
  tag(h, {.text = text,
          .html = testing::html(o, "html"),
          .classes = drop_grey_classes && text == "Grey" ? std::string() : testing::str(o, "classes"),
          .attributes = testing::attributes(o)});
}

TEST(GovukNormalise, CheckFixturesReportsEachDifference) {
  // A difference in one fixture fails that fixture, by name, with both sides normalised.
  EXPECT_NONFATAL_FAILURE(
      testing::check_fixtures("tag", [](Html& h, const testing::json::object& o) { render_tag(h, o, true); }, {}),
      "tag fixture 'grey' differs (normalised, one tag or text per line)\n--- expected\n<strong class=\"govuk-tag "
      "govuk-tag--grey\">\nGrey\n</strong>\n--- got\n<strong class=\"govuk-tag\">\nGrey\n</strong>\n---");
  // A fixture listed as unsupported that matches must come off the list.
  EXPECT_NONFATAL_FAILURE(
      testing::check_fixtures("tag", [](Html& h, const testing::json::object& o) { render_tag(h, o, false); },
                              {{"grey", "only to check that the list is checked"}}),
      "is listed as unsupported but matches");
}

// Text with markup in it, and quotes that would end an attribute.
constexpr const char* kEvil = "<script>alert(1)</script>\"'&";

void expect_escaped(const Html& h, std::string_view what) {
  EXPECT_EQ(h.str().find("<script"), std::string::npos) << what << ":\n" << h.str();
  EXPECT_EQ(h.str().find("\"'"), std::string::npos) << what << ":\n" << h.str();
  EXPECT_NE(h.str().find("&lt;script&gt;"), std::string::npos) << what << ":\n" << h.str();
}

template <class F>
void check(std::string_view what, F render) {
  Html h;
  render(h);
  expect_escaped(h, what);
}

TEST(GovukEscaping, EveryTextParameterIsEscaped) {
  const std::string e = kEvil;
  const Attributes attrs{{"data-x", e}};
  const Label l{.text = e, .for_ = e, .classes = e, .attributes = attrs};
  const Hint hi{.text = e, .id = e, .classes = e, .attributes = attrs};
  const ErrorMessage em{.text = e, .id = e, .classes = e, .attributes = attrs, .visually_hidden_text = e};

  check("tag", [&](Html& h) { tag(h, {.text = e, .classes = e, .attributes = attrs}); });
  check("inset_text", [&](Html& h) { inset_text(h, {.text = e, .id = e, .classes = e, .attributes = attrs}); });
  check("details", [&](Html& h) { details(h, {.summary_text = e, .text = e, .id = e, .classes = e}); });
  check("panel", [&](Html& h) {
    panel(h, {.title_text = e,
              .text = e,
              .classes = "govuk-panel--interruption " + e,
              .attributes = attrs,
              .actions = PanelActions{.items = {{.text = e, .href = e}, {.text = e, .type = "button"}}}});
  });
  check("warning_text", [&](Html& h) { warning_text(h, {.text = e, .icon_fallback_text = e, .classes = e}); });
  check("notification_banner", [&](Html& h) {
    notification_banner(h, {.text = e, .title_text = e, .type = e, .role = e, .title_id = e, .classes = e});
  });
  check("error_summary", [&](Html& h) {
    error_summary(h, {.title_text = e,
                      .description_text = e,
                      .error_list = {{.href = e, .text = e, .attributes = attrs}, {.text = e}},
                      .classes = e});
  });
  check("summary_list", [&](Html& h) {
    summary_list(h, {.rows = {{.key = {.text = e, .classes = e},
                               .value = {.text = e, .classes = e},
                               .actions = {.items = {{.href = e, .text = e, .visually_hidden_text = e, .classes = e}}},
                               .classes = e}},
                     .card = SummaryCard{.title = SummaryCardTitle{.text = e, .classes = e},
                                         .actions = {.items = {{.href = e, .text = e}, {.href = e, .text = e}}}},
                     .classes = e});
  });
  check("table", [&](Html& h) {
    table(h, {.rows = {{{.text = e, .format = e, .classes = e}}},
              .head = {{.text = e, .format = e}},
              .caption = e,
              .caption_classes = e,
              .classes = e});
  });
  check("TableWriter", [&](Html& h) {
    TableWriter w(h, {.caption = e, .first_cell_is_header = true});
    w.begin_row();
    w.cell(e);
    w.cell(e);
    w.end_row();
    w.end();
  });
  check("button", [&](Html& h) {
    button(h, {.text = e, .name = e, .type = e, .value = e, .classes = e, .attributes = attrs, .id = e});
  });
  check("link button", [&](Html& h) { button(h, {.text = e, .href = e, .is_start_button = true}); });
  check("back_link", [&](Html& h) { back_link(h, {.text = e, .href = e, .classes = e}); });
  check("skip_link", [&](Html& h) { skip_link(h, {.text = e, .href = e, .classes = e}); });
  check("pagination", [&](Html& h) {
    pagination(h, {.items = {{.number = e, .href = e}, {.number = e, .visually_hidden_text = e, .href = e}},
                   .previous = PaginationLink{.href = e},
                   .next = PaginationLink{.text = e, .label_text = e, .href = e},
                   .landmark_label = e,
                   .classes = e,
                   .previous_default_text = e,
                   .page_visually_hidden_text = e,
                   .page_label_text = e});
  });
  check("exit_this_page", [&](Html& h) {
    exit_this_page(h, {.redirect_url = e, .id = e, .classes = e, .activated_text = e, .emergency_text = e});
  });
  check("service_navigation", [&](Html& h) {
    service_navigation(h, {.service_name = e,
                           .service_url = e,
                           .navigation = {{.text = e, .href = e, .current = true, .attributes = attrs}, {.text = e}},
                           .navigation_classes = e,
                           .navigation_id = e,
                           .navigation_label = e,
                           .menu_button_text = e,
                           .menu_button_label = e + "x",
                           .slots = {.end_align = e},
                           .classes = e,
                           .attributes = attrs,
                           .aria_label = e});
  });
  check("service_navigation without a link", [&](Html& h) { service_navigation(h, {.service_name = e}); });
  check("hint", [&](Html& h) { hint(h, hi); });
  check("label", [&](Html& h) { label(h, l); });
  check("error_message", [&](Html& h) { error_message(h, em); });
  check("fieldset", [&](Html& h) {
    fieldset(h, {.described_by = e, .legend = {.text = e, .classes = e}, .classes = e, .role = e});
  });
  check("input", [&](Html& h) {
    input(h, {.id = e,
              .name = e,
              .type = e,
              .inputmode = e,
              .value = e,
              .described_by = e,
              .label = l,
              .hint = hi,
              .error_message = em,
              .prefix = {.text = e, .classes = e},
              .suffix = {.text = e},
              .form_group = {.classes = e, .before_input = e, .after_input = e},
              .input_wrapper = {.classes = e},
              .classes = e,
              .autocomplete = e,
              .pattern = e,
              .autocapitalize = e,
              .attributes = attrs});
  });
  check("password_input", [&](Html& h) {
    password_input(h, {.id = e,
                       .name = e,
                       .value = e,
                       .label = l,
                       .hint = hi,
                       .error_message = em,
                       .classes = e,
                       .autocomplete = e,
                       .button = {.classes = e},
                       .show_password_text = e,
                       .hide_password_text = e,
                       .show_password_aria_label_text = e});
  });
  check("textarea", [&](Html& h) {
    textarea(h, {.id = e,
                 .name = e,
                 .value = e,
                 .described_by = e,
                 .label = l,
                 .hint = hi,
                 .error_message = em,
                 .classes = e,
                 .autocomplete = e});
  });
  check("character_count", [&](Html& h) {
    character_count(h, {.id = e,
                        .name = e,
                        .value = e,
                        .maxlength = 10,
                        .count_type = e,
                        .label = l,
                        .count_message = {.classes = e},
                        .textarea_description_text = e,
                        .characters_under_limit_text = {.one = e, .other = e},
                        .characters_at_limit_text = e});
  });
  const std::vector<ChoiceItem> items{{.text = e,
                                       .value = e,
                                       .id = e,
                                       .name = e,
                                       .label = {.classes = e},
                                       .hint = {.text = e, .classes = e},
                                       .behaviour = e},
                                      {.divider = e},
                                      {.text = e, .value = "b", .conditional = Html()}};
  check("radios", [&](Html& h) {
    radios(h, {.name = e,
               .id_prefix = e,
               .items = items,
               .value = e,
               .fieldset = Fieldset{.legend = {.text = e}},
               .hint = hi,
               .error_message = em,
               .classes = e});
  });
  check("checkboxes", [&](Html& h) {
    checkboxes(h, {.name = e, .items = items, .values = {e}, .described_by = e, .hint = hi, .classes = e});
  });
  check("select", [&](Html& h) {
    select(h, {.id = e,
               .name = e,
               .items = {{.value = e, .text = e}, {.text = e}},
               .value = e,
               .label = l,
               .hint = hi,
               .error_message = em,
               .classes = e});
  });
  check("date_input", [&](Html& h) {
    date_input(h, {.id = e,
                   .name_prefix = e,
                   .items = {{.id = e, .name = e, .label = e, .value = e, .classes = e}},
                   .hint = hi,
                   .error_message = em,
                   .classes = e});
  });
  check("file_upload", [&](Html& h) {
    file_upload(h, {.id = e,
                    .name = e,
                    .label = l,
                    .hint = hi,
                    .error_message = em,
                    .classes = e,
                    .attributes = attrs,
                    .javascript = true,
                    .choose_files_button_text = e,
                    .multiple_files_chosen_text = {.other = e},
                    .wrapper_classes = e});
  });
}

TEST(GovukAttributes, UnsafeNamesThrow) {
  for (const char* bad : {"", "onclick=\"x\"", "a b", "x>", "data-x\"", "a/b", "data.x"}) {
    Html h;
    EXPECT_THROW(tag(h, {.text = "t", .attributes = {{bad, "v"}}}), std::invalid_argument) << bad;
    EXPECT_THROW(input(h, {.name = "n", .attributes = {{bad, "v"}}}), std::invalid_argument) << bad;
  }
  Html h;
  EXPECT_NO_THROW(tag(h, {.text = "t", .attributes = {{"data-Test_1", "\"><script>"}}}));
  EXPECT_NE(h.str().find("data-Test_1=\"&quot;&gt;&lt;script&gt;\""), std::string::npos) << h.str();
}

TEST(GovukHtml, FragmentsAreAppendedAsMarkup) {
  Html fragment;
  fragment.raw("<b>").text("bold & <brave>").raw("</b>");
  Html h;
  tag(h, {.html = fragment});
  EXPECT_NE(h.str().find("<b>bold &amp; &lt;brave&gt;</b>"), std::string::npos) << h.str();
}

}  // namespace
}  // namespace roundtable::view::govuk

namespace roundtable::view::govuk {
namespace {

TEST(GovukTranslations, WelshWordsReplaceTheEnglishDefaults) {
  Html h;
  input(h, {.name = "enw",
            .label = {.text = "Enw"},
            .error_message = {.text = "Rhowch enw", .visually_hidden_text = "Gwall"}});
  EXPECT_NE(h.str().find("<span class=\"govuk-visually-hidden\">Gwall:</span> Rhowch enw"), std::string::npos)
      << h.str();
  Html p;
  pagination(p, {.previous = PaginationLink{.href = "?page=1"},
                 .next = PaginationLink{.href = "?page=3"},
                 .landmark_label = "Tudalennu",
                 .previous_default_text = "Blaenorol",
                 .next_default_text = "Nesaf",
                 .page_visually_hidden_text = " tudalen"});
  EXPECT_NE(p.str().find("Blaenorol<span class=\"govuk-visually-hidden\"> tudalen</span>"), std::string::npos)
      << p.str();
  EXPECT_NE(p.str().find("aria-label=\"Tudalennu\""), std::string::npos) << p.str();
  Html n;
  service_navigation(n, {.service_name = "Bwrdd Crwn",
                         .navigation = {{.text = "Grwpiau", .href = "/grwpiau"}, {.text = "Allgofnodi", .href = "/"}},
                         .menu_button_text = "Dewislen",
                         .menu_button_label = "Dangos neu guddio'r ddewislen",
                         .aria_label = "Gwybodaeth am y gwasanaeth"});
  EXPECT_NE(n.str().find("<section aria-label=\"Gwybodaeth am y gwasanaeth\""), std::string::npos) << n.str();
  EXPECT_NE(n.str().find("<nav aria-label=\"Dewislen\""), std::string::npos) << n.str();
  EXPECT_NE(n.str().find("aria-label=\"Dangos neu guddio&#39;r ddewislen\" hidden aria-hidden=\"true\">\nDewislen\n"),
            std::string::npos)
      << n.str();
  EXPECT_EQ(n.str().find("Menu"), std::string::npos) << n.str();
  EXPECT_EQ(n.str().find("Service information"), std::string::npos) << n.str();
  Html e;
  error_summary(e, {.title_text = "Mae problem wedi codi", .error_list = {{.href = "#enw", .text = "Rhowch enw"}}});
  EXPECT_NE(e.str().find("Mae problem wedi codi"), std::string::npos) << e.str();
}

TEST(GovukTable, WriterTakesFragmentsAndRowHeaders) {
  Html h;
  TableWriter w(h, {.head = {{.text = "Name"}, {.text = "Status"}}, .first_cell_is_header = true});
  Html status;
  tag(status, {.text = "Active"});
  w.begin_row();
  w.cell("Ann & Bob");
  w.cell(status);
  w.end_row();
  w.end();
  EXPECT_EQ(
      testing::normalise(h.str()),
      testing::normalise("<table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr "
                         "class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Name</th><th "
                         "scope=\"col\" class=\"govuk-table__header\">Status</th></tr></thead><tbody "
                         "class=\"govuk-table__body\"><tr class=\"govuk-table__row\"><th scope=\"row\" "
                         "class=\"govuk-table__header\">Ann &amp; Bob</th><td class=\"govuk-table__cell\"><strong "
                         "class=\"govuk-tag\">Active</strong></td></tr></tbody></table>"));
}

}  // namespace
}  // namespace roundtable::view::govuk
