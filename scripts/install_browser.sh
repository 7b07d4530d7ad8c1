#!/bin/sh
# Install the browser that tests/test_browser.py drives: Debian's `chromium` (+ fonts).
# Playwright's own browser download does not work on these machines, so the test points
# Python Playwright (installed by `pip install -e ".[test]"`) at the system chromium.
# Idempotent: does nothing when chromium is already on PATH.  Needs root (or sudo) and apt.
#
#     sh scripts/install_browser.sh
set -eu

if command -v chromium >/dev/null 2>&1; then
    echo "install_browser: chromium already installed ($(command -v chromium))"
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
# fonts: so the JupyterLab page (and its screenshot) renders text, not boxes
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-liberation
echo "install_browser: installed $(command -v chromium)"
