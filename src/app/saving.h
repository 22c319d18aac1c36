// Gets every change on disk out to lasting storage within a second: a change starts a
// short timer; one sync runs at a time; changes made during a sync get another one.
// "Saved" is shown only when everything written has been synced.
#pragma once
#include <string>

#include "ui/view.h"

namespace linli::app {

class Saving {
public:
    static constexpr int kDelayMs = 200;

    // The first read from storage failed: never write over what may be there.
    void memory_only(std::string why);
    void changed();

    ui::SaveState state() const { return state_; }
    const std::string& error() const { return error_; }

private:
    void start();
    void finished(const std::optional<std::string>& error);

    ui::SaveState state_ = ui::SaveState::saved;
    std::string error_;
    bool timer_ = false, in_flight_ = false, again_ = false;
};

}  // namespace linli::app
