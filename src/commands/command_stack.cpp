// CommandStack: one transaction per execute/undo/redo, audited, all-or-nothing.
#include "commands/command.hpp"

namespace tessera {

void CommandStack::execute(Project& p, std::unique_ptr<Command> cmd, OptId coder) {
    store::Transaction tx(p.db());
    cmd->execute(p);
    p.audit(coder, "do", cmd->label());
    tx.commit();
    m_done.push_back(std::move(cmd));
    m_undone.clear();
}

bool CommandStack::undo(Project& p, OptId coder) {
    if (m_done.empty()) return false;
    store::Transaction tx(p.db());
    m_done.back()->undo(p);
    p.audit(coder, "undo", m_done.back()->label());
    tx.commit();
    m_undone.push_back(std::move(m_done.back()));
    m_done.pop_back();
    return true;
}

bool CommandStack::redo(Project& p, OptId coder) {
    if (m_undone.empty()) return false;
    store::Transaction tx(p.db());
    m_undone.back()->execute(p);
    p.audit(coder, "redo", m_undone.back()->label());
    tx.commit();
    m_done.push_back(std::move(m_undone.back()));
    m_undone.pop_back();
    return true;
}

void CommandStack::unrecorded(Project& p, const std::function<void(Project&)>& write) {
    store::Transaction tx(p.db());
    write(p);
    tx.commit();
}

void CommandStack::clear() {
    m_done.clear();
    m_undone.clear();
}

}  // namespace tessera
