"""Chinese in a browser that has no CJK font: JupyterLab + Debian's Chromium, no tofu.

A fresh Linux machine has no CJK font; the course brings one (Noto Sans SC) and JupyterLab
serves it as a web font (``convkit_course/jupyter/custom.css``).  This test hides every CJK
font of the machine from Chromium (a fontconfig file that rejects them: this machine may have
``fonts-wqy-microhei`` or ``fonts-noto-cjk``), checks that Chromium really has none left,
opens the Chinese notebook 05 (markdown, figures, two explorers) at 1024x768, runs it, and
draws every Chinese character on the page, in the font its element asks for, on a canvas:
a character that comes out as the ``.notdef`` box (the same pixels as a code point no font
has) or as nothing is tofu.  Control: the same characters in DejaVu Sans alone *are* boxes
(so no CJK font is left, and the check can fail).  Screenshots of the notebook, a figure and
the explorer in Chinese go to ``test-artifacts/``.

    .venv/bin/python -m pytest -m browser tests/test_browser_cjk.py -s
"""
from __future__ import annotations

import pathlib
import shutil
import subprocess

import pytest

from lab_server import open_notebook, run_all_cells, serve_lab
from test_browser import ARTIFACTS, CHROMIUM_ARGS, PROJECTOR, RUN_TIMEOUT_MS, chromium  # noqa: F401

pytestmark = pytest.mark.browser

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK = "zh/05_stride-padding-dilation.ipynb"


def _cjk_font_files():
    files = set()
    for lang in ("zh", "ja", "ko"):
        listed = subprocess.run(["fc-list", f":lang={lang}", "file"], capture_output=True,
                                text=True, check=True).stdout
        files |= {line.split(":")[0].strip() for line in listed.splitlines() if line.strip()}
    return sorted(files)


@pytest.fixture(scope="module")
def no_cjk_fonts(tmp_path_factory):
    """A FONTCONFIG_FILE: the machine's fonts, less every font that covers Chinese,
    Japanese or Korean.  Yields the environment for Chromium."""
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list is not installed: cannot hide the system CJK fonts")
    home = tmp_path_factory.mktemp("fontconfig")
    rejects = "".join(f"<glob>{path}</glob>" for path in _cjk_font_files())
    conf = home / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>{rejects}</rejectfont></selectfont>
  <cachedir>{home / "cache"}</cachedir>
</fontconfig>
""")
    env = {"FONTCONFIG_FILE": str(conf)}
    left = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                          env={**__import__("os").environ, **env}).stdout.strip()
    assert not left, f"the fontconfig file still shows CJK fonts: {left}"
    return env


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    home = tmp_path_factory.mktemp("lab")
    root = home / "notebooks"
    shutil.copytree(ROOT / "notebooks", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    with serve_lab(home, root) as url:
        yield url


# Every Chinese character on the page, grouped by the font-family its element asks for, drawn
# on a canvas: tofu when it draws the same pixels as a code point no font has, or nothing.
TOFU_JS = """async (onlyFamily) => {
    const cjk = /[\\u3400-\\u9fff\\uf900-\\ufaff]/u;
    const byFamily = new Map();
    const walker = document.createTreeWalker(
        document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)'), NodeFilter.SHOW_TEXT);
    const add = (text, el) => {
        const family = onlyFamily || getComputedStyle(el).fontFamily;
        for (const ch of text) {
            if (!cjk.test(ch)) continue;
            if (!byFamily.has(family)) byFamily.set(family, new Set());
            byFamily.get(family).add(ch);
        }
    };
    while (walker.nextNode()) {
        const node = walker.currentNode, el = node.parentElement;
        if (!el || !el.getClientRects().length) continue;            // not shown
        add(node.textContent, el);
    }
    // a dropdown shows its options in the select's own font (they are no visible text nodes)
    for (const select of document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) select')) {
        if (!select.getClientRects().length) continue;
        for (const option of select.options) add(option.text, select);
    }
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 48;
    const ctx = canvas.getContext('2d', {willReadFrequently: true});
    const draw = (ch, family) => {
        ctx.clearRect(0, 0, 48, 48);
        ctx.font = `36px ${family}`;
        ctx.fillText(ch, 4, 38);
        const data = ctx.getImageData(0, 0, 48, 48).data;
        let key = 0, ink = 0;
        for (let i = 3; i < data.length; i += 4) { key = (key * 31 + data[i]) | 0; ink += data[i]; }
        return [key, ink];
    };
    let checked = 0;
    const tofu = [];
    for (const [family, chars] of byFamily) {
        const text = [...chars].join('');
        await document.fonts.load(`36px ${family}`, text);
        const [box] = draw('\\u{10FFFD}', family);                    // no font has it
        for (const ch of chars) {
            const [key, ink] = draw(ch, family);
            checked += 1;
            if (key === box || ink === 0) tofu.push(ch);
        }
    }
    const web = [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Noto Sans SC');
    return {checked, tofu: tofu.join(''), families: [...byFamily.keys()],
            webFont: web.map(f => f.status)};
}"""


def test_chinese_notebook_and_explorer_show_no_tofu_without_cjk_fonts(chromium, lab, no_cjk_fonts):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS,
                                             headless=True, env=no_cjk_fonts)
        page = browser.new_page(viewport=PROJECTOR)
        try:
            open_notebook(page, lab, NOTEBOOK, hide_file_browser=True)
            run_all_cells(page)
            explorer = page.locator(".convkit-explorer").first
            explorer.wait_for(state="visible", timeout=RUN_TIMEOUT_MS)
            explorer.locator(".convkit-figure svg").first.wait_for(timeout=RUN_TIMEOUT_MS)
            page.wait_for_timeout(1000)

            # the control: DejaVu Sans alone draws boxes, so no CJK font is left to Chromium
            control = page.evaluate(TOFU_JS, "'DejaVu Sans'")
            assert control["checked"] > 20 and len(control["tofu"]) == control["checked"], (
                "Chromium still finds a CJK font (or the tofu check cannot see boxes): "
                f"{control['checked'] - len(control['tofu'])} characters drew in DejaVu Sans")

            result = page.evaluate(TOFU_JS, None)
            print(f"\n{result['checked']} Chinese characters checked in "
                  f"{len(result['families'])} font stacks; web font: {result['webFont']}")
            assert result["checked"] > 100, result
            assert not result["tofu"], f"drawn as boxes: {result['tofu']}"
            assert "loaded" in result["webFont"], "the course's web font was not used"

            # screenshots: the explorer in Chinese, a Chinese figure in the notebook
            explorer.evaluate("el => el.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(500)
            page.screenshot(path=str(ARTIFACTS / "zh-explorer-no-system-cjk-font.png"))
            figure = page.locator(".jp-OutputArea-output img").nth(1)
            figure.scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            page.screenshot(path=str(ARTIFACTS / "zh-notebook-figure-no-system-cjk-font.png"))
            # a Chinese status line and a tooltip, as a student reads them
            assert "输入" in explorer.locator(".convkit-status").inner_text()
            assert explorer.locator('button[title="下一个"]').count() == 1
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "zh-browser-failure.png"))
            raise
        finally:
            browser.close()
