// Coders, codes (each coder's inductive codebook or the team's) and codings.
#pragma once

#include "model/ids.hpp"
#include "model/span.hpp"

#include <cstdint>
#include <string>

namespace tessera {

struct Coder {
    RowId id = 0;
    std::string guid;
    std::string name;
};

struct Code {
    RowId id = 0;
    std::string guid;
    OptId parent_id;
    std::string name;
    std::uint32_t color = 0x4E79A7;  // 0xRRGGBB
    std::string definition;
    std::string inclusion;
    std::string exclusion;
    std::string example;
    OptId owner_coder_id;  // empty: a team (consensus) code
    std::string created_at;
};

/// Editable fields of a code, used by create/update commands.
struct CodeFields {
    std::string name;
    std::uint32_t color = 0x4E79A7;
    std::string definition;
    std::string inclusion;
    std::string exclusion;
    std::string example;
    bool operator==(const CodeFields&) const = default;
};

struct Coding {
    RowId id = 0;
    std::string guid;
    RowId document_id = 0;
    Span span;
    RowId code_id = 0;
    RowId coder_id = 0;
    std::string created_at;
};

}  // namespace tessera
