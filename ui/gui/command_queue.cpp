// CommandQueue: views queue changes during a frame; the App runs them after ImGui::Render().
#include "ui/gui/command_queue.hpp"

#include "util/error.hpp"

#include <string>

namespace tessera::gui {

void CommandQueue::push(std::unique_ptr<Command> cmd, Done done) {
    Entry e;
    e.kind = Entry::Kind::command;
    e.label = cmd->label();
    e.cmd = std::move(cmd);
    e.done = std::move(done);
    m_entries.push_back(std::move(e));
}

void CommandQueue::push_undo() {
    Entry e;
    e.kind = Entry::Kind::undo;
    e.label = "Undo";
    m_entries.push_back(std::move(e));
}

void CommandQueue::push_redo() {
    Entry e;
    e.kind = Entry::Kind::redo;
    e.label = "Redo";
    m_entries.push_back(std::move(e));
}

void CommandQueue::push_action(std::string label, std::function<void(Project&)> fn) {
    Entry e;
    e.kind = Entry::Kind::action;
    e.label = std::move(label);
    e.action = std::move(fn);
    m_entries.push_back(std::move(e));
}

std::string advice_for(const std::exception& e) {
    std::string what = e.what();
    if (what.find("locked") != std::string::npos || what.find("busy") != std::string::npos)
        return "Another window or program is writing to this project. Wait a moment and try again; "
               "nothing was changed.";
    if (what.find("readonly") != std::string::npos || what.find("read-only") != std::string::npos ||
        what.find("read only") != std::string::npos)
        return "The project file cannot be written (read-only file, folder or disk). Copy it somewhere "
               "you can write, or fix its permissions, then reopen it. Nothing was changed.";
    if (what.find("disk") != std::string::npos || what.find("full") != std::string::npos)
        return "Free some disk space and try again. Nothing was changed.";
    if (dynamic_cast<const ImportError*>(&e))
        return "Check the file named above (format, encoding, size), fix or convert it, and import again. "
               "Nothing was imported.";
    if (dynamic_cast<const InvalidArgument*>(&e))
        return "Nothing was changed. Adjust the selection or the values and try again.";
    if (dynamic_cast<const StorageError*>(&e))
        return "The project file could not be written or read. Nothing was changed; check the file and "
               "the disk, then try again.";
    return "Nothing was changed. If this keeps happening, report it with the message above.";
}

int CommandQueue::run(Project& p, CommandStack& stack, AppState& state) {
    std::vector<Entry> entries;
    entries.swap(m_entries);
    int wrote = 0;
    for (auto& e : entries) {
        try {
            switch (e.kind) {
                case Entry::Kind::command: {
                    Command* raw = e.cmd.get();
                    stack.execute(p, std::move(e.cmd), state.coder_id);
                    ++wrote;
                    if (e.done) e.done(state, raw);
                    break;
                }
                case Entry::Kind::undo:
                    if (stack.undo(p, state.coder_id)) ++wrote;
                    break;
                case Entry::Kind::redo:
                    if (stack.redo(p, state.coder_id)) ++wrote;
                    break;
                case Entry::Kind::action:
                    CommandStack::unrecorded(p, e.action);
                    ++wrote;
                    break;
            }
        } catch (const std::exception& ex) {
            std::string what = ex.what(), file = p.path().filename().string();
            if (what.find(file) == std::string::npos) what = file + ": " + what;
            state.notify(Notification::Kind::error, "Could not do: " + e.label, what, advice_for(ex));
            break;  // later entries may depend on this one
        }
    }
    return wrote;
}

}  // namespace tessera::gui
