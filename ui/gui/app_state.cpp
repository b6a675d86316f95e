// AppState: what the workbench UI remembers between frames (never domain data; that is the project's).
#include "ui/gui/app_state.hpp"

#include <algorithm>

namespace tessera::gui {

void AppState::touch_recent(RowId code) {
    recent_codes.erase(std::remove(recent_codes.begin(), recent_codes.end(), code), recent_codes.end());
    recent_codes.insert(recent_codes.begin(), code);
    if (recent_codes.size() > 9) recent_codes.resize(9);
}

void AppState::notify(Notification::Kind kind, std::string title, std::string message, std::string advice) {
    Notification n;
    n.kind = kind;
    n.title = std::move(title);
    n.message = std::move(message);
    n.advice = std::move(advice);
    n.serial = next_serial++;
    n.shown_at = -1;
    notifications.push_back(std::move(n));
    while (notifications.size() > 20) notifications.pop_front();
}

}  // namespace tessera::gui
