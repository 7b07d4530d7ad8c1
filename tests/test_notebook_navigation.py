"""The course's numbering holds together: every notebook links to its neighbours at top and
bottom, notebook 00's map and the README's table list every notebook, and every relative
notebook link points at a file that exists."""
from __future__ import annotations

import json
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def cells(stem):
    nb = json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def test_numbering_is_dense_and_unique():
    assert [int(s[:2]) for s in NOTEBOOKS] == list(range(len(NOTEBOOKS)))
    assert "10_your-own-layer" in NOTEBOOKS and "11_train-a-tiny-cnn" in NOTEBOOKS


@pytest.mark.parametrize("index", range(len(NOTEBOOKS)), ids=NOTEBOOKS)
def test_navigation_lines_top_and_bottom(index):
    stem = NOTEBOOKS[index]
    markdown = cells(stem)
    assert markdown[0].startswith(f"# {stem[:2]} · ")
    for cell in (markdown[0], markdown[-1]):
        nav = [line for line in cell.splitlines() if "[course map](00_start-here.ipynb" in line]
        assert len(nav) == 1, (stem, cell[:200])
        if index > 0:
            assert f"({NOTEBOOKS[index - 1]}.ipynb)" in nav[0] and "[←" in nav[0]
        if index + 1 < len(NOTEBOOKS):
            assert f"({NOTEBOOKS[index + 1]}.ipynb)" in nav[0] and "→]" in nav[0]
        else:
            assert "end of the course" in nav[0]


def test_course_map_and_readme_list_every_notebook():
    course_map = next(c for c in cells("00_start-here") if c.startswith("## The course map"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for stem in NOTEBOOKS[1:]:
        assert f"| {stem[:2]} | [" in course_map and f"({stem}.ipynb)" in course_map, stem
        assert f"(notebooks/{stem}.ipynb)" in readme, stem


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_relative_notebook_links_resolve(stem):
    for cell in cells(stem):
        for target in re.findall(r"\]\(([^)#]+\.ipynb)", cell):
            if target.startswith("zh/") and not (ROOT / "notebooks" / "zh").is_dir():
                continue  # the Chinese edition is generated (scripts/zh.py); checked once it exists
            assert (ROOT / "notebooks" / target).exists(), (stem, target)
