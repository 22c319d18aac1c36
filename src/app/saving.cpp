#include "app/saving.h"

#include "platform/platform.h"

namespace linli::app {

void Saving::memory_only(std::string why) {
    state_ = ui::SaveState::memory_only;
    error_ = std::move(why);
}

void Saving::changed() {
    if (state_ == ui::SaveState::memory_only) return;
    state_ = ui::SaveState::saving;
    if (in_flight_) {
        again_ = true;
        return;
    }
    if (timer_) return;
    timer_ = true;
    platform::after(kDelayMs, [this] {
        timer_ = false;
        start();
    });
}

void Saving::start() {
    in_flight_ = true;
    again_ = false;
    platform::sync_storage([this](std::optional<std::string> error) { finished(error); });
}

void Saving::finished(const std::optional<std::string>& error) {
    in_flight_ = false;
    if (error) {
        state_ = ui::SaveState::failed;
        error_ = *error;
    }
    if (again_) {
        again_ = false;
        changed();
    } else if (!error) {
        state_ = ui::SaveState::saved;
        error_.clear();
    }
}

}  // namespace linli::app
