#!/bin/sh
# Install the browser that tests/test_browser*.py drive: Debian's `chromium`, plus fonts so
# the page and its screenshot show Latin text and emoji, not boxes.  No CJK font: the course
# brings its own (Noto Sans SC, served by JupyterLab as a web font), and
# tests/test_browser_cjk.py checks that Chinese shows without any system CJK font.
# Playwright's own browser download does not work on these machines, so the test points
# Python Playwright (installed by `pip install -e ".[test]"`) at the system chromium.
# Idempotent: installs only the packages that are missing.  Needs apt and root (or sudo).
#
#     sh scripts/install_browser.sh
set -eu

PACKAGES="chromium fonts-dejavu-core fonts-liberation fonts-noto-color-emoji"

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
if [ -z "$missing" ]; then
    echo "install_browser: already installed: $PACKAGES"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: no apt-get here; install Chromium yourself (the browser test skips without it)" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
echo "install_browser: installed$missing ($(command -v chromium))"
