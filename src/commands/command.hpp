// Every user action is a Command: executed and undone inside one transaction by the CommandStack.
#pragma once

#include "store/project.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tessera {

class Command {
public:
    virtual ~Command() = default;
    /// Short name for menus, the undo list and the audit log ("Apply code 'Trust'").
    virtual std::string label() const = 0;
    /// Performs the action. Called again for redo: it must reuse the ids it got the first time.
    virtual void execute(Project& p) = 0;
    /// Reverses execute() exactly (restoring rows with their original ids and GUIDs).
    virtual void undo(Project& p) = 0;
};

/// Runs commands, one transaction each, with undo and redo. The audit log records every step
/// with the acting coder. A command that throws leaves the project exactly as it was.
class CommandStack {
public:
    /// Runs `cmd`; on success pushes it for undo and clears redo. Rethrows the command's error.
    void execute(Project& p, std::unique_ptr<Command> cmd, OptId coder = std::nullopt);
    /// Undoes the newest command; returns false when there is nothing to undo.
    bool undo(Project& p, OptId coder = std::nullopt);
    /// Redoes the newest undone command; returns false when there is nothing to redo.
    bool redo(Project& p, OptId coder = std::nullopt);
    /// Runs a write that is no step of the history (the audit of a coder switch) in one
    /// transaction: all of it or, when it throws, none.
    static void unrecorded(Project& p, const std::function<void(Project&)>& write);
    bool can_undo() const { return !m_done.empty(); }
    bool can_redo() const { return !m_undone.empty(); }
    std::string undo_label() const { return m_done.empty() ? "" : m_done.back()->label(); }
    std::string redo_label() const { return m_undone.empty() ? "" : m_undone.back()->label(); }
    void clear();

private:
    std::vector<std::unique_ptr<Command>> m_done;
    std::vector<std::unique_ptr<Command>> m_undone;
};

}  // namespace tessera
