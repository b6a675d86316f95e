// Commands on codebooks: create, edit, move, delete and merge codes; create coders.
#pragma once

#include "commands/command.hpp"

namespace tessera {

class CreateCoder : public Command {
public:
    explicit CreateCoder(std::string name);
    std::string label() const override { return "Add coder '" + m_coder.name + "'"; }
    void execute(Project& p) override;
    void undo(Project& p) override;
    RowId id() const { return m_coder.id; }

private:
    Coder m_coder;
};

/// Creates a code in `owner`'s codebook (empty owner: the team codebook) under `parent`.
class CreateCode : public Command {
public:
    CreateCode(CodeFields fields, OptId parent, OptId owner);
    std::string label() const override { return "New code '" + m_code.name + "'"; }
    void execute(Project& p) override;
    void undo(Project& p) override;
    RowId id() const { return m_code.id; }

private:
    Code m_code;
};

/// Changes a code's fields (name, colour, definition, criteria, example).
class UpdateCode : public Command {
public:
    UpdateCode(RowId id, CodeFields fields);
    std::string label() const override { return "Edit code '" + m_new.name + "'"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    RowId m_id;
    CodeFields m_new;
    CodeFields m_old;
};

/// Re-parents a code (drag and drop in the codebook tree). Refuses cycles and other coders' codes.
class MoveCode : public Command {
public:
    MoveCode(RowId id, OptId new_parent);
    std::string label() const override { return "Move code"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    RowId m_id;
    OptId m_new;
    OptId m_old;
};

/// Deletes a code with all its codings (and the codings' matrix links); sub-codes move up a level.
class DeleteCode : public Command {
public:
    explicit DeleteCode(RowId id);
    std::string label() const override { return "Delete code '" + m_code.name + "'"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    Code m_code;
    std::vector<Coding> m_codings;
    std::vector<RowId> m_children;
    std::vector<std::pair<RowId, std::vector<RowId>>> m_theme_codes;  // themes that held the code
};

/// Merges `source` into `target`: codings move, sub-codes move, lineage remembers the source.
class MergeCodes : public Command {
public:
    MergeCodes(RowId source, RowId target);
    std::string label() const override { return "Merge '" + m_source.name + "' into '" + m_target_name + "'"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    Code m_source;
    RowId m_target;
    std::string m_target_name;
    std::vector<RowId> m_moved;
    std::vector<RowId> m_children;
    std::vector<LineageEntry> m_source_lineage;
    std::vector<std::pair<RowId, std::vector<RowId>>> m_themes_with_source;
};

}  // namespace tessera
