"""scripts/slides.py: the rules that tag the notebooks for RISE, and the committed notebooks' tags.

The real-browser test of the slides (RISE slide mode, math, the explorer inside a slide) is
in tests/test_slides_browser.py.
"""
from __future__ import annotations

import copy
import pathlib

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from scripts_module import load_script

ROOT = pathlib.Path(__file__).resolve().parent.parent
RISE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}


slides = load_script("slides")

SETUP = new_code_cell("%matplotlib inline\nimport numpy as np\nimport convkit as ck")
TITLE = new_markdown_cell("# 99 · A title\n\n[← 98](98_x.ipynb) · [map](00_start-here.ipynb)")
NAV = new_markdown_cell("---\n\n[← 98](98_x.ipynb) · [course map](00_start-here.ipynb)")
PNG = new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})


def types(*cells):
    return slides.slide_types(list(cells))


def test_title_setup_and_navigation():
    assert types(TITLE, SETUP, new_markdown_cell("## Idea\n\ntext"), NAV) == \
        ["slide", "skip", "slide", "skip"]


def test_first_shown_cell_starts_a_slide_even_without_a_heading():
    assert types(SETUP, new_markdown_cell("Plain text"), new_code_cell("x = 1")) == \
        ["skip", "slide", "-"]


@pytest.mark.parametrize("heading, expected", [
    ("## Two", "slide"), ("# One", "slide"), ("### Three", "subslide"), ("#### Four", "subslide"),
    ("Text first\n\n## Then a section", "slide"), ("#hashtag, not a heading", "subslide"),
    ("```python\n## a comment in a code block\n```", "subslide"),
])
def test_headings(heading, expected):
    # after a code cell, a plain markdown cell would be a subslide: headings decide otherwise
    got = types(TITLE, new_code_cell("x = 1"), new_markdown_cell(heading))
    assert got[-1] == expected


def test_text_and_its_code_make_one_slide_the_next_text_a_new_one():
    got = types(TITLE, new_markdown_cell("## Idea"), new_code_cell("print(1)"),
                new_markdown_cell("More on it"), new_code_cell("print(2)"),
                new_markdown_cell("and a remark"), new_markdown_cell("and another"))
    assert got == ["slide", "slide", "-", "subslide", "-", "subslide", "-"]


@pytest.mark.parametrize("figure", [
    new_code_cell("ck.diagrams.draw_forward_map(5, 3)"),
    new_code_cell("diagrams.draw_weight_grad_map(5, 3, padding=1)"),
    new_code_cell("fig, ax = plt.subplots()\nax.plot([1, 2])\nplt.show()"),
    new_code_cell("show_it()", outputs=[PNG]),
    new_markdown_cell("![the forward map](../figures/02_forward-map.png)"),
], ids=["draw_", "diagrams.draw_", "plt.show", "image output", "markdown image"])
def test_each_figure_gets_a_slide_of_its_own(figure):
    got = types(TITLE, new_markdown_cell("## Diagram"), new_code_cell("print(1)"), figure,
                new_code_cell("print(2)"), new_markdown_cell("Read it"))
    assert got == ["slide", "slide", "-", "subslide", "subslide", "subslide"]


def test_two_figures_in_a_row_get_two_slides():
    got = types(TITLE, new_code_cell("ck.diagrams.draw_forward_map(5, 3)"),
                new_code_cell("ck.diagrams.draw_input_grad_map(5, 3)"))
    assert got == ["slide", "subslide", "subslide"]


def test_the_explorer_gets_a_slide_of_its_own():
    got = types(TITLE, SETUP, new_markdown_cell("## Play with it\n\nMove a slider."),
                new_code_cell('explore(5, 3, view="forward map", select=4)'),
                new_code_cell("print(1)"))
    assert got == ["slide", "skip", "slide", "slide", "subslide"]


@pytest.mark.parametrize("heading", ["## Exercises", "## 练习"])
def test_exercises_are_fragments_and_only_there(heading):
    got = types(TITLE, new_markdown_cell("## Idea"), new_code_cell("print(1)"),
                new_markdown_cell(heading + "\n\n**Exercise 1.** Do it."),
                new_code_cell("answer = ...\nex99.one(answer)"),
                new_markdown_cell("### Exercise 2 — more"),
                new_code_cell("x = ex99.problem()"),
                new_code_cell("answer = ...\nex99.two(answer)"),
                new_markdown_cell("**Exercise 3.** Again."), new_code_cell("ex99.three(...)"), NAV)
    assert got == ["slide", "slide", "-", "slide", "fragment", "subslide", "fragment", "fragment",
                   "subslide", "fragment", "skip"]


def test_the_last_section_heading_of_a_cell_decides_the_section():
    got = types(TITLE, new_code_cell("print(1)"),
                new_markdown_cell("A remark.\n\n## Summary\n\n* one\n\n## Exercises\n\nDo it."),
                new_code_cell("ex99.one(...)"),
                new_markdown_cell("## Appendix"), new_code_cell("print(2)"))
    assert got == ["slide", "-", "slide", "fragment", "slide", "-"]


def test_tag_writes_only_slideshow_and_rise_and_is_idempotent():
    nb = new_notebook(cells=[copy.deepcopy(TITLE),
                             new_code_cell("x = 1", metadata={"tags": ["keep-me"]})])
    nb.metadata["kernelspec"] = {"name": "python3"}
    assert slides.tag(nb) is True
    assert nb.cells[1].metadata == {"tags": ["keep-me"], "slideshow": {"slide_type": "-"}}
    assert nb.metadata["rise"] == slides.RISE_OPTIONS
    assert nb.metadata["kernelspec"] == {"name": "python3"}
    assert slides.differences(nb) == []
    assert slides.tag(nb) is False


def test_differences_name_the_cell_and_both_types():
    nb = new_notebook(cells=[copy.deepcopy(TITLE), new_markdown_cell("## Idea", id="c42")])
    slides.tag(nb)
    nb.cells[1].metadata["slideshow"]["slide_type"] = "fragment"
    (line,) = slides.differences(nb)
    assert "cell 1" in line and "c42" in line and "'fragment'" in line and "'slide'" in line


def test_command_line_check_tag_check(tmp_path, capsys):
    path = tmp_path / "99_x.ipynb"
    nb = new_notebook(cells=[TITLE, SETUP, new_markdown_cell("## Idea"),
                             new_code_cell("ck.diagrams.draw_forward_map(5, 3)"), NAV])
    nbformat.write(nb, path)
    assert slides.main(["--check", str(path)]) == 1
    assert "not tagged as the rules say" in capsys.readouterr().err
    assert slides.main([str(path)]) == 0
    tagged = path.read_bytes()
    assert slides.main(["--check", str(path)]) == 0
    assert slides.main([str(path)]) == 0
    assert path.read_bytes() == tagged, "a second run rewrote the notebook"
    cells = nbformat.read(path, as_version=4).cells
    assert [c.metadata.slideshow.slide_type for c in cells] == \
        ["slide", "skip", "slide", "subslide", "skip"]


def test_the_course_notebooks_get_slides():
    """On today's notebooks: RISE's types only, many slides each, every explorer a slide."""
    paths = sorted((ROOT / "notebooks").glob(slides.NOTEBOOKS))
    assert len(paths) >= 8
    for path in paths:
        cells = nbformat.read(path, as_version=4).cells
        got = slides.slide_types(cells)
        assert set(got) <= RISE_TYPES
        assert got.count("slide") >= 4, path.name
        for cell, kind in zip(cells, got):
            if "explore(" in cell.source and cell.cell_type == "code":
                assert kind == "slide", path.name


def test_committed_notebooks_carry_the_slide_metadata():
    """`python scripts/slides.py --check` passes on the committed notebooks.

    Until the slide metadata has been applied for the first time (no notebook has a
    ``rise`` entry yet: the lead runs ``python scripts/slides.py`` after the notebooks'
    final text at merge time), this is an expected failure; from then on it is strict.
    """
    paths = sorted((ROOT / "notebooks").glob(slides.NOTEBOOKS))
    notebooks = [nbformat.read(path, as_version=4) for path in paths]
    if not any("rise" in nb.metadata for nb in notebooks):
        pytest.xfail("slide metadata not applied yet: run `python scripts/slides.py` and commit")
    stale = {path.name: slides.differences(nb)[:3] for path, nb in zip(paths, notebooks)
             if slides.differences(nb)}
    assert not stale, ("notebooks not tagged as scripts/slides.py says (run it and commit): "
                       f"{stale}")


def test_a_slide_that_would_run_past_the_screen_continues_below():
    """Cells that fill more than a 1024x768 slide (at the theme's sizes) start a subslide."""
    paragraph = new_markdown_cell("A line of text.\n\n" * 10)           # 10 lines of text
    lines = slides.estimated_height(paragraph)
    many = max(2, int(slides.SLIDE_HEIGHT // lines) + 1)                # more than a slide holds
    got = types(TITLE, new_markdown_cell("## Idea"), *[paragraph] * many)
    assert got[:3] == ["slide", "slide", "-"]
    assert "subslide" in got[2:], got
    # each slide (a run from a slide/subslide to the next) stays within the budget
    heights, current = [], 0.0
    for kind, cell in zip(got[1:], [new_markdown_cell("## Idea")] + [paragraph] * many):
        if kind in ("slide", "subslide"):
            heights.append(current)
            current = 0.0
        current += slides.estimated_height(cell)
    heights.append(current)
    assert max(heights) <= slides.SLIDE_HEIGHT


@pytest.mark.parametrize("cell, low, high", [
    (new_markdown_cell("## A heading"), 40, 80),
    (new_code_cell("x = 1\ny = 2\nz = 3"), 3 * slides.CODE_LINE, 6 * slides.CODE_LINE),
    (new_code_cell("show_it()", outputs=[PNG]), slides.SLIDE_HEIGHT, slides.SLIDE_HEIGHT),
    (new_code_cell("print(1)", outputs=[new_output("stream", name="stdout", text="1\n2\n3\n")]),
     4 * slides.CODE_LINE, 7 * slides.CODE_LINE),
], ids=["heading", "three-lines-of-code", "figure-fills-a-slide", "printed-output"])
def test_estimated_height(cell, low, high):
    assert low <= slides.estimated_height(cell) <= high


def test_a_chinese_line_wraps_twice_as_soon_as_a_latin_one():
    latin = new_markdown_cell("a" * (slides.TEXT_UNITS * 2))
    chinese = new_markdown_cell("卷" * slides.TEXT_UNITS)
    assert slides.estimated_height(latin) == slides.estimated_height(chinese)
    assert slides.estimated_height(latin) > slides.estimated_height(new_markdown_cell("a"))


def test_the_outline_marks_a_cell_too_tall_for_any_slide():
    tall = new_code_cell("\n".join(f"x{i} = {i}" for i in range(60)))
    nb = new_notebook(cells=[TITLE, tall])
    assert "may be taller than a slide" in slides.outline(nb)
    assert "taller than a slide" not in slides.outline(new_notebook(cells=[TITLE]))
