// The browser: SDL2 over a WebGL2 canvas, the page's fetch(), and window.linli.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <malloc.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "imgui.h"
#include "imgui_impl_sdl2.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "platform/web/canvas_font.h"
#include "platform/web/keyboard_web.h"
#include "platform/web/software_renderer.h"
#include "platform/web/webgl_renderer.h"

// Implemented in web/linli_library.js.
extern "C" {
void linli_js_fetch(const char* url, void* ctx);
void linli_js_mount(const char* dir, void* ctx);
void linli_js_sync(void* ctx);
void linli_js_persist(void* ctx);
void linli_js_download(const char* name, const char* data, std::size_t len, const char* mime);
void linli_js_pick_file(void* ctx, double max_bytes);
void linli_js_ready();
char* linli_js_route();
char* linli_js_app_url();
void linli_js_status(const char* text);
void linli_js_mirror(const char* json);
}

namespace linli::platform {
namespace {

SDL_Window* g_window = nullptr;
std::function<bool()> g_frame;
Automation g_automation;
std::string g_reply;  // keeps the last answer to JS alive until the next call
unsigned g_frames = 0;  // presented
unsigned g_activate = 0;  // an item the screen-reader mirror asked to press
bool g_held = false;    // the last frame waits for glyphs drawn by the browser

// Power: frames are drawn only while something changes. Input, replies from JavaScript,
// timers and animations ask for a few frames; with none left the main loop pauses
// until the next wake-up (web/linli_api.js wakes it on any input event).
constexpr int kSettleFrames = 4;  // enough for ImGui to settle a layout after a change
int g_budget = kSettleFrames;
bool g_paused = false;
bool g_quit = false;
bool g_finger_lifted = false;  // a touch ended: once ImGui has seen it, move the pointer away

double g_frame_ms = 0;  // CPU time of the last iteration, for window.linli.frameMs
double g_ui_ms = 0;     // ...of which building the UI (events, ImGui, screens), before GL drawing
double g_frame_start = 0;

// Input that came together (a quick tap's press and release; a key and its text) takes
// ImGui a frame an event: those frames are not shown but the last, and follow one another
// at once rather than a display refresh apart. A few at most: a frame adds events of its own.
constexpr int kCatchUp = 4;
bool g_catching_up = false;  // the frame being built may be followed at once
bool g_caught_up = false;    // ...and was, not shown: ImGui has input left

// Feeds SDL's events to ImGui; true if there were any.
bool pump_events() {
    SDL_Event e;
    bool any = false;
    while (SDL_PollEvent(&e)) {
        any = true;
        if (e.type == SDL_MOUSEBUTTONDOWN) {
            // SDL sends no motion when its own pointer has not moved, but ImGui's may have
            // been moved away after a finger lifted: a press always says where it is.
            ImGuiIO& io = ImGui::GetIO();
            io.AddMouseSourceEvent(e.button.which == SDL_TOUCH_MOUSEID ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
            io.AddMousePosEvent(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
        }
        ImGui_ImplSDL2_ProcessEvent(&e);
        if (e.type == SDL_QUIT) g_quit = true;
        if (e.type == SDL_MOUSEBUTTONUP && e.button.which == SDL_TOUCH_MOUSEID) g_finger_lifted = true;
    }
    return any;
}

void present() {
    int fb_w = 0, fb_h = 0;
    SDL_GetWindowSizeInPixels(g_window, &fb_w, &fb_h);  // the framebuffer, not DisplaySize: crisp at DPR 2-3
    if (webgl::ready()) webgl::render(ImGui::GetDrawData(), fb_w, fb_h);
    else software::render(ImGui::GetDrawData(), fb_w, fb_h);
    if (g_frames++ == 0) linli_js_ready();  // the app ends frames only once it has data to show
    // Frames at the display's pace once the GPU process has answered. Before, the display's
    // refreshes wait for it too, and a tap's frames would wait for them.
    static bool by_refresh = false;
    if (!by_refresh && webgl::gpu_up()) {
        emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
        by_refresh = true;
    }
}

void pause() {
    g_paused = true;
    emscripten_pause_main_loop();
}

void iterate() {
    g_frame_start = emscripten_get_now();
    if (g_held && glyphs_awaited()) return pause();  // no other frame until it is presented: the glyphs wake the loop
    if (pump_events()) g_budget = std::max(g_budget, kSettleFrames);
    // ImGui takes queued input a little at a time (a key's press and release, and the text
    // after it, in separate frames): never pause with some of it still waiting.
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0) g_budget = std::max(g_budget, 1);
    if (g_budget <= 0) return pause();
    --g_budget;
    for (int i = 0; i < kCatchUp; ++i) {
        g_catching_up = i + 1 < kCatchUp;
        g_caught_up = false;
        if (!g_frame() || g_quit) {
            emscripten_cancel_main_loop();
            break;
        }
        if (!g_caught_up) break;
    }
    g_frame_ms = emscripten_get_now() - g_frame_start;
}

bool g_in_iteration = false;  // an iteration may also be run by a reply (linli_reply), never inside one

void one_iteration() {
    if (g_in_iteration) return;
    g_in_iteration = true;
    iterate();
    g_in_iteration = false;
}

}  // namespace

bool open_window(const char* title) {
    // Keyboard events go to the canvas only, not the whole window: otherwise SDL takes
    // keys meant for the page (and the soft-keyboard bridge later).
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return false;
    }
    // Sized by CSS to the viewport; SDL keeps the backing store at CSS size x devicePixelRatio.
    // SDL only sizes the canvas and reads its events: web/linli_gl.js makes its WebGL2
    // context once the first frame, drawn on the CPU, is on the page.
    g_window = SDL_CreateWindow(title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1, 1,
                                SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_window) {
        std::fprintf(stderr, "SDL_CreateWindow: %s\n", SDL_GetError());
        return false;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; nothing to remember in a file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the screen drawing
    ImGui_ImplSDL2_InitForOther(g_window);
    webgl::attach();
    install_keyboard_bridge();
    return true;
}

void add_fonts(float size) { add_canvas_fonts(size); }

void run(std::function<bool()> frame) {
    g_frame = std::move(frame);
    // Until the GPU process has answered the page, iterations run from timers: a display
    // refresh (requestAnimationFrame) waits for it, and the first frames should come as
    // soon as what they show is there (see present()).
    emscripten_set_main_loop(one_iteration, 1000, true);
}

void request_frames(int n) {
    g_budget = std::max(g_budget, n);
    if (g_paused) {
        g_paused = false;
        emscripten_resume_main_loop();
    }
}

bool begin_frame() {
    keyboard_before_frame();
    ImGui_ImplSDL2_NewFrame();
    // A frozen clock (headless browsers with virtual time) must not stop ImGui.
    if (ImGui::GetIO().DeltaTime <= 0.0f) ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    return true;
}

void end_frame() {
    // A finger that lifts leaves no pointer behind, so no button stays "hovered". Only once
    // the release has been consumed, and nothing else waits in ImGui's queue.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g_finger_lifted && !g.IO.MouseDown[0] && g.InputEventsQueue.Size == 0) {
        g_finger_lifted = false;
        g.IO.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        request_frames(1);
    }
    keyboard_after_frame();
    ImGui::Render();
    g_ui_ms = emscripten_get_now() - g_frame_start;
    if (g_catching_up && g.InputEventsQueue.Size > 0) {
        g_caught_up = true;
        return;
    }
    g_held = glyphs_awaited();  // blank glyphs would show
    if (!g_held) present();
}

void present_held_frame() {
    if (!g_held || glyphs_awaited()) return;
    g_held = false;
    present();  // ImGui's draw data stays until the next frame begins
}

std::int64_t now_ms() { return static_cast<std::int64_t>(emscripten_date_now()); }

// An answer JavaScript sends back for an asynchronous call (see linli_reply below).
struct Reply {
    int status = 0;  // 0 = success; other values are per call
    std::string text;
    std::string bytes;
    double number = 0;
};
using ReplyFn = std::function<void(Reply)>;
void* pending(ReplyFn fn) { return new ReplyFn(std::move(fn)); }

void fetch(const std::string& path, std::function<void(bool ok, std::string bytes)> done) {
    linli_js_fetch(path.c_str(), pending([done = std::move(done)](Reply r) { done(r.status == 0, std::move(r.bytes)); }));
}

std::optional<std::string> take_route() {
    static std::optional<std::string> last;
    char* p = linli_js_route();
    std::string route(p);
    std::free(p);
    if (last == route) return std::nullopt;
    last = route;
    return route;
}

unsigned take_activation() {
    unsigned k = g_activate;
    g_activate = 0;
    return k;
}

std::string app_url() {
    char* p = linli_js_app_url();
    std::string url(p);
    std::free(p);
    return url;
}

void after(int ms, std::function<void()> fn) {
    emscripten_set_timeout(
        [](void* p) {
            std::unique_ptr<std::function<void()>> f(static_cast<std::function<void()>*>(p));
            request_frames(kSettleFrames);
            (*f)();
        },
        ms, new std::function<void()>(std::move(fn)));
}

void mount_storage(const std::string& dir, std::function<void(std::optional<std::string>)> done) {
    linli_js_mount(dir.c_str(), pending([done = std::move(done)](Reply r) {
        done(r.status == 0 ? std::nullopt : std::optional<std::string>(r.text));
    }));
}

void sync_storage(std::function<void(std::optional<std::string>)> done) {
    linli_js_sync(pending([done = std::move(done)](Reply r) {
        done(r.status == 0 ? std::nullopt : std::optional<std::string>(r.text));
    }));
}

void request_persistence(std::function<void(bool)> done) {
    linli_js_persist(pending([done = std::move(done)](Reply r) { done(r.status == 0); }));
}

void download(const std::string& filename, const std::string& bytes, const std::string& mime) {
    linli_js_download(filename.c_str(), bytes.data(), bytes.size(), mime.c_str());
}

void pick_file(std::size_t max_bytes, std::function<void(PickedFile)> done) {
    linli_js_pick_file(pending([done = std::move(done)](Reply r) {
                           PickedFile f;
                           f.status = static_cast<PickedFile::Status>(r.status <= 3 ? r.status : 3);
                           f.name = std::move(r.text);
                           f.bytes = std::move(r.bytes);
                           f.size = r.number;
                           done(std::move(f));
                       }),
                       static_cast<double>(max_bytes));
}

void expose_automation(Automation a) { g_automation = std::move(a); }

void publish_mirror(const std::string& json) {
    static std::string last;  // platform state: what the page shows now
    if (json == last) return;
    last = json;
    linli_js_mirror(json.c_str());
}
void show_status(const std::string& text) { linli_js_status(text.c_str()); }

}  // namespace linli::platform

// Called from JavaScript.
extern "C" {

EMSCRIPTEN_KEEPALIVE void linli_reply(void* ctx, int status, char* text, char* data, int size, double number) {
    using namespace linli::platform;
    std::unique_ptr<ReplyFn> fn(static_cast<ReplyFn*>(ctx));
    request_frames(kSettleFrames);
    Reply r;
    r.status = status;
    if (text) r.text = text;
    if (data) r.bytes.assign(data, static_cast<std::size_t>(size));
    std::free(text);
    std::free(data);
    r.number = number;
    (*fn)(std::move(r));
    // Until a frame is on the page, what a reply brought (what is stored, the sample) is
    // drawn at once: the main loop's next turn can wait behind a first visit's other tasks.
    if (g_frames == 0 && g_frame && !g_in_iteration) one_iteration();
}

EMSCRIPTEN_KEEPALIVE const char* linli_widgets_json() {
    using namespace linli::platform;
    g_reply = g_automation.widgets_json ? g_automation.widgets_json() : "[]";
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* linli_state_json() {
    using namespace linli::platform;
    g_reply = g_automation.state_json ? g_automation.state_json() : "{}";
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* linli_digest() {
    using namespace linli::platform;
    g_reply = g_automation.digest ? g_automation.digest() : "";
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE double linli_heap_in_use() {
    struct mallinfo mi = mallinfo();
    return static_cast<double>(mi.uordblks) + static_cast<double>(mi.hblkhd);
}

EMSCRIPTEN_KEEPALIVE void linli_wake() { linli::platform::request_frames(linli::platform::kSettleFrames); }

// The mirror asks for an item to be pressed (a button), chosen (an option) or typed in
// (a field), wherever it is scrolled: by ImGui's id of it (window.linli's mirror).
EMSCRIPTEN_KEEPALIVE void linli_activate(unsigned key) {
    linli::platform::g_activate = key;
    linli::platform::request_frames(linli::platform::kSettleFrames);
}

// A tap at (x, y) in CSS pixels, as a mouse would make it.
EMSCRIPTEN_KEEPALIVE void linli_tap_at(float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(0, true);
    io.AddMouseButtonEvent(0, false);
    linli::platform::request_frames(linli::platform::kSettleFrames);
}

EMSCRIPTEN_KEEPALIVE double linli_frame_ms() { return linli::platform::g_frame_ms; }
EMSCRIPTEN_KEEPALIVE double linli_ui_ms() { return linli::platform::g_ui_ms; }

EMSCRIPTEN_KEEPALIVE unsigned linli_frames() { return linli::platform::g_frames; }

}  // extern "C"
