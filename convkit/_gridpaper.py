"""Grid paper: the drawing engine and the visual language of :mod:`convkit.diagrams`.

A :class:`Canvas` is a Figure with one Axes in which one unit is one grid cell (y grows
downwards); it picks the cell size from the drawing's size, collects cells into two
PolyCollections (plain and hatched), and sizes the figure around everything drawn,
measuring text with font metrics only, so the layout is the same under every
matplotlib version.

The visual language lives here too, so every figure speaks it: one colour per kernel
weight (:func:`kernel_colors`), hatched grey padding, dimming for what is not highlighted.
"""
from __future__ import annotations

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.textpath import TextToPath

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


def text_width_in(s, size, weight="normal", family="sans-serif"):
    """Width of the longest line of ``s`` in inches, from the font's glyph advances."""
    prop = FontProperties(size=size, weight=weight, family=family)
    return max(_TEXT_PATHS.get_text_width_height_descent(line, prop, ismath=False)[0]
               for line in s.split("\n")) / 72


_TEXT_PATHS = TextToPath()
TITLE_SIZE, SUBTITLE_SIZE = 16, 11.5


class Canvas:
    """Grid paper: one unit = one cell, y grows downwards.

    The cell size (inches) is chosen from the size of the main drawing, ``core_w`` x
    ``core_h`` cells, so that the figure stays projector-sized (about ``max_w`` x ``max_h``
    inches at most). Labels go anywhere around it; :meth:`finish` measures everything
    drawn and sizes the figure to fit (a deterministic "tight" layout).
    """

    def __init__(self, core_w, core_h, title, subtitle, *, label, max_cell=0.5, max_w=14.0,
                 max_h=11.5):
        self.title, self.subtitle = title, subtitle
        self.inch = float(np.clip(min(max_w / core_w, max_h / core_h, max_cell), 0.15, max_cell))
        self.pt = self.inch * 72  # points per cell
        self.num_size = float(np.clip(self.pt * 0.42, 6.5, 17))
        self.label_size = float(np.clip(self.pt * 0.4, 10, 14))
        self.caption_size = float(np.clip(self.pt * 0.4, 7.5, 14))
        self.small_size = float(np.clip(self.pt * 0.3, 7, 11))
        self.formula_size = float(np.clip(self.pt * 0.36, 8, 12.5))
        self.fig = DiagramFigure()
        self.fig.convkit_label = label
        self.ax = self.fig.add_axes([0, 0, 1, 1])
        self.ax.set_axis_off()
        self._plain, self._hatched = [], []
        self._extent = [np.inf, np.inf, -np.inf, -np.inf]  # x0, y0, x1, y1 of shapes

    def cells(self, inches):
        """A length in inches, in cells."""
        return inches / self.inch

    def _grow(self, x0, y0, x1, y1):
        e = self._extent
        self._extent = [min(e[0], x0), min(e[1], y0), max(e[2], x1), max(e[3], y1)]

    # ---- drawing
    def cell(self, x, y, face, text=None, *, pad=False, dim=False, gid=None, ink=None,
             size=1.0, unit=1.0, fontsize=None):
        """One ``unit`` x ``unit`` grid cell with its top-left corner at (x, y)."""
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
            self.text(x + unit / 2, y + unit * 0.53, text,
                      size=fontsize or self.cell_text_size(text) * size * unit, color=color,
                      gid=gid)

    def named(self, name, i):
        """A cell label ``dz12``; just ``12`` when cells are too small for four characters."""
        return f"{name}{i}" if self.pt >= 27 or len(f"{name}{i}") <= 3 else str(i)

    def pad_cell(self, x, y, *, dim=False):
        self.cell(x, y, PAD_FACE, pad=True, dim=dim)

    def cell_text_size(self, text):
        return self.num_size * min(1.0, 2.4 / max(len(text), 1)) ** 0.85

    def text(self, x, y, s, *, size=None, color=INK, gid=None, **kw):
        kw.setdefault("ha", "center")
        kw.setdefault("va", "center")
        t = self.ax.text(x, y, s, fontsize=size or self.label_size, color=color, **kw)
        if gid is not None:
            t.set_gid(gid)
        return t

    def frame(self, x, y, w, h, *, lw=None, color=INK, z=3):
        self.ax.add_patch(Rectangle((x, y), w, h, fill=False, lw=lw or max(1.0, self.pt / 18),
                                    edgecolor=color, zorder=z))
        self._grow(x, y, x + w, y + h)

    def outline(self, x, y, w, h):
        """The thin dark border of one grid."""
        self.frame(x, y, w, h, lw=max(0.8, self.pt / 30), color="#555555", z=2)

    def emphasis(self, x, y, w, h):
        """The thick border of the highlighted thing."""
        self.frame(x, y, w, h, lw=max(2.2, self.pt / 9), color=INK, z=4)

    def arrow(self, start, end, text=None):
        arrow = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=22, lw=2.0,
                                color=INK, zorder=4)
        arrow.set_gid("arrow {:.3f} {:.3f} {:.3f} {:.3f}".format(*start, *end))
        self.ax.add_patch(arrow)
        self._grow(min(start[0], end[0]), min(start[1], end[1]),
                   max(start[0], end[0]), max(start[1], end[1]))
        if text:
            self.text((start[0] + end[0]) / 2, start[1] - self.cells(0.22), text)

    # ---- layout
    def finish(self):
        """Add the cells, then size the figure around everything drawn; return it."""
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
            self.ax.add_collection(coll)
        x0, y0, x1, y1 = self._extent
        for t in self.ax.texts:
            tx0, ty0, tx1, ty1 = self._text_box(t)
            x0, y0, x1, y1 = min(x0, tx0), min(y0, ty0), max(x1, tx1), max(y1, ty1)
        # pad by 0.12 in and snap outwards to a 0.1 in grid: a glyph-width change of a
        # hundredth of an inch then rarely moves anything
        snap = self.cells(0.1)
        pad = self.cells(0.12)
        x0, y0 = (np.floor((v - pad) / snap) * snap for v in (x0, y0))
        x1, y1 = (np.ceil((v + pad) / snap) * snap for v in (x1, y1))
        lines = self.subtitle.count("\n") + 1 if self.subtitle else 0
        head = 0.5 + 0.24 * lines
        text_w = max(text_width_in(self.title, TITLE_SIZE, "bold"),
                     text_width_in(self.subtitle or "", SUBTITLE_SIZE))
        fig_w = round(max((x1 - x0) * self.inch, text_w) + 0.4, 1)
        self._place(x0, y0, x1, y1, head=head, fig_w=fig_w)
        fig_h = self.fig.get_size_inches()[1]
        self.fig.text(0.5, 1 - 0.1 / fig_h, self.title, ha="center", va="top",
                      fontsize=TITLE_SIZE, fontweight="bold", color=INK)
        if self.subtitle:
            self.fig.text(0.5, 1 - 0.45 / fig_h, self.subtitle, ha="center", va="top",
                          fontsize=SUBTITLE_SIZE, color="#444444", linespacing=1.3)
        return self.fig

    def _text_box(self, t):
        """(x0, y0, x1, y1) of a text in cells, from the font's advance widths alone.

        Measured without a renderer so that the layout (and so the committed figures)
        does not move with matplotlib's or FreeType's hinting from version to version.
        """
        width = self.cells(text_width_in(t.get_text(), t.get_fontsize(),
                                         str(t.get_fontweight()), t.get_fontfamily()[0]))
        lines = t.get_text().count("\n") + 1
        height = self.cells(t.get_fontsize() * 1.25 * lines / 72)
        if t.get_rotation() % 180 == 90:
            width, height = height, width
        x, y = t.get_position()
        fx = {"left": 0.0, "center": 0.5, "right": 1.0}[t.get_horizontalalignment()]
        # y grows downwards: "top" text hangs below y, "bottom" text sits above it
        fy = {"top": 0.0, "center": 0.5, "center_baseline": 0.5, "baseline": 0.8,
              "bottom": 1.0}[t.get_verticalalignment()]
        return x - fx * width, y - fy * height, x + (1 - fx) * width, y + (1 - fy) * height

    def _place(self, x0, y0, x1, y1, *, head, fig_w):
        """Show data x0..x1, y0..y1 at self.inch inches per cell, below a title block."""
        w, h = (x1 - x0) * self.inch, (y1 - y0) * self.inch
        fig_w = fig_w or w
        fig_h = round(h + head + 0.05, 1)
        self.fig.set_size_inches(fig_w, fig_h)
        self.ax.set_position([(fig_w - w) / 2 / fig_w, 0.05 / fig_h, w / fig_w, h / fig_h])
        self.ax.set_xlim(x0, x1)
        self.ax.set_ylim(y1, y0)
