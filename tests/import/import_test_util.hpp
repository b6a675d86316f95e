// Helpers for the import tests: expected turns compared one by one, with readable failures.
#pragma once

#include "import/imported_document.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tessera::test {

struct ExpectedTurn {
    std::string label;
    std::string text;
    std::optional<std::int64_t> start_ms = std::nullopt;
    std::optional<std::int64_t> end_ms = std::nullopt;
};

/// Checks labels and texts of every turn, and times where the expectation gives them.
inline void check_turns(const importer::ImportedDocument& doc, const std::vector<ExpectedTurn>& expected) {
    REQUIRE(doc.turns.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("turn " << i);
        CHECK(doc.turns[i].speaker_label == expected[i].label);
        CHECK(doc.turns[i].text == expected[i].text);
        if (expected[i].start_ms) CHECK(doc.turns[i].start_ms == expected[i].start_ms);
        if (expected[i].end_ms) CHECK(doc.turns[i].end_ms == expected[i].end_ms);
    }
}

}  // namespace tessera::test
