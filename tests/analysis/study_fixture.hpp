// A small original study built through the Project API, shared by the analysis and export tests:
// two focus groups and an interview, six speaking participants, two coders, four themes.
#pragma once

#include "commands/codebook_commands.hpp"
#include "commands/project_commands.hpp"
#include "store/project.hpp"
#include "test_support.hpp"
#include "text/text.hpp"

#include <map>
#include <stdexcept>
#include <string>

namespace tessera::test {

/// Turns "Label: words" lines into a NewDocument with one turn per line (the words after "Label: ").
/// Labels starting with "Facilitator"/"Interviewer" get no case.
inline NewDocument transcript(const std::string& name, const std::string& body) {
    NewDocument d;
    d.name = name;
    d.text = body;
    std::size_t line_start = 0;
    while (line_start < body.size()) {
        std::size_t nl = body.find('\n', line_start);
        if (nl == std::string::npos) nl = body.size();
        std::string line = body.substr(line_start, nl - line_start);
        std::size_t colon = line.find(": ");
        if (colon != std::string::npos) {
            std::string label = line.substr(0, colon);
            auto cp = [&](std::size_t byte) { return text::count_code_points(body.substr(0, byte)); };
            d.turns.push_back({{cp(line_start + colon + 2), cp(nl)}, label, {}, {}});
            bool staff = label == "Facilitator" || label == "Interviewer";
            bool known = false;
            for (const auto& s : d.speakers) known = known || s.label == label;
            if (!known)
                d.speakers.push_back({label, staff ? SpeakerRole::facilitator : SpeakerRole::participant,
                                      staff ? "" : label});
        }
        line_start = nl + 1;
    }
    return d;
}

struct Study {
    TempDir dir;
    Project p = Project::create(dir / "study.tessera");
    CommandStack stack;
    RowId fg1 = 0, fg2 = 0, int1 = 0, amara = 0, ben = 0;
    RowId trust = 0, consent = 0, being_asked = 0, data_sharing = 0, burden = 0, asked_first = 0;
    RowId t_control = 0, t_being_asked = 0, t_trust = 0, t_burden = 0, t_commercial = 0;
    std::map<int, RowId> coding;  // the numbered codings of the scenario (1..13)

    /// Code-point span of the first occurrence of `needle` in a document (throws when absent).
    Span span_of(RowId doc, const std::string& needle) {
        std::string t = p.document(doc).text;
        auto at = t.find(needle);
        if (at == std::string::npos) throw std::runtime_error("fixture: '" + needle + "' not in document");
        std::int64_t s = text::count_code_points(t.substr(0, at));
        return {s, s + text::count_code_points(needle)};
    }
    RowId code(const std::string& name, OptId owner, OptId parent = std::nullopt, std::uint32_t color = 0x4E79A7) {
        CodeFields f;
        f.name = name;
        f.color = color;
        auto cmd = std::make_unique<CreateCode>(f, parent, owner);
        auto* raw = cmd.get();
        stack.execute(p, std::move(cmd));
        return raw->id();
    }
    void apply(int n, RowId doc, const std::string& needle, RowId code_id, RowId coder) {
        coding[n] = p.insert_coding({0, "", doc, span_of(doc, needle), code_id, coder, ""});
    }
    RowId theme(const std::string& name, std::vector<RowId> codes, OptId parent, ThemeStatus st, std::uint32_t color) {
        Theme t;
        t.name = name;
        t.code_ids = std::move(codes);
        t.parent_id = parent;
        t.status = st;
        t.color = color;
        if (st == ThemeStatus::discarded) t.discard_reason = "only one voice; folded into Trust";
        auto cmd = std::make_unique<CreateTheme>(t);
        auto* raw = cmd.get();
        stack.execute(p, std::move(cmd));
        return raw->id();
    }
    void attrs(const std::string& c, const std::string& age, const std::string& gender, const std::string& site) {
        RowId id = p.ensure_case(c);
        if (!age.empty()) p.set_attribute(id, {"age", AttributeType::number, age});
        if (!gender.empty()) p.set_attribute(id, {"gender", AttributeType::category, gender});
        if (!site.empty()) p.set_attribute(id, {"site", AttributeType::category, site});
    }

    Study() {
        fg1 = p.add_document(transcript(
            "FG1",
            "Facilitator: Thank you all for coming. What do you think about sharing health records for research?\n"
            "P1: I trust the NHS with my records, but I want to be asked first.\n"
            "P2: Being asked matters to me too. Nobody asked me about my caf\u00e9 loyalty card data either.\n"
            "P3: Honestly it feels like a burden to fill in consent forms every time."));
        fg2 = p.add_document(transcript(
            "FG2",
            "Facilitator: Let's start with data sharing.\n"
            "P4: Sharing data with researchers is fine if they are careful, I trust them.\n"
            "P5: I worry about companies getting the data. Consent should mean something."));
        int1 = p.add_document(transcript(
            "INT1",
            "Interviewer: Tell me about being asked for consent.\n"
            "P6: I would rather be asked each time, even if it is a burden."));
        attrs("P1", "34", "woman", "Leeds");
        attrs("P2", "51", "man", "Leeds");
        attrs("P3", "27", "woman", "Leeds");
        attrs("P4", "62", "woman", "Hull");
        attrs("P5", "45", "man", "Hull");
        attrs("P6", "38", "", "Leeds");
        attrs("P7", "99", "woman", "Hull");  // recruited, never spoke: not in the sample

        amara = p.insert_coder({0, "", "Amara"});
        ben = p.insert_coder({0, "", "Ben"});
        trust = code("Trust", std::nullopt, std::nullopt, 0x4E79A7);
        consent = code("Consent", std::nullopt, std::nullopt, 0xE15759);
        being_asked = code("Being asked", std::nullopt, consent, 0xFF9DA7);
        data_sharing = code("Data sharing", std::nullopt, std::nullopt, 0x59A14F);
        burden = code("Burden", std::nullopt, std::nullopt, 0xEDC948);
        asked_first = code("Asked first", amara, std::nullopt, 0xB07AA1);

        apply(1, fg1, "I trust the NHS with my records", trust, amara);
        apply(2, fg1, "I want to be asked first", being_asked, amara);
        apply(3, fg1, "Being asked matters to me too", being_asked, ben);
        apply(4, fg1, "it feels like a burden to fill in consent forms every time", burden, amara);
        apply(5, fg1, "consent forms every time", consent, amara);
        apply(6, fg2, "Sharing data with researchers is fine if they are careful", data_sharing, amara);
        apply(7, fg2, "I trust them", trust, amara);
        apply(8, fg2, "I worry about companies getting the data", data_sharing, amara);
        apply(9, fg2, "Consent should mean something", consent, amara);
        apply(10, int1, "I would rather be asked each time", being_asked, amara);
        apply(11, int1, "even if it is a burden", burden, amara);
        apply(12, fg1, "I want to be asked first", asked_first, amara);
        apply(13, fg1, "card data either.\nP3: Honestly it feels", consent, ben);  // spans P2's and P3's turns

        t_control = theme("Control over data", {consent}, std::nullopt, ThemeStatus::final_, 0xE15759);
        t_being_asked = theme("Being asked first", {being_asked}, t_control, ThemeStatus::reviewed, 0xFF9DA7);
        t_trust = theme("Trust in institutions", {trust, data_sharing}, std::nullopt, ThemeStatus::candidate, 0x4E79A7);
        t_burden = theme("Practical burden", {burden}, std::nullopt, ThemeStatus::candidate, 0xEDC948);
        t_commercial = theme("Commercial worries", {data_sharing}, std::nullopt, ThemeStatus::discarded, 0x9C755F);
        stack.execute(p, std::make_unique<LinkThemes>(ThemeLink{0, "", t_trust, t_control, "conditions"}));

        MatrixCell cell;
        cell.row_kind = MatrixAxis::case_;
        cell.row_id = p.find_case("P1")->id;
        cell.col_kind = MatrixAxis::theme;
        cell.col_id = t_control;
        cell.summary = "Wants to be asked before records are used.";
        cell.coding_ids = {coding[2]};
        stack.execute(p, std::make_unique<ChartCell>(cell));
    }
    RowId case_id(const std::string& name) { return p.find_case(name)->id; }
};

}  // namespace tessera::test
