"""A throwaway JupyterLab server for the real-browser tests (tests/test_*browser.py).

``serve_lab(home, root)`` starts ``jupyter lab`` from this environment on a free loopback
port, serving the folder ``root``, with everything it writes (settings, workspaces, runtime
files) under ``home``.  The app settings are the course's own defaults
(``jupyterlab-settings/overrides.json``, what ``make lab`` and ``postBuild`` install: no news
pop-up), and so is the server's stylesheet with the Chinese web font
(``convkit_course.fonts.install_jupyter``, what ``postBuild`` installs); the user
settings only make the run hands-free.  ``env`` adds to the server's environment (e.g. a
``FONTCONFIG_FILE``).  Yields the base URL; the server and its kernels stop on exit.
"""
from __future__ import annotations

import contextlib
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

ROOT = pathlib.Path(__file__).resolve().parent.parent
SERVER_START_TIMEOUT = 90  # s; the first start on a cold machine builds caches
USER_SETTINGS = {
    # start the notebook's kernel without a "Select Kernel" dialog; never autosave
    "docmanager-extension/plugin": {"autoStartDefaultKernel": True, "autosave": False},
    # render every cell, not only those scrolled into view, so the checks see them all
    "notebook-extension/tracker": {"windowingMode": "none"},
}


def open_notebook(page, url, path, *, hide_file_browser=False):
    """Open ``path`` (below the server's root) in JupyterLab and wait until its kernel is
    idle; ``hide_file_browser``: close the left sidebar, as on a projector (Ctrl+B)."""
    page.goto(f"{url}/lab/tree/{path}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    wait_until_idle(page)
    if hide_file_browser:
        page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current").first.click()


def wait_until_idle(page, timeout_ms=60_000):
    """Wait until the status bar says the kernel is idle."""
    page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(timeout=timeout_ms)


def run_all_cells(page):
    """Run > Run All Cells, once the kernel is idle."""
    wait_until_idle(page)
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(server):
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


def _write_settings(home):
    overrides = home / "app-settings" / "overrides.d"
    overrides.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "jupyterlab-settings" / "overrides.json", overrides / "convkit.json")
    for name, values in USER_SETTINGS.items():
        path = home / "user-settings" / "@jupyterlab" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


@contextlib.contextmanager
def serve_lab(home: pathlib.Path, root: pathlib.Path, env=None):
    """Run JupyterLab on ``root`` with its state under ``home``; yield ``http://127.0.0.1:PORT``."""
    from convkit_course.fonts import install_jupyter

    _write_settings(home)
    config = home / "config"
    install_jupyter(config / "jupyter_server_config.json", config_dir=config)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(config),
               JUPYTER_DATA_DIR=str(home / "data"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               IPYTHONDIR=str(home / "ipython"), **(env or {}))
    env.pop("MPLBACKEND", None)  # the notebook's own %matplotlib inline decides
    port = free_port()
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
               f"--port={port}", "--ServerApp.port_retries=0",
               "--IdentityProvider.token=", "--ServerApp.password=",
               f"--ServerApp.root_dir={root}",
               f"--LabApp.app_settings_dir={home / 'app-settings'}",
               f"--LabApp.user_settings_dir={home / 'user-settings'}",
               f"--LabApp.workspaces_dir={home / 'workspaces'}"]
    if os.geteuid() == 0:  # CI containers run as root
        command.append("--allow-root")
    log_path = home / "server.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)  # its own group: kernels stop with it
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(server, url, log_path)
            yield url
        finally:
            stop(server)


def _wait_until_up(server, url, log_path):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if server.poll() is not None:
            pytest.fail(f"jupyter lab exited with {server.returncode}:\n"
                        + log_path.read_text()[-3000:])
        try:
            with urllib.request.urlopen(f"{url}/api/status", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"jupyter lab did not answer on {url} within {SERVER_START_TIMEOUT} s:\n"
                        + log_path.read_text()[-3000:])
        time.sleep(0.3)
