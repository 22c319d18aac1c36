// The one place that knows where Linli runs. One interface; one implementation per
// platform (platform/web for the browser), chosen by CMake.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace linli::platform {

// Opens the window (in the browser: the full-page canvas, drawn on the CPU until its
// WebGL2 context is up, and without one where there is none) and creates the ImGui
// context with its SDL2 backend and the renderers. False on failure.
bool open_window(const char* title);

// Gives ImGui its fonts (in the browser: the phone's own, drawn by the page).
void add_fonts(float size);

// Runs `frame` once per display refresh (until the first frame with data, as soon as
// possible) until it returns false.
void run(std::function<bool()> frame);

// Starts an ImGui frame (input has been fed to ImGui already); false when the window closed.
bool begin_frame();
// Frames are drawn only while something changes: ask for `n` more (an animation, a job
// in progress). Input, replies and timers ask by themselves.
void request_frames(int n);
// Renders the ImGui frame and presents it, or holds it back while glyphs it shows are
// still being drawn by the browser (it is presented once they are in). The first frame
// presented makes window.linli.ready.
void end_frame();

// Reads a file that ships beside the app (a URL relative to the page in the browser).
void fetch(const std::string& path, std::function<void(bool ok, std::string bytes)> done);

// The route the page was opened at or moved to (the location hash, "#/poll/<id>"): the
// first call gives it, later calls only when it changed since.
std::optional<std::string> take_route();

// Where residents open the app: the page's address without its "#…" (printed on slips).
std::string app_url();

std::int64_t now_ms();
// Calls `fn` once, `ms` milliseconds from now, from the main loop.
void after(int ms, std::function<void()> fn);

// ---- Storage: a directory whose files outlive the page (IndexedDB in the browser).
// Mounts `dir` and reads what was saved into it; `done` gets an error text or nothing.
void mount_storage(const std::string& dir, std::function<void(std::optional<std::string> error)> done);
// Writes what changed under the mounted directory out to lasting storage.
void sync_storage(std::function<void(std::optional<std::string> error)> done);
// Asks the browser not to evict this site's storage; `done(true)` when granted.
void request_persistence(std::function<void(bool granted)> done);

// ---- Files a person saves or opens.
void download(const std::string& filename, const std::string& bytes, const std::string& mime);
struct PickedFile {
    enum class Status { ok, cancelled, too_big, unreadable } status = Status::cancelled;
    std::string name;
    std::string bytes;
    double size = 0;  // bytes, as the system reports it (read only when within the limit)
};
// Lets the person choose a file; one larger than `max_bytes` is refused before reading.
void pick_file(std::size_t max_bytes, std::function<void(PickedFile)> done);

// ---- Long text typed in the page's own box laid over its field (ui/long_text.h says why).
struct TextBox {
    float x = 0, y = 0, w = 0, h = 0;  // CSS px of the page
    float font = 0, pad_x = 0, pad_y = 0;
    bool open = false;                  // just tapped: it takes the keyboard
    const std::string* text = nullptr;  // put in the box (when it opens, or an edit was refused)
};
// Over its field this frame; a frame that places none hides it.
void place_text_box(const TextBox& box);
std::optional<std::string> take_text_box();  // its text, when changed since the last take
bool text_box_left();                        // the person left it, since the last call

// The test automation API (window.linli in the browser). The app tells it what to
// report; the platform serves it.
struct Automation {
    std::function<std::string()> widgets_json;
    std::function<std::string()> state_json;
    std::function<std::string()> digest;  // costs the size of the data: asked for separately
};
void expose_automation(Automation a);
// An item the screen-reader mirror asked to press, by ImGui's id (0: none); asked once.
unsigned take_activation();
// The screen's content as the screen-reader mirror shows it (JSON from ui::mirror_json);
// the page is updated only when it changes.
void publish_mirror(const std::string& json);
// A message over the page for when nothing can be drawn (no font, no WebGL2).
void show_status(const std::string& text);

}  // namespace linli::platform
