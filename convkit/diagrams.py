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
from matplotlib.colors import to_rgb

from . import trace
from ._gridpaper import (BLANK_FACE, DZ_FACE, INK, NEVER_FACE, PAD_FACE, Canvas,
                         check_highlight, describe, dimmed, fmt_pair, ink_for, kernel_colors)
from .geometry import conv_geometry

__all__ = ["kernel_colors", "draw_forward_map", "draw_input_grad_map", "draw_weight_grad_map",
           "draw_participation_counts", "draw_im2col_matrix", "draw_col2im_backward",
           "draw_full_correlation"]


def _geom(input_size, kernel_size, stride, padding, dilation):
    return conv_geometry(input_size, kernel_size, stride, padding, dilation)


def _trace(geom, name):
    """``trace.<name>`` for a checked geometry."""
    return getattr(trace, name)(geom.input, geom.kernel, stride=geom.stride,
                                padding=geom.padding, dilation=geom.dilation)


def _label(name, geom):
    """The figure's repr. Committed notebooks store it as the cell's text output, which
    nbval compares: keep this format stable (tests/test_diagrams.py pins it)."""
    return f"{name}, {describe(geom)}"


LEGEND_CELL = 0.36  # inches: the kernel legend stays readable when the maps' cells are tiny


def _kernel_legend(cv, x0, y0, geom, colors):
    kh, kw = geom.kernel
    u = max(1.0, cv.cells(LEGEND_CELL))
    cv.text(x0 + kw * u / 2, y0 - cv.cells(0.2), "kernel k")
    for i in range(kh):
        for j in range(kw):
            k = i * kw + j
            cv.cell(x0 + j * u, y0 + i * u, colors[k], str(k), unit=u,
                    fontsize=max(9.0, cv.num_size) * min(1.0, 2.4 / len(str(k))) ** 0.85)
    cv.outline(x0, y0, kw * u, kh * u)


def _panel_grid(geom, n_rows, n_cols, panel_h, panel_w, *, title, subtitle, label, legend,
                caption_of, axis_names):
    """A canvas laid out as ``n_rows x n_cols`` panels of ``panel_h x panel_w`` cells, each
    with a caption above it. Returns the canvas and ``corner(row, col)`` -> top-left cell."""
    gap = max(0.8, 0.12 * max(panel_h, panel_w))
    cap = 1.0  # the caption row above each panel
    core_w = n_cols * panel_w + (n_cols - 1) * gap
    core_h = n_rows * (cap + panel_h) + (n_rows - 1) * gap
    kh, kw = geom.kernel
    cv = Canvas(core_w + (kw + 1.5 if legend else 0), core_h, title, subtitle, label=label)

    def corner(pr, pc):
        return pc * (panel_w + gap), cap + pr * (panel_h + cap + gap)

    cv.text(core_w / 2, -cv.cells(0.25), f"{axis_names[1]} →")
    cv.text(-cv.cells(0.3), core_h / 2, f"← {axis_names[0]}", rotation=90)
    for pr in range(n_rows):
        for pc in range(n_cols):
            x, y = corner(pr, pc)
            cv.text(x + panel_w / 2, y - 0.45, caption_of(pr, pc), size=cv.caption_size)
    if legend:
        _kernel_legend(cv, core_w + max(1.2, cv.cells(0.4)), cap, geom, kernel_colors(kh * kw))
    return cv, corner


def _small_grid(cv, x0, y0, values, pad, *, gid_prefix, colors, dim, corner=None):
    """One small map of kernel ids: ``values`` (rows, cols), -1 blank; ``pad`` ring hatched.

    ``corner``: a letter ("x", "z") to name every cell in its corner, when cells are big
    enough for a second, tiny label.
    """
    rows, cols = values.shape
    ph, pw = pad
    named = corner is not None and cv.pt >= 30
    for r in range(-ph, rows + ph):
        for c in range(-pw, cols + pw):
            x, y = x0 + c + pw, y0 + r + ph
            if not (0 <= r < rows and 0 <= c < cols):
                cv.pad_cell(x, y, dim=dim)
                continue
            v = int(values[r, c])
            face = BLANK_FACE if v < 0 else colors[v]
            cv.cell(x, y, face, None if v < 0 else str(v), dim=dim,
                    gid=None if v < 0 else f"{gid_prefix} {r} {c}")
            if named:
                _corner_label(cv, x, y, f"{corner}{r * cols + c}", face, dim)
    cv.outline(x0, y0, cols + 2 * pw, rows + 2 * ph)


def _corner_label(cv, x, y, text, face, dim):
    """A tiny name in the top-left corner of a cell, quieter than the cell's number."""
    ink = ink_for(dimmed(face) if dim else face)
    cv.text(x + 0.06, y + 0.05, text, size=max(6.5, cv.small_size * 0.72),
            color=("#c4c4c4" if dim else "#707070") if ink == INK else "#e8e8e8", ha="left",
            va="top")


def _emphasise_panel(cv, x0, y0, w, h):
    """Thick frame around a panel and its caption."""
    m = 0.18
    cv.emphasis(x0 - m, y0 - 1.0, w + 2 * m, h + 1.0 + m)


def draw_forward_map(input_size, kernel_size, *, stride=1, padding=0, dilation=1, highlight=None):
    """Diagram 1, the forward map: one small input grid per output pixel.

    Panels are arranged as the (Ho, Wo) output; panel ``z<o>`` shows the (padded) input with
    the cells that output reads, each labelled with the kernel id that multiplies it
    (:func:`convkit.forward_map`); taps on padding are hatched (they multiply a zero).
    ``highlight``: an output id to emphasise.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    hl = check_highlight(highlight, ho * wo, "output")
    fmap, pos = _trace(geom, "forward_map"), _trace(geom, "window_positions")
    colors = kernel_colors(kh * kw)
    cv, corner = _panel_grid(
        geom, ho, wo, h + 2 * ph, w + 2 * pw,
        title="Forward map: which inputs each output reads",
        subtitle=describe(geom) + "\nnumbers = the kernel weight k that multiplies that input"
        + (";  hatched = padding (zeros)" if ph or pw else ""),
        label=_label("forward map", geom), legend=True,
        caption_of=lambda r, c: f"z{r * wo + c}", axis_names=("output row", "output column"))
    for oy in range(ho):
        for ox in range(wo):
            o = oy * wo + ox
            dim = hl is not None and o != hl
            x0, y0 = corner(oy, ox)
            _small_grid(cv, x0, y0, fmap[oy, ox], geom.padding, gid_prefix=f"fwd {oy} {ox}",
                        colors=colors, dim=dim, corner="x")
            for k, (r, c) in enumerate(pos[o]):  # taps on padding: they multiply a zero
                if not (0 <= r < h and 0 <= c < w):
                    cv.cell(x0 + c + pw, y0 + r + ph, dimmed(colors[k]), str(k), pad=True,
                            dim=dim, ink=INK, gid=f"fwdpad {oy} {ox} {r} {c}")
            if o == hl:
                _emphasise_panel(cv, x0, y0, w + 2 * pw, h + 2 * ph)
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
    hl = check_highlight(highlight, h * w, "input")
    imap = _trace(geom, "input_grad_map")
    colors = kernel_colors(kh * kw)
    never = (imap < 0).all(axis=(2, 3))
    note = "numbers = the kernel weight k it met there, so dx = Σ dz·k"
    if never.any():
        note += ";  tinted = reached by no window (gradient 0)"
    cv, corner = _panel_grid(
        geom, h, w, ho, wo, title="Input-loss map: which outputs each input feeds",
        subtitle=describe(geom) + "\n" + note, label=_label("input-loss map", geom),
        legend=True, caption_of=lambda r, c: f"x{r * w + c}",
        axis_names=("input row", "input column"))
    for r in range(h):
        for c in range(w):
            p = r * w + c
            dim = hl is not None and p != hl
            x0, y0 = corner(r, c)
            if never[r, c]:  # tint the whole panel so the zero gradient shows
                for oy in range(ho):
                    for ox in range(wo):
                        cv.cell(x0 + ox, y0 + oy, NEVER_FACE, dim=dim)
                cv.outline(x0, y0, wo, ho)
            else:
                _small_grid(cv, x0, y0, imap[r, c], (0, 0), gid_prefix=f"igrad {r} {c}",
                            colors=colors, dim=dim, corner="z")
            if p == hl:
                _emphasise_panel(cv, x0, y0, wo, ho)
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
    hl = check_highlight(highlight, kh * kw, "kernel")
    wmap = _trace(geom, "weight_grad_map")
    colors = kernel_colors(kh * kw)
    note = "numbers = the input x it met at that output, so dk = Σ dz·x"
    if (wmap < 0).any():
        note += ";  hatched = padding (a zero)"
    cv, corner = _panel_grid(
        geom, kh, kw, ho, wo, title="Weight-derivative map: what each weight meets at each output",
        subtitle=describe(geom) + "\n" + note, label=_label("weight-derivative map", geom),
        legend=False, caption_of=lambda i, j: f"k{i * kw + j}",
        axis_names=("kernel row", "kernel column"))
    for i in range(kh):
        for j in range(kw):
            k = i * kw + j
            dim = hl is not None and k != hl
            x0, y0 = corner(i, j)
            for oy in range(ho):
                for ox in range(wo):
                    v = int(wmap[i, j, oy, ox])
                    if v < 0:
                        cv.pad_cell(x0 + ox, y0 + oy, dim=dim)
                    else:
                        cv.cell(x0 + ox, y0 + oy, colors[k], str(v), dim=dim,
                                gid=f"wgrad {i} {j} {oy} {ox}")
                    if cv.pt >= 30:
                        _corner_label(cv, x0 + ox, y0 + oy, f"z{oy * wo + ox}",
                                      PAD_FACE if v < 0 else colors[k], dim)
            cv.outline(x0, y0, wo, ho)
            if k == hl:
                _emphasise_panel(cv, x0, y0, wo, ho)
    return cv.finish()


def _index_axes(cv, x0, y0, rows, cols, *, row_offset=0, col_offset=0):
    """Row numbers to the left of and column numbers above a grid (padding gets none)."""
    for r in range(rows):
        if 0 <= r - row_offset < rows - 2 * row_offset:
            cv.text(x0 - cv.cells(0.16), y0 + r + 0.5, str(r - row_offset), size=cv.small_size,
                    color="#666666", ha="right")
    for c in range(cols):
        if 0 <= c - col_offset < cols - 2 * col_offset:
            cv.text(x0 + c + 0.5, y0 - cv.cells(0.1), str(c - col_offset), size=cv.small_size,
                    color="#666666", va="bottom")


def _count_color(t):
    """Light-to-dark sequential colour (YlGnBu, colour-blind safe) for a count in 0..1."""
    from matplotlib import colormaps
    return to_rgb(colormaps["YlGnBu"](0.08 + 0.8 * float(t)))


def draw_participation_counts(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                              highlight=None):
    """Participation counts: how many outputs each input pixel takes part in.

    A heatmap of :func:`convkit.participation_counts` (H, W) with the numbers written in and
    each input's id in the corner; padding is hatched. ``highlight``: an input id.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    hl = check_highlight(highlight, h * w, "input")
    counts = _trace(geom, "participation_counts")
    total, taps = int(counts.sum()), ho * wo * kh * kw
    note = f"sum = {total} = {ho * wo} outputs × {kh * kw} kernel weights"
    if total != taps:
        note += f" − {taps - total} taps on padding"
    if (counts == 0).any():
        note += ";  tinted = reached by no window (gradient 0)"
    cv = Canvas(w + 2 * pw, h + 2 * ph, "Participation counts: how many outputs each input feeds",
                describe(geom) + "\n" + note, label=_label("participation counts", geom),
                max_cell=0.75, max_w=9, max_h=8)
    vmax = kh * kw  # no input meets more windows than the kernel has weights: a fixed scale
    _index_axes(cv, 0, 0, h + 2 * ph, w + 2 * pw, row_offset=ph, col_offset=pw)
    cv.text((w + 2 * pw) / 2, -cv.cells(0.45), "input column →")
    cv.text(-cv.cells(0.5), (h + 2 * ph) / 2, "← input row", rotation=90)
    for r in range(-ph, h + ph):
        for c in range(-pw, w + pw):
            x, y = c + pw, r + ph
            if not (0 <= r < h and 0 <= c < w):
                cv.pad_cell(x, y)
                continue
            p = r * w + c
            dim = hl is not None and p != hl
            face = NEVER_FACE if counts[r, c] == 0 else _count_color(counts[r, c] / vmax)
            cv.cell(x, y, face, str(counts[r, c]), dim=dim, gid=f"count {r} {c}", size=1.15)
            ink = ink_for(dimmed(face) if dim else face)
            cv.text(x + 0.07, y + 0.07, f"x{p}", size=cv.small_size * 0.9, color=ink, ha="left",
                    va="top", alpha=0.75)
            if p == hl:
                cv.emphasis(x, y, 1, 1)
    cv.outline(0, 0, w + 2 * pw, h + 2 * ph)
    return cv.finish()


def _sum_formula(lhs, terms, per_line):
    """``lhs = a·b + c·d + ...`` wrapped into lines of ``per_line`` terms."""
    lines = [" + ".join(terms[i:i + per_line]) for i in range(0, len(terms), per_line)]
    return f"{lhs} = " + f"\n{' ' * (len(lhs) + 1)}+ ".join(lines)


def draw_im2col_matrix(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                       highlight=None):
    """The 整容 (im2col, "face-lift") matrix next to the kernel vector: z = X_col · k.

    Rows = outputs, columns = kernel weights, entries = input ids
    (:func:`convkit.im2col_indices`); hatched entries sit on padding and read a zero.
    ``highlight``: an output id — its row (one dot product) is emphasised and spelled out.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (ho, wo), (kh, kw) = geom.output, geom.kernel
    n_out, n_k = ho * wo, kh * kw
    hl = check_highlight(highlight, n_out, "output")
    idx = _trace(geom, "im2col_indices")
    colors = kernel_colors(n_k)
    kx = n_k + 2.0          # the kernel vector
    zx = kx + 3.0           # the output vector
    rows = max(n_out, n_k)
    my = (rows - n_out) / 2  # centre the shorter of matrix and kernel vector
    ky = (rows - n_k) / 2
    note = "entries = the input x each weight meets for each output"
    if (idx < 0).any():
        note += ";  hatched = padding (reads 0)"
    cv = Canvas(zx + 1, rows, "The im2col ('face-lift') matrix: convolution as one matrix product",
                describe(geom) + "\n" + note, label=_label("im2col matrix", geom))
    head = float(np.clip(cv.pt * 0.32, 7, 12))
    cv.text(n_k / 2, my - cv.cells(0.5), "X_col: one column per kernel weight")
    cv.text(-cv.cells(0.55), my + n_out / 2, "← one row per output", rotation=90)
    for k in range(n_k):
        cv.text(k + 0.5, my - cv.cells(0.08), f"k{k}", size=head, va="bottom")
    for o in range(n_out):
        dim = hl is not None and o != hl
        cv.text(-cv.cells(0.08), my + o + 0.5, f"z{o}", size=head,
                color="#9a9a9a" if dim else INK, ha="right")
        for k in range(n_k):
            v = int(idx[o, k])
            if v < 0:
                cv.pad_cell(k, my + o, dim=dim)
            else:
                cv.cell(k, my + o, colors[k], str(v), dim=dim, gid=f"im2col {o} {k}")
    cv.outline(0, my, n_k, n_out)
    cv.text(kx - 1.0, rows / 2, "●", size=cv.label_size * 0.8)
    cv.text(kx + 0.5, ky - cv.cells(0.25), "k")
    for k in range(n_k):
        cv.cell(kx, ky + k, colors[k], f"k{k}", gid=f"kvec {k}")
    cv.outline(kx, ky, 1, n_k)
    cv.text(zx - 1.0, rows / 2, "=", size=cv.label_size * 1.6)
    cv.text(zx + 0.5, my - cv.cells(0.25), "z")
    for o in range(n_out):
        cv.cell(zx, my + o, DZ_FACE, f"z{o}", dim=hl is not None and o != hl, gid=f"zvec {o}")
    cv.outline(zx, my, 1, n_out)
    if hl is not None:
        cv.emphasis(0, my + hl, n_k, 1)
        cv.emphasis(zx, my + hl, 1, 1)
        terms = [f"x{int(v)}·k{k}" for k, v in enumerate(idx[hl]) if v >= 0]
        text = (_sum_formula(f"z{hl}", terms, 5) if terms
                else f"z{hl} = 0 (its window is all padding)")
        cv.text(0, my + n_out + cv.cells(0.2), text, size=cv.formula_size, ha="left", va="top",
                family="DejaVu Sans Mono", gid="rowformula")
    return cv.finish()


def _centre_input(geom):
    h, w = geom.input
    return (h // 2) * w + w // 2


def _dx_terms(geom, p):
    """(output id, kernel id) pairs whose products add into input ``p``, in output order."""
    row = _trace(geom, "input_grad_map")[p // geom.input[1], p % geom.input[1]].ravel()
    return [(o, int(k)) for o, k in enumerate(row) if k >= 0]


def _dx_formula(p, terms, per_line):
    if not terms:
        return f"dx{p} = 0   (no window reaches x{p})"
    return _sum_formula(f"dx{p}", [f"dz{o}·k{k}" for o, k in terms], per_line)


def _input_grid(cv, x0, y0, geom, hl, pad, *, gid_prefix):
    """The (H, W) dX grid, labelled dx<id>, with a hatched ``pad`` ring and ``hl`` framed."""
    (h, w), (ph, pw) = geom.input, pad
    counts = _trace(geom, "participation_counts")
    size = cv.cell_text_size(cv.named("dx", h * w - 1))  # one size for the whole grid
    cv.text(x0 + (w + 2 * pw) / 2, y0 - cv.cells(0.25), "dX")
    for r in range(-ph, h + ph):
        for c in range(-pw, w + pw):
            x, y = x0 + c + pw, y0 + r + ph
            if not (0 <= r < h and 0 <= c < w):
                cv.pad_cell(x, y)
                continue
            p = r * w + c
            cv.cell(x, y, NEVER_FACE if counts[r, c] == 0 else DZ_FACE, cv.named("dx", p),
                    dim=p != hl, gid=f"{gid_prefix} {r} {c}", fontsize=size)
            if p == hl:
                cv.emphasis(x, y, 1, 1)
    cv.outline(x0, y0, w + 2 * pw, h + 2 * ph)


def draw_col2im_backward(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                         highlight=None):
    """dX the im2col way: dX_col = dz · kᵀ (one product per matrix entry), then col2im.

    Left: the (Ho*Wo, KH*KW) matrix dX_col laid out as a multiplication table of the dz
    column and the k row; each entry is labelled with the input id it was copied from in
    the forward pass, which is where col2im *adds* it (entries on padding are dropped).
    Right: dX, with the highlighted pixel's sum spelled out. ``highlight``: an input id
    (default: the centre pixel). In unfold layout (columns = outputs) the product is Wᵀ·dY.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    n_out, n_k = ho * wo, kh * kw
    hl = check_highlight(_centre_input(geom) if highlight is None else highlight, h * w,
                         "input")
    idx = _trace(geom, "im2col_indices")
    colors = kernel_colors(n_k)
    terms = _dx_terms(geom, hl)
    mx, my = 1.5, 1.5         # the matrix, right of the dz column and below the k row
    gap = 4.0
    gx = mx + n_k + gap       # the dX grid
    note = f"entry label = the input pixel col2im adds it into;  framed: the entries of dx{hl}"
    if (idx < 0).any():
        note += "\nhatched = the entry fell on padding: col2im drops it"
    cv = Canvas(gx + w + 2 * pw, my + max(n_out, h + 2 * ph + 4),
                "dX the im2col way: dX_col = dz · kᵀ, then col2im adds each entry back",
                describe(geom) + "\n" + note, label=_label("col2im backward", geom))
    cv.text(0.5, 0.5, "×", size=cv.label_size * 1.3)
    cv.text(mx + n_k / 2, -cv.cells(0.25), "dX_col = dz · kᵀ")
    for k in range(n_k):
        cv.cell(mx + k, 0, colors[k], f"k{k}")
    used = {o for o, _ in terms}
    for o in range(n_out):
        cv.cell(0, my + o, DZ_FACE, cv.named("dz", o), dim=o not in used,
                fontsize=cv.cell_text_size(cv.named("dz", n_out - 1)))
        for k in range(n_k):
            v = int(idx[o, k])
            if v < 0:
                cv.pad_cell(mx + k, my + o, dim=True)
            else:
                cv.cell(mx + k, my + o, colors[k], str(v), dim=v != hl, gid=f"col2im {o} {k}")
                if v == hl:
                    cv.emphasis(mx + k, my + o, 1, 1)
    cv.outline(mx, my, n_k, n_out)
    cv.outline(0, my, 1, n_out)
    if cv.named("dz", n_out - 1) == str(n_out - 1):  # compact labels: name the column
        cv.text(-cv.cells(0.12), my + n_out / 2, "dz", ha="right")
    cv.outline(mx, 0, n_k, 1)
    y_arrow = my + min(n_out, h + 2 * ph) / 2
    cv.arrow((mx + n_k + 0.4, y_arrow), (gx - 0.4, y_arrow), "col2im")
    _input_grid(cv, gx, my, geom, hl, geom.padding, gid_prefix="dx")
    cv.text(gx, my + h + 2 * ph + cv.cells(0.25), _dx_formula(hl, terms, 3),
            size=cv.formula_size, ha="left", va="top", gid="formula", family="DejaVu Sans Mono")
    return cv.finish()


def _full_correlation_note(geom, off, extra):
    """Say how dz was zero-inserted and padded, in the geometry's own numbers."""
    (sh, sw), (kh, kw), (dh, dw), (ph, pw) = geom.stride, geom.kernel, geom.dilation, geom.padding
    parts = []
    if (sh, sw) != (1, 1):
        gaps = fmt_pair((sh - 1, sw - 1))
        parts.append(f"{gaps} zero{'' if gaps == '1' else 's'} between entries (stride − 1)")
    if (dh, dw, ph, pw) == (1, 1, 0, 0):
        parts.append(f"padded by K−1 = {fmt_pair((kh - 1, kw - 1))}")
    else:
        parts.append(f"padded by D(K−1) − P = {fmt_pair(off)}")
    note = "dz: " + ", ".join(parts)
    if any(extra):
        note += f" (+ {fmt_pair(extra)} at the end: rows/columns no window stepped on)"
    return note + ";  then the rotated kernel slides over it"


def draw_full_correlation(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                          highlight=None):
    """dX as a full correlation: zero-insert dz for the stride, pad it, rotate k by 180°.

    Left: dz with ``stride-1`` zeros between entries and a hatched ring of zeros, ``D(K-1)``
    wide less the forward padding ``P`` (so the result is dX already cropped); middle: the
    kernel rotated 180°; right: dX. The rotated kernel sits over dz where it computes the
    highlighted input pixel (default: the centre); its weights colour the cells they
    multiply. ``highlight``: an input id.
    """
    geom = _geom(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    (sh, sw), (dh, dw) = geom.stride, geom.dilation
    hl = check_highlight(_centre_input(geom) if highlight is None else highlight, h * w,
                         "input")
    colors = kernel_colors(kh * kw)
    reach = (dh * (kh - 1), dw * (kw - 1))
    canvas = (h + reach[0], w + reach[1])          # every input's window fits on it
    off = (reach[0] - ph, reach[1] - pw)           # where dz[0, 0] lands on the canvas
    spread = ((ho - 1) * sh + 1, (wo - 1) * sw + 1)  # dz after zero insertion
    extra = tuple(canvas[a] - off[a] - spread[a] - off[a] for a in (0, 1))
    r0, c0 = divmod(hl, w)
    under = {(r0 + i * dh, c0 + j * dw): (kh - 1 - i) * kw + (kw - 1 - j)  # rot180 tap -> id
             for i in range(kh) for j in range(kw)}
    terms = _dx_terms(geom, hl)
    gap = 2.5
    kx = canvas[1] + gap
    gx = kx + kw + gap
    rows = max(canvas[0], kh, h)
    cy, ky, gy = ((rows - n) / 2 for n in (canvas[0], kh, h))
    cv = Canvas(gx + w, rows + 3, "dX as a full correlation: pad dz, rotate the kernel 180°, "
                "correlate", describe(geom) + "\n" + _full_correlation_note(geom, off, extra),
                label=_label("full correlation", geom))
    cv.text(canvas[1] / 2, cy - cv.cells(0.25), "dz, zero-padded")
    for q in range(canvas[0]):
        for s in range(canvas[1]):
            a, b = q - off[0], s - off[1]   # position in the zero-inserted dz
            inside = 0 <= a < spread[0] and 0 <= b < spread[1]
            k = under.get((q, s))
            x, y = s, cy + q
            if inside and a % sh == 0 and b % sw == 0:
                o = (a // sh) * wo + b // sw
                cv.cell(x, y, DZ_FACE if k is None else colors[k], cv.named("dz", o),
                        gid=f"dz {q} {s}", fontsize=cv.cell_text_size(cv.named("dz", ho * wo - 1)))
            elif inside:  # a zero inserted for the stride
                cv.cell(x, y, BLANK_FACE if k is None else colors[k], "0",
                        ink="#777777" if k is None else None)
            elif k is not None:
                cv.cell(x, y, dimmed(colors[k]), "0", pad=True, ink=INK)
            else:
                cv.pad_cell(x, y)
    cv.outline(0, cy, canvas[1], canvas[0])
    cv.emphasis(c0, cy + r0, reach[1] + 1, reach[0] + 1)
    cv.text(kx - gap / 2, rows / 2, "⋆", size=cv.label_size * 3)
    cv.text(kx + kw / 2, ky - cv.cells(0.25), "rot180(k)")
    for i in range(kh):
        for j in range(kw):
            k = (kh - 1 - i) * kw + (kw - 1 - j)
            cv.cell(kx + j, ky + i, colors[k], str(k), gid=f"rot {i} {j}")
    cv.outline(kx, ky, kw, kh)
    if (dh, dw) != (1, 1):
        cv.text(kx + kw / 2, ky + kh + cv.cells(0.25), f"(dilated by {fmt_pair((dh, dw))})",
                size=cv.small_size)
    cv.text(gx - gap / 2, rows / 2, "=", size=cv.label_size * 1.6)
    _input_grid(cv, gx, gy, geom, hl, (0, 0), gid_prefix="dx")
    cv.text(0, rows + cv.cells(0.3), _dx_formula(hl, terms, 5), size=cv.formula_size,
            ha="left", va="top", gid="formula", family="DejaVu Sans Mono")
    return cv.finish()
