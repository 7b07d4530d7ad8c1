"""The 整容 (im2col) matrix: convolution as one matrix product, z = X_col · k."""
from __future__ import annotations

import numpy as np

from .gridpaper import DZ_FACE, INK, Canvas, kernel_colors
from ._common import checked, geometry, geometry_text, label, output, tr, traced, wrap_sum

__all__ = ["draw_im2col_matrix"]


def draw_im2col_matrix(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                       highlight=None, mark=None, svg=False):
    """The 整容 (im2col, "face-lift") matrix next to the kernel vector: z = X_col · k.

    Rows = outputs, columns = kernel weights, entries = input ids
    (:func:`convkit.im2col_indices`); hatched entries sit on padding and read a zero.
    ``highlight``: an output id — its row (one dot product) is emphasised and spelled out.
    ``mark``: element names (``{"x6", "k0", "z4"}``); entries showing a marked input or
    sitting in a marked weight's column get a thick inner frame (within the highlighted
    row, when there is one), as do marked k and z vector cells. ``svg=True``: SVG text.
    """
    geom = geometry(input_size, kernel_size, stride, padding, dilation)
    (ho, wo), (kh, kw) = geom.output, geom.kernel
    n_out, n_k = ho * wo, kh * kw
    hl, mark = checked(geom, highlight, "output", mark)
    idx = traced(geom, "im2col_indices")
    colors = kernel_colors(n_k)
    kx = n_k + 2.0          # the kernel vector
    zx = kx + 3.0           # the output vector
    rows = max(n_out, n_k)
    my = (rows - n_out) / 2  # centre the shorter of matrix and kernel vector
    ky = (rows - n_k) / 2
    note = tr("matrix.note")
    if (idx < 0).any():
        note += tr("note_join") + tr("matrix.hatched")
    cv = Canvas(zx + 1, rows, tr("matrix.title"),
                geometry_text(geom) + "\n" + note, label=label("im2col matrix", geom), mark=mark)
    head = float(np.clip(cv.pt * 0.32, 7, 12))
    cv.text(n_k / 2, my - cv.cells(0.5), tr("matrix.columns"))
    cv.text(-cv.cells(0.55), my + n_out / 2, tr("matrix.rows"), rotation=90)
    for k in range(n_k):
        cv.text(k + 0.5, my - cv.cells(0.08), f"k{k}", size=head, va="bottom")
    for o in range(n_out):
        dim = hl is not None and o != hl
        cv.text(-cv.cells(0.08), my + o + 0.5, f"z{o}", size=head,
                color="#9a9a9a" if dim else INK, ha="right")
        for k in range(n_k):
            v = int(idx[o, k])
            names = () if dim else (f"k{k}",) + ((f"x{v}",) if v >= 0 else ())
            if v < 0:
                cv.pad_cell(k, my + o, dim=dim, names=names)
            else:
                cv.cell(k, my + o, colors[k], str(v), dim=dim, gid=f"im2col {o} {k}",
                        names=names)
    cv.outline(0, my, n_k, n_out)
    cv.text(kx - 1.0, rows / 2, "●", size=cv.label_size * 0.8)
    cv.text(kx + 0.5, ky - cv.cells(0.25), "k")
    for k in range(n_k):
        cv.cell(kx, ky + k, colors[k], f"k{k}", gid=f"kvec {k}", names=(f"k{k}",))
    cv.outline(kx, ky, 1, n_k)
    cv.text(zx - 1.0, rows / 2, "=", size=cv.label_size * 1.6)
    cv.text(zx + 0.5, my - cv.cells(0.25), "z")
    for o in range(n_out):
        cv.cell(zx, my + o, DZ_FACE, f"z{o}", dim=hl is not None and o != hl, gid=f"zvec {o}",
                names=(f"z{o}",))
    cv.outline(zx, my, 1, n_out)
    if hl is not None:
        cv.emphasis(0, my + hl, n_k, 1)
        cv.emphasis(zx, my + hl, 1, 1)
        terms = [f"x{int(v)}·k{k}" for k, v in enumerate(idx[hl]) if v >= 0]
        text = (wrap_sum(f"z{hl}", terms, 5) if terms
                else tr("row_zero", lhs=f"z{hl}"))
        cv.text(0, my + n_out + cv.cells(0.2), text, size=cv.formula_size, ha="left", va="top",
                family="DejaVu Sans Mono", gid="rowformula")
    return output(cv, svg)
