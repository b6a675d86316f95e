// String forms of the model's enums, as stored in the project file and printed by the CLI.
#include "model/case.hpp"
#include "model/document.hpp"
#include "model/memo.hpp"
#include "model/theme.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tessera {
namespace {

template <class E, std::size_t N>
std::optional<E> parse(const std::array<std::pair<E, const char*>, N>& table, std::string_view s) {
    for (const auto& [e, name] : table)
        if (s == name) return e;
    return std::nullopt;
}

template <class E, std::size_t N>
std::string names(const std::array<std::pair<E, const char*>, N>& table) {
    std::string out;
    for (const auto& [e, name] : table) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

template <class E, std::size_t N>
const char* name_of(const std::array<std::pair<E, const char*>, N>& table, E e) {
    for (const auto& [v, name] : table)
        if (v == e) return name;
    return "?";
}

constexpr std::array<std::pair<SpeakerRole, const char*>, 4> kRoles{{{SpeakerRole::participant, "participant"},
                                                                      {SpeakerRole::facilitator, "facilitator"},
                                                                      {SpeakerRole::interviewer, "interviewer"},
                                                                      {SpeakerRole::other, "other"}}};
constexpr std::array<std::pair<AttributeType, const char*>, 4> kAttrTypes{{{AttributeType::text, "text"},
                                                                           {AttributeType::number, "number"},
                                                                           {AttributeType::date, "date"},
                                                                           {AttributeType::category, "category"}}};
constexpr std::array<std::pair<MemoTarget, const char*>, 6> kMemoTargets{{{MemoTarget::project, "project"},
                                                                          {MemoTarget::document, "document"},
                                                                          {MemoTarget::case_, "case"},
                                                                          {MemoTarget::code, "code"},
                                                                          {MemoTarget::coding, "coding"},
                                                                          {MemoTarget::theme, "theme"}}};
constexpr std::array<std::pair<ThemeStatus, const char*>, 4> kStatuses{{{ThemeStatus::candidate, "candidate"},
                                                                        {ThemeStatus::reviewed, "reviewed"},
                                                                        {ThemeStatus::final_, "final"},
                                                                        {ThemeStatus::discarded, "discarded"}}};
constexpr std::array<std::pair<MatrixAxis, const char*>, 4> kAxes{{{MatrixAxis::case_, "case"},
                                                                   {MatrixAxis::document, "document"},
                                                                   {MatrixAxis::code, "code"},
                                                                   {MatrixAxis::theme, "theme"}}};

}  // namespace

const char* to_string(SpeakerRole r) { return name_of(kRoles, r); }
std::optional<SpeakerRole> speaker_role_from_string(std::string_view s) { return parse(kRoles, s); }
std::string speaker_role_names() { return names(kRoles); }
const char* to_string(AttributeType t) { return name_of(kAttrTypes, t); }
std::optional<AttributeType> attribute_type_from_string(std::string_view s) { return parse(kAttrTypes, s); }
const char* to_string(MemoTarget t) { return name_of(kMemoTargets, t); }
std::optional<MemoTarget> memo_target_from_string(std::string_view s) { return parse(kMemoTargets, s); }
const char* to_string(ThemeStatus s) { return name_of(kStatuses, s); }
std::optional<ThemeStatus> theme_status_from_string(std::string_view s) { return parse(kStatuses, s); }
const char* to_string(MatrixAxis a) { return name_of(kAxes, a); }
std::optional<MatrixAxis> matrix_axis_from_string(std::string_view s) { return parse(kAxes, s); }

const std::string& Case::attribute(const std::string& n) const {
    static const std::string empty;
    for (const auto& a : attributes)
        if (a.name == n) return a.value;
    return empty;
}

}  // namespace tessera
