"""The slides in a real browser: RISE slide mode in Debian's Chromium at projector size.

A temp copy of notebook 04 gets its slide metadata from ``scripts/slides.py`` (the committed
notebooks carry it only after the lead applies the script).  JupyterLab starts with the
course's settings defaults (``jupyterlab-settings/overrides.json``, what ``make lab`` and
``postBuild`` install), so the test also sees that no "Jupyter news" pop-up greets the page.
At 1024x768 it runs the notebook in JupyterLab and saves it (what RISE's own "Render as
slides" does before it opens), then opens ``/rise/<notebook>`` -- the slide page --,
advances three slides, checks the math is typeset by MathJax and that the explorer inside
its slide is live: a slider change redraws it; and that the keyboard comes back to the
slides after an edit (Space after a value typed into a slider's box, and after a toggle
button: the next slide).  Screenshots go to ``test-artifacts/``.

    .venv/bin/python -m pytest -m browser tests/test_slides_browser.py -s
"""
from __future__ import annotations

import json
import pathlib
import shutil
import urllib.request

import nbformat
import pytest

# the JupyterLab server both browser tests start, and the explorer test's Chromium fixture
from lab_server import open_notebook, run_all_cells, serve_lab, wait_until_idle
from test_browser import CHROMIUM_ARGS, chromium  # noqa: F401
from test_slides import slides
from test_slides_walk import MEASURE_JS, ROOM_PX, VISIBLE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK = "04_weight-gradient.ipynb"  # math, figures and the explorer
ARTIFACTS = ROOT / "test-artifacts"
VIEWPORT = {"width": 1024, "height": 768}
RUN_TIMEOUT_MS = 120_000
# the slide on screen: RISE puts every (sub)slide in a <section id="slide-N-M"> inside the
# <section> of its horizontal slide
PRESENT = ".reveal .slides > section.present > section.present"
# the explorer's figure area: a .convkit-figure (SVG) or, in older explorers, an Output widget
FIGURE_JS = """(present) => { const root = document.querySelector(present + ' .convkit-explorer');
    const box = root && (root.querySelector('.convkit-figure')
                         || root.querySelector('.widget-output'));
    return box ? box.innerHTML : ''; }"""


@pytest.fixture(scope="module")
def slide_lab(tmp_path_factory):
    """JupyterLab on a free loopback port serving a tagged temp copy of NOTEBOOK; yields its URL.

    The app settings dir holds the course's overrides exactly as postBuild installs them;
    the user settings only make the run hands-free (kernel starts without a dialog, no
    autosave, every cell rendered).
    """
    home = tmp_path_factory.mktemp("slides")
    root = home / "notebooks"
    root.mkdir()
    nb = nbformat.read(ROOT / "notebooks" / NOTEBOOK, as_version=4)
    slides.tag(nb)
    nbformat.write(nb, root / NOTEBOOK)
    shutil.copy(ROOT / "notebooks" / "rise.css", root / "rise.css")  # the course's slide theme
    with serve_lab(home, root) as url:
        yield url


def test_the_news_setting_is_served_from_the_course_overrides(slide_lab):
    """The server hands the page the course's default: the news question is never asked."""
    with urllib.request.urlopen(
            f"{slide_lab}/lab/api/settings/@jupyterlab/apputils-extension:notification") as answer:
        setting = json.load(answer)
    assert setting["schema"]["properties"]["fetchNews"]["default"] == "false"
    assert setting["schema"]["properties"]["checkForUpdates"]["default"] is False


def test_rise_slides_math_and_a_live_explorer_in_chromium(chromium, slide_lab):  # noqa: F811
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS,
                                             headless=True)
        lab_page = browser.new_page(viewport=VIEWPORT)
        page = lab_page
        try:
            # 1. JupyterLab: no news pop-up; run everything and save, as "Render as slides" does
            open_notebook(lab_page, slide_lab, NOTEBOOK)
            lab_page.wait_for_timeout(3000)  # the news question used to pop up about now
            lab_page.screenshot(path=str(ARTIFACTS / "slides-lab-start.png"))
            assert lab_page.get_by_text("Jupyter news").count() == 0, \
                "JupyterLab asks about Jupyter news: the settings overrides did not apply"
            assert lab_page.locator(".Toastify__toast").count() == 0, "a notification toast shows"
            run_all_cells(lab_page)
            lab_page.locator(".convkit-explorer").first.wait_for(state="attached",
                                                                 timeout=RUN_TIMEOUT_MS)
            wait_until_idle(lab_page, RUN_TIMEOUT_MS)
            lab_page.locator(".lm-MenuBar-item", has_text="File").first.click()
            lab_page.locator(".lm-Menu-item", has_text="Save Notebook").first.click()
            lab_page.wait_for_function(
                "() => !document.querySelector('.jp-mod-dirty')", timeout=30_000)
            # by now (tens of seconds in) the news question would have popped up
            assert lab_page.get_by_text("Jupyter news").count() == 0

            # 2. the slide page
            page = browser.new_page(viewport=VIEWPORT)
            errors = []
            page.on("console", lambda message: errors.append(message.text)
                    if message.type == "error" and "widget" in message.text.lower() else None)
            page.goto(f"{slide_lab}/rise/{NOTEBOOK}")
            page.wait_for_selector(PRESENT, timeout=60_000)
            page.wait_for_timeout(2000)
            sections = page.locator(".reveal .slides > section").count()
            assert sections >= 10, f"only {sections} slides: is the slide metadata applied?"
            shown = [_current_slide(page)]
            page.screenshot(path=str(ARTIFACTS / "slides-0.png"))
            page.locator(".reveal").click(position={"x": 500, "y": 40})  # focus, not a link
            for step in range(1, 4):
                page.keyboard.press("Space")
                page.wait_for_function("(before) => location.hash !== before",
                                       arg=f"#/{shown[-1]}", timeout=10_000)
                shown.append(_current_slide(page))
                page.wait_for_timeout(800)  # the transition
                page.screenshot(path=str(ARTIFACTS / f"slides-{step}.png"))
            assert len(set(shown)) == 4, f"three advances showed {shown}"

            # 3. math typeset by MathJax, not left as $...$
            _go_to_slide_with(page, "mjx-container")
            math = page.locator(f"{PRESENT} mjx-container").first
            assert math.bounding_box()["width"] > 20
            text = page.locator(PRESENT).first.inner_text()
            assert "\\sum" not in text and "$Z" not in text, "LaTeX source shown, not typeset"
            page.screenshot(path=str(ARTIFACTS / "slides-math.png"))

            # 4. the explorer, live inside its slide: a slider change redraws it
            _go_to_slide_with(page, ".convkit-explorer")
            explorer = page.locator(f"{PRESENT} .convkit-explorer").first
            explorer.locator(".widget-slider").first.wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(ARTIFACTS / "slides-explorer.png"))
            # the live explorer fits its slide; a whole map in its box is an overview (its
            # numbers under 18 px), the focus view is for the back row: no text under 18 px
            measured = page.evaluate(MEASURE_JS, PRESENT)
            print(f"\nexplorer slide: {measured['height']:.0f} px tall; whole map, smallest "
                  f"text {measured['smallest'][0]}")
            assert measured["height"] <= VISIBLE + 1, measured
            explorer.locator(".widget-toggle-button", has_text="focus").click()
            explorer.get_by_text("close up").first.wait_for(timeout=30_000)
            page.wait_for_timeout(500)
            measured = page.evaluate(MEASURE_JS, PRESENT)
            print(f"explorer slide, focus: smallest text {measured['smallest'][0]}")
            assert measured["height"] <= VISIBLE + 1, measured
            assert measured["smallest"][0][0] >= ROOM_PX - 0.05, measured["smallest"]
            page.screenshot(path=str(ARTIFACTS / "slides-explorer-focus.png"))
            explorer.locator(".widget-toggle-button", has_text="focus").click()
            page.wait_for_function("() => !document.querySelector('.convkit-explorer')"
                                   ".textContent.includes('close up')", timeout=30_000)
            before = _figure_html(page)
            assert before, "the explorer in the slide shows no figure"
            stride = explorer.locator(".widget-slider", has_text="stride") \
                .locator(".widget-readout")
            new_stride = "1" if stride.inner_text().strip() != "1" else "2"
            stride.click()
            page.keyboard.press("Control+A")
            page.keyboard.type(new_stride)
            page.keyboard.press("Enter")
            page.wait_for_function(
                f"""([present, before]) => {{ const now = ({FIGURE_JS})(present);
                       return now !== before && now.length > 0; }}""",
                arg=[PRESENT, before], timeout=30_000)
            page.wait_for_timeout(1000)
            page.screenshot(path=str(ARTIFACTS / "slides-explorer-redrawn.png"))
            assert page.get_by_text("Traceback").count() == 0
            for bad in ("Error displaying widget", "model not found"):
                assert page.get_by_text(bad).count() == 0, f"the slide shows {bad!r}"
            assert not errors, f"widget errors in the slide page's console: {errors[:3]}"

            # 5. the keyboard goes back to the slides after any edit: a value typed into a
            # slider's box, then Space presents the next slide (not a space in the box)
            here = _current_slide(page)
            readout = stride.element_handle()  # `stride` finds it on the slide shown only
            page.keyboard.press("Space")
            page.wait_for_function("(before) => location.hash !== before",
                                   arg=f"#/{here}", timeout=10_000)
            assert readout.text_content().strip() == new_stride, "Space went into the slider's box"
            page.keyboard.press("Shift+Space")  # back to the explorer
            page.wait_for_function("(slide) => location.hash === '#/' + slide", arg=here,
                                   timeout=10_000)
            page.wait_for_timeout(800)
            # a button (the linked toggle), then Space: the next slide, not a second press of
            # the button (Space on a focused button clicks it)
            explorer.locator(".widget-toggle-button", has_text="linked").click()
            explorer.get_by_text("one view at a time").first.wait_for(timeout=30_000)
            page.wait_for_timeout(800)
            page.screenshot(path=str(ARTIFACTS / "slides-explorer-linked.png"))
            measured = page.evaluate(MEASURE_JS, PRESENT)
            print(f"explorer slide, linked: smallest text {measured['smallest'][:2]}")
            assert measured["smallest"][0][0] >= ROOM_PX - 0.05, measured["smallest"]
            page.keyboard.press("Space")
            page.wait_for_function("(before) => location.hash !== before",
                                   arg=f"#/{here}", timeout=10_000)
            page.wait_for_timeout(500)
            assert "one view at a time" in page.evaluate(
                "() => document.querySelector('.convkit-explorer .convkit-status').textContent"), \
                "Space pressed the linked toggle again"
            print(f"\nslides shown: {shown}; screenshots: {ARTIFACTS}/slides-*.png")
        except Exception:
            failure = ARTIFACTS / "slides-failure.png"
            page.screenshot(path=str(failure))
            print(f"\nscreenshot of the failure: {failure}")
            raise
        finally:
            browser.close()


def _current_slide(page):
    return page.evaluate("() => location.hash.replace(/^#\\//, '')")


def _go_to_slide_with(page, selector):
    """Show the slide that holds the first element matching ``selector`` (via reveal's hash)."""
    slide = page.evaluate(
        """(selector) => { const el = document.querySelector('.reveal .slides ' + selector);
               return el === null ? null : el.closest('section').id; }""", selector)
    assert slide, f"no slide holds {selector!r}"
    page.evaluate("(slide) => { location.hash = '#/' + slide; }", slide)
    page.wait_for_function("([present, slide]) => document.querySelector(present)?.id === slide",
                           arg=[PRESENT, slide], timeout=10_000)
    page.wait_for_timeout(800)


def _figure_html(page):
    return page.evaluate(FIGURE_JS, PRESENT)
