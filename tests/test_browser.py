"""The explorer in a real browser: JupyterLab + Debian's Chromium, driven by Playwright.

Only a browser catches a widget that the kernel builds happily but the page cannot show
("Error displaying widget: model not found" when jupyterlab_widgets is missing or of the
wrong major version).  The test starts `jupyter lab` from this environment on a free
loopback port, opens a *copy* of notebook 05 (so autosave cannot touch the committed file),
runs all cells, moves a slider and checks the figure is redrawn.  The screenshot lands in
``test-artifacts/`` (gitignored) for the person reviewing.

Needs the system `chromium` (``sh scripts/install_browser.sh``) and the Python `playwright`
package (test extras); skips with the reason when either is missing.

    .venv/bin/python -m pytest -m browser tests/test_browser.py -s
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.browser

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK = "05_stride-padding-dilation.ipynb"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SERVER_START_TIMEOUT = 90  # s; the first start on a cold machine builds caches
RUN_TIMEOUT_MS = 60_000   # running every cell of the notebook, kernel start included


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chromium():
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("Debian's chromium is not installed (run `sh scripts/install_browser.sh`); "
                    "the real-browser test of the explorer did not run")
    pytest.importorskip("playwright.sync_api",
                        reason="Python playwright is not installed (pip install -e '.[test]')")
    return path


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a free loopback port, serving a temp copy of the notebooks.

    Yields the base URL.  Everything the server writes (settings, workspaces, runtime
    files, autosaves) goes to the temp dir; the server and its kernels stop at teardown.
    """
    home = tmp_path_factory.mktemp("lab")
    root = home / "notebooks"
    shutil.copytree(ROOT / "notebooks", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    user_settings = {
        # no "news"/"updates" toast over the page
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        # start the notebook's kernel without a "Select Kernel" dialog; never autosave
        "docmanager-extension/plugin": {"autoStartDefaultKernel": True, "autosave": False},
        # render every cell, not only those scrolled into view, so the checks see them all
        "notebook-extension/tracker": {"windowingMode": "none"},
    }
    for name, values in user_settings.items():
        path = home / "user-settings" / "@jupyterlab" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"),
               JUPYTER_DATA_DIR=str(home / "data"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               IPYTHONDIR=str(home / "ipython"))
    env.pop("MPLBACKEND", None)  # the notebook's own %matplotlib inline decides
    port = _free_port()
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
               f"--port={port}", "--ServerApp.port_retries=0",
               "--IdentityProvider.token=", "--ServerApp.password=",
               f"--ServerApp.root_dir={root}",
               f"--LabApp.user_settings_dir={home / 'user-settings'}",
               f"--LabApp.workspaces_dir={home / 'workspaces'}"]
    if os.geteuid() == 0:  # CI containers run as root
        command.append("--allow-root")
    log = (home / "server.log").open("w")
    server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)  # its own group: kernels stop with it
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if server.poll() is not None:
                pytest.fail(f"jupyter lab exited with {server.returncode}:\n"
                            + (home / "server.log").read_text()[-3000:])
            try:
                with urllib.request.urlopen(f"{url}/api/status", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer on {url} within {SERVER_START_TIMEOUT} s:\n"
                            + (home / "server.log").read_text()[-3000:])
            time.sleep(0.3)
        yield url
    finally:
        _stop(server)
        log.close()


def _stop(server):
    """Stop the server's process group (the server and the kernels it started)."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            pass
        try:
            server.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue


def test_explorer_draws_and_redraws_in_chromium(chromium, lab):
    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS,
                                             headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(f"{lab}/lab/tree/{NOTEBOOK}")
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
            # Run All before the kernel is connected would run nothing: wait for "Idle"
            page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(timeout=60_000)
            # as committed (no widget state stored), the notebook must open without an error
            page.locator(".jp-CodeCell", has_text="explore(6").scroll_into_view_if_needed()
            page.wait_for_timeout(1000)  # let the saved outputs render
            page.screenshot(path=str(ARTIFACTS / "browser-before-run.png"))
            assert page.get_by_text("Error displaying widget").count() == 0, \
                "the committed notebook shows 'Error displaying widget' before it is run"
            page.locator(".lm-MenuBar-item", has_text="Run").first.click()
            page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()

            explorer = page.locator(".convkit-explorer").first
            explorer.wait_for(state="attached", timeout=RUN_TIMEOUT_MS)
            explorer.scroll_into_view_if_needed()
            figure = explorer.locator(".widget-output img").first
            figure.wait_for(timeout=RUN_TIMEOUT_MS)
            assert explorer.locator(".widget-slider").count() >= 6
            for bad in ("Error displaying widget", "model not found"):
                assert page.get_by_text(bad).count() == 0, f"the page shows {bad!r}"

            before = figure.get_attribute("src")
            status_before = explorer.locator(".widget-html").first.inner_text()
            stride = explorer.locator(".widget-slider", has_text="stride").locator(".widget-readout")
            new_stride = "1" if stride.inner_text().strip() != "1" else "2"
            stride.click()
            page.keyboard.press("Control+A")
            page.keyboard.type(new_stride)
            page.keyboard.press("Enter")
            _wait_for_new_figure(page, before)
            after = explorer.locator(".widget-output img").first.get_attribute("src")
            assert after != before
            status_after = explorer.locator(".widget-html").first.inner_text()
            assert f"stride {new_stride}" in status_after and status_after != status_before
            assert page.get_by_text("Traceback").count() == 0

            # a kernel that does not fit: a message, no figure, no traceback
            height = explorer.locator(".widget-slider", has_text="input H").locator(".widget-readout")
            height.click()
            page.keyboard.press("Control+A")
            page.keyboard.type("1")
            page.keyboard.press("Enter")
            explorer.get_by_text("Cannot draw this geometry").wait_for(timeout=30_000)
            explorer.locator(".widget-output img").first.wait_for(state="detached", timeout=30_000)
            assert page.get_by_text("Traceback").count() == 0
            explorer.scroll_into_view_if_needed()
            explorer.screenshot(path=str(ARTIFACTS / "browser-explorer-invalid.png"))

            height.click()  # back to a drawable geometry for the screenshot
            page.keyboard.press("Control+A")
            page.keyboard.type("6")
            page.keyboard.press("Enter")
            explorer.locator(".widget-output img").first.wait_for(timeout=30_000)

            # highlight one input: the status line names the outputs it feeds, the figure redraws
            before = explorer.locator(".widget-output img").first.get_attribute("src")
            explorer.locator(".widget-dropdown", has_text="highlight").locator("select") \
                .select_option(label="input 14")
            explorer.get_by_text("Selected input 14").wait_for(timeout=30_000)
            _wait_for_new_figure(page, before)

            explorer.scroll_into_view_if_needed()
            shot = ARTIFACTS / "browser-explorer.png"
            page.screenshot(path=str(shot))
            explorer.screenshot(path=str(ARTIFACTS / "browser-explorer-widget.png"))
            print(f"\nscreenshot: {shot}  (also browser-explorer-widget.png and "
                  "browser-explorer-invalid.png beside it)"
                  f"\nbrowser part took {time.monotonic() - started:.1f} s")
        except Exception:
            failure = ARTIFACTS / "browser-failure.png"
            page.screenshot(path=str(failure))
            print(f"\nscreenshot of the failure: {failure}")
            raise
        finally:
            browser.close()


def _wait_for_new_figure(page, before):
    """Wait until the explorer shows a figure whose image differs from ``before``."""
    page.wait_for_function(
        """([selector, before]) => {
               const img = document.querySelector(selector);
               return img !== null && img.src !== before; }""",
        arg=[".convkit-explorer .widget-output img", before], timeout=30_000)
