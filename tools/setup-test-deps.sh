#!/usr/bin/env bash
# Installs what the browser tests (tests/test_browser.py) need on Debian/Ubuntu, and only what is
# missing, so it is cheap to run before every test run:
#   - Debian's Chromium at /usr/bin/chromium (Playwright for Python drives it; it never downloads
#     a browser of its own), and a Java runtime for the Nu HTML checker, through apt as root or
#     with password-less sudo;
#   - axe-core and vnu-jar from npm (package.json / package-lock.json), when npm is present.
# Where something cannot be installed it says why and goes on: the browser tests then skip
# (or fail, under CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup-test-deps: %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
    else return 1
    fi
}

# --- system packages ---------------------------------------------------------------------------
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
command -v rsync >/dev/null 2>&1 || packages+=(rsync)        # the publish command's rsync target
command -v git >/dev/null 2>&1 || packages+=(git)            # the publish command's git target

if [ ${#packages[@]} -eq 0 ]; then
    say "chromium, java, rsync and git already installed"
elif ! command -v apt-get >/dev/null 2>&1; then
    say "skipped installing ${packages[*]}: no apt-get (not Debian/Ubuntu); install them by hand"
elif ! as_root true; then
    say "skipped installing ${packages[*]}: needs root or password-less sudo"
else
    say "installing ${packages[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    [ -x /usr/bin/chromium ] || say "warning: /usr/bin/chromium still missing (on Ubuntu 'chromium' may be a snap shim)"
fi

# --- npm tools: axe-core, vnu-jar --------------------------------------------------------------
if ! command -v npm >/dev/null 2>&1; then
    say "skipped axe-core and vnu-jar: npm not found (install Node.js and npm, then run this again)"
elif [ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/vnu-jar/build/dist/vnu.jar ] \
        && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    say "axe-core and vnu-jar already installed"
else
    say "installing axe-core and vnu-jar (npm ci)"
    # --ignore-scripts: vnu-jar's postinstall would download a Java runtime; Debian's is used instead.
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
