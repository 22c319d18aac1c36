// The browser: SDL2 over a WebGL2 canvas, the page's fetch(), and window.linli.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "platform/platform.h"

// Implemented in web/linli_library.js.
extern "C" void linli_js_fetch(const char* url, void* ctx);
extern "C" void linli_js_ready();
extern "C" void linli_js_status(const char* text);

namespace linli::platform {
namespace {

SDL_Window* g_window = nullptr;
std::function<bool()> g_frame;
Automation g_automation;
std::string g_reply;  // keeps the last answer to JS alive until the next call
unsigned g_frames = 0;

void one_iteration() {
    if (!g_frame()) emscripten_cancel_main_loop();
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
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    // Sized by CSS to the viewport; SDL keeps the backing store at CSS size x devicePixelRatio.
    g_window = SDL_CreateWindow(title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1, 1,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_window) {
        std::fprintf(stderr, "SDL_CreateWindow: %s\n", SDL_GetError());
        return false;
    }
    SDL_GLContext gl = SDL_GL_CreateContext(g_window);
    if (!gl) {
        std::fprintf(stderr, "WebGL2 is not available: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_MakeCurrent(g_window, gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; nothing to remember in a file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    return true;
}

void run(std::function<bool()> frame) {
    g_frame = std::move(frame);
    emscripten_set_main_loop(one_iteration, 0, true);
}

bool begin_frame() {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        ImGui_ImplSDL2_ProcessEvent(&e);
        if (e.type == SDL_QUIT) return false;
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // A frozen clock (headless browsers with virtual time) must not stop ImGui.
    if (ImGui::GetIO().DeltaTime <= 0.0f) ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    return true;
}

void end_frame() {
    ImGui::Render();
    ImGuiIO& io = ImGui::GetIO();
    int fb_w = 0, fb_h = 0;
    SDL_GL_GetDrawableSize(g_window, &fb_w, &fb_h);  // the framebuffer, not DisplaySize: crisp at DPR 2-3
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.97f, 0.96f, 0.94f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    (void)io;
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(g_window);
}

std::int64_t now_ms() { return static_cast<std::int64_t>(emscripten_date_now()); }

struct FetchCtx {
    std::function<void(bool, std::string)> done;
};

void fetch(const std::string& path, std::function<void(bool ok, std::string bytes)> done) {
    linli_js_fetch(path.c_str(), new FetchCtx{std::move(done)});
}

void expose_automation(Automation a) { g_automation = std::move(a); }
void count_frame() { ++g_frames; }
void mark_ready() { linli_js_ready(); }
void show_status(const std::string& text) { linli_js_status(text.c_str()); }

}  // namespace linli::platform

// Called from JavaScript.
extern "C" {

EMSCRIPTEN_KEEPALIVE void linli_fetched(void* ctx, char* data, int size, int ok) {
    std::unique_ptr<linli::platform::FetchCtx> c(static_cast<linli::platform::FetchCtx*>(ctx));
    std::string bytes = data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
    std::free(data);
    c->done(ok != 0, std::move(bytes));
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

EMSCRIPTEN_KEEPALIVE unsigned linli_frames() { return linli::platform::g_frames; }

}  // extern "C"
