"""Every slide of every notebook, both editions, on a 1024x768 projector: it fits, and no text
on it is under 18 CSS px -- the text inside figures included.

One JupyterLab server and one Chromium for the whole walk.  The notebooks are a temp copy of
``notebooks/`` (English and ``zh/``, with the slide theme ``rise.css``) as committed: their
outputs are what a clean run gives (nbval checks that), and they are signed as trusted, as
they are once an instructor has run them and saved (JupyterLab shows a figure's SVG only in a
trusted notebook, the PNG beside it before).  For each notebook the test opens RISE's slide
page, visits every (sub)slide through reveal.js' URL, and measures it with
``tests/slide_measure.js``:

* **fits**: the slide's content is no taller than the 95 % of the screen RISE shows (730 px),
  and nothing on it (code, output, text) is wider than its box: nothing cut off at the right;
* **text**: the smallest text -- HTML text, each MathJax glyph, the <text> of an SVG figure
  (its font size times the scale the image is drawn at) -- is at least 18 CSS px; a raster
  image, whose text cannot be measured, fails too.

The live explorer's slide shows its placeholder here (no kernel runs the cells); the explorer
inside a slide is checked in tests/test_slides_browser.py.  The walk's numbers per notebook
are printed and written to ``test-artifacts/slides-walk.json``.

    .venv/bin/python -m pytest -m browser tests/test_slides_walk.py -s
"""
from __future__ import annotations

import json
import pathlib
import shutil
import time

import nbformat
import pytest
from nbformat.sign import NotebookNotary

from lab_server import serve_lab
from test_browser import CHROMIUM_ARGS, chromium  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
PROJECTOR = {"width": 1024, "height": 768}
VISIBLE = 0.95 * PROJECTOR["height"]  # RISE shows a slide in 95vh (scroll mode)
ROOM_PX = 18
PRESENT = ".reveal .slides > section.present > section.present"
MEASURE_JS = (pathlib.Path(__file__).parent / "slide_measure.js").read_text()
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + \
    sorted((ROOT / "notebooks" / "zh").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    """JupyterLab serving a trusted temp copy of both editions; yields (url, notebook paths)."""
    home = tmp_path_factory.mktemp("deck")
    root = home / "notebooks"
    shutil.copytree(ROOT / "notebooks", root,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "translations"))
    (home / "data").mkdir()
    notary = NotebookNotary(data_dir=str(home / "data"))  # the server's JUPYTER_DATA_DIR
    paths = []
    for path in NOTEBOOKS:
        copy = root / path.relative_to(ROOT / "notebooks")
        notary.sign(nbformat.read(copy, as_version=4))
        paths.append(copy.relative_to(root).as_posix())
    # no slide transition: the walk measures each slide once it is shown
    rise = home / "user-settings" / "jupyterlab-rise"
    rise.mkdir(parents=True)
    (rise / "plugin.jupyterlab-settings").write_text(json.dumps({"transition": "none"}))
    with serve_lab(home, root) as url:
        yield url, paths


SHUT_DOWN_JS = """async () => {
    // as JupyterLab does it: the server wants the page's XSRF cookie on a DELETE
    const xsrf = decodeURIComponent((document.cookie.match(/_xsrf=([^;]*)/) || [, ''])[1]);
    const sessions = await (await fetch('/api/sessions')).json();
    for (const session of sessions) {
        await fetch('/api/sessions/' + session.id,
                    {method: 'DELETE', headers: {'X-XSRFToken': xsrf}});
    }
    return sessions.length; }"""


def _shut_down_kernels(page):
    """The slide page starts a kernel per notebook: stop them as the walk moves on."""
    page.evaluate(SHUT_DOWN_JS)


def _show(page, slide):
    """Show slide ``slide`` (a section id) through reveal's URL; retry once on a busy machine."""
    for attempt in range(3):
        page.evaluate("(slide) => { location.hash = '#/' + slide; }", slide)
        try:
            page.wait_for_function(
                "([present, slide]) => document.querySelector(present)?.id === slide",
                arg=[PRESENT, slide], timeout=15_000)
            break
        except Exception:
            if attempt == 2:
                raise
            page.evaluate("() => { location.hash = '#/'; }")
    page.wait_for_timeout(120)  # MathJax and images settle


def _walk(page, url, notebook):
    page.goto(f"{url}/rise/{notebook}")
    page.wait_for_selector(PRESENT, timeout=90_000)
    page.wait_for_function("() => !document.querySelector('.jp-MarkdownCell:not(.jp-mod-rendered)')",
                           timeout=30_000)
    page.wait_for_timeout(1000)
    slides = page.evaluate("() => [...document.querySelectorAll("
                           "'.reveal .slides > section > section')].map(s => s.id)")
    rows = []
    for slide in slides:
        _show(page, slide)
        rows.append(page.evaluate(MEASURE_JS, PRESENT))
    return rows


def _problems(notebook, rows):
    found = []
    for row in rows:
        where = f"{notebook} #{row['id']} ({row['title'][:40]!r})"
        if row["height"] > VISIBLE + 1:
            found.append(f"{where}: {row['height']:.0f} px tall, the screen shows {VISIBLE:.0f}")
        if row["smallest"] and row["smallest"][0][0] < ROOM_PX - 0.05:
            px, text = row["smallest"][0]
            found.append(f"{where}: text {px} px < {ROOM_PX}: {text!r}")
        for width, box, text in row["wide"]:
            found.append(f"{where}: {width} px wide in {box} px, cut off at the right: {text!r}")
        for image in row["images"]:
            if image["kind"] == "raster":
                found.append(f"{where}: a raster image ({image['width']:.0f} px wide) whose "
                             "text cannot be measured: show figures as SVG (slidestyle.use())")
    return found


def test_every_slide_fits_a_projector_and_reads_from_the_back_row(chromium, deck):  # noqa: F811
    from playwright.sync_api import sync_playwright

    url, notebooks = deck
    ARTIFACTS.mkdir(exist_ok=True)
    started = time.monotonic()
    results, problems, lines = {}, [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS,
                                             headless=True)
        page = browser.new_page(viewport=PROJECTOR)
        try:
            for notebook in notebooks:
                rows = _walk(page, url, notebook)
                results[notebook] = rows
                problems += _problems(notebook, rows)
                tallest = max(rows, key=lambda r: r["height"])
                texts = [r["smallest"][0] + [r["id"]] for r in rows if r["smallest"]]
                smallest = min(texts)
                lines.append(f"{notebook:42s} {len(rows):3d} slides, tallest {tallest['height']:4.0f} px"
                             f" (#{tallest['id']}), smallest text {smallest[0]:4.1f} px "
                             f"(#{smallest[2]}: {smallest[1][:30]!r})")
                _shut_down_kernels(page)
            for name, slide in (("slides-map.png", ("02_forward-map.ipynb", "slide-2-1")),
                                ("slides-zh.png", ("zh/04_weight-gradient.ipynb", "slide-10-0"))):
                page.goto(f"{url}/rise/{slide[0]}")
                page.wait_for_selector(PRESENT, timeout=90_000)
                _show(page, slide[1])
                page.wait_for_timeout(800)
                page.screenshot(path=str(ARTIFACTS / name))
        finally:
            browser.close()
    (ARTIFACTS / "slides-walk.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print("\n" + "\n".join(lines) + f"\n{sum(len(r) for r in results.values())} slides in "
          f"{len(results)} notebooks walked in {time.monotonic() - started:.0f} s")
    assert not problems, f"{len(problems)} slide problem(s):\n" + "\n".join(problems[:40])
