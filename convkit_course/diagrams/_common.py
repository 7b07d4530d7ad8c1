"""What the drawings share: checked geometry, trace look-ups, labels, the kernel legend,
``mark``/``highlight`` checks, the spelled-out sums (``z4 = x6·k0 + …``) and the texts
(:data:`MESSAGES`, ``diagrams.toml``: every word a drawing shows, in English and Chinese)."""
from __future__ import annotations

import functools
import pathlib

from convkit import trace
from ..i18n import Catalog
from .gridpaper import check_highlight, check_mark, describe, fmt_pair
from convkit.geometry import conv_geometry

MESSAGES = Catalog(pathlib.Path(__file__).with_name("diagrams.toml"))


def tr(message_id, **fields):
    """A text of ``diagrams.toml`` in the language of the moment."""
    return MESSAGES.text(message_id, **fields)


def geometry_text(geom):
    """The geometry line of a subtitle: ``input 5x5, kernel 3x3, … → output 3x3``."""
    (h, w), (kh, kw), (ho, wo) = geom.input, geom.kernel, geom.output
    return tr("geometry", h=h, w=w, kh=kh, kw=kw, ho=ho, wo=wo, stride=fmt_pair(geom.stride),
              padding=fmt_pair(geom.padding), dilation=fmt_pair(geom.dilation))


def geometry(input_size, kernel_size, stride, padding, dilation):
    return conv_geometry(input_size, kernel_size, stride, padding, dilation)


@functools.lru_cache(maxsize=256)
def traced(geom, name):
    """``trace.<name>`` for a checked geometry (cached: the explorer asks again on every
    step; the array is read-only so that no caller can change the cached copy)."""
    out = getattr(trace, name)(geom.input, geom.kernel, stride=geom.stride,
                               padding=geom.padding, dilation=geom.dilation)
    out.flags.writeable = False
    return out


def label(name, geom):
    """The figure's repr. Committed notebooks store it as the cell's text output, which
    nbval compares: keep this format stable (tests/test_diagrams.py pins it).  English in
    both editions: an identifier behind the picture, never shown beside it."""
    return f"{name}, {describe(geom)}"


def counts(geom):
    """How many inputs (x), outputs (z) and kernel weights (k) a geometry has."""
    (h, w), (ho, wo), (kh, kw) = geom.input, geom.output, geom.kernel
    return {"x": h * w, "z": ho * wo, "k": kh * kw}


def checked(geom, highlight, kind, mark):
    """(highlight as an int or None, mark as a frozenset) for ``kind`` ids."""
    n = counts(geom)[{"output": "z", "input": "x", "kernel": "k"}[kind]]
    return check_highlight(highlight, n, kind), check_mark(mark, counts(geom))


def output(cv, svg):
    return cv.svg() if svg else cv.finish()


LEGEND_CELL = 0.36  # inches: the kernel legend stays readable when the maps' cells are tiny


def kernel_legend(cv, x0, y0, geom, colors, *, cell_in=LEGEND_CELL):
    kh, kw = geom.kernel
    u = max(1.0, cv.cells(cell_in))
    cv.text(x0 + kw * u / 2, y0 - cv.cells(0.2), tr("legend_kernel"))
    for i in range(kh):
        for j in range(kw):
            k = i * kw + j
            cv.cell(x0 + j * u, y0 + i * u, colors[k], str(k), unit=u,
                    fontsize=max(9.0, cv.num_size) * min(1.0, 2.4 / len(str(k))) ** 0.85,
                    names=(f"k{k}",), gid=f"legend {k}")
    cv.outline(x0, y0, kw * u, kh * u)
    return kw * u, kh * u


def wrap_sum(lhs, terms, per_line):
    """``lhs = a·b + c·d + ...`` wrapped into lines of ``per_line`` terms."""
    lines = [" + ".join(terms[i:i + per_line]) for i in range(0, len(terms), per_line)]
    return f"{lhs} = " + f"\n{' ' * (len(lhs) + 1)}+ ".join(lines)


def sum_terms(geom, kind, index):
    """The products that add up to one element, as (name, name) pairs in reading order.

    kind "output" (z<o> = Σ x·k over its window), "input" (dx<p> = Σ dz·k over the outputs
    it fed) or "weight" (dk<j> = Σ dz·x over the outputs where it met a real input).
    """
    (h, w), (ho, wo), (kh, kw) = geom.input, geom.output, geom.kernel
    if kind == "output":
        row = traced(geom, "im2col_indices")[index]
        return [(f"x{int(v)}", f"k{k}") for k, v in enumerate(row) if v >= 0]
    if kind == "input":
        row = traced(geom, "input_grad_map")[index // w, index % w].ravel()
        return [(f"dz{o}", f"k{int(k)}") for o, k in enumerate(row) if k >= 0]
    row = traced(geom, "weight_grad_map")[index // kw, index % kw].ravel()
    return [(f"dz{o}", f"x{int(v)}") for o, v in enumerate(row) if v >= 0]


LHS = {"output": "z", "input": "dx", "weight": "dk"}


def sum_formula(geom, kind, index, per_line=5):
    """``z4 = x6·k0 + x7·k1 + …`` (all terms, wrapped), or why the sum is 0."""
    lhs = f"{LHS[kind]}{index}"
    terms = sum_terms(geom, kind, index)
    if not terms:
        return tr(f"sum_zero_{kind}", lhs=lhs, index=index)
    return wrap_sum(lhs, [f"{a}·{b}" for a, b in terms], per_line)


def marked_by(geom, kind, index):
    """The element names a selection touches, for ``mark=``: the inputs an output reads
    (``x…``), the outputs an input feeds or a weight meets a real input in (``z…``)."""
    return frozenset(a[1:] if a.startswith("d") else a for a, _ in sum_terms(geom, kind, index))
