"""Tag the course notebooks with RISE slide metadata, by rules, so each one presents as a lecture.

    .venv/bin/python scripts/slides.py                  # tag every notebook in notebooks/
    .venv/bin/python scripts/slides.py notebooks/05_*.ipynb
    .venv/bin/python scripts/slides.py --check          # exit 1 where tags differ from the rules
    .venv/bin/python scripts/slides.py --outline        # list each notebook's slides

RISE (the ``jupyterlab-rise`` extension) reads ``cell.metadata.slideshow.slide_type``:
``slide`` starts a new slide, ``subslide`` a new slide below it (reveal.js' vertical
stack), ``fragment`` appears on the next key press within the slide, ``skip`` hides the
cell, ``notes`` goes to the speaker view, and ``-`` (or nothing) continues the slide.
Notebook-level options go to ``metadata.rise``.

The rules (one idea per slide), decided from each cell's text and outputs only, so the
result is deterministic and a second run changes nothing:

* the title cell (``# ...``) and every cell with a ``##`` heading start a **slide**;
* a cell with a ``###`` heading starts a **subslide**;
* the setup cell (a code cell starting with ``%matplotlib``) and the closing navigation
  cell (markdown starting with ``---``) are **skip**ped;
* the explorer cell (calls ``explore(``) starts a **slide** of its own, and every
  figure-producing cell (an image output, ``plt.show()``, a ``draw_*(`` call, or a markdown
  image) a **subslide** of its own: the cell after it starts a new subslide;
* a markdown cell that follows a code cell starts a **subslide** (text + the code that
  shows it make one idea);
* a cell that would make its slide taller than a 1024x768 projector shows (at the theme's
  sizes, ``notebooks/rise.css``; estimated from the cell's text and outputs by
  :func:`estimated_height`) starts a **subslide**; a cell taller than a slide on its own
  must be split in the notebook (``--outline`` marks it);
* under the ``## Exercises`` (``## 练习``) heading, code cells are **fragment**s: the question
  first, the cell to fill in on the next key press;
* everything else continues the current slide (``-``).

Only ``metadata.slideshow`` of each cell and ``metadata.rise`` of the notebook are
written; a notebook whose tags already match is not rewritten.
"""
from __future__ import annotations

import argparse
import pathlib
import re
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = "[0-9][0-9]_*.ipynb"

# Notebook-level RISE options: a tall slide (the explorer, a long derivation) scrolls
# instead of being cut off at the bottom of a 1024x768 projector.
RISE_OPTIONS = {"scroll": True}

# the section heading of the exercises, English and Chinese edition
EXERCISES = ("exercises", "练习")

SLIDE, SUBSLIDE, FRAGMENT, SKIP, CONTINUE = "slide", "subslide", "fragment", "skip", "-"

_FIGURE_CODE = re.compile(
    r"plt\.show\(\)|\bdraw_\w+\(|\.savefig\(|\bplt\.(imshow|plot|subplots?)\(")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(|<img\b")
_IMAGE_MIME = ("image/png", "image/svg+xml", "image/jpeg")


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _headings(text: str) -> list[tuple[int, str]]:
    """The markdown headings in ``text`` as (level, title), code blocks left out."""
    found, fenced = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else re.match(r" {0,3}(#{1,6})\s+(.*)", line)
        if match:
            found.append((len(match.group(1)), match.group(2).strip()))
    return found


def is_setup(cell) -> bool:
    return cell["cell_type"] == "code" and _source(cell).lstrip().startswith("%matplotlib")


def is_closing_nav(cell) -> bool:
    return cell["cell_type"] == "markdown" and _source(cell).lstrip().startswith("---")


def is_explorer(cell) -> bool:
    return cell["cell_type"] == "code" and "explore(" in _source(cell)


def is_figure(cell) -> bool:
    """Does the cell show a figure (an image output, a plotting call or a markdown image)?"""
    text = _source(cell)
    if cell["cell_type"] == "markdown":
        return bool(_MARKDOWN_IMAGE.search(text))
    if cell["cell_type"] != "code":
        return False
    if any(mime in output.get("data", {}) for output in cell.get("outputs", [])
           for mime in _IMAGE_MIME):
        return True
    return bool(_FIGURE_CODE.search(text))


# ---- how tall a cell is on a slide (notebooks/rise.css at font scale 1, a 1024x768 screen)
SLIDE_HEIGHT = 680      # CSS px a slide shows (95 % of 768, less RISE's margin), with some slack
VISIBLE = 730           # CSS px RISE shows (95 % of 768): a cell estimated taller is flagged
TEXT_LINE, CODE_LINE = 28, 23.4   # px: 20 px text x 1.4, 18 px code x 1.3
TEXT_UNITS, CODE_UNITS = 96, 88   # Latin characters per line (a CJK character counts two)
HEADING = {1: 64, 2: 56, 3: 48, 4: 40, 5: 36, 6: 36}
CELL_GAP, CODE_PADDING = 6, 14


def _units(line: str) -> int:
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in line)


def _wrapped(line: str, width: int) -> int:
    return max(1, -(-_units(line.rstrip()) // width))


def estimated_height(cell) -> float:
    """About how many CSS px ``cell`` takes on a slide (its source and outputs as shown)."""
    text = _source(cell)
    if cell["cell_type"] == "markdown":
        height, fenced = 0.0, False
        for line in text.split("\n"):
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
                continue
            heading = None if fenced else re.match(r" {0,3}(#{1,6})\s", line)
            if heading:
                height += HEADING[len(heading.group(1))]
            elif fenced:
                height += CODE_LINE
            elif not line.strip():
                height += 8
            elif line.lstrip().startswith("$$") or line.lstrip().startswith("\\["):
                height += 2 * TEXT_LINE
            else:
                height += TEXT_LINE * _wrapped(line, TEXT_UNITS)
        return height + CELL_GAP
    if cell["cell_type"] != "code":
        return 0.0
    height = CODE_PADDING + CODE_LINE * sum(_wrapped(line, CODE_UNITS) for line in text.split("\n"))
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if any(mime in data for mime in _IMAGE_MIME):
            return float(SLIDE_HEIGHT)  # a figure fills its slide (it gets one of its own)
        shown = output.get("text") if output.get("output_type") == "stream" else \
            data.get("text/plain")
        if "text/html" in data:
            html = data["text/html"]
            html = "".join(html) if isinstance(html, list) else html
            height += CODE_LINE * max(1, html.count("<tr") + html.count("<br") + html.count("<p"))
            continue
        if shown:
            shown = "".join(shown) if isinstance(shown, list) else shown
            height += CODE_LINE * sum(_wrapped(line, CODE_UNITS) for line in shown.split("\n"))
    return height + CELL_GAP


def slide_types(cells) -> list[str]:
    """The RISE slide type of each cell of a notebook (a list of nbformat cell dicts)."""
    types = []
    in_exercises = False
    previous = None  # the previous cell that is shown (not skipped)
    alone = False    # the previous shown cell wants a slide of its own
    height = 0.0     # of the slide so far (estimated_height)
    for cell in cells:
        headings = _headings(_source(cell)) if cell["cell_type"] == "markdown" else []
        level = min((lvl for lvl, _ in headings), default=0)
        sections = [title for lvl, title in headings if lvl <= 2]
        if sections:  # the last top-level heading in the cell decides the section
            in_exercises = sections[-1].lower().startswith(EXERCISES)
        if is_setup(cell) or is_closing_nav(cell):
            types.append(SKIP)
            continue
        if previous is None or level in (1, 2):
            kind = SLIDE
        elif is_explorer(cell):
            kind = SLIDE
        elif level >= 3 or alone or is_figure(cell):
            kind = SUBSLIDE
        elif cell["cell_type"] == "markdown" and previous["cell_type"] == "code":
            kind = SUBSLIDE
        elif in_exercises and cell["cell_type"] == "code":
            kind = FRAGMENT
        else:
            kind = CONTINUE
        tall = estimated_height(cell)
        if kind in (CONTINUE, FRAGMENT) and height + tall > SLIDE_HEIGHT:
            kind = SUBSLIDE  # the slide is full: this cell starts the next one below it
        height = tall if kind in (SLIDE, SUBSLIDE) else height + tall
        types.append(kind)
        alone = is_explorer(cell) or is_figure(cell)
        previous = cell
    return types


def tag(nb) -> bool:
    """Write the rules' slide metadata into notebook ``nb`` (in place); True if anything changed."""
    changed = False
    for cell, kind in zip(nb["cells"], slide_types(nb["cells"])):
        if cell["metadata"].get("slideshow") != {"slide_type": kind}:
            cell["metadata"]["slideshow"] = {"slide_type": kind}
            changed = True
    if nb["metadata"].get("rise") != RISE_OPTIONS:
        nb["metadata"]["rise"] = dict(RISE_OPTIONS)
        changed = True
    return changed


def differences(nb) -> list[str]:
    """Where notebook ``nb``'s committed metadata differs from the rules (empty when it matches)."""
    found = []
    for index, (cell, kind) in enumerate(zip(nb["cells"], slide_types(nb["cells"]))):
        have = cell["metadata"].get("slideshow", {}).get("slide_type")
        if have != kind or cell["metadata"]["slideshow"] != {"slide_type": kind}:
            first_line = _source(cell).strip().split("\n", 1)[0][:50]
            found.append(f"cell {index} ({cell.get('id', '?')}, {first_line!r}): "
                         f"slide_type {have!r}, the rules give {kind!r}")
    if nb["metadata"].get("rise") != RISE_OPTIONS:
        found.append(f"notebook metadata 'rise' is {nb['metadata'].get('rise')!r}, "
                     f"the rules give {RISE_OPTIONS!r}")
    return found


def outline(nb) -> str:
    """The slides as text: one line per slide/subslide with its first cell's first line."""
    lines = []
    for cell, kind in zip(nb["cells"], slide_types(nb["cells"])):
        if kind in (SLIDE, SUBSLIDE):
            first_line = _source(cell).strip().split("\n", 1)[0][:70]
            lines.append(("" if kind == SLIDE else "    ") + first_line)
        if kind != SKIP and estimated_height(cell) > VISIBLE and not is_figure(cell):
            lines.append(f"        ^ may be taller than a slide (estimated "
                         f"{estimated_height(cell):.0f} px of {VISIBLE}): split it if "
                         "tests/test_slides_walk.py says so")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=pathlib.Path,
                        help=f"notebooks to tag (default: notebooks/{NOTEBOOKS})")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a notebook's tags differ from the rules")
    parser.add_argument("--outline", action="store_true", help="print each notebook's slides")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob(NOTEBOOKS))
    if not paths:
        parser.error(f"no notebooks matching notebooks/{NOTEBOOKS}")
    stale = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if args.outline:
            print(f"== {path.name}\n{outline(nb)}")
        elif args.check:
            found = differences(nb)
            if found:
                stale += 1
                print(f"{path}: {len(found)} difference(s) from the slide rules", file=sys.stderr)
                for line in found[:10]:
                    print(f"  {line}", file=sys.stderr)
        elif tag(nb):
            nbformat.write(nb, path)
            print(f"tagged {path}")
    if stale:
        print(f"{stale} notebook(s) not tagged as the rules say; run `python scripts/slides.py`",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
