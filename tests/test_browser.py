"""The explorer in a real browser: JupyterLab + Debian's Chromium, driven by Playwright.

Only a browser catches a widget that the kernel builds happily but the page cannot show
("Error displaying widget: model not found" when jupyterlab_widgets is missing or of the
wrong major version).  The test starts `jupyter lab` from this environment on a free
loopback port, opens a *copy* of notebook 05 (so autosave cannot touch the committed file),
runs all cells at 1024x768 (a projector), and checks what a lecture hall needs: the
explorer (controls + figure) fits the visible notebook area, the step button moves the
selection and the figure changes, the redraw median over 20 steps (printed; at most
REDRAW_BUDGET_MS), linked views one at a time with the same cells marked, the focus view's
smallest text (at least 18 CSS px), the layout at 125 % and 150 % browser zoom (reflowed,
no horizontal scroll), and that a notebook
saved with the live explorer and reopened shows "run this cell to start the explorer"
instead of "Error displaying widget". Screenshots at 1024x768 and 1280x800 land in
``test-artifacts/`` (gitignored) for the person reviewing.

Needs the system `chromium` (``sh scripts/install_browser.sh``) and the Python `playwright`
package (test extras); skips with the reason when either is missing.

    .venv/bin/python -m pytest -m browser tests/test_browser.py -s
"""
from __future__ import annotations

import pathlib
import shutil
import time

import pytest

from lab_server import open_notebook, run_all_cells, serve_lab, wait_until_idle

pytestmark = pytest.mark.browser

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK = "05_stride-padding-dilation.ipynb"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
RUN_TIMEOUT_MS = 90_000   # running every cell of the notebook, kernel start included
PROJECTOR = {"width": 1024, "height": 768}
LAPTOP = {"width": 1280, "height": 800}
REDRAW_BUDGET_MS = 200    # median, 5x5 views (issue 10)
STEPS = 20
FOCUS_MIN_PX = 18


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
    with serve_lab(home, root) as url:
        yield url


def _visible_area(page):
    """(top, bottom, left, right) in CSS px of the notebook's scrolling area."""
    return page.evaluate("""() => {
        const el = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')
                || document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
        const r = el.getBoundingClientRect();
        return [r.top, r.bottom, r.left, r.right]; }""")


def _fit(page, explorer):
    """Scroll the explorer to the top of the notebook; -> (its height, visible height, fits)."""
    explorer.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    top, bottom, left, right = _visible_area(page)
    box = explorer.bounding_box()
    fits = (box["y"] >= top - 1 and box["y"] + box["height"] <= bottom + 1
            and box["x"] >= left - 1 and box["x"] + box["width"] <= right + 1)
    return box["height"], bottom - top, fits


STEP_JS = """() => new Promise((resolve, reject) => {
    const root = document.querySelector('.convkit-explorer');  // the first explorer
    const before = root.querySelector('.convkit-figure').dataset.draw;
    const next = root.querySelector('button[title="next"]');
    const t0 = performance.now();
    const timer = setTimeout(() => reject(new Error('no redraw within 10 s')), 10000);
    const observer = new MutationObserver(() => {
        const figure = root.querySelector('.convkit-figure');
        if (figure && figure.dataset.draw !== before) {
            observer.disconnect();
            // the time until the new figure is laid out and painted
            requestAnimationFrame(() => { clearTimeout(timer); resolve(performance.now() - t0); });
        }
    });
    observer.observe(root, {subtree: true, childList: true, attributes: true});
    next.click();
})"""

FOCUS_FONT_JS = """() => {
    let smallest = Infinity;
    const root = document.querySelector('.convkit-explorer');  // the first explorer
    for (const t of root.querySelectorAll('.convkit-figure svg text')) {
        if (!t.textContent.trim()) continue;
        const size = parseFloat(t.getAttribute('font-size'));
        const m = t.getScreenCTM();  // a rotated text's scale is in b, not a
        smallest = Math.min(smallest, size * Math.hypot(m.a, m.b));
    }
    return smallest; }"""


# Where the explorer's parts are, and whether the notebook scrolls sideways.
REFLOW_JS = """() => {
    const scroller = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
    const root = document.querySelector('.convkit-explorer');
    const box = (el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
    const controls = box(root.querySelector('.convkit-controls'));
    const figure = box(root.querySelector('.convkit-figure'));
    return {scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth,
            right: scroller.getBoundingClientRect().right, explorer: box(root), controls, figure,
            wrapped: figure[1] >= controls[1] + controls[3] - 1}; }"""


def test_explorer_fits_steps_and_redraws_in_chromium(chromium, lab):
    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    ARTIFACTS.mkdir(exist_ok=True)
    report = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS,
                                             headless=True)
        page = browser.new_page(viewport=PROJECTOR)
        try:
            open_notebook(page, lab, NOTEBOOK, hide_file_browser=True)  # as on a projector
            page.wait_for_timeout(300)
            # as committed (no widget state stored), the notebook must open without an error
            assert page.get_by_text("Error displaying widget").count() == 0, \
                "the committed notebook shows 'Error displaying widget' before it is run"
            run_all_cells(page)

            explorer = page.locator(".convkit-explorer").first
            explorer.wait_for(state="visible", timeout=RUN_TIMEOUT_MS)
            figure = explorer.locator(".convkit-figure svg").first
            figure.wait_for(timeout=RUN_TIMEOUT_MS)
            assert explorer.locator(".widget-slider").count() >= 6
            for bad in ("Error displaying widget", "model not found", "Traceback"):
                assert page.get_by_text(bad).count() == 0, f"the page shows {bad!r}"
            # the placeholder before the live explorer is hidden
            assert not page.get_by_text("run this cell to start the explorer").first.is_visible()

            height, visible, fits = _fit(page, explorer)
            report.append(f"1024x768: explorer {height:.0f} px tall, visible notebook area "
                          f"{visible:.0f} px")
            page.screenshot(path=str(ARTIFACTS / "browser-explorer-1024x768.png"))
            assert fits, f"the explorer ({height:.0f} px) does not fit the visible notebook " \
                         f"area ({visible:.0f} px) at 1024x768"

            # the step control moves the selection, and the figure changes
            before = figure.inner_html()
            explorer.locator('button[title="next"]').click()
            page.wait_for_function(
                "before => document.querySelector('.convkit-explorer .convkit-figure svg')"
                ".innerHTML !== before", arg=before, timeout=30_000)
            selected = explorer.locator(".widget-dropdown", has_text="selected").locator("select")
            assert selected.evaluate("s => s.options[s.selectedIndex].text") != "none"
            assert " = " in explorer.locator(".convkit-formula").inner_text()

            # the redraw median, in the browser: click ▶ until the new figure is painted
            explorer.locator(".widget-dropdown", has_text="view").locator("select") \
                .select_option(label="forward map")
            for name, value in (("input H", "5"), ("input W", "5"), ("stride", "1"),
                                ("padding", "0")):
                readout = explorer.locator(".widget-slider", has_text=name) \
                    .locator(".widget-readout")
                if readout.inner_text().strip() != value:
                    readout.click()
                    page.keyboard.press("Control+A")
                    page.keyboard.type(value)
                    page.keyboard.press("Enter")
                    page.wait_for_timeout(400)
            times = [page.evaluate(STEP_JS) for _ in range(STEPS)]
            median = sorted(times)[len(times) // 2]
            report.append(f"redraw (5x5 forward map, ▶): median {median:.0f} ms, "
                          f"min {min(times):.0f}, max {max(times):.0f} over {len(times)} steps")
            page.screenshot(path=str(ARTIFACTS / "browser-explorer-stepped.png"))

            # linked views: too small for a room side by side, so one at a time, said so;
            # the same cells marked in both
            explorer.locator(".widget-toggle-button", has_text="linked").click()
            explorer.get_by_text("one view at a time").first.wait_for(timeout=30_000)
            marks = []
            for which in ("view 1", "view 2"):
                explorer.locator(".widget-toggle-buttons button", has_text=which).click()
                page.wait_for_function(
                    "which => document.querySelector('.convkit-explorer .convkit-status')"
                    ".textContent.includes('View ' + which.slice(-1) + ' of 2')",
                    arg=which, timeout=30_000)
                assert explorer.locator(".convkit-figure svg").count() == 1
                marks.append(explorer.locator(".convkit-figure svg").evaluate(
                    "s => [...s.querySelectorAll('[data-gid^=\"mark \"]')]"
                    ".map(m => m.dataset.gid).sort().join(',')"))
                smallest = page.evaluate(FOCUS_FONT_JS)
                report.append(f"linked, {which}: smallest text {smallest:.1f} CSS px")
                page.screenshot(path=str(ARTIFACTS / f"browser-explorer-linked-{which[-1]}.png"))
            assert marks[0] and marks[0] == marks[1], marks
            explorer.locator(".widget-toggle-button", has_text="linked").click()

            # the focus view: the smallest text in CSS px
            explorer.locator(".widget-toggle-button", has_text="focus").click()
            explorer.get_by_text("close up").first.wait_for(timeout=30_000)
            smallest = page.evaluate(FOCUS_FONT_JS)
            report.append(f"focus view: smallest text {smallest:.1f} CSS px at 1024x768")
            page.screenshot(path=str(ARTIFACTS / "browser-explorer-focus-1024x768.png"))
            assert smallest >= FOCUS_MIN_PX, f"focus view text {smallest:.1f} px < {FOCUS_MIN_PX}"

            page.set_viewport_size(LAPTOP)
            page.wait_for_timeout(500)
            height, visible, fits = _fit(page, explorer)
            report.append(f"1280x800: explorer {height:.0f} px tall, visible notebook area "
                          f"{visible:.0f} px")
            page.screenshot(path=str(ARTIFACTS / "browser-explorer-focus-1280x800.png"))
            assert fits
            explorer.locator(".widget-toggle-button", has_text="focus").click()
            page.wait_for_timeout(500)
            page.screenshot(path=str(ARTIFACTS / "browser-explorer-1280x800.png"))
            page.set_viewport_size(PROJECTOR)

            # a bad geometry: a message in the same place, no traceback
            height_readout = explorer.locator(".widget-slider", has_text="input H") \
                .locator(".widget-readout")
            height_readout.click()
            page.keyboard.press("Control+A")
            page.keyboard.type("1")
            page.keyboard.press("Enter")
            explorer.get_by_text("Cannot draw this geometry").first.wait_for(timeout=30_000)
            assert page.get_by_text("Traceback").count() == 0
            assert abs(explorer.bounding_box()["height"] - height) <= 2  # no jumping page
            height_readout.click()
            page.keyboard.press("Control+A")
            page.keyboard.type("5")
            page.keyboard.press("Enter")
            explorer.locator(".convkit-figure svg").first.wait_for(timeout=30_000)

            # browser zoom 125 % and 150 % of the projector (the CSS viewport shrinks by as
            # much): the explorer reflows, nothing scrolls sideways
            for zoom in (1.25, 1.5):
                page.set_viewport_size({"width": round(PROJECTOR["width"] / zoom),
                                        "height": round(PROJECTOR["height"] / zoom)})
                page.wait_for_timeout(600)
                explorer.evaluate("el => el.scrollIntoView({block: 'start'})")
                page.wait_for_timeout(300)
                layout = page.evaluate(REFLOW_JS)
                page.screenshot(path=str(ARTIFACTS / f"browser-explorer-zoom{round(zoom * 100)}.png"))
                report.append(f"zoom {zoom:.0%}: notebook {layout['clientWidth']} px wide, "
                              f"explorer {layout['explorer'][2]:.0f} px, figure "
                              f"{'under' if layout['wrapped'] else 'beside'} the controls "
                              f"({layout['figure'][2]:.0f} px wide)")
                assert layout["scrollWidth"] <= layout["clientWidth"] + 1, \
                    f"zoom {zoom:.0%}: the notebook scrolls sideways: {layout}"
                assert layout["explorer"][0] + layout["explorer"][2] <= layout["right"] + 1, layout
                assert layout["figure"][2] >= 300, f"zoom {zoom:.0%}: figure squeezed: {layout}"
                if zoom == 1.5:
                    assert layout["wrapped"], f"150 %: the figure should go under the controls: {layout}"
            page.set_viewport_size(PROJECTOR)
            page.wait_for_timeout(500)

            # saved with the live explorer, reopened: the placeholder, not an error
            page.keyboard.press("Control+s")
            page.wait_for_timeout(1500)
            # a new session: the kernel that held the widget's state is gone
            page.locator(".lm-MenuBar-item", has_text="Kernel").first.click()
            page.locator(".lm-Menu-item", has_text="Shut Down Kernel").first.click()
            page.wait_for_timeout(2000)
            page.reload()
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
            wait_until_idle(page)
            placeholder = page.get_by_text("run this cell to start the explorer").first
            placeholder.scroll_into_view_if_needed()
            # the new kernel starts and the widget manager gives up on the saved view
            wait_until_idle(page)
            page.wait_for_timeout(3000)
            page.screenshot(path=str(ARTIFACTS / "browser-reopened.png"))
            assert placeholder.is_visible()
            errors = page.get_by_text("Error displaying widget")
            assert all(not errors.nth(i).is_visible() for i in range(errors.count()))
            report.append("saved and reopened: placeholder shown, "
                          f"{errors.count()} hidden 'Error displaying widget'")
            print("\n" + "\n".join(report)
                  + f"\nscreenshots in {ARTIFACTS}; browser part took "
                  f"{time.monotonic() - started:.1f} s")
            assert median <= REDRAW_BUDGET_MS, f"redraw median {median:.0f} ms"
        except Exception:
            failure = ARTIFACTS / "browser-failure.png"
            page.screenshot(path=str(failure))
            print("\n" + "\n".join(report) + f"\nscreenshot of the failure: {failure}")
            raise
        finally:
            browser.close()
