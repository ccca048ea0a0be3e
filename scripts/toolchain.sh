#!/usr/bin/env bash
# Installs whatever is missing to build the wasm app and run its browser
# tests, then writes target/toolchain.env for the build scripts to source.
# Idempotent and quick when everything is already there.
#
# Routes to a wasm32 standard library, decided once and cached:
#   rustup  - `rustup target add wasm32-unknown-unknown` works (the normal route);
#   debian  - that download is unreachable, so use Debian's rustc-web with
#             rust-web-src and build std from source (RUSTC_BOOTSTRAP).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/dudong"
ROUTE_FILE="$CACHE_DIR/wasm-route"
ENV_FILE=target/toolchain.env
mkdir -p "$CACHE_DIR" target

say() { printf '\033[1mtoolchain:\033[0m %s\n' "$*" >&2; }

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  if [ $apt_updated -eq 0 ]; then $sudo apt-get update -q >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# 1. The route to wasm32's standard library.
route=""
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  route=rustup
elif [ -f "$ROUTE_FILE" ]; then
  route=$(cat "$ROUTE_FILE")
elif command -v rustup >/dev/null && timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  route=rustup
else
  say "rustup cannot fetch the wasm32 target here; using Debian's rustc-web and building std from source"
  route=debian
fi
echo "$route" > "$ROUTE_FILE"

# 2. System packages: the browser for tests, CJK fonts for screenshots, and the
#    Debian toolchain on that route.
# No C compiler for wasm32: since the jieba dictionary is our own compressed
# file, no dependency of the app has C code (jieba-rs's zstd-sys is gone).
packages=(chromium chromium-driver fonts-noto-cjk)
if [ "$route" = debian ]; then packages+=(rustc-web cargo-web rust-web-src lld-22); fi
apt_install "${packages[@]}"

# 3. Trunk and wasm-bindgen-cli, at the versions the build needs.
export PATH="$HOME/.cargo/bin:$PATH"
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi
[ -f Cargo.lock ] || cargo generate-lockfile --quiet
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  say "installing wasm-bindgen-cli $bindgen_version"
  # Not --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --quiet
fi
grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml || {
  say "Trunk.toml pins a wasm-bindgen other than Cargo.lock's $bindgen_version"; exit 1; }

# 4. Node packages: wasm-opt (npm's binaryen; Debian's is too old to read
#    today's wasm), playwright-core, which drives Debian's chromium, and the
#    bench's lz-string and jieba-wasm. Installed again whenever package.json
#    names one that node_modules lacks.
if [ ! -x node_modules/.bin/wasm-opt ] || ! node -e '
    const p = require("./package.json");
    const names = Object.keys({ ...p.dependencies, ...p.devDependencies });
    process.exit(names.every((n) => require("fs").existsSync(`node_modules/${n}/package.json`)) ? 0 : 1);'; then
  say "installing the npm packages (package-lock.json)"
  npm ci --silent --no-audit --no-fund
fi

# 5. What the wasm build needs in its environment.
{
  echo "# written by scripts/toolchain.sh; route: $route"
  echo "export PATH=\"$PWD/node_modules/.bin:$HOME/.cargo/bin:\$PATH\""
  # A target dir of its own: the wasm route may use another rustc than the
  # native tests, and sharing one would rebuild everything on every switch.
  echo "export CARGO_TARGET_DIR=\"$PWD/target/wasm\""
  if [ "$route" = debian ]; then
    echo "export RUSTC=/usr/bin/rustc"
    echo "export RUSTC_BOOTSTRAP=1"
    echo "export CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
  fi
} > "$ENV_FILE"
