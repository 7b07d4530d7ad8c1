"""The three maps of who touches whom, drawn by one skeleton (:func:`_draw_map`).

Each map is a grid of small panels, one per element of one kind, each a small grid of
cells of another kind:

======================  ============================  ==================================
map                     one panel per                 cells: position / number written
======================  ============================  ==================================
forward map             output z (as the output)      input x (padded) / kernel id k
input-loss map          input x (as the input)        output z / kernel id k
weight-derivative map   kernel weight k (as kernel)   output z / input id x
======================  ============================  ==================================

A :class:`_Map` says only that: the panel grid, the cells of one panel, the captions;
:func:`_draw_map` lays out the panels (all, or a few with ``panels=``), frames the
``highlight``ed panel, dims the others and frames ``mark``ed cells.
:func:`draw_focus` draws one panel large with its sum spelled out (the lecture-hall view).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from .gridpaper import (BLANK_FACE, INK, NEVER_FACE, PAD_FACE, Canvas, check_highlight,
                        compact_style, dimmed, ink_for, kernel_colors, slide_style_on)
from ._common import (LHS, checked, geometry, geometry_text, kernel_legend, label, marked_by,
                      output, sum_formula, tr, traced)

__all__ = ["draw_forward_map", "draw_input_grad_map", "draw_weight_grad_map", "draw_focus"]


@dataclass
class _Cell:
    """One cell of a panel, at (row, col) of the panel including its padding ring."""
    row: int
    col: int
    face: object = None          # None: a plain hatched padding cell
    text: str | None = None
    gid: str | None = None
    names: tuple = ()            # the elements it stands for (for `mark`)
    hatched: bool = False
    corner: str | None = None    # a small name in its top-left corner ("x6")


@dataclass
class _Map:
    name: str                    # "forward map": the repr and the explorer's view name
    kind: str                    # what one panel stands for: "output", "input", "kernel"
    letter: str                  # its caption letter: "z", "x", "k"
    grid: tuple                  # panels: (rows, cols)
    size: tuple                  # cells of one panel, padding ring included: (rows, cols)
    cells: Callable              # panel id -> list of _Cell
    title: str
    note: str
    legend: bool
    axis_names: tuple
    never: Callable = None       # panel id -> True when its element gets a zero gradient


def _forward(geom):
    (h, w), (ho, wo), (ph, pw), (kh, kw) = geom.input, geom.output, geom.padding, geom.kernel
    fmap, pos = traced(geom, "forward_map"), traced(geom, "window_positions")
    colors = kernel_colors(kh * kw)

    def cells(o):
        oy, ox = divmod(o, wo)
        pad_taps = {(int(r), int(c)): k for k, (r, c) in enumerate(pos[o])
                    if not (0 <= r < h and 0 <= c < w)}
        out = []
        for r in range(-ph, h + ph):
            for c in range(-pw, w + pw):
                at = (r + ph, c + pw)
                if 0 <= r < h and 0 <= c < w:
                    v = int(fmap[oy, ox, r, c])
                    out.append(_Cell(*at, BLANK_FACE if v < 0 else colors[v],
                                     None if v < 0 else str(v),
                                     None if v < 0 else f"fwd {oy} {ox} {r} {c}",
                                     (f"x{r * w + c}",) + ((f"k{v}",) if v >= 0 else ()),
                                     corner=f"x{r * w + c}"))
                elif (r, c) in pad_taps:  # a tap on padding: it multiplies a zero
                    k = pad_taps[r, c]
                    out.append(_Cell(*at, dimmed(colors[k]), str(k), f"fwdpad {oy} {ox} {r} {c}",
                                     (f"k{k}",), hatched=True))
                else:
                    out.append(_Cell(*at))
        return out

    return _Map("forward map", "output", "z", (ho, wo), (h + 2 * ph, w + 2 * pw), cells,
                tr("forward.title"),
                tr("forward.note") + (tr("note_join") + tr("forward.hatched") if ph or pw else ""),
                True, (tr("forward.row"), tr("forward.column")))


def _input_loss(geom):
    (h, w), (ho, wo), (kh, kw) = geom.input, geom.output, geom.kernel
    imap = traced(geom, "input_grad_map")
    colors = kernel_colors(kh * kw)
    never = (imap < 0).all(axis=(2, 3))

    def cells(p):
        r, c = divmod(p, w)
        out = []
        for oy in range(ho):
            for ox in range(wo):
                o = oy * wo + ox
                if never[r, c]:  # tint the whole panel so the zero gradient shows
                    out.append(_Cell(oy, ox, NEVER_FACE, names=(f"z{o}",)))
                    continue
                v = int(imap[r, c, oy, ox])
                out.append(_Cell(oy, ox, BLANK_FACE if v < 0 else colors[v],
                                 None if v < 0 else str(v),
                                 None if v < 0 else f"igrad {r} {c} {oy} {ox}",
                                 (f"z{o}",) + ((f"k{v}",) if v >= 0 else ()), corner=f"z{o}"))
        return out

    note = tr("input_loss.note")
    if never.any():
        note += tr("note_join") + tr("tinted_never")
    return _Map("input-loss map", "input", "x", (h, w), (ho, wo), cells,
                tr("input_loss.title"), note, True,
                (tr("input_loss.row"), tr("input_loss.column")),
                never=lambda p: bool(never.flat[p]))


def _weight_derivative(geom):
    (ho, wo), (kh, kw) = geom.output, geom.kernel
    wmap = traced(geom, "weight_grad_map")
    colors = kernel_colors(kh * kw)

    def cells(k):
        i, j = divmod(k, kw)
        out = []
        for oy in range(ho):
            for ox in range(wo):
                o, v = oy * wo + ox, int(wmap[i, j, oy, ox])
                if v < 0:
                    out.append(_Cell(oy, ox, None, names=(f"z{o}",), corner=f"z{o}"))
                else:
                    out.append(_Cell(oy, ox, colors[k], str(v), f"wgrad {i} {j} {oy} {ox}",
                                     (f"z{o}", f"x{v}"), corner=f"z{o}"))
        return out

    note = tr("weight.note")
    if (wmap < 0).any():
        note += tr("note_join") + tr("weight.hatched")
    return _Map("weight-derivative map", "kernel", "k", (kh, kw), (ho, wo), cells,
                tr("weight.title"), note, False, (tr("weight.row"), tr("weight.column")))


MAPS = {"forward map": _forward, "input-loss map": _input_loss,
        "weight-derivative map": _weight_derivative}


def _corner_label(cv, x, y, text, face, dim, size):
    """A small name in the top-left corner of a cell, quieter than the cell's number."""
    ink = ink_for(dimmed(face) if dim else face)
    inset = max(0.06, (min(4.0, max(2.2, cv.pt / 12)) + 2) / cv.pt)  # clear of a mark frame
    cv.text(x + inset, y + inset * 0.8, text, size=size,
            color=("#b0b0b0" if dim else "#555555") if ink == INK else "#f2f2f2", ha="left",
            va="top")


def _layout(spec, panels):
    """Panel id -> (row, col) in the picture: the map's own grid, or a few in one row."""
    if panels is None:
        return {p: divmod(p, spec.grid[1]) for p in range(spec.grid[0] * spec.grid[1])}
    per_row = len(panels) if len(panels) <= 5 else math.ceil(math.sqrt(len(panels)))
    return {p: divmod(i, per_row) for i, p in enumerate(panels)}


def _check_panels(panels, spec):
    if panels is None:
        return None
    n = spec.grid[0] * spec.grid[1]
    ids = [check_highlight(p, n, spec.kind) for p in panels]
    if not ids or len(set(ids)) != len(ids):
        raise ValueError(f"panels must be distinct {spec.kind} ids in 0..{n - 1}, got {panels!r}")
    return ids


def _draw_map(geom, spec, *, highlight, mark, panels, svg, max_w=14.0, max_h=11.5,
              max_cell=0.5, min_text=None, corner_min=30, title=None, extra=None, focus=False):
    hl, mark = checked(geom, highlight, spec.kind, mark)
    panels = _check_panels(panels, spec)
    where = _layout(spec, panels)
    n_rows = 1 + max(r for r, _ in where.values())
    n_cols = 1 + max(c for _, c in where.values())
    ph_, pw_ = spec.size
    # the gap between panels and the caption row above each (tighter on a slide)
    gap = max(0.8, 0.12 * max(ph_, pw_)) * (0.6 if slide_style_on() else 1.0)
    cap = 0.8 if slide_style_on() else 1.0
    core_w = n_cols * pw_ + (n_cols - 1) * gap
    core_h = n_rows * (cap + ph_) + (n_rows - 1) * gap
    kh, kw = geom.kernel
    cv = Canvas(core_w + (kw + 1.5 if spec.legend else 0), core_h, title or spec.title,
                geometry_text(geom) + ("\n" + spec.note if spec.note else ""),
                label=label(spec.name, geom),
                max_cell=max_cell, max_w=max_w, max_h=max_h, mark=mark, min_text=min_text)
    if focus:  # the geometry is in the explorer's status line; the title says what it is
        cv.subtitle = ""
    colors = kernel_colors(kh * kw)
    if panels is None and not slide_style_on():  # on a slide the captions say it
        cv.text(core_w / 2, -cv.cells(0.25), tr("axis_right", name=spec.axis_names[1]))
        cv.text(-cv.cells(0.3), core_h / 2, tr("axis_down", name=spec.axis_names[0]),
                rotation=90)
    corner_size = max(cv.small_size * 0.72, cv.min_text or 6.5)
    named = (cv.pt >= corner_min and corner_size <= 0.36 * cv.pt  # room beside the number
             and (focus or panels is not None or not compact_style()))  # whole maps in
    # the explorer's box: too small to read
    for p, (pr, pc) in where.items():
        x0, y0 = pc * (pw_ + gap), cap + pr * (ph_ + cap + gap)
        dim = hl is not None and p != hl
        cv.text(x0 + pw_ / 2, y0 - 0.45, f"{spec.letter}{p}", size=cv.caption_size,
                color="#9a9a9a" if dim else INK, gid=f"caption {p}")
        for cell in spec.cells(p):
            x, y = x0 + cell.col, y0 + cell.row
            in_panel = hl is None or p == hl  # marks show in the highlighted panel only
            names = cell.names if in_panel else ()
            if cell.face is None:
                cv.pad_cell(x, y, dim=dim, names=names)
                face = PAD_FACE
            else:
                face = cell.face
                cv.cell(x, y, face, cell.text, pad=cell.hatched, dim=dim, gid=cell.gid,
                        ink=INK if cell.hatched else None, names=names,
                        text_y=0.66 if named and corner_size > 0.22 * cv.pt else 0.53)
            if named and cell.corner:
                _corner_label(cv, x, y, cell.corner, face, dim, corner_size)
        cv.outline(x0, y0, pw_, ph_)
        if p == hl:
            m = 0.18
            cv.emphasis(x0 - m, y0 - 1.0, pw_ + 2 * m, ph_ + 1.0 + m)
    if spec.legend:
        kernel_legend(cv, core_w + max(1.2, cv.cells(0.4)), cap, geom, colors,
                      cell_in=max(0.36, (cv.min_text or 0) / 30))
    if extra is not None:
        extra(cv, core_w, core_h)
    return output(cv, svg)


def draw_forward_map(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                     highlight=None, mark=None, panels=None, svg=False):
    """Diagram 1, the forward map: one small input grid per output pixel.

    Panels are arranged as the (Ho, Wo) output; panel ``z<o>`` shows the (padded) input with
    the cells that output reads, each labelled with the kernel id that multiplies it
    (:func:`convkit.forward_map`); taps on padding are hatched (they multiply a zero).
    ``highlight``: an output id to emphasise. ``mark``: element names (``{"x6", "k0"}``)
    whose cells get a thick inner frame (inside the highlighted panel only, when there is
    one). ``panels``: a few output ids to draw, in one row (projector-sized variants).
    ``svg=True`` returns an :class:`~convkit_course.diagrams.gridpaper.SVGDiagram` instead of a Figure.
    """
    geom = geometry(input_size, kernel_size, stride, padding, dilation)
    return _draw_map(geom, _forward(geom), highlight=highlight, mark=mark, panels=panels,
                     svg=svg)


def draw_input_grad_map(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                        highlight=None, mark=None, panels=None, svg=False):
    """Diagram 2, the input-loss map: one small output grid per input pixel.

    Panels are arranged as the (H, W) input; panel ``x<p>`` marks the outputs that input fed,
    labelled with the kernel id it met there (:func:`convkit.input_grad_map`), so
    ``dx<p> = Σ dz · k``. Inputs that no window reaches are tinted: their gradient is 0.
    ``highlight``: an input id to emphasise; ``mark``, ``panels``, ``svg``: as in
    :func:`draw_forward_map`.
    """
    geom = geometry(input_size, kernel_size, stride, padding, dilation)
    return _draw_map(geom, _input_loss(geom), highlight=highlight, mark=mark, panels=panels,
                     svg=svg)


def draw_weight_grad_map(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
                         highlight=None, mark=None, panels=None, svg=False):
    """Diagram 3, the weight-derivative map: one small output grid per kernel weight.

    Panels are arranged as the (KH, KW) kernel; panel ``k<i>`` shows, at every output, the
    input id that weight multiplied there (:func:`convkit.weight_grad_map`), so
    ``dk<i> = Σ dz · x``; hatched cells met padding (a zero). ``highlight``: a kernel id;
    ``mark``, ``panels``, ``svg``: as in :func:`draw_forward_map`.
    """
    geom = geometry(input_size, kernel_size, stride, padding, dilation)
    return _draw_map(geom, _weight_derivative(geom), highlight=highlight, mark=mark,
                     panels=panels, svg=svg)


FOCUS_TEXT = 16.5  # points: with the explorer's figure box, >= 18 CSS px at 1024x768


def draw_focus(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
               view="forward map", highlight=0, mark=None, svg=False, text=FOCUS_TEXT):
    """The lecture-hall view: one panel of a map, large, with its sum spelled out.

    ``view``: "forward map" (``highlight`` = an output: its window over the input, the
    kernel, ``z4 = x6·k0 + …``), "input-loss map" (an input: the outputs it fed,
    ``dx12 = dz0·k8 + …``) or "weight-derivative map" (a kernel weight: what it met at
    every output, ``dk4 = dz0·x4 + …``). The cells it sums are marked (``mark`` adds more).
    Every text is at least ``text`` points (default ``FOCUS_TEXT``); the drawing is sized
    for a box of about 8 x 6.5 inches (the explorer's figure).
    """
    if view not in MAPS:
        raise ValueError(f"view must be one of {list(MAPS)}, got {view!r}")
    geom = geometry(input_size, kernel_size, stride, padding, dilation)
    spec = MAPS[view](geom)
    hl = check_highlight(highlight, spec.grid[0] * spec.grid[1], spec.kind)
    kind = {"output": "output", "input": "input", "kernel": "weight"}[spec.kind]
    # a weight meets every output: its panel is the selection, nothing to mark inside it
    marks = set() if kind == "weight" else set(marked_by(geom, kind, hl))
    if mark is not None:
        marks |= set(mark)
    formula = sum_formula(geom, kind, hl, per_line=3)
    if formula.count("\n") > 3:  # a long sum: its first terms, the last, and how many
        terms = formula.replace("\n", " ").split(" + ")
        formula = (" + ".join(terms[:3]) + "\n" + " " * (len(LHS[kind]) + len(str(hl)) + 1)
                   + f"+ … + {terms[-1].strip()}   " + tr("terms", n=len(terms)))
    spec.note = ""
    name = {"forward map": "focus.forward", "input-loss map": "focus.input_loss",
            "weight-derivative map": "focus.weight"}[spec.name]
    spec.title = tr("focus.title", map=tr(name), element=f"{spec.letter}{hl}")

    def spelled(cv, core_w, core_h):
        cv.text(0, core_h + cv.cells(0.25), formula, size=max(text, cv.formula_size),
                ha="left", va="top", family="DejaVu Sans Mono", gid="formula")

    lines = formula.count("\n") + 1
    fig = _draw_map(geom, spec, highlight=hl, mark=marks, panels=[hl], svg=svg,
                    max_w=6.5, max_h=4.8 - 0.25 * (lines - 1), max_cell=0.95,
                    min_text=text, corner_min=44,
                    extra=spelled, focus=True)
    return fig
