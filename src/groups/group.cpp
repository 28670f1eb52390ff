#include "groups/group.hpp"

#include <array>
#include <utility>

namespace roundtable::groups {

namespace {

template <class E, std::size_t N>
std::string_view code_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, code] : table)
    if (e == value) return code;
  return "";
}

template <class E, std::size_t N>
std::optional<E> parse(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view code) {
  for (const auto& [e, c] : table)
    if (c == code) return e;
  return std::nullopt;
}

constexpr std::array<std::pair<Kind, std::string_view>, 3> kKinds{
    {{Kind::standing, "standing"}, {Kind::project, "project"}, {Kind::series, "series"}}};
constexpr std::array<std::pair<Level, std::string_view>, 3> kLevels{
    {{Level::individual, "individual"}, {Level::group, "group"}, {Level::strategic, "strategic"}}};
constexpr std::array<std::pair<Visibility, std::string_view>, 3> kVisibilities{
    {{Visibility::members, "members"}, {Visibility::organisation, "organisation"}, {Visibility::everyone, "public"}}};
constexpr std::array<std::pair<Stage, std::string_view>, 4> kStages{{{Stage::discover, "discover"},
                                                                     {Stage::define, "define"},
                                                                     {Stage::develop, "develop"},
                                                                     {Stage::deliver, "deliver"}}};
constexpr std::array<std::pair<GroupRole, std::string_view>, 4> kRoles{{{GroupRole::lead, "lead"},
                                                                        {GroupRole::facilitator, "facilitator"},
                                                                        {GroupRole::member, "member"},
                                                                        {GroupRole::observer, "observer"}}};
constexpr std::array<std::pair<ActivityKind, std::string_view>, 15> kActivities{{
    {ActivityKind::created, "created"},
    {ActivityKind::details_changed, "details_changed"},
    {ActivityKind::archived, "archived"},
    {ActivityKind::restored, "restored"},
    {ActivityKind::stage_moved, "stage_moved"},
    {ActivityKind::asked_to_join, "asked_to_join"},
    {ActivityKind::joined, "joined"},
    {ActivityKind::request_declined, "request_declined"},
    {ActivityKind::invited, "invited"},
    {ActivityKind::invitation_declined, "invitation_declined"},
    {ActivityKind::left, "left"},
    {ActivityKind::role_changed, "role_changed"},
    {ActivityKind::removed, "removed"},
    {ActivityKind::picture_changed, "picture_changed"},
    {ActivityKind::picture_removed, "picture_removed"},
}};

}  // namespace

std::string_view kind_code(Kind k) { return code_of(kKinds, k); }
std::optional<Kind> parse_kind(std::string_view code) { return parse(kKinds, code); }
std::string_view level_code(Level l) { return code_of(kLevels, l); }
std::optional<Level> parse_level(std::string_view code) { return parse(kLevels, code); }
std::string_view visibility_code(Visibility v) { return code_of(kVisibilities, v); }
std::optional<Visibility> parse_visibility(std::string_view code) { return parse(kVisibilities, code); }
std::string_view stage_code(Stage s) { return code_of(kStages, s); }
std::optional<Stage> parse_stage(std::string_view code) { return parse(kStages, code); }
std::string_view group_role_code(GroupRole r) { return code_of(kRoles, r); }
std::optional<GroupRole> parse_group_role(std::string_view code) { return parse(kRoles, code); }
std::string_view activity_code(ActivityKind k) { return code_of(kActivities, k); }
std::optional<ActivityKind> parse_activity(std::string_view code) { return parse(kActivities, code); }

}  // namespace roundtable::groups
