// Steps that turn samples/source/*.csv into project content, each through the core's commands.
#pragma once

#include "commands/command.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace tessera::sample {

struct Context {
    Project& project;
    CommandStack& stack;
    std::filesystem::path source;  // samples/source
    std::map<std::string, RowId> documents;  // file stem -> id
};

/// Cases and typed attributes from participants.csv.
void load_participants(Context& c);
/// Codes from a codebook CSV (path,color,definition,inclusion,exclusion,example) into `owner`'s codebook.
void load_codebook(Context& c, const std::string& file, OptId owner);
/// Codings by quote (document,code_path,quote,occurrence) as `coder`. Returns the count.
std::size_t load_codings(Context& c, const std::string& file, RowId coder);
/// Alignment rows, lineage of team codes, and consensus codings (overlapping codings of an aligned
/// pair merged into one team coding) as coder `team`. Returns the number of consensus codings.
std::size_t build_consensus(Context& c, RowId amara, RowId ben, RowId team);
/// Themes, links, map positions, matrix summaries, memos, recommendations, member-check feedback.
void load_analysis(Context& c, RowId team);

}  // namespace tessera::sample
