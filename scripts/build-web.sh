#!/usr/bin/env bash
# Builds the Leptos app (app/) to wasm in release and writes the web bundle to app/dist/:
# index.html, boot.js, the wasm-bindgen JS glue, the optimised .wasm and style.css.
# The server serves app/dist (`--web-dir app/dist`) and the Tauri shell embeds it.
#
# Idempotent: compiles incrementally and installs its tools (wasm-bindgen-cli at exactly
# the version in Cargo.lock, wasm-opt from npm binaryen@132) only when they are missing,
# into $LINLI_TOOLS (default ~/.cache/linli/tools). Only package registries are used.
#
# Compiler: rustup's cargo when it has the wasm32 target; otherwise Debian's rustc-web
# (/usr/bin/rustc, /usr/bin/cargo) rebuilding std for wasm with -Z build-std, in its own
# target dir (see /work/shared/toolchain/WASM.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TOOLS="${LINLI_TOOLS:-$HOME/.cache/linli/tools}"
DIST="$ROOT/app/dist"
TARGET=wasm32-unknown-unknown
PROFILE=wasm-release
CRATE=linli-app
WASM_NAME=linli-app.wasm   # the binary target's output
OUT_NAME=linli_app         # what wasm-bindgen writes: linli_app.js, linli_app_bg.wasm
BINARYEN_VERSION=132

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- 1. compile to wasm ---------------------------------------------------------------------
if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    log "compiling $CRATE with rustup's toolchain ($TARGET, profile $PROFILE)"
    TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
    cargo build -p "$CRATE" --bin "$CRATE" --target "$TARGET" --profile "$PROFILE" --target-dir "$TARGET_DIR"
else
    log "rustup has no $TARGET: compiling $CRATE with Debian's rustc and -Z build-std"
    [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] \
        || die "install Debian's rustc-web cargo-web rust-web-src lld (see WASM.md)"
    [ -d /usr/lib/rustlib/src/rust/library ] || die "std source missing: apt-get install rust-web-src"
    LINKER=/usr/lib/llvm-14/bin/wasm-ld
    [ -x "$LINKER" ] || LINKER="$(command -v wasm-ld || true)"
    [ -n "$LINKER" ] || die "no wasm-ld: apt-get install lld"
    # Its own target dir: Debian's and rustup's compilers must never share artefacts.
    TARGET_DIR="$ROOT/target/wasm"
    env -u RUSTUP_TOOLCHAIN \
        RUSTC=/usr/bin/rustc \
        RUSTDOC=/usr/bin/rustdoc \
        RUSTC_BOOTSTRAP=1 \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$LINKER" \
        /usr/bin/cargo build -p "$CRATE" --bin "$CRATE" --target "$TARGET" --profile "$PROFILE" \
            --target-dir "$TARGET_DIR" -Z build-std=std,panic_abort
fi
RAW_WASM="$TARGET_DIR/$TARGET/$PROFILE/$WASM_NAME"
[ -f "$RAW_WASM" ] || die "the build did not produce $RAW_WASM"

# --- 2. wasm-bindgen, exactly the version in Cargo.lock -------------------------------------
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen in Cargo.lock"
WASM_BINDGEN="$TOOLS/bin/wasm-bindgen"
if ! { [ -x "$WASM_BINDGEN" ] && [ "$("$WASM_BINDGEN" --version 2>/dev/null)" = "wasm-bindgen $WB_VERSION" ]; }; then
    log "installing wasm-bindgen-cli $WB_VERSION into $TOOLS"
    # rustup's cargo (first on PATH), without --locked: the mirror may lack a locked version.
    env -u RUSTC -u RUSTC_BOOTSTRAP cargo install wasm-bindgen-cli --version "=$WB_VERSION" --root "$TOOLS" --force
fi

# --- 3. wasm-opt from npm (Debian's binaryen breaks reference types) -------------------------
WASM_OPT="$TOOLS/npm/node_modules/.bin/wasm-opt"
if ! { [ -x "$WASM_OPT" ] && "$WASM_OPT" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; }; then
    log "installing binaryen@$BINARYEN_VERSION (wasm-opt) into $TOOLS/npm"
    command -v npm >/dev/null 2>&1 || die "npm is needed for binaryen@$BINARYEN_VERSION"
    mkdir -p "$TOOLS/npm"
    npm install --prefix "$TOOLS/npm" --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >&2
fi

# --- 4. bundle --------------------------------------------------------------------------------
log "wasm-bindgen $WB_VERSION → $DIST"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
"$WASM_BINDGEN" --target web --no-typescript --out-dir "$STAGE" --out-name "$OUT_NAME" "$RAW_WASM"

log "wasm-opt -Oz"
"$WASM_OPT" -Oz "$STAGE/${OUT_NAME}_bg.wasm" -o "$STAGE/${OUT_NAME}_bg.opt.wasm"
mv "$STAGE/${OUT_NAME}_bg.opt.wasm" "$STAGE/${OUT_NAME}_bg.wasm"

for static in index.html boot.js style.css; do
    cp "$ROOT/app/$static" "$STAGE/$static"
done

# Swap the new bundle in whole, so a server reading app/dist never sees half of it.
mkdir -p "$DIST"
find "$DIST" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
cp -r "$STAGE"/. "$DIST"/

# --- 5. sizes ---------------------------------------------------------------------------------
WASM_OUT="$DIST/${OUT_NAME}_bg.wasm"
raw=$(stat -c %s "$WASM_OUT")
gz=$(gzip -9 -c "$WASM_OUT" | wc -c)
js_gz=$(gzip -9 -c "$DIST/$OUT_NAME.js" | wc -c)
css_gz=$(gzip -9 -c "$DIST/style.css" | wc -c)
printf 'app/dist ready\n'
printf '  wasm: %d bytes raw (%d KiB), %d bytes gzipped (%d KiB)\n' "$raw" $((raw / 1024)) "$gz" $((gz / 1024))
printf '  js glue: %d bytes gzipped; css: %d bytes gzipped\n' "$js_gz" "$css_gz"
