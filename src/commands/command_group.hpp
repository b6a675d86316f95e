// A command made of several commands, done and undone as one step (one transaction, one undo).
#pragma once

#include "commands/command.hpp"

namespace tessera {

class CommandGroup : public Command {
public:
    explicit CommandGroup(std::string label) : m_label(std::move(label)) {}
    void add(std::unique_ptr<Command> c) { m_children.push_back(std::move(c)); }
    std::string label() const override { return m_label; }
    void execute(Project& p) override {
        for (auto& c : m_children) c->execute(p);
    }
    void undo(Project& p) override {
        for (auto it = m_children.rbegin(); it != m_children.rend(); ++it) (*it)->undo(p);
    }
    std::size_t size() const { return m_children.size(); }

private:
    std::string m_label;
    std::vector<std::unique_ptr<Command>> m_children;
};

}  // namespace tessera
