"""The backward pass drawn two ways: dX the im2col way (dz · kᵀ, then col2im) and dX as a
full correlation (zero-insert and pad dz, rotate the kernel 180°)."""
from __future__ import annotations

from .gridpaper import (BLANK_FACE, DZ_FACE, INK, NEVER_FACE, Canvas, dimmed, fmt_pair,
                        kernel_colors, slide_style_on)
from ._common import checked, geometry, geometry_text, label, output, tr, traced, wrap_sum

__all__ = ["draw_col2im_backward", "draw_full_correlation"]


def _centre_input(geom):
    h, w = geom.input
    return (h // 2) * w + w // 2


def _dx_terms(geom, p):
    """(output id, kernel id) pairs whose products add into input ``p``, in output order."""
    row = traced(geom, "input_grad_map")[p // geom.input[1], p % geom.input[1]].ravel()
    return [(o, int(k)) for o, k in enumerate(row) if k >= 0]


def _dx_formula(p, terms, per_line):
    if not terms:
        return tr("sum_zero_input", lhs=f"dx{p}", index=p)
    return wrap_sum(f"dx{p}", [f"dz{o}·k{k}" for o, k in terms], per_line)


def _input_grid(cv, x0, y0, geom, hl, pad, *, gid_prefix):
    """The (H, W) dX grid, labelled dx<id>, with a hatched ``pad`` ring and ``hl`` framed."""
    (h, w), (ph, pw) = geom.input, pad
    counts = traced(geom, "participation_counts")
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
                    dim=p != hl, gid=f"{gid_prefix} {r} {c}", fontsize=size, names=(f"x{p}",))
            if p == hl:
                cv.emphasis(x, y, 1, 1)
    cv.outline(x0, y0, w + 2 * pw, h + 2 * ph)


def draw_col2im_backward(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                         highlight=None, mark=None, svg=False):
    """dX the im2col way: dX_col = dz · kᵀ (one product per matrix entry), then col2im.

    Left: the (Ho*Wo, KH*KW) matrix dX_col laid out as a multiplication table of the dz
    column and the k row; each entry is labelled with the input id it was copied from in
    the forward pass, which is where col2im *adds* it (entries on padding are dropped).
    Right: dX, with the highlighted pixel's sum spelled out. ``highlight``: an input id
    (default: the centre pixel). In unfold layout (columns = outputs) the product is Wᵀ·dY.
    ``mark``: element names; marked dz, k and dX cells (and the highlighted pixel's
    entries) get a thick inner frame. ``svg=True`` returns SVG text instead of a Figure.
    """
    geom = geometry(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    n_out, n_k = ho * wo, kh * kw
    hl, mark = checked(geom, _centre_input(geom) if highlight is None else highlight, "input",
                       mark)
    idx = traced(geom, "im2col_indices")
    colors = kernel_colors(n_k)
    terms = _dx_terms(geom, hl)
    mx, my = 1.5, 1.5         # the matrix, right of the dz column and below the k row
    gap = 4.0
    gx = mx + n_k + gap       # the dX grid
    note = tr("col2im.note", hl=hl)
    if (idx < 0).any():
        note += "\n" + tr("col2im.hatched")
    cv = Canvas(gx + w + 2 * pw, my + max(n_out, h + 2 * ph + 4), tr("col2im.title"),
                geometry_text(geom) + "\n" + note, label=label("col2im backward", geom),
                mark=mark)
    cv.text(0.5, 0.5, "×", size=cv.label_size * 1.3)
    cv.text(mx + n_k / 2, -cv.cells(0.25), "dX_col = dz · kᵀ")
    for k in range(n_k):
        cv.cell(mx + k, 0, colors[k], f"k{k}", names=(f"k{k}",))
    used = {o for o, _ in terms}
    for o in range(n_out):
        cv.cell(0, my + o, DZ_FACE, cv.named("dz", o), dim=o not in used,
                fontsize=cv.cell_text_size(cv.named("dz", n_out - 1)), names=(f"z{o}",))
        for k in range(n_k):
            v = int(idx[o, k])
            if v < 0:
                cv.pad_cell(mx + k, my + o, dim=True)
            else:
                cv.cell(mx + k, my + o, colors[k], str(v), dim=v != hl, gid=f"col2im {o} {k}",
                        names=(f"x{v}", f"k{k}", f"z{o}") if v == hl else ())
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
    per_line = 2 if slide_style_on() else 3  # a slide's width holds two terms a line
    cv.text(gx, my + h + 2 * ph + cv.cells(0.25), _dx_formula(hl, terms, per_line),
            size=cv.formula_size, ha="left", va="top", gid="formula", family="DejaVu Sans Mono")
    return output(cv, svg)


def _full_correlation_note(geom, off, extra):
    """Say how dz was zero-inserted and padded, in the geometry's own numbers."""
    (sh, sw), (kh, kw), (dh, dw), (ph, pw) = geom.stride, geom.kernel, geom.dilation, geom.padding
    parts = []
    if (sh, sw) != (1, 1):
        gaps = fmt_pair((sh - 1, sw - 1))
        parts.append(tr("full.zero" if gaps == "1" else "full.zeros", gaps=gaps))
    if (dh, dw, ph, pw) == (1, 1, 0, 0):
        parts.append(tr("full.padded_simple", amount=fmt_pair((kh - 1, kw - 1))))
    else:
        parts.append(tr("full.padded", amount=fmt_pair(off)))
    note = tr("full.note", parts=tr("full.parts_join").join(parts))
    if any(extra):
        note += tr("full.extra", extra=fmt_pair(extra))
    return note + tr("full.slides")


def draw_full_correlation(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                          highlight=None, mark=None, svg=False):
    """dX as a full correlation: zero-insert dz for the stride, pad it, rotate k by 180°.

    Left: dz with ``stride-1`` zeros between entries and a hatched ring of zeros, ``D(K-1)``
    wide less the forward padding ``P`` (so the result is dX already cropped); middle: the
    kernel rotated 180°; right: dX. The rotated kernel sits over dz where it computes the
    highlighted input pixel (default: the centre); its weights colour the cells they
    multiply. ``highlight``: an input id. ``mark``: element names (``{"z0", "z1"}``): marked
    dz, rotated-kernel and dX cells get a thick inner frame. ``svg=True``: SVG text.
    """
    geom = geometry(input_size, kernel_size, stride, padding, dilation)
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    (sh, sw), (dh, dw) = geom.stride, geom.dilation
    hl, mark = checked(geom, _centre_input(geom) if highlight is None else highlight, "input",
                       mark)
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
    cv = Canvas(gx + w, rows + 3, tr("full.title"),
                geometry_text(geom) + "\n" + _full_correlation_note(geom, off, extra),
                label=label("full correlation", geom), mark=mark)
    cv.text(canvas[1] / 2, cy - cv.cells(0.25), tr("full.padded_dz"))
    for q in range(canvas[0]):
        for s in range(canvas[1]):
            a, b = q - off[0], s - off[1]   # position in the zero-inserted dz
            inside = 0 <= a < spread[0] and 0 <= b < spread[1]
            k = under.get((q, s))
            x, y = s, cy + q
            if inside and a % sh == 0 and b % sw == 0:
                o = (a // sh) * wo + b // sw
                cv.cell(x, y, DZ_FACE if k is None else colors[k], cv.named("dz", o),
                        gid=f"dz {q} {s}", fontsize=cv.cell_text_size(cv.named("dz", ho * wo - 1)),
                        names=(f"z{o}",) + (() if k is None else (f"k{k}",)))
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
            cv.cell(kx + j, ky + i, colors[k], str(k), gid=f"rot {i} {j}", names=(f"k{k}",))
    cv.outline(kx, ky, kw, kh)
    if (dh, dw) != (1, 1):
        cv.text(kx + kw / 2, ky + kh + cv.cells(0.25), tr("full.dilated", amount=fmt_pair((dh, dw))),
                size=cv.small_size)
    cv.text(gx - gap / 2, rows / 2, "=", size=cv.label_size * 1.6)
    _input_grid(cv, gx, gy, geom, hl, (0, 0), gid_prefix="dx")
    cv.text(0, rows + cv.cells(0.3), _dx_formula(hl, terms, 5), size=cv.formula_size,
            ha="left", va="top", gid="formula", family="DejaVu Sans Mono")
    return output(cv, svg)
