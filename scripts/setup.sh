# Sourced by run.sh and test.sh: installs what is missing, from the package registries only.
# Idempotent: each step checks first and does nothing when the thing is already there.

set -euo pipefail

LINLI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export LINLI_TOOLS="${LINLI_TOOLS:-$HOME/.cache/linli/tools}"
export PATH="$LINLI_TOOLS/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Debian packages by purpose (names as in Debian 12).
PACKAGES_BUILD="build-essential pkg-config libssl-dev"
# Only needed when rustup cannot add the wasm32 target (offline rustup): Debian's rustc with std source.
PACKAGES_WASM_FALLBACK="rustc-web cargo-web rust-web-src lld"
PACKAGES_SHELL="libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev"
PACKAGES_DISPLAY="xvfb xauth dbus-x11"
PACKAGES_TEST="chromium chromium-driver webkit2gtk-driver postgresql dunst libnotify-bin"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "need root to run: $*" >&2; return 1
    fi
}

# ensure_packages PKG...: installs the Debian packages that are not installed yet.
ensure_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        echo "Not a Debian-like system: please install the equivalents of: ${missing[*]}" >&2
        return 1
    fi
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# True when rustup's toolchain can build for wasm32.
rustup_has_wasm() {
    rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'
}

ensure_build_tools() {
    ensure_packages $PACKAGES_BUILD
    command -v cargo >/dev/null || { echo "Rust is required: install it with rustup" >&2; return 1; }
    # Without rustup's wasm target: on Debian, Debian's rustc-web rebuilds std for wasm
    # (all from Debian's archive, see build-web.sh); elsewhere rustup adds the target.
    if ! rustup_has_wasm; then
        if command -v apt-get >/dev/null; then
            ensure_packages $PACKAGES_WASM_FALLBACK
        else
            rustup target add wasm32-unknown-unknown
        fi
    fi
    command -v node >/dev/null && command -v npm >/dev/null || ensure_packages nodejs npm
}

ensure_shell_deps() { ensure_packages $PACKAGES_SHELL $PACKAGES_DISPLAY; }
ensure_test_deps() { ensure_packages $PACKAGES_TEST $PACKAGES_DISPLAY; }

# axe-core (npm) for the accessibility test, offline once installed.
ensure_axe_core() {
    [ -f "$LINLI_TOOLS/npm/node_modules/axe-core/axe.min.js" ] && return 0
    say "Installing axe-core (npm) into $LINLI_TOOLS/npm"
    npm install --silent --no-audit --no-fund --prefix "$LINLI_TOOLS/npm" "axe-core@4" >/dev/null
}
