"""Grid paper: the drawing engine and the visual language of :mod:`convkit_course.diagrams`.

A :class:`Canvas` is grid paper on which one unit is one grid cell (y grows downwards).
It picks the cell size from the drawing's size, records cells, texts and frames as plain
data, and sizes the picture around everything drawn, measuring text with font metrics
only, so the layout is the same under every matplotlib version. :meth:`Canvas.finish`
turns the record into a matplotlib Figure (one Axes, cells in two PolyCollections:
plain and hatched); :meth:`Canvas.svg` writes the same picture as SVG text directly,
without building matplotlib artists (the explorer redraws that way in a few ms, and SVG
stays sharp at any browser zoom).

The visual language lives here too, so every figure speaks it: one colour per kernel
weight (:func:`kernel_colors`), hatched grey padding, dimming for what is not highlighted.

Texts are in the language of the moment (:mod:`convkit_course.i18n`); a text holding Chinese
falls back to the course's CJK fonts for those characters (:func:`text_family`,
:mod:`convkit_course.fonts`), Latin letters and digits stay in DejaVu Sans.
"""
from __future__ import annotations

import contextlib
import functools
import html
import itertools
import re
import unicodedata

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.textpath import TextToPath

from .. import fonts

# Paul Tol's "muted" scheme (9 colours, colour-blind safe) for the common 3x3 kernel, then
# Okabe–Ito and Tol "light" for bigger kernels. The id is always written in the cell too,
# so colour is a second cue, never the only one.
PALETTE = (
    "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
    "#AA4499",
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00",
    "#4477AA",
)
PAD_FACE, PAD_EDGE, PAD_HATCH = "#e3e3e3", "#8c8c8c", "///"
BLANK_FACE, GRID_EDGE, INK = "#ffffff", "#b8b8b8", "#1a1a1a"
DZ_FACE = "#f4f1e8"        # output-gradient cells that are not (yet) under a kernel weight
NEVER_FACE = "#f6e3e3"     # an input no window reaches: its gradient is exactly zero
DIM = 0.78                 # how far a dimmed colour is pulled towards white
MARK_EDGE = "#000000"      # the frame of a marked cell (`mark=`): thick, inside the cell


def kernel_colors(n):
    """``n`` RGB colours, one per kernel weight id 0..n-1 (cycling past 25)."""
    return [to_rgb(PALETTE[k % len(PALETTE)]) for k in range(n)]


def ink_for(rgb):
    """Black or white text, whichever reads better on ``rgb``."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(rgb))
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.33 else INK


def dimmed(rgb):
    return tuple(c + (1 - c) * DIM for c in to_rgb(rgb))


def fmt_pair(pair):
    return f"{pair[0]}" if pair[0] == pair[1] else f"({pair[0]}, {pair[1]})"


def describe(geom):
    (h, w), (kh, kw), (ho, wo) = geom.input, geom.kernel, geom.output
    return (f"input {h}x{w}, kernel {kh}x{kw}, stride {fmt_pair(geom.stride)}, "
            f"padding {fmt_pair(geom.padding)}, dilation {fmt_pair(geom.dilation)}"
            f"  →  output {ho}x{wo}")


def check_mark(mark, counts):
    """``mark`` as a frozenset of element names ``x<i>``/``z<o>``/``k<j>``.

    ``counts``: {"x": inputs, "z": outputs, "k": kernel weights} of the geometry; a name
    outside them is an error (it would mark nothing, silently).
    """
    if mark is None:
        return frozenset()
    if isinstance(mark, str):
        raise TypeError(f"mark must be a set of names like {{'x6', 'z4'}}, got the string {mark!r}")
    names = frozenset(mark)
    for name in names:
        m = re.fullmatch(r"([xzk])(\d+)", name) if isinstance(name, str) else None
        if m is None:
            raise ValueError(f"mark: {name!r} is not an element name like 'x6' (input), "
                             "'z4' (output) or 'k0' (kernel weight)")
        if int(m[2]) >= counts[m[1]]:
            raise ValueError(f"mark: {name!r} does not exist; this geometry has ids "
                             f"{m[1]}0..{m[1]}{counts[m[1]] - 1}")
    return names


def check_highlight(highlight, n, what):
    if highlight is None:
        return None
    if isinstance(highlight, (bool, np.bool_)) or not isinstance(highlight, (int, np.integer)):
        raise TypeError(f"highlight must be None or an int {what} id, got {highlight!r}")
    if not 0 <= highlight < n:
        raise ValueError(f"highlight must be a {what} id in 0..{n - 1}, got {highlight}")
    return int(highlight)


class DiagramFigure(Figure):
    """A Figure whose repr names what it shows, not its pixel size.

    Notebook checkers (nbval) compare a cell's text output, which for a figure is its
    repr: this keeps that text stable when the drawing's layout is tuned.
    """

    convkit_label = "diagram"

    def __repr__(self):
        return f"<convkit figure: {self.convkit_label}>"

    def _repr_svg_(self):
        """The same picture as SVG text (texts stay text: sharp at any zoom, and a slide can
        scale it to its width); Jupyter shows it in place of the PNG once a notebook is
        trusted (after its cells ran), the PNG before."""
        canvas = getattr(self, "convkit_canvas", None)
        return None if canvas is None else str(canvas.svg())


def text_family(s, family="sans-serif"):
    """The font family of a text: ``family``, followed by the CJK fonts when ``s`` holds
    Chinese (matplotlib takes each glyph from the first font that has it)."""
    if isinstance(family, str) and fonts.has_cjk(s):
        return (family, *fonts.cjk_families())
    return family


def display_width(s):
    """Characters of ``s`` counted as a terminal shows them: a Chinese character is two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


@functools.lru_cache(maxsize=4096)
def text_width_in(s, size, weight="normal", family="sans-serif"):
    """Width of the longest line of ``s`` in inches, from the font's glyph advances."""
    family = text_family(s, family)
    prop = FontProperties(size=size, weight=weight,
                          family=list(family) if isinstance(family, tuple) else family)
    return max(_TEXT_PATHS.get_text_width_height_descent(line, prop, ismath=False)[0]
               for line in s.split("\n")) / 72


_TEXT_PATHS = TextToPath()
TITLE_SIZE, SUBTITLE_SIZE = 16, 11.5


class _Style:
    compact = False  # the explorer: no subtitle, no long title (its controls say both)
    min_text = None  # points: no text smaller (figures/ for the projector)
    slide = None     # (width, height) in inches: the box a slide gives a figure (slide_style)


# A slide of the course (notebooks/rise.css) is 1024x768 CSS px; under one line of code it
# leaves a figure about 940 x 680 px.  At 96 CSS px per inch, 13.5 pt is 18 px: the smallest
# text a room reads.
SLIDE_BOX = (940 / 96, 675 / 96)
SLIDE_TEXT = 13.5
# numbers written in a cell are at most this fraction of the cell (above it they crowd it)
CELL_TEXT = 0.7


@contextlib.contextmanager
def slide_style(box=SLIDE_BOX, points=SLIDE_TEXT):
    """Draw for a slide inside this block: every text at least ``points`` and the whole
    picture, at its natural size, inside ``box`` (width, height in inches) where the
    geometry allows it (a grid's cells never get too small for their numbers)."""
    with style_restored():
        _Style.slide, _Style.min_text = tuple(box), points
        yield


@contextlib.contextmanager
def style_restored():
    """Whatever the block does to the slide style (:func:`set_slide_style`), it is as before
    after it."""
    before = _Style.slide, _Style.min_text
    try:
        yield
    finally:
        _Style.slide, _Style.min_text = before


def set_slide_style(on=True, box=SLIDE_BOX, points=SLIDE_TEXT):
    """Switch the slide style on (or off) for every drawing after it (a notebook's setup)."""
    _Style.slide, _Style.min_text = (tuple(box), points) if on else (None, None)


@contextlib.contextmanager
def smallest_text(points):
    """Draw no text smaller than ``points`` inside this block (figures for a projector)."""
    before, _Style.min_text = _Style.min_text, points
    try:
        yield
    finally:
        _Style.min_text = before


def slide_style_on():
    """Whether drawings are made for a slide (inside :func:`slide_style`)."""
    return _Style.slide is not None and not _Style.compact


def compact_style():
    """Whether drawings are made for the explorer's box (inside :func:`compact`)."""
    return _Style.compact


@contextlib.contextmanager
def compact():
    """Draw without subtitles and long titles inside this block (for the explorer)."""
    before, _Style.compact = _Style.compact, True
    try:
        yield
    finally:
        _Style.compact = before


class Canvas:
    """Grid paper: one unit = one cell, y grows downwards.

    The cell size (inches) is chosen from the size of the main drawing, ``core_w`` x
    ``core_h`` cells, so that the figure stays projector-sized (about ``max_w`` x ``max_h``
    inches at most). Labels go anywhere around it; :meth:`finish` (a Figure) or
    :meth:`svg` (SVG text) measures everything drawn and sizes the picture to fit (a
    deterministic "tight" layout).

    ``mark``: names of elements (``"x6"``, ``"z4"``, ``"k0"``) whose cells get a thick
    inner frame wherever a cell says it stands for one of them (``cell(..., names=...)``).
    """

    _svg_ids = itertools.count()

    def __init__(self, core_w, core_h, title, subtitle, *, label, max_cell=0.5, max_w=14.0,
                 max_h=11.5, min_cell=0.15, mark=frozenset(), min_text=None):
        self.title, self.subtitle, self.label = title, subtitle, label
        if _Style.compact:
            self.subtitle = ""
            self.title = title if display_width(title) <= 34 else ""
        low = max(min_text or 0, _Style.min_text or 0)
        if slide_style_on():
            # the first subtitle line is the geometry (describe()): on a slide the code
            # above the figure says it, and the room is better spent on the grid
            self.subtitle = self.subtitle.split("\n", 1)[1] if "\n" in self.subtitle \
                else self.subtitle
            self.subtitle = _wrap(self.subtitle, max(SUBTITLE_SIZE, low), _Style.slide[0] - 0.4)
            max_w, max_h, min_cell = self._slide_limits(low, max_w, max_h)
        self.inch = float(np.clip(min(max_w / core_w, max_h / core_h, max_cell), min_cell,
                                  max_cell))
        self.pt = self.inch * 72  # points per cell
        self.min_text = low or None

        def size(scale, smallest, largest):  # never below min_text
            return float(max(np.clip(self.pt * scale, smallest, largest), low))

        self.num_size = size(0.42, 6.5, 17)
        self.label_size = size(0.4, 10, 14)
        self.caption_size = size(0.4, 7.5, 14)
        self.small_size = size(0.3, 7, 11)
        self.formula_size = size(0.36, 8, 12.5)
        self.title_size, self.subtitle_size = max(TITLE_SIZE, low), max(SUBTITLE_SIZE, low)
        self.mark = frozenset(mark)
        self._plain, self._hatched = [], []
        self._texts, self._frames, self._arrows = [], [], []
        self._extent = [np.inf, np.inf, -np.inf, -np.inf]  # x0, y0, x1, y1 of shapes

    def _slide_limits(self, low, max_w, max_h):
        """(max_w, max_h, min_cell) in inches for a drawing that fits the slide's box.

        The box less the title and subtitle above and a margin for the labels around the
        grid; the cells never smaller than their numbers (``low`` / CELL_TEXT)."""
        box_w, box_h = _Style.slide
        lines = self.subtitle.count("\n") + 1 if self.subtitle else 0
        text = max(low, SUBTITLE_SIZE)
        head = (0.5 + 0.24 * lines * text / SUBTITLE_SIZE) * max(TITLE_SIZE, low) / TITLE_SIZE
        margin = 2.4 * text / 72  # the axis names and captions beside and above the grid
        return (min(max_w, box_w - 0.4 - margin), min(max_h, box_h - head - margin),
                low / CELL_TEXT / 72)

    def cells(self, inches):
        """A length in inches, in cells."""
        return inches / self.inch

    def _grow(self, x0, y0, x1, y1):
        e = self._extent
        self._extent = [min(e[0], x0), min(e[1], y0), max(e[2], x1), max(e[3], y1)]

    # ---- drawing
    def cell(self, x, y, face, text=None, *, pad=False, dim=False, gid=None, ink=None,
             size=1.0, unit=1.0, fontsize=None, names=(), text_y=0.53):
        """One ``unit`` x ``unit`` grid cell with its top-left corner at (x, y).

        ``names``: the elements this cell stands for (``"x6"``, ``"k0"``, ...); the cell is
        framed when one of them is in the canvas's ``mark``.
        """
        face = to_rgb(face)
        if dim:
            face = dimmed(face)
        (self._hatched if pad else self._plain).append(
            (x, y, unit, face, PAD_EDGE if pad else GRID_EDGE))
        self._grow(x, y, x + unit, y + unit)
        if text is not None:
            color = ink or ink_for(face)
            if dim:
                color = "#9a9a9a" if color != "white" else "white"
            self.text(x + unit / 2, y + unit * text_y, text,
                      size=fontsize or self.cell_text_size(text) * size * unit, color=color,
                      gid=gid)
        if self.mark and not self.mark.isdisjoint(names):
            lw = min(4.0, max(2.2, self.pt / 12))
            m = lw / 2 / self.pt * unit  # the stroke lies just inside the cell
            self.frame(x + m, y + m, unit - 2 * m, unit - 2 * m, lw=lw,
                       color=MARK_EDGE, z=5, gid="mark " + " ".join(sorted(self.mark & set(names))))

    def named(self, name, i):
        """A cell label ``dz12``; just ``12`` when cells are too small for four characters
        (or, with a smallest text size, for the label at that size)."""
        label = f"{name}{i}"
        if self.min_text and slide_style_on():
            size = max(self.cell_text_size(label), self.min_text)
            return label if text_width_in(label, size) * 72 <= 0.92 * self.pt else str(i)
        return label if self.pt >= 27 or len(label) <= 3 else str(i)

    def pad_cell(self, x, y, *, dim=False, names=()):
        self.cell(x, y, PAD_FACE, pad=True, dim=dim, names=names)

    def cell_text_size(self, text):
        return self.num_size * min(1.0, 2.4 / max(len(text), 1)) ** 0.85

    def text(self, x, y, s, *, size=None, color=INK, gid=None, ha="center", va="center",
             rotation=0, family="sans-serif", alpha=None, weight="normal"):
        size = max(size or self.label_size, self.min_text or 0)
        self._texts.append(dict(x=x, y=y, s=s, size=size, color=color,
                                gid=gid, ha=ha, va=va, rotation=rotation,
                                family=text_family(s, family),
                                alpha=alpha, weight=weight))

    def frame(self, x, y, w, h, *, lw=None, color=INK, z=3, gid=None):
        self._frames.append((x, y, w, h, lw or max(1.0, self.pt / 18), color, z, gid))
        self._grow(x, y, x + w, y + h)

    def outline(self, x, y, w, h):
        """The thin dark border of one grid."""
        self.frame(x, y, w, h, lw=max(0.8, self.pt / 30), color="#555555", z=2)

    def emphasis(self, x, y, w, h):
        """The thick border of the highlighted thing."""
        self.frame(x, y, w, h, lw=max(2.2, self.pt / 9), color=INK, z=4)

    def arrow(self, start, end, text=None):
        self._arrows.append((start, end))
        self._grow(min(start[0], end[0]), min(start[1], end[1]),
                   max(start[0], end[0]), max(start[1], end[1]))
        if text:
            self.text((start[0] + end[0]) / 2, start[1] - self.cells(0.22), text)

    # ---- layout
    def _layout(self):
        """(x0, y0, x1, y1) in cells shown, figure width and height, head height (inches)."""
        x0, y0, x1, y1 = self._extent
        for t in self._texts:
            tx0, ty0, tx1, ty1 = self._text_box(t)
            x0, y0, x1, y1 = min(x0, tx0), min(y0, ty0), max(x1, tx1), max(y1, ty1)
        # pad by 0.12 in and snap outwards to a 0.1 in grid: a glyph-width change of a
        # hundredth of an inch then rarely moves anything
        snap = self.cells(0.1)
        pad = self.cells(0.12)
        x0, y0 = (np.floor((v - pad) / snap) * snap for v in (x0, y0))
        x1, y1 = (np.ceil((v + pad) / snap) * snap for v in (x1, y1))
        lines = self.subtitle.count("\n") + 1 if self.subtitle else 0
        head = (0.5 + 0.24 * lines) * self.title_size / TITLE_SIZE
        text_w = max(text_width_in(self.title, self.title_size, "bold"),
                     text_width_in(self.subtitle or "", self.subtitle_size))
        fig_w = round(max((x1 - x0) * self.inch, text_w) + 0.4, 1)
        fig_h = round((y1 - y0) * self.inch + head + 0.05, 1)
        return (x0, y0, x1, y1), fig_w, fig_h, head

    def finish(self):
        """The matplotlib Figure of everything drawn (repr: the canvas's label)."""
        fig = DiagramFigure()
        fig.convkit_label = self.label
        fig.convkit_canvas = self  # for its SVG (_repr_svg_)
        ax = fig.add_axes([0, 0, 1, 1])
        ax.set_axis_off()
        lw = max(0.4, self.pt / 60)
        for cells, hatch in ((self._plain, None), (self._hatched, PAD_HATCH)):
            if not cells:
                continue
            xyu = np.array([c[:3] for c in cells], dtype=float)
            square = np.array([(0, 0), (1, 0), (1, 1), (0, 1)], dtype=float)
            verts = xyu[:, None, :2] + xyu[:, None, 2:] * square  # (n, 4, 2), no Patch objects
            coll = PolyCollection(verts, facecolors=[c[3] for c in cells],
                                  edgecolors=[c[4] for c in cells], linewidths=lw, zorder=1)
            if hatch:
                coll.set_hatch(hatch)
            ax.add_collection(coll)
        for x, y, w, h, flw, color, z, gid in self._frames:
            rect = Rectangle((x, y), w, h, fill=False, lw=flw, edgecolor=color, zorder=z)
            if gid:
                rect.set_gid(gid)
            ax.add_patch(rect)
        for start, end in self._arrows:
            arrow = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=22, lw=2.0,
                                    color=INK, zorder=4)
            arrow.set_gid("arrow {:.3f} {:.3f} {:.3f} {:.3f}".format(*start, *end))
            ax.add_patch(arrow)
        for t in self._texts:
            kw = dict(ha=t["ha"], va=t["va"], rotation=t["rotation"], family=_mpl(t["family"]))
            if t["alpha"] is not None:
                kw["alpha"] = t["alpha"]
            if t["weight"] != "normal":
                kw["fontweight"] = t["weight"]
            text = ax.text(t["x"], t["y"], t["s"], fontsize=t["size"], color=t["color"], **kw)
            if t["gid"] is not None:
                text.set_gid(t["gid"])
        (x0, y0, x1, y1), fig_w, fig_h, head = self._layout()
        w, h = (x1 - x0) * self.inch, (y1 - y0) * self.inch
        fig.set_size_inches(fig_w, fig_h)
        ax.set_position([(fig_w - w) / 2 / fig_w, 0.05 / fig_h, w / fig_w, h / fig_h])
        ax.set_xlim(x0, x1)
        ax.set_ylim(y1, y0)
        fig.text(0.5, 1 - 0.1 / fig_h, self.title, ha="center", va="top",
                 fontsize=self.title_size, fontweight="bold", color=INK,
                 family=_mpl(text_family(self.title)))
        if self.subtitle:
            fig.text(0.5, 1 - 0.45 * self.title_size / TITLE_SIZE / fig_h, self.subtitle,
                     ha="center", va="top", fontsize=self.subtitle_size, color="#444444",
                     linespacing=1.3, family=_mpl(text_family(self.subtitle)))
        return fig

    def svg(self):
        """The same picture as :meth:`finish`, as an :class:`SVGDiagram` (a str of SVG).

        Sizes are in points (72 per inch) in the viewBox; texts stay text, so the browser
        renders them sharp at any zoom. Each text with a gid carries it as ``data-gid``.
        """
        (x0, y0, x1, y1), fig_w, fig_h, head = self._layout()
        x0, y0, x1, y1 = float(x0), float(y0), float(x1), float(y1)
        w, h = (x1 - x0) * self.inch, (y1 - y0) * self.inch
        left, top = (fig_w - w) / 2, fig_h - 0.05 - h
        k = self.inch * 72  # points per cell
        ax, bx = left * 72 - x0 * k, top * 72 - y0 * k  # page = a + cell * k

        def px(x):
            return f"{ax + x * k:.2f}"

        def py(y):
            return f"{bx + y * k:.2f}"

        uid = f"ck{next(Canvas._svg_ids)}"
        lw = max(0.4, self.pt / 60)
        out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {fig_w * 72:.1f} '
               f'{fig_h * 72:.1f}" width="{fig_w * 72:.1f}pt" height="{fig_h * 72:.1f}pt" '
               f'font-family="{html.escape(_FAMILIES["sans-serif"])}" '
               f'data-label="{html.escape(self.label)}">',
               f'<defs><pattern id="{uid}h" width="6" height="6" patternUnits="userSpaceOnUse" '
               f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{PAD_FACE}"/>'
               f'<line x1="0" y1="0" x2="0" y2="6" stroke="{PAD_EDGE}" stroke-width="1.2"/>'
               f'</pattern></defs>',
               '<rect width="100%" height="100%" fill="white"/>']
        for cells, hatched in ((self._plain, False), (self._hatched, True)):
            for x, y, u, face, edge in cells:
                fill = f"url(#{uid}h)" if hatched else _hex(face)
                out.append(f'<rect x="{px(x)}" y="{py(y)}" width="{u * k:.2f}" '
                           f'height="{u * k:.2f}" fill="{fill}" stroke="{edge}" '
                           f'stroke-width="{lw:.2f}"/>')
        for x, y, fw, fh, flw, color, z, gid in sorted(self._frames, key=lambda f: f[6]):
            extra = f' data-gid="{html.escape(gid)}"' if gid else ""
            out.append(f'<rect x="{px(x)}" y="{py(y)}" width="{fw * k:.2f}" '
                       f'height="{fh * k:.2f}" fill="none" stroke="{_hex(color)}" '
                       f'stroke-width="{flw:.2f}"{extra}/>')
        for (sx, sy), (ex, ey) in self._arrows:
            ex, ey = ax + ex * k, bx + ey * k
            out.append(f'<line x1="{px(sx)}" y1="{py(sy)}" x2="{ex - 8:.2f}" y2="{ey:.2f}" '
                       f'stroke="{INK}" stroke-width="2"/><polygon points="{ex:.2f},{ey:.2f} '
                       f'{ex - 11:.2f},{ey - 5:.2f} {ex - 11:.2f},{ey + 5:.2f}" fill="{INK}"/>')
        texts = list(self._texts)
        texts.append(dict(x=None, fx=fig_w / 2 * 72, fy=0.1 * 72, s=self.title,
                          size=self.title_size, color=INK, gid="title", ha="center",
                          va="top", rotation=0, family=text_family(self.title), alpha=None,
                          weight="bold"))
        if self.subtitle:
            texts.append(dict(x=None, fx=fig_w / 2 * 72,
                              fy=0.45 * self.title_size / TITLE_SIZE * 72, s=self.subtitle,
                              size=self.subtitle_size, color="#444444", gid="subtitle",
                              ha="center", va="top", rotation=0,
                              family=text_family(self.subtitle), alpha=None, weight="normal",
                              spacing=1.3))
        for t in texts:
            tx, ty = ((t["fx"], t["fy"]) if t["x"] is None else
                      (ax + float(t["x"]) * k, bx + float(t["y"]) * k))
            out.append(_svg_text(t, tx, ty))
        out.append("</svg>")
        smallest = min((t["size"] for t in texts if str(t["s"]).strip()), default=None)
        return SVGDiagram("\n".join(out), self.label, size_pt=(fig_w * 72, fig_h * 72),
                          cell_pt=self.pt, text_pt=smallest)

    def _text_box(self, t):
        """(x0, y0, x1, y1) of a text record in cells, from the font's advance widths alone.

        Measured without a renderer so that the layout (and so the committed figures)
        does not move with matplotlib's or FreeType's hinting from version to version.
        """
        width = self.cells(text_width_in(t["s"], t["size"], t["weight"], _base(t["family"])))
        lines = t["s"].count("\n") + 1
        height = self.cells(t["size"] * 1.25 * lines / 72)
        if t["rotation"] % 180 == 90:
            width, height = height, width
        x, y = t["x"], t["y"]
        fx = {"left": 0.0, "center": 0.5, "right": 1.0}[t["ha"]]
        # y grows downwards: "top" text hangs below y, "bottom" text sits above it
        fy = {"top": 0.0, "center": 0.5, "center_baseline": 0.5, "baseline": 0.8,
              "bottom": 1.0}[t["va"]]
        return x - fx * width, y - fy * height, x + (1 - fx) * width, y + (1 - fy) * height


_TOKENS = re.compile(r"[\u2e80-\uffef]|[^\s\u2e80-\uffef]+|\s+")


def _wrap(text, size, width_in):
    """``text`` with each line broken (at spaces, or between CJK characters) so that it is at
    most ``width_in`` wide at ``size`` points."""
    out = []
    for line in text.split("\n"):
        current = ""
        for token in _TOKENS.findall(line):
            if current.strip() and not token.isspace() and \
                    text_width_in(current + token, size) > width_in:
                out.append(current.rstrip())
                current = ""
            current += "" if token.isspace() and not current else token
        out.append(current.rstrip())
    return "\n".join(out)


@functools.lru_cache(maxsize=1024)
def _hex(color):
    return to_hex(color)


def _base(family):
    """The family a text asked for (without the CJK fallbacks :func:`text_family` added)."""
    return family[0] if isinstance(family, tuple) else family


def _mpl(family):
    return list(family) if isinstance(family, tuple) else family


# CSS font stacks of the SVG: the browser's CJK fonts, then the course's web font
# (convkit_course/jupyter/custom.css), before the generic family.
_FAMILIES = {"sans-serif": f"DejaVu Sans, Verdana, {fonts.CSS_FAMILIES}, sans-serif",
             "DejaVu Sans Mono": f"DejaVu Sans Mono, Menlo, Consolas, {fonts.CSS_FAMILIES}, "
                                 "monospace"}


def _svg_text(t, x, y):
    """One (possibly multi-line) text record as an SVG <text>, anchored like matplotlib's."""
    lines = t["s"].split("\n")
    size, n = t["size"], len(lines)
    step = size * t.get("spacing", 1.2)
    anchor = {"left": "start", "center": "middle", "right": "end"}[t["ha"]]
    first = {"top": 0.5 * size, "bottom": -(n - 1) * step - 0.5 * size,
             "baseline": -(n - 1) * step - 0.3 * size}.get(t["va"], -(n - 1) * step / 2)
    attrs = [f'x="{x:.2f}"', f'y="{y:.2f}"', f'font-size="{size:.2f}"',
             f'fill="{_hex(t["color"])}"', f'text-anchor="{anchor}"',
             'dominant-baseline="central"']
    base = _base(t["family"])
    if base != "sans-serif":
        attrs.append(f'font-family="{html.escape(_FAMILIES.get(base, base))}"')
    if t["weight"] != "normal":
        attrs.append(f'font-weight="{t["weight"]}"')
    if t["alpha"] is not None:
        attrs.append(f'fill-opacity="{t["alpha"]}"')
    if t["rotation"]:
        attrs.append(f'transform="rotate({-t["rotation"]} {x:.2f} {y:.2f})"')
    if t["gid"] is not None:
        attrs.append(f'data-gid="{html.escape(t["gid"])}"')
    spans = "".join(f'<tspan x="{x:.2f}" y="{y + first + i * step:.2f}" '
                    f'xml:space="preserve">{html.escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f"<text {' '.join(attrs)}>{spans}</text>"


class SVGDiagram(str):
    """SVG text of a diagram; Jupyter shows it as a picture (``_repr_svg_``), sharp at any
    zoom. Its ``repr`` names what it shows, like :class:`DiagramFigure`'s."""

    def __new__(cls, text, label, *, size_pt=None, cell_pt=None, text_pt=None):
        self = super().__new__(cls, text)
        self.convkit_label = label
        self.size_pt, self.cell_pt = size_pt, cell_pt  # (width, height), one grid cell
        self.text_pt = text_pt  # its smallest text
        return self

    def _repr_svg_(self):
        return str(self)

    def __repr__(self):
        return f"<convkit figure: {self.convkit_label}>"
