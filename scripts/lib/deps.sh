# Installs and prepares everything the build needs, from Debian's archive and the
# npm registry only. Sourced by scripts/build; every step is skipped when its result
# is already there, so a warm tree pays nothing.

# Pinned third-party sources (change here and in README.md together).
IMGUI_SRC_VERSION="1.92.2b+ds-1"   # Debian sid
SDL2_SRC_VERSION="2.26.5+dfsg-1"   # Debian bookworm
SODIUM_SRC_VERSION="1.0.18-1+deb12u1"  # Debian bookworm: Argon2id for household codes

APT_PACKAGES=(
  cmake ninja-build g++ clang libclang-rt-14-dev python3
  emscripten nodejs npm
  libcereal-dev rapidjson-dev doctest-dev
  fonts-wqy-microhei fonts-dejavu-core fonttools python3-brotli brotli
  python3-icalendar
  chromium dpkg-dev xz-utils
)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# deb-src entries for bookworm (SDL2) and sid (ImGui 1.92), same mirror and key as
# the machine's own deb entry. Only source packages come from sid.
ensure_deb_src() {
  local list=/etc/apt/sources.list.d/linli-src.sources
  if [ ! -f "$list" ]; then
    log "adding deb-src entries ($list)"
    as_root tee "$list" >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    APT_UPDATED=0
  fi
}

apt_update_once() {
  if [ "${APT_UPDATED:-0}" != 1 ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
}

ensure_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # nodejs may come from elsewhere (e.g. NodeSource); a working node and npm is enough.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  fi
  local todo=()
  for p in "${missing[@]}"; do [ -n "$p" ] && todo+=("$p"); done
  if [ ${#todo[@]} -gt 0 ]; then
    log "installing Debian packages: ${todo[*]}"
    apt_update_once
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${todo[@]}" >/dev/null
  fi
}

# Phones have no gamepads, and ImGui's SDL2 backend polling them keeps SDL's game
# controller code and its device tables in the wasm (~22 KB, 7 KB brotli).
IMGUI_PATCHES=(
  'backends/imgui_impl_sdl2.cpp:^    ImGui_ImplSDL2_UpdateGamepads();$'
)

# remove_lines DIR FILE:REGEX...: deletes the matching lines of each file under DIR, a
# fetched source in the build tree. A file already patched is left untouched (its time
# too, so nothing is rebuilt); one where the line is not found stops the build.
remove_lines() {
  local dir=$1 patch file re
  shift
  for patch in "$@"; do
    file="$dir/${patch%%:*}" re="${patch#*:}"
    [ -f "$file.linli-orig" ] || cp -p "$file" "$file.linli-orig"
    if grep -q "$re" "$file"; then
      sed -i "/$re/d" "$file"
    elif ! grep -q "$re" "$file.linli-orig"; then
      fail "$file no longer has the line to remove ($re): update the patches in scripts/lib/deps.sh"
    fi
  done
}

# apt-get source PKG=VERSION into $DEPS/src, once.
fetch_source() {
  local pkg=$1 version=$2 dir=$3
  [ -f "$DEPS/src/$dir/.linli-unpacked" ] && return 0
  log "fetching Debian source $pkg=$version"
  mkdir -p "$DEPS/src"
  rm -rf "${DEPS:?}/src/$dir"
  if ! (cd "$DEPS/src" && apt-get source -qq "$pkg=$version" >/dev/null 2>"$DEPS/src/$pkg.log"); then
    apt_update_once
    if ! (cd "$DEPS/src" && apt-get source -qq "$pkg=$version" >/dev/null 2>"$DEPS/src/$pkg.log"); then
      cat "$DEPS/src/$pkg.log" >&2
      fail "Debian source $pkg=$version is not in the archive any more.
  See which versions it has:  apt-cache showsrc $pkg | grep ^Version
  then change the pinned version in scripts/lib/deps.sh and README.md."
    fi
  fi
  touch "$DEPS/src/$dir/.linli-unpacked"
}

# SDL2 built for the browser with emcc (Emscripten's own SDL port downloads from the
# internet). The configure step runs emcc for every check (~2 min), so it is kept.
# Only what Linli uses: video (a WebGL canvas), events, timers. No audio, joysticks,
# haptics, sensors, power or the 2D renderer: less to download on a phone.
SDL2_WEB_OPTIONS=(
  -DCMAKE_BUILD_TYPE=MinSizeRel -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_THREADS=OFF
  -DSDL_AUDIO=OFF -DSDL_RENDER=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_POWER=OFF
  -DSDL_SENSOR=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOADSO=OFF
  -DSDL_DUMMYVIDEO=OFF -DSDL_OFFSCREEN=OFF -DSDL_DISKAUDIO=OFF -DSDL_DUMMYAUDIO=OFF
  -DSDL_OPENGL=OFF -DSDL_OPENGLES=OFF  # Linli's renderer makes its WebGL2 context itself (web/linli_gl.js)
)
# Linli makes no colour cursors and draws only with WebGL, never into a window surface.
# Without these lines SDL's Emscripten driver keeps the whole software blitter and the
# RLE code reachable (through SDL_ConvertSurface and the window framebuffer): ~210 KB.
# Each entry: FILE:REGEX, the lines removed (see remove_lines).
# And the canvas already has its WebGL2 context when SDL opens the window: SDL's way of
# finding out whether CSS sizes the canvas (setting it to 1x1 first) would make the
# context resize twice, each a wait for the GPU process. Linli's canvas is sized by CSS.
SDL2_WEB_PATCHES=(
  'src/video/emscripten/SDL_emscriptenmouse.c:mouse->CreateCursor *= Emscripten_CreateCursor;'
  'src/video/emscripten/SDL_emscriptenvideo.c:device->[A-Za-z]*WindowFramebuffer *= Emscripten_'
  'src/video/emscripten/SDL_emscriptenvideo.c:emscripten_set_canvas_element_size(wdata->canvas_id, 1, 1);'
)
ensure_sdl2_web() {
  local src="$DEPS/src/libsdl2-${SDL2_SRC_VERSION%-*}" out="$DEPS/sdl2-web"
  local stamp="$out/.options" options="${SDL2_WEB_OPTIONS[*]} ${SDL2_WEB_PATCHES[*]}"
  [ -f "$out/lib/libSDL2.a" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$options" ] && return 0
  log "building SDL2 $SDL2_SRC_VERSION with emcc (about 3 minutes, once)"
  rm -rf "$out" "$DEPS/sdl2-web-build"
  remove_lines "$src" "${SDL2_WEB_PATCHES[@]}"
  emcmake cmake -S "$src" -B "$DEPS/sdl2-web-build" -G Ninja "${SDL2_WEB_OPTIONS[@]}" \
    -DCMAKE_INSTALL_PREFIX="$out" >"$DEPS/sdl2-web.log" 2>&1 \
    || { tail -30 "$DEPS/sdl2-web.log" >&2; fail "SDL2 configure failed (log: $DEPS/sdl2-web.log)"; }
  cmake --build "$DEPS/sdl2-web-build" --target install >>"$DEPS/sdl2-web.log" 2>&1 \
    || { tail -30 "$DEPS/sdl2-web.log" >&2; fail "SDL2 build failed (log: $DEPS/sdl2-web.log)"; }
  echo "$options" >"$stamp"
}

# npm packages, pinned by each folder's package-lock.json: the build's tools
# (scripts/lib) and the browser tests' (tests/browser).
ensure_npm_packages() {
  local dir
  for dir in "$ROOT/scripts/lib" "$ROOT/tests/browser"; do
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      log "installing npm packages in ${dir#$ROOT/}"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci failed in ${dir#$ROOT/}"
    fi
  done
}

# Read whole, not through head: head closing the pipe early makes emcc die of a broken pipe.
emcc_version() {
  local out
  out=$(emcc --version)
  out=${out%%$'\n'*}
  sed -E 's/.* ([0-9]+\.[0-9]+\.[0-9]+).*/\1/' <<<"$out"
}

check_emcc_version() {
  local want have
  want=$(tr -d ' \n' <"$ROOT/emsdk-version.txt")
  have=$(emcc_version)
  if [ "$want" != "$have" ]; then
    warn "emcc is $have but emsdk-version.txt says $want: the web build may differ from the measured one."
  fi
}

ensure_deps() {
  ensure_deb_src
  ensure_apt_packages
  export NODE_PATH=/usr/share/nodejs   # Debian's emcc needs acorn & co from here
  check_emcc_version
  fetch_source imgui "$IMGUI_SRC_VERSION" "imgui-${IMGUI_SRC_VERSION%-*}"
  remove_lines "$DEPS/src/imgui-${IMGUI_SRC_VERSION%-*}" "${IMGUI_PATCHES[@]}"
  fetch_source libsdl2 "$SDL2_SRC_VERSION" "libsdl2-${SDL2_SRC_VERSION%-*}"
  fetch_source libsodium "$SODIUM_SRC_VERSION" "libsodium-${SODIUM_SRC_VERSION%%-*}"
  ensure_sdl2_web
  ensure_npm_packages
}
