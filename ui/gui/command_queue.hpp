// CommandQueue: views queue changes during a frame; the App runs them after ImGui::Render().
//
// Each entry runs inside try/catch on the CommandStack (one transaction each). A failing entry
// becomes an error notification naming the problem and what to do; the project stays as it was
// (the stack rolls back) and the entries queued after it are dropped, since they may depend on it.
#pragma once

#include "commands/command.hpp"
#include "ui/gui/app_state.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tessera::gui {

class CommandQueue {
public:
    using Done = std::function<void(AppState&, Command*)>;

    /// Queues a command; `done` runs after it succeeded (with the executed command).
    void push(std::unique_ptr<Command> cmd, Done done = {});
    /// Queues undo / redo of the newest step.
    void push_undo();
    void push_redo();
    /// Queues a write that is not undoable (settings, the audit of a coder switch).
    void push_action(std::string label, std::function<void(Project&)> fn);
    bool empty() const { return m_entries.empty(); }
    std::size_t size() const { return m_entries.size(); }

    /// Runs every queued entry in order. Returns how many wrote to the project (0: nothing changed).
    /// Never throws: errors become notifications in `state`.
    int run(Project& p, CommandStack& stack, AppState& state);

private:
    struct Entry {
        enum class Kind { command, undo, redo, action } kind = Kind::command;
        std::unique_ptr<Command> cmd;
        Done done;
        std::string label;
        std::function<void(Project&)> action;
    };
    std::vector<Entry> m_entries;
};

/// The advice shown under an error: what the user can do about it.
std::string advice_for(const std::exception& e);

}  // namespace tessera::gui
