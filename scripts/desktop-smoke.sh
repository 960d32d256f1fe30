#!/usr/bin/env bash
# Desktop smoke test of the Tauri shell: builds src-tauri with the embedded web bundle and
# runs tests/tests/desktop.rs against the real window, through tauri-driver and
# WebKitWebDriver, on a private Xvfb display and a private D-Bus session bus (so it needs no
# display, and never pops a window or a notification onto a developer's desktop).
#
# Installs what is missing: the Debian packages (via scripts/setup.sh), tauri-driver 2.1.0
# into $LINLI_TOOLS (default ~/.cache/linli/tools), and app/dist (scripts/build-web.sh)
# when it has not been built yet. Safe to run again: every step checks first.
#
# Leaves tests/artifacts/desktop-home.png (the window, through WebDriver) and
# tests/artifacts/desktop-tauri-driver.log.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$LINLI_ROOT"
started=$SECONDS

TAURI_DRIVER_VERSION=2.1.0

ensure_packages build-essential pkg-config libssl-dev
ensure_shell_deps
ensure_packages webkit2gtk-driver dunst libnotify-bin dbus-x11 xvfb xauth

if [ -x "$LINLI_TOOLS/bin/tauri-driver" ]; then
    TAURI_DRIVER="$LINLI_TOOLS/bin/tauri-driver"
else
    say "Installing tauri-driver $TAURI_DRIVER_VERSION into $LINLI_TOOLS"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --root "$LINLI_TOOLS"
    TAURI_DRIVER="$LINLI_TOOLS/bin/tauri-driver"
fi

if [ ! -f app/dist/index.html ]; then
    say "Building the web app (app/dist) for the shell to embed"
    bash scripts/build-web.sh
fi

say "Building the Tauri shell (src-tauri, embedded app/dist)"
cargo build -p linli --features custom-protocol
binary="${CARGO_TARGET_DIR:-$LINLI_ROOT/target}/debug/linli"
[ -x "$binary" ] || { echo "no shell binary at $binary" >&2; exit 1; }

say "Shell unit tests"
cargo test -p linli --features custom-protocol --lib

say "Building the desktop smoke test"
cargo test -p linli-e2e --test desktop --no-run

say "Desktop smoke test (Xvfb + D-Bus session + tauri-driver)"
mkdir -p tests/artifacts
# xvfb-run -a picks a free display number; dbus-run-session gives the window, dunst and
# dbus-monitor a bus of their own that ends with the test. NO_AT_BRIDGE keeps GTK from
# starting the accessibility bus, which nothing here uses.
LINLI_DESKTOP_BINARY="$binary" \
LINLI_REQUIRE_DESKTOP=1 \
TAURI_DRIVER="$TAURI_DRIVER" \
NO_AT_BRIDGE=1 \
    xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
    dbus-run-session -- \
    cargo test -p linli-e2e --test desktop -- --nocapture --test-threads=1

say "Desktop smoke test passed in $((SECONDS - started)) s; screenshot: tests/artifacts/desktop-home.png"
