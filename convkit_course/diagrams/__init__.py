"""Pictures of who touches whom, drawn from :mod:`convkit.trace`.

Every function takes ``(input_size, kernel_size, *, stride=1, padding=0, dilation=1,
highlight=None, mark=None, svg=False)`` and returns a :class:`matplotlib.figure.Figure`
(or, with ``svg=True``, an :class:`~convkit_course.diagrams.gridpaper.SVGDiagram`: SVG text that Jupyter
shows sharp at any zoom); none saves or shows.
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
* ``highlight`` dims everything except one output / input / kernel weight;
* ``mark`` is a set of element names, ``{"x6", "z4", "k0"}``, with one meaning in every
  view: each cell that stands for a marked element (by its place in a grid or by the id
  written in it) gets a thick inner frame, so one selection shows as the same marked cells
  in two views side by side (inside the highlighted panel or row only, when there is one).

Modules, one per seam: :mod:`.maps` (the forward, input-loss and weight-derivative maps,
one skeleton, and :func:`draw_focus`, the lecture-hall close-up), :mod:`.counts`
(participation counts), :mod:`.matrices` (the im2col matrix), :mod:`.backward` (col2im and
the full correlation); :mod:`._common` holds what they share, :mod:`convkit_course.diagrams.gridpaper`
the drawing engine and the visual language.

Text cells carry a ``gid`` (e.g. ``"fwd 1 1 2 3"``) so tests can read the figure back.
"""
from __future__ import annotations

from .gridpaper import SVGDiagram, kernel_colors
from ._common import marked_by, sum_formula
from .backward import draw_col2im_backward, draw_full_correlation
from .counts import draw_participation_counts
from .maps import draw_focus, draw_forward_map, draw_input_grad_map, draw_weight_grad_map
from .matrices import draw_im2col_matrix

__all__ = ["kernel_colors", "draw_forward_map", "draw_input_grad_map", "draw_weight_grad_map",
           "draw_participation_counts", "draw_im2col_matrix", "draw_col2im_backward",
           "draw_full_correlation", "draw_focus", "sum_formula", "marked_by", "SVGDiagram"]
