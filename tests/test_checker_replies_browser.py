"""Checker replies render in a real browser: JupyterLab + Debian's Chromium, via Playwright.

A verdict, a hint and a worked solution are shown as Markdown (bold head, code in code spans,
the solution's code as a code block) — no literal ``**`` or backticks — in English and, after
``set_language("zh")``, in Chinese.  Screenshots of the hint and of the revealed solution land
in ``test-artifacts/`` (gitignored) for the person reviewing.

    .venv/bin/python -m pytest -m browser tests/test_checker_replies_browser.py -s
"""
from __future__ import annotations

import pathlib
import shutil

import nbformat
import pytest

from lab_server import open_notebook, run_all_cells, serve_lab

pytestmark = pytest.mark.browser

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
CELLS = [
    "from convkit_course.exercises import ex01",
    "ex01.output_shape((6, 4))",
    "ex01.output_shape.hint()",
    "ex01.output_shape.solution()",
    "from convkit_course import set_language\nset_language('zh')",
    "ex01.output_shape((6, 4))",
    "ex01.output_shape.solution()",
]


@pytest.fixture(scope="module")
def chromium():
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("Debian's chromium is not installed (run `sh scripts/install_browser.sh`)")
    pytest.importorskip("playwright.sync_api",
                        reason="Python playwright is not installed (pip install -e '.[test]')")
    return path


def test_verdict_hint_and_solution_render_as_markdown_in_both_languages(chromium, tmp_path):
    from playwright.sync_api import sync_playwright

    root = tmp_path / "notebooks"
    root.mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, root / "replies.ipynb")
    ARTIFACTS.mkdir(exist_ok=True)
    with serve_lab(tmp_path, root) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1024, "height": 768})
        open_notebook(page, url, "replies.ipynb")
        run_all_cells(page)
        outputs = page.locator(".jp-OutputArea-output.jp-RenderedMarkdown")
        outputs.nth(4).wait_for(timeout=60_000)  # five rendered replies
        texts = outputs.all_inner_texts()
        assert len(texts) == 5, texts
        for text in texts:
            assert "**" not in text and "`" not in text, text
        verdict, hint, solution, verdict_zh, solution_zh = texts[0], texts[1], texts[2], \
            texts[3], texts[4]
        assert verdict.startswith("✘ Not yet — (6, 4) is a typical slip"), verdict
        assert "Stuck? ex01.output_shape.hint() gives a hint." in verdict
        assert hint.startswith("Hint · ex01.output_shape") and "solution()" in hint
        assert verdict_zh.startswith("✘ 还不对 — ") and "卡住了" in verdict_zh
        assert solution_zh.startswith("参考解答")
        strong = page.locator(".jp-RenderedMarkdown strong").all_inner_texts()
        assert "✘ Not yet" in strong and "✘ 还不对" in strong and "Worked solution" in strong
        code = page.locator(".jp-RenderedMarkdown pre code").all_inner_texts()
        assert any("answer = (height, width)" in c for c in code)
        for index, name in ((1, "checker-hint"), (2, "checker-solution")):
            outputs.nth(index).scroll_into_view_if_needed()
            outputs.nth(index).screenshot(path=str(ARTIFACTS / f"{name}.png"))
        browser.close()
