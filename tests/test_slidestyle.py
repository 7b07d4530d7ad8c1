"""convkit_course.slidestyle: every figure the notebooks draw fits a 1024x768 slide, text >= 18 px.

The browser walk (tests/test_slides_walk.py) measures the slides themselves; this is the fast
check of the drawings alone: each ``diagrams.draw_*`` call of the committed notebooks, drawn in
the slide style, is at most the slide's figure box at its natural size (96 px per inch, SVG
units are points) and has no text under 13.5 pt (18 px).
"""
from __future__ import annotations

import ast
import pathlib
import re

import matplotlib
import nbformat
import pytest

from convkit_course import diagrams, slidestyle
from convkit_course.diagrams import gridpaper

ROOT = pathlib.Path(__file__).resolve().parent.parent
PX_PER_PT = 96 / 72


def _notebook_drawings():
    """(notebook, call) for every one-line ``diagrams.draw_*(...)`` cell of the notebooks."""
    found = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            source = cell.source.strip()
            if cell.cell_type == "code" and re.fullmatch(r"diagrams\.draw_\w+\(.*\)", source):
                found.append((path.name[:2], source))
    return found


DRAWINGS = _notebook_drawings()


def test_the_notebooks_draw_diagrams():
    assert len(DRAWINGS) >= 15


@pytest.mark.parametrize("notebook, call", DRAWINGS, ids=[f"{n}-{c[9:60]}" for n, c in DRAWINGS])
def test_each_notebook_diagram_fits_a_slide_with_text_a_room_reads(notebook, call):
    tree = ast.parse(call, mode="eval").body
    function = getattr(diagrams, tree.func.attr)
    args = [ast.literal_eval(a) for a in tree.args]
    kwargs = {k.arg: ast.literal_eval(k.value) for k in tree.keywords}
    with gridpaper.slide_style():
        picture = function(*args, **kwargs, svg=True)
    width, height = (v * PX_PER_PT for v in picture.size_pt)
    box_w, box_h = (v * 96 for v in gridpaper.SLIDE_BOX)
    assert width <= box_w + 12 and height <= box_h + 8, \
        f"{call}: {width:.0f}x{height:.0f} px, the slide's figure box is {box_w:.0f}x{box_h:.0f}"
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', picture)]
    assert min(sizes) >= gridpaper.SLIDE_TEXT
    assert picture.text_pt == min(sizes)


def test_the_slide_style_is_off_outside_its_block_and_figures_keep_their_svg():
    with gridpaper.slide_style():
        assert gridpaper.slide_style_on()
        slide = diagrams.draw_forward_map(5, 3)
    assert not gridpaper.slide_style_on()
    plain = diagrams.draw_forward_map(5, 3)
    # the figure's SVG is the same drawing (its record), with the slide's larger text
    svg = slide._repr_svg_()
    assert svg.startswith("<svg") and 'data-label="forward map' in svg
    smallest = min(float(s) for s in re.findall(r'font-size="([\d.]+)"', svg))
    assert smallest >= gridpaper.SLIDE_TEXT
    assert min(float(s) for s in re.findall(r'font-size="([\d.]+)"', plain._repr_svg_())) \
        < gridpaper.SLIDE_TEXT


def test_use_switches_the_style_and_matplotlib_fonts_on(monkeypatch):
    monkeypatch.setattr(gridpaper._Style, "slide", None)
    monkeypatch.setattr(gridpaper._Style, "min_text", None)
    with matplotlib.rc_context():
        slidestyle.use()  # no IPython shell here: the drawings and rcParams only
        assert gridpaper.slide_style_on()
        assert matplotlib.rcParams["svg.fonttype"] == "none"
        for key in ("xtick.labelsize", "ytick.labelsize", "legend.fontsize", "font.size"):
            assert matplotlib.rcParams[key] >= slidestyle.SLIDE_TEXT


def test_kept_switches_off_again_what_a_setup_cell_switched_on():
    font_size = matplotlib.rcParams["font.size"]
    assert not gridpaper.slide_style_on()
    with slidestyle.kept():
        slidestyle.use()  # what a notebook's setup cell does, run in-process by `status`
        assert gridpaper.slide_style_on() and matplotlib.rcParams["font.size"] == 14
    assert not gridpaper.slide_style_on()
    assert matplotlib.rcParams["font.size"] == font_size
