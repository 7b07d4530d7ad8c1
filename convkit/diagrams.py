"""Pictures of who touches whom, drawn from :mod:`convkit.trace`.

Every function takes ``(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
highlight=None)`` and returns a :class:`matplotlib.figure.Figure`; none saves or shows.
The figures are made with ``Figure()`` (not pyplot), so they are never registered with
pyplot: in a notebook with ``%matplotlib inline``, end the cell with the call (no ``;``)
or ``display(fig)`` and it shows exactly once; ``plt.show()`` does not show it, and
ipywidgets' ``interact`` displays a returned Figure once. Nothing piles up in pyplot's
figure manager when a slider redraws.

One visual language across the course:

* one colour per kernel weight (:func:`kernel_colors`, colour-blind-safe Tol/Okabe–Ito
  colours), with the weight's id written in (``k0``, ``k1``, … in captions);
* padding is a hatched grey cell everywhere;
* ``x`` = input, ``z`` = output, ``k`` = kernel weight; ids are flat and row-major;
* ``highlight`` dims everything except one output / input / kernel weight.

Text cells carry a ``gid`` (e.g. ``"fwd 1 1 2 3"``) so tests can read the figure back.
"""
from __future__ import annotations

import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from . import trace
from .geometry import conv_geometry

__all__ = ["kernel_colors", "draw_forward_map", "draw_input_grad_map", "draw_weight_grad_map",
           "draw_participation_counts", "draw_im2col_matrix", "draw_col2im_backward",
           "draw_full_correlation"]

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


def _ink_for(rgb):
    """Black or white text, whichever reads better on ``rgb``."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.33 else INK


def _dim(rgb):
    return tuple(c + (1 - c) * DIM for c in to_rgb(rgb))


def _fmt(pair):
    return f"{pair[0]}" if pair[0] == pair[1] else f"({pair[0]}, {pair[1]})"


def _describe(geom):
    (h, w), (kh, kw), (ho, wo) = geom.input, geom.kernel, geom.output
    return (f"input {h}x{w}, kernel {kh}x{kw}, stride {_fmt(geom.stride)}, "
            f"padding {_fmt(geom.padding)}, dilation {_fmt(geom.dilation)}  →  output {ho}x{wo}")


def _check_highlight(highlight, n, what):
    if highlight is None:
        return None
    if isinstance(highlight, (bool, np.bool_)) or not isinstance(highlight, (int, np.integer)):
        raise TypeError(f"highlight must be None or an int {what} id, got {highlight!r}")
    if not 0 <= highlight < n:
        raise ValueError(f"highlight must be a {what} id in 0..{n - 1}, got {highlight}")
    return int(highlight)


class _Canvas:
    """A grid-paper drawing: one unit = one cell, y grows downwards, sizes in inches.

    ``width`` x ``height`` cells of content (margins for labels included by the caller);
    the cell size is picked so that the whole figure stays projector-sized.
    """

    def __init__(self, width, height, title, subtitle, *, max_cell=0.5, max_w=15.0, max_h=12.5):
        self.w, self.h = width, height
        self.inch = float(np.clip(min(max_w / width, max_h / height, max_cell), 0.15, max_cell))
        self.pt = self.inch * 72  # points per cell
        self.num_size = float(np.clip(self.pt * 0.42, 5.5, 17))
        self.label_size = float(np.clip(self.pt * 0.42, 9, 15))
        title_size, sub_size = 16, 11.5
        top = 0.62 + (0.3 if subtitle else 0)
        side, bottom = 0.2, 0.15
        text_w = max(len(title) * title_size, len(subtitle or "") * sub_size) * 0.52 / 72
        content_w, content_h = width * self.inch, height * self.inch
        fig_w = max(content_w + 2 * side, text_w + 0.6)
        fig_h = content_h + top + bottom
        self.fig = Figure(figsize=(round(fig_w, 2), round(fig_h, 2)))
        self.ax = self.fig.add_axes([(fig_w - content_w) / 2 / fig_w, bottom / fig_h,
                                     content_w / fig_w, content_h / fig_h])
        self.ax.set_xlim(0, width)
        self.ax.set_ylim(height, 0)
        self.ax.set_axis_off()
        self.fig.text(0.5, 1 - 0.12 / fig_h, title, ha="center", va="top", fontsize=title_size,
                      fontweight="bold", color=INK)
        if subtitle:
            self.fig.text(0.5, 1 - 0.5 / fig_h, subtitle, ha="center", va="top",
                          fontsize=sub_size, color="#444444")
        self._plain, self._hatched = [], []

    # ---- cells
    def cell(self, x, y, face, text=None, *, pad=False, dim=False, gid=None, ink=None,
             size=1.0, edge=None):
        """One grid cell with its top-left corner at (x, y)."""
        face = to_rgb(face)
        if dim:
            face = _dim(face)
        if pad:
            self._hatched.append((x, y, face, PAD_EDGE))
        else:
            self._plain.append((x, y, face, edge or GRID_EDGE))
        if text is not None:
            color = ink or _ink_for(face)
            if dim:
                color = "#9a9a9a" if color != "white" else "white"
            self.text(x + 0.5, y + 0.53, text, size=self.cell_text_size(text) * size,
                      color=color, gid=gid)

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

    def frame(self, x, y, w, h, *, lw=None, color=INK, z=3, **kw):
        self.ax.add_patch(Rectangle((x, y), w, h, fill=False, lw=lw or max(1.0, self.pt / 18),
                                    edgecolor=color, zorder=z, **kw))

    def arrow(self, start, end, text=None):
        self.ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=18,
                                          lw=1.6, color=INK, zorder=4))
        if text:
            self.text((start[0] + end[0]) / 2, start[1] - 0.6, text, size=self.label_size * 0.9)

    def finish(self):
        lw = max(0.4, self.pt / 60)
        for cells, hatch in ((self._plain, None), (self._hatched, PAD_HATCH)):
            if not cells:
                continue
            rects = [Rectangle((x, y), 1, 1) for x, y, _, _ in cells]
            coll = PatchCollection(rects, facecolors=[c[2] for c in cells],
                                   edgecolors=[c[3] for c in cells], linewidths=lw, zorder=1)
            if hatch:
                coll.set_hatch(hatch)
            self.ax.add_collection(coll)
        return self.fig


def _geom(input_size, kernel_size, stride, padding, dilation):
    return conv_geometry(input_size, kernel_size, stride, padding, dilation)


def _small_grid(cv, x0, y0, geom, values, *, gid_prefix, colors, label_is_kernel, dim,
                with_padding):
    """One small map: ``values`` (rows, cols) of ids, -1 blank; optional padding ring."""
    rows, cols = values.shape
    ph, pw = geom.padding if with_padding else (0, 0)
    for r in range(-ph, rows + ph):
        for c in range(-pw, cols + pw):
            x, y = x0 + c + pw, y0 + r + ph
            if not (0 <= r < rows and 0 <= c < cols):
                cv.pad_cell(x, y, dim=dim)
                continue
            v = values[r, c]
            if v < 0:
                cv.cell(x, y, BLANK_FACE, dim=dim)
            else:
                face = colors[v] if label_is_kernel else colors
                cv.cell(x, y, face, str(v), dim=dim, gid=f"{gid_prefix} {r} {c}")
    cv.frame(x0, y0, cols + 2 * pw, rows + 2 * ph, lw=max(0.8, cv.pt / 30), color="#555555", z=2)


def _kernel_legend(cv, x0, y0, geom, colors, title="kernel k"):
    kh, kw = geom.kernel
    cv.text(x0 + kw / 2, y0 - 0.7, title, size=cv.label_size)
    for i in range(kh):
        for j in range(kw):
            k = i * kw + j
            cv.cell(x0 + j, y0 + i, colors[k], str(k))
    cv.frame(x0, y0, kw, kh, color="#555555", z=2)


def _panel_grid(geom, n_rows, n_cols, panel_h, panel_w, *, title, subtitle, legend,
                caption_of, axis_names):
    """A canvas laid out as ``n_rows x n_cols`` panels of ``panel_h x panel_w`` cells.

    Returns the canvas and a function giving each panel's top-left corner.
    """
    gap = max(0.8, 0.12 * max(panel_h, panel_w))
    cap = 1.0  # caption row above each panel
    left, top = 1.6, 1.4  # room for the axis names
    kh, kw = geom.kernel
    right = (kw + 2.0) if legend else 0.5
    width = left + n_cols * panel_w + (n_cols - 1) * gap + right
    height = top + n_rows * (panel_h + cap) + (n_rows - 1) * gap + 0.3
    cv = _Canvas(width, height, title, subtitle)
    # keep the margins readable when cells are small: they are measured in cells
    def corner(pr, pc):
        return left + pc * (panel_w + gap), top + cap + pr * (panel_h + cap + gap)
    grid_w = n_cols * panel_w + (n_cols - 1) * gap
    grid_h = n_rows * (panel_h + cap) + (n_rows - 1) * gap
    cv.text(left + grid_w / 2, top - 0.9, f"{axis_names[1]} →", size=cv.label_size)
    cv.text(left - 1.0, top + grid_h / 2, f"← {axis_names[0]}", size=cv.label_size,
            rotation=90)
    for pr in range(n_rows):
        for pc in range(n_cols):
            x, y = corner(pr, pc)
            cv.text(x + panel_w / 2, y - 0.5, caption_of(pr, pc),
                    size=float(np.clip(cv.pt * 0.4, 7, 14)))
    if legend:
        _kernel_legend(cv, left + grid_w + 1.2, top + cap, geom, kernel_colors(kh * kw))
    return cv, corner


def draw_forward_map(input_size, kernel_size, *, stride=1, padding=0, dilation=1, highlight=None):
    """Diagram 1, the forward map: one small input grid per output pixel.

    Panels are arranged as the (Ho, Wo) output; panel ``z<o>`` shows the (padded) input with
    the cells that output reads, each labelled with the kernel id that multiplies it
    (:func:`convkit.forward_map`). ``highlight``: an output id to emphasise.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    hl = _check_highlight(highlight, ho * wo, "output")
    fmap = trace.forward_map(geom.input, geom.kernel, stride=geom.stride, padding=geom.padding,
                             dilation=geom.dilation)
    pos = trace.window_positions(geom.input, geom.kernel, stride=geom.stride,
                                 padding=geom.padding, dilation=geom.dilation)
    colors = kernel_colors(kh * kw)
    cv, corner = _panel_grid(
        geom, ho, wo, h + 2 * ph, w + 2 * pw,
        title="Forward map: which inputs each output reads",
        subtitle=_describe(geom) + ";  numbers = kernel id multiplying that input",
        legend=True, caption_of=lambda r, c: f"z{r * wo + c}",
        axis_names=("output row", "output column"))
    for oy in range(ho):
        for ox in range(wo):
            o = oy * wo + ox
            dim = hl is not None and o != hl
            x0, y0 = corner(oy, ox)
            _small_grid(cv, x0, y0, geom, fmap[oy, ox], gid_prefix=f"fwd {oy} {ox}",
                        colors=colors, label_is_kernel=True, dim=dim, with_padding=True)
            for k, (r, c) in enumerate(pos[o]):  # taps on padding: multiply a zero
                if not (0 <= r < h and 0 <= c < w):
                    cv.cell(x0 + c + pw, y0 + r + ph, _dim(colors[k]), str(k), pad=True, dim=dim,
                            ink=INK, gid=f"fwdpad {oy} {ox} {r} {c}")
            if o == hl:
                cv.frame(x0 - 0.15, y0 - 1.05, w + 2 * pw + 0.3, h + 2 * ph + 1.2,
                         lw=max(2.0, cv.pt / 10))
    return cv.finish()


def draw_input_grad_map(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                        highlight=None):
    """Diagram 2, the input-loss map: one small output grid per input pixel.

    Panels are arranged as the (H, W) input; panel ``x<p>`` marks the outputs that input fed,
    labelled with the kernel id it met there (:func:`convkit.input_grad_map`), so
    ``dx<p> = Σ dz · k``. Inputs that no window reaches are tinted: their gradient is 0.
    ``highlight``: an input id to emphasise.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (kh, kw) = geom.input, geom.output, geom.kernel
    hl = _check_highlight(highlight, h * w, "input")
    imap = trace.input_grad_map(geom.input, geom.kernel, stride=geom.stride,
                                padding=geom.padding, dilation=geom.dilation)
    colors = kernel_colors(kh * kw)
    cv, corner = _panel_grid(
        geom, h, w, ho, wo,
        title="Input-loss map: which outputs each input feeds",
        subtitle=_describe(geom) + ";  numbers = kernel id, so dx = Σ dz·k",
        legend=True, caption_of=lambda r, c: f"x{r * w + c}",
        axis_names=("input row", "input column"))
    for r in range(h):
        for c in range(w):
            p = r * w + c
            dim = hl is not None and p != hl
            x0, y0 = corner(r, c)
            values = imap[r, c]
            if (values < 0).all():  # never read: tint the panel so the zero gradient shows
                for oy in range(ho):
                    for ox in range(wo):
                        cv.cell(x0 + ox, y0 + oy, NEVER_FACE, dim=dim)
                cv.frame(x0, y0, wo, ho, lw=max(0.8, cv.pt / 30), color="#555555", z=2)
            else:
                _small_grid(cv, x0, y0, geom, values, gid_prefix=f"igrad {r} {c}",
                            colors=colors, label_is_kernel=True, dim=dim, with_padding=False)
            if p == hl:
                cv.frame(x0 - 0.15, y0 - 1.05, wo + 0.3, ho + 1.2, lw=max(2.0, cv.pt / 10))
    return cv.finish()


def draw_weight_grad_map(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                         highlight=None):
    """Diagram 3, the weight-derivative map: one small output grid per kernel weight.

    Panels are arranged as the (KH, KW) kernel; panel ``k<i>`` shows, at every output, the
    input id that weight multiplied there (:func:`convkit.weight_grad_map`), so
    ``dk<i> = Σ dz · x``; hatched cells met padding (a zero). ``highlight``: a kernel id.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (ho, wo), (kh, kw) = geom.output, geom.kernel
    hl = _check_highlight(highlight, kh * kw, "kernel")
    wmap = trace.weight_grad_map(geom.input, geom.kernel, stride=geom.stride,
                                 padding=geom.padding, dilation=geom.dilation)
    colors = kernel_colors(kh * kw)
    cv, corner = _panel_grid(
        geom, kh, kw, ho, wo,
        title="Weight-derivative map: which input each weight meets at each output",
        subtitle=_describe(geom) + ";  numbers = input id, so dk = Σ dz·x",
        legend=False, caption_of=lambda i, j: f"k{i * kw + j}",
        axis_names=("kernel row", "kernel column"))
    for i in range(kh):
        for j in range(kw):
            k = i * kw + j
            dim = hl is not None and k != hl
            x0, y0 = corner(i, j)
            values = wmap[i, j]
            for oy in range(ho):
                for ox in range(wo):
                    v = values[oy, ox]
                    if v < 0:
                        cv.pad_cell(x0 + ox, y0 + oy, dim=dim)
                    else:
                        cv.cell(x0 + ox, y0 + oy, colors[k], str(v), dim=dim,
                                gid=f"wgrad {i} {j} {oy} {ox}")
            cv.frame(x0, y0, wo, ho, lw=max(0.8, cv.pt / 30), color="#555555", z=2)
            if k == hl:
                cv.frame(x0 - 0.15, y0 - 1.05, wo + 0.3, ho + 1.2, lw=max(2.0, cv.pt / 10))
    return cv.finish()


def _index_axes(cv, x0, y0, rows, cols, *, row_offset=0, col_offset=0):
    """Row numbers to the left of and column numbers above a grid."""
    size = float(np.clip(cv.pt * 0.3, 7, 11))
    for r in range(rows):
        cv.text(x0 - 0.45, y0 + r + 0.5, str(r - row_offset), size=size, color="#666666")
    for c in range(cols):
        cv.text(x0 + c + 0.5, y0 - 0.4, str(c - col_offset), size=size, color="#666666")


def draw_participation_counts(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                              highlight=None):
    """Participation counts: how many outputs each input pixel takes part in.

    A heatmap of :func:`convkit.participation_counts` (H, W) with the numbers written in and
    each input's id in the corner; padding is hatched. ``highlight``: an input id.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    hl = _check_highlight(highlight, h * w, "input")
    counts = trace.participation_counts(geom.input, geom.kernel, stride=geom.stride,
                                        padding=geom.padding, dilation=geom.dilation)
    total, taps = int(counts.sum()), ho * wo * kh * kw
    note = f"sum = {total} = {ho * wo} outputs × {kh * kw} kernel weights"
    if total != taps:
        note += f" − {taps - total} taps on padding"
    left, top = 1.8, 1.6
    cv = _Canvas(left + w + 2 * pw + 0.6, top + h + 2 * ph + 0.4,
                 "Participation counts: in how many outputs each input takes part",
                 _describe(geom) + ";  " + note, max_cell=0.8)
    cmap = _count_cmap()
    vmax = max(int(counts.max()), 1)
    _index_axes(cv, left, top, h + 2 * ph, w + 2 * pw, row_offset=ph, col_offset=pw)
    cv.text(left + (w + 2 * pw) / 2, top - 1.1, "input column →")
    cv.text(left - 1.3, top + (h + 2 * ph) / 2, "← input row", rotation=90)
    small = float(np.clip(cv.pt * 0.22, 6, 10))
    for r in range(-ph, h + ph):
        for c in range(-pw, w + pw):
            x, y = left + c + pw, top + r + ph
            if not (0 <= r < h and 0 <= c < w):
                cv.pad_cell(x, y)
                continue
            p = r * w + c
            dim = hl is not None and p != hl
            face = cmap(counts[r, c] / vmax)
            cv.cell(x, y, face, str(counts[r, c]), dim=dim, gid=f"count {r} {c}", size=1.15)
            ink = _ink_for(_dim(face) if dim else face)
            cv.text(x + 0.06, y + 0.06, f"x{p}", size=small, color=ink, ha="left", va="top",
                    alpha=0.8)
            if p == hl:
                cv.frame(x, y, 1, 1, lw=max(2.5, cv.pt / 9))
    return cv.finish()


def _count_cmap():
    """A light-to-dark sequential map (colour-blind safe) that keeps text readable."""
    from matplotlib import colormaps
    base = colormaps["YlGnBu"]
    return lambda t: to_rgb(base(0.08 + 0.8 * float(t)))


def draw_im2col_matrix(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                       highlight=None):
    """The 整容 (im2col) matrix next to the kernel vector: Z = X_col · k.

    Rows = outputs, columns = kernel weights, entries = input ids
    (:func:`convkit.im2col_indices`); hatched entries sit on padding and read a zero.
    ``highlight``: an output id (one row, one dot product) to emphasise.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (ho, wo), (kh, kw) = geom.output, geom.kernel
    n_out, n_k = ho * wo, kh * kw
    hl = _check_highlight(highlight, n_out, "output")
    idx = trace.im2col_indices(geom.input, geom.kernel, stride=geom.stride,
                               padding=geom.padding, dilation=geom.dilation)
    colors = kernel_colors(n_k)
    left, top = 2.0, 2.2
    mx = left                           # matrix
    kx = mx + n_k + 1.6                 # kernel vector
    zx = kx + 1 + 1.6                   # output vector
    height = top + max(n_out, n_k) + 0.5
    cv = _Canvas(zx + 1 + 0.5, height,
                 "The im2col ('face-lift') matrix: the convolution as one matrix product",
                 _describe(geom) + ";  entries = input id x, hatched = padding (reads 0)")
    ky = top + (n_out - n_k) / 2 if n_out > n_k else top
    my = top if n_out >= n_k else top + (n_k - n_out) / 2
    cv.text(mx + n_k / 2, top - 1.6, "X_col: one column per kernel weight")
    cv.text(mx - 1.2, my + n_out / 2, "← one row per output", rotation=90)
    for k in range(n_k):
        cv.text(mx + k + 0.5, my - 0.45, f"k{k}", size=float(np.clip(cv.pt * 0.32, 7, 12)))
    for o in range(n_out):
        dim = hl is not None and o != hl
        cv.text(mx - 0.45, my + o + 0.5, f"z{o}", size=float(np.clip(cv.pt * 0.32, 7, 12)),
                color="#9a9a9a" if dim else INK, ha="right")
        for k in range(n_k):
            v = idx[o, k]
            if v < 0:
                cv.pad_cell(mx + k, my + o, dim=dim)
            else:
                cv.cell(mx + k, my + o, colors[k], str(v), dim=dim, gid=f"im2col {o} {k}")
    cv.frame(mx, my, n_k, n_out, color="#555555", z=2)
    if hl is not None:
        cv.frame(mx, my + hl, n_k, 1, lw=max(2.0, cv.pt / 10))
    cv.text(kx - 0.8, top + max(n_out, n_k) / 2, "·", size=cv.label_size * 1.6)
    cv.text(kx + 0.5, ky - 0.6, "k")
    for k in range(n_k):
        cv.cell(kx, ky + k, colors[k], f"k{k}", gid=f"kvec {k}")
    cv.frame(kx, ky, 1, n_k, color="#555555", z=2)
    cv.text(zx - 0.8, top + max(n_out, n_k) / 2, "=", size=cv.label_size * 1.4)
    cv.text(zx + 0.5, my - 0.6, "z")
    for o in range(n_out):
        dim = hl is not None and o != hl
        cv.cell(zx, my + o, DZ_FACE, f"z{o}", dim=dim, gid=f"zvec {o}")
    cv.frame(zx, my, 1, n_out, color="#555555", z=2)
    if hl is not None:
        cv.frame(zx, my + hl, 1, 1, lw=max(2.0, cv.pt / 10))
    return cv.finish()


def _centre_input(geom):
    h, w = geom.input
    return (h // 2) * w + w // 2


def _sum_formula(p, terms, per_line):
    """``dx<p> = dz0·k8 + dz1·k7 + ...`` wrapped into lines of ``per_line`` terms."""
    if not terms:
        return f"dx{p} = 0   (no window reaches x{p})"
    parts = [f"dz{o}·k{k}" for o, k in terms]
    lines = [" + ".join(parts[i:i + per_line]) for i in range(0, len(parts), per_line)]
    return f"dx{p} = " + "\n       + ".join(lines)


def _terms(geom, p):
    """(output id, kernel id) pairs whose products add into input ``p``, in output order."""
    imap = trace.input_grad_map(geom.input, geom.kernel, stride=geom.stride,
                                padding=geom.padding, dilation=geom.dilation)
    w = geom.input[1]
    values = imap[p // w, p % w].ravel()
    return [(o, int(k)) for o, k in enumerate(values) if k >= 0]


def _input_grid(cv, x0, y0, geom, hl, *, gid_prefix, label="dX"):
    """The (H, W) input-gradient grid with its padding ring and the highlighted pixel."""
    (h, w), (ph, pw) = geom.input, geom.padding
    counts = trace.participation_counts(geom.input, geom.kernel, stride=geom.stride,
                                        padding=geom.padding, dilation=geom.dilation)
    cv.text(x0 + (w + 2 * pw) / 2, y0 - 0.7, label)
    for r in range(-ph, h + ph):
        for c in range(-pw, w + pw):
            x, y = x0 + c + pw, y0 + r + ph
            if not (0 <= r < h and 0 <= c < w):
                cv.pad_cell(x, y)
                continue
            p = r * w + c
            face = NEVER_FACE if counts[r, c] == 0 else DZ_FACE
            cv.cell(x, y, face, f"dx{p}", dim=p != hl, gid=f"{gid_prefix} {r} {c}")
            if p == hl:
                cv.frame(x, y, 1, 1, lw=max(2.5, cv.pt / 9))
    cv.frame(x0, y0, w + 2 * pw, h + 2 * ph, color="#555555", z=2)


def draw_col2im_backward(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                         highlight=None):
    """dX the im2col way: dX_col = dz · kᵀ (one product per matrix entry), then col2im.

    Left: the (Ho*Wo, KH*KW) matrix dX_col laid out as a multiplication table of the dz
    column and the k row; each entry is labelled with the input id it was copied from in
    the forward pass, which is where col2im *adds* it. Right: dX. ``highlight``: the input
    id whose sum is spelled out (default: the centre pixel). In unfold layout (columns =
    outputs) the same product reads ``Wᵀ · dY``.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    n_out, n_k = ho * wo, kh * kw
    hl = _check_highlight(_centre_input(geom) if highlight is None else highlight, h * w,
                          "input")
    idx = trace.im2col_indices(geom.input, geom.kernel, stride=geom.stride,
                               padding=geom.padding, dilation=geom.dilation)
    colors = kernel_colors(n_k)
    terms = _terms(geom, hl)
    left, top = 2.2, 3.2
    mx = left + 1.4                     # matrix, right of the dz column
    gx = mx + n_k + 3.2                 # dX grid
    gy = top
    n_lines = max(1, -(-len(terms) // 5))
    height = top + max(n_out, h + 2 * ph + 1.5 + 1.0 * n_lines) + 0.5
    width = gx + max(w + 2 * pw, 10) + 0.5
    cv = _Canvas(width, height,
                 "dX the im2col way: dX_col = dz · kᵀ, then col2im adds each entry back",
                 _describe(geom) + ";  entry label = the input pixel it is added into")
    small = float(np.clip(cv.pt * 0.32, 7, 12))
    # the k row (top) and dz column (left) of the multiplication table
    cv.text(mx + n_k / 2, top - 2.3, "kᵀ (kernel as a row)", size=small)
    for k in range(n_k):
        cv.cell(mx + k, top - 1.5, colors[k], f"k{k}")
    cv.text(left - 0.7, top - 1.0, "dz", size=small)
    for o in range(n_out):
        cv.cell(left, top + o, DZ_FACE, f"dz{o}", dim=all(o != t[0] for t in terms))
    for o in range(n_out):
        for k in range(n_k):
            v = idx[o, k]
            dim = v != hl
            if v < 0:
                cv.pad_cell(mx + k, top + o, dim=dim)
            else:
                cv.cell(mx + k, top + o, colors[k], str(v), dim=dim, gid=f"col2im {o} {k}")
                if not dim:
                    cv.frame(mx + k, top + o, 1, 1, lw=max(1.8, cv.pt / 12))
    cv.frame(mx, top, n_k, n_out, color="#555555", z=2)
    cv.arrow((mx + n_k + 0.4, top + min(n_out, h) / 2), (gx - 0.6, top + min(n_out, h) / 2),
             "col2im")
    _input_grid(cv, gx, gy, geom, hl, gid_prefix="dx")
    formula = _sum_formula(hl, terms, 3)
    cv.text(gx, gy + h + 2 * ph + 0.8, formula, size=float(np.clip(cv.pt * 0.34, 8, 13)),
            ha="left", va="top", gid="formula", family="DejaVu Sans Mono")
    return cv.finish()


def draw_full_correlation(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                          highlight=None):
    """dX as a full correlation: zero-insert dZ for the stride, pad it, rotate k by 180°.

    Left: dz with ``stride-1`` zeros between entries and a ring of zeros (hatched) wide
    enough for the kernel (``D(K-1)`` on each side, less the forward padding ``P``);
    middle: the kernel rotated 180°; right: dX. The rotated kernel is placed over dz for
    the highlighted input pixel (default: the centre), its weights colouring the cells
    they multiply. ``highlight``: an input id.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    (sh, sw), (dh, dw) = geom.stride, geom.dilation
    hl = _check_highlight(_centre_input(geom) if highlight is None else highlight, h * w,
                          "input")
    colors = kernel_colors(kh * kw)
    reach_h, reach_w = dh * (kh - 1), dw * (kw - 1)
    ch_, cw_ = h + reach_h, w + reach_w          # canvas: every input's window fits
    off_h, off_w = reach_h - ph, reach_w - pw    # where dz[0, 0] lands on the canvas
    left, top = 2.0, 2.2
    kx = left + cw_ + 2.0
    gx = kx + kw + 2.0
    terms = _terms(geom, hl)
    n_lines = max(1, -(-len(terms) // 3))
    height = top + max(ch_, h + 2 * ph) + 1.0 + 0.9 * n_lines
    width = gx + w + 2 * pw + 0.5
    pad_note = (f"dz padded by K-1 = {_fmt((kh - 1, kw - 1))}" if (sh, sw, dh, dw, ph, pw) ==
                (1, 1, 1, 1, 0, 0) else "dz, zeros inserted for the stride, padded by D(K-1) − P")
    cv = _Canvas(width, height,
                 "dX as a full correlation: pad dz, rotate the kernel 180°, correlate",
                 _describe(geom) + ";  " + pad_note)
    # the window of the highlighted input on the canvas, tap by rotated tap
    r0, c0 = divmod(hl, w)
    under = {}
    for i in range(kh):
        for j in range(kw):
            under[(r0 + i * dh, c0 + j * dw)] = (kh - 1 - i) * kw + (kw - 1 - j)  # rot180 id
    cv.text(left + cw_ / 2, top - 1.2, "padded dz")
    for q in range(ch_):
        for s in range(cw_):
            a, b = q - off_h, s - off_w                 # position in the zero-inserted dz
            inside = 0 <= a <= (ho - 1) * sh and 0 <= b <= (wo - 1) * sw
            k = under.get((q, s))
            face = colors[k] if k is not None else None
            if inside and a % sh == 0 and b % sw == 0:
                o = (a // sh) * wo + b // sw
                cv.cell(left + s, top + q, face or DZ_FACE, f"dz{o}", gid=f"dz {q} {s}")
            elif inside:
                cv.cell(left + s, top + q, face or BLANK_FACE, "0", ink="#777777" if face is None
                        else None)
            elif k is not None:
                cv.cell(left + s, top + q, _dim(face), "0", pad=True, ink=INK)
            else:
                cv.pad_cell(left + s, top + q)
    cv.frame(left, top, cw_, ch_, color="#555555", z=2)
    span_h, span_w = reach_h + 1, reach_w + 1
    cv.frame(left + c0, top + r0, span_w, span_h, lw=max(2.0, cv.pt / 10))
    cv.text(kx - 1.0, top + ch_ / 2, "⋆", size=cv.label_size * 1.5)
    cv.text(kx + kw / 2, top - 1.2, "rot180(k)")
    for i in range(kh):
        for j in range(kw):
            k = (kh - 1 - i) * kw + (kw - 1 - j)
            cv.cell(kx + j, top + i, colors[k], str(k), gid=f"rot {i} {j}")
    cv.frame(kx, top, kw, kh, color="#555555", z=2)
    if (dh, dw) != (1, 1):
        cv.text(kx + kw / 2, top + kh + 0.7, f"dilated by {_fmt((dh, dw))}",
                size=float(np.clip(cv.pt * 0.3, 7, 11)))
    cv.text(gx - 1.0, top + ch_ / 2, "=", size=cv.label_size * 1.4)
    _input_grid(cv, gx, top, geom, hl, gid_prefix="dx")
    cv.text(left, top + max(ch_, h + 2 * ph) + 0.6, _sum_formula(hl, terms, 6),
            size=float(np.clip(cv.pt * 0.34, 8, 13)), ha="left", va="top", gid="formula",
            family="DejaVu Sans Mono")
    return cv.finish()
