"""Participation counts: how many outputs each input pixel takes part in (a heatmap)."""
from __future__ import annotations

from matplotlib.colors import to_rgb

from .gridpaper import NEVER_FACE, Canvas, dimmed, ink_for
from ._common import checked, geometry, geometry_text, label, output, tr, traced

__all__ = ["draw_participation_counts"]


def _index_axes(cv, x0, y0, rows, cols, *, row_offset=0, col_offset=0):
    """Row numbers to the left of and column numbers above a grid (padding gets none)."""
    for r in range(rows):
        if 0 <= r - row_offset < rows - 2 * row_offset:
            cv.text(x0 - cv.cells(0.16), y0 + r + 0.5, str(r - row_offset), size=cv.small_size,
                    color="#555555", ha="right")
    for c in range(cols):
        if 0 <= c - col_offset < cols - 2 * col_offset:
            cv.text(x0 + c + 0.5, y0 - cv.cells(0.1), str(c - col_offset), size=cv.small_size,
                    color="#555555", va="bottom")


def _count_color(t):
    """Light-to-dark sequential colour (YlGnBu, colour-blind safe) for a count in 0..1."""
    from matplotlib import colormaps
    return to_rgb(colormaps["YlGnBu"](0.08 + 0.8 * float(t)))


def draw_participation_counts(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                              highlight=None, mark=None, svg=False):
    """Participation counts: how many outputs each input pixel takes part in.

    A heatmap of :func:`convkit.participation_counts` (H, W) with the numbers written in and
    each input's id in the corner; padding is hatched. ``highlight``: an input id;
    ``mark``: input names (``{"x6"}``) whose cells get a thick inner frame; ``svg=True``
    returns SVG text instead of a Figure.
    """
    geom = geometry(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    hl, mark = checked(geom, highlight, "input", mark)
    counts = traced(geom, "participation_counts")
    total, taps = int(counts.sum()), ho * wo * kh * kw
    note = tr("counts.sum", total=total, outputs=ho * wo, weights=kh * kw)
    if total != taps:
        note += tr("counts.on_padding", n=taps - total)
    if (counts == 0).any():
        note += tr("note_join") + tr("tinted_never")
    cv = Canvas(w + 2 * pw, h + 2 * ph, tr("counts.title"),
                geometry_text(geom) + "\n" + note, label=label("participation counts", geom),
                max_cell=0.75, max_w=9, max_h=8, mark=mark)
    vmax = kh * kw  # no input meets more windows than the kernel has weights: a fixed scale
    _index_axes(cv, 0, 0, h + 2 * ph, w + 2 * pw, row_offset=ph, col_offset=pw)
    cv.text((w + 2 * pw) / 2, -cv.cells(0.45), tr("axis_right", name=tr("input_loss.column")))
    cv.text(-cv.cells(0.5), (h + 2 * ph) / 2, tr("axis_down", name=tr("input_loss.row")),
            rotation=90)
    for r in range(-ph, h + ph):
        for c in range(-pw, w + pw):
            x, y = c + pw, r + ph
            if not (0 <= r < h and 0 <= c < w):
                cv.pad_cell(x, y)
                continue
            p = r * w + c
            dim = hl is not None and p != hl
            face = NEVER_FACE if counts[r, c] == 0 else _count_color(counts[r, c] / vmax)
            cv.cell(x, y, face, str(counts[r, c]), dim=dim, gid=f"count {r} {c}", size=1.15,
                    names=(f"x{p}",))
            ink = ink_for(dimmed(face) if dim else face)
            cv.text(x + 0.07, y + 0.07, f"x{p}", size=cv.small_size * 0.9, color=ink, ha="left",
                    va="top", alpha=0.75)
            if p == hl:
                cv.emphasis(x, y, 1, 1)
    cv.outline(0, 0, w + 2 * pw, h + 2 * ph)
    return output(cv, svg)
