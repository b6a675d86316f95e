// String forms of the model's enums, as stored in the project file and printed by the CLI.
#include "model/case.hpp"
#include "model/document.hpp"
#include "model/memo.hpp"
#include "model/theme.hpp"
#include "util/error.hpp"

#include <array>
#include <utility>

namespace tessera {
namespace {

template <class E, std::size_t N>
E parse(const std::array<std::pair<E, const char*>, N>& table, const std::string& s, const char* what) {
    for (const auto& [e, name] : table)
        if (s == name) return e;
    std::string choices;
    for (const auto& [e, name] : table) choices += (choices.empty() ? "" : ", ") + std::string(name);
    throw InvalidArgument(std::string("unknown ") + what + " '" + s + "' (expected one of: " + choices + ")");
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
SpeakerRole speaker_role_from_string(const std::string& s) { return parse(kRoles, s, "speaker role"); }
const char* to_string(AttributeType t) { return name_of(kAttrTypes, t); }
AttributeType attribute_type_from_string(const std::string& s) { return parse(kAttrTypes, s, "attribute type"); }
const char* to_string(MemoTarget t) { return name_of(kMemoTargets, t); }
MemoTarget memo_target_from_string(const std::string& s) { return parse(kMemoTargets, s, "memo target"); }
const char* to_string(ThemeStatus s) { return name_of(kStatuses, s); }
ThemeStatus theme_status_from_string(const std::string& s) { return parse(kStatuses, s, "theme status"); }
const char* to_string(MatrixAxis a) { return name_of(kAxes, a); }
MatrixAxis matrix_axis_from_string(const std::string& s) { return parse(kAxes, s, "matrix axis"); }

const std::string& Case::attribute(const std::string& n) const {
    static const std::string empty;
    for (const auto& a : attributes)
        if (a.name == n) return a.value;
    return empty;
}

}  // namespace tessera
