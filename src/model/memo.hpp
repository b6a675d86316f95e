// Memos: free text attached to the project or to one entity.
#pragma once

#include "model/ids.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tessera {

enum class MemoTarget { project, document, case_, code, coding, theme };

const char* to_string(MemoTarget t);
/// Parses "project" | "document" | "case" | "code" | "coding" | "theme"; nullopt for anything else.
std::optional<MemoTarget> memo_target_from_string(std::string_view s);

struct Memo {
    RowId id = 0;
    std::string guid;
    MemoTarget target = MemoTarget::project;
    OptId target_id;  // empty for project memos
    OptId coder_id;   // author; blind mode hides other coders' memos
    std::string title;
    std::string body;
    std::string created_at;
    std::string modified_at;
};

}  // namespace tessera
