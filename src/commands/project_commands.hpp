// Commands on documents, cases, memos, themes, theme links and framework-matrix cells.
#pragma once

#include "commands/command.hpp"

#include <functional>
#include <optional>

namespace tessera {

/// Adds documents (all or none). Undo removes them with everything attached to them.
class ImportDocuments : public Command {
public:
    /// Yields the next document to store, or nullopt when there are no more; may throw, which
    /// fails the whole command. Documents come prepared (see PreparedDocument), so the checking
    /// and counting can happen where they were parsed.
    using Source = std::function<std::optional<PreparedDocument>()>;

    /// Documents prepared (checked and counted; see PreparedDocument::prepare) before the command.
    ImportDocuments(std::vector<PreparedDocument> docs, bool allow_duplicates);
    /// Stores documents as `source` produces them (parsed from files one at a time, say), so a
    /// large import never holds every transcript in memory. `files` names the command until it
    /// has run ("Import from 40 files"). Such an import keeps no copy of its documents: it can be
    /// undone, but redo refuses with an error, leaving the project as it was.
    ImportDocuments(Source source, std::size_t files, bool allow_duplicates);
    std::string label() const override;
    void execute(Project& p) override;
    void undo(Project& p) override;
    const std::vector<RowId>& ids() const { return m_ids; }

private:
    void store(Project& p, const PreparedDocument& d);

    std::vector<PreparedDocument> m_docs;
    Source m_source;  // set for a streamed import until execute() has used it up
    std::size_t m_files = 0;  // streamed: how many files the source reads
    bool m_streamed = false;
    bool m_allow_duplicates;
    std::vector<RowId> m_ids;
    std::vector<RowId> m_new_cases;
};

class SetCaseAttribute : public Command {
public:
    SetCaseAttribute(std::string case_name, Attribute attribute);
    std::string label() const override { return "Set " + m_attr.name + " of " + m_case; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    std::string m_case;
    Attribute m_attr;
    std::optional<Attribute> m_old;
    bool m_created_case = false;
    RowId m_case_id = 0;
};

/// Sets a project setting (the search language, blind mode); undo restores the earlier value.
class SetProjectSetting : public Command {
public:
    /// `label` names the step in the undo menu and the audit log ("Turn blind mode off").
    SetProjectSetting(std::string key, std::string value, std::string label = "")
        : m_key(std::move(key)), m_value(std::move(value)), m_label(std::move(label)) {}
    std::string label() const override { return m_label.empty() ? "Set " + m_key + " to " + m_value : m_label; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    std::string m_key, m_value, m_label, m_old;
};

/// Removes one attribute of a case (by case name); undo puts it back with its type and value.
class RemoveCaseAttribute : public Command {
public:
    RemoveCaseAttribute(std::string case_name, std::string attribute);
    std::string label() const override { return "Remove " + m_name + " of " + m_case; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    std::string m_case;
    std::string m_name;
    Attribute m_old;
    RowId m_case_id = 0;
};

class AddMemo : public Command {
public:
    explicit AddMemo(Memo memo);
    std::string label() const override { return "Add memo"; }
    void execute(Project& p) override;
    void undo(Project& p) override;
    RowId id() const { return m_memo.id; }

private:
    Memo m_memo;
};

class EditMemo : public Command {
public:
    EditMemo(RowId id, std::string title, std::string body);
    std::string label() const override { return "Edit memo"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    RowId m_id;
    std::string m_title, m_body, m_old_title, m_old_body;
};

class DeleteMemo : public Command {
public:
    explicit DeleteMemo(RowId id);
    std::string label() const override { return "Delete memo"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    Memo m_memo;
};

/// Creates a theme (optionally from codes, under a parent theme).
class CreateTheme : public Command {
public:
    explicit CreateTheme(Theme theme);
    std::string label() const override { return "New theme '" + m_theme.name + "'"; }
    void execute(Project& p) override;
    void undo(Project& p) override;
    RowId id() const { return m_theme.id; }

private:
    Theme m_theme;
};

/// Replaces a theme's fields, codes, status (discard needs a reason), parent or map position.
class UpdateTheme : public Command {
public:
    explicit UpdateTheme(Theme theme);
    std::string label() const override { return "Edit theme '" + m_new.name + "'"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    Theme m_new;
    Theme m_old;
};

class LinkThemes : public Command {
public:
    explicit LinkThemes(ThemeLink link);
    std::string label() const override { return "Link themes"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    ThemeLink m_link;
};

/// Removes a link between themes; undo restores it with its id, GUID and label.
class UnlinkThemes : public Command {
public:
    explicit UnlinkThemes(ThemeLink link) : m_link(std::move(link)) {}
    std::string label() const override { return "Remove theme link"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    ThemeLink m_link;
};

/// Writes a framework-matrix cell's summary and linked codings.
class ChartCell : public Command {
public:
    explicit ChartCell(MatrixCell cell);
    std::string label() const override { return "Chart matrix cell"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    MatrixCell m_new;
    std::optional<MatrixCell> m_old;
};

}  // namespace tessera
