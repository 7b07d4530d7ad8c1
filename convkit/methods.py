"""The method registry: every convolution algorithm convkit knows, in one table.

``Conv2d(method=...)``, the course's benchmark and the tests all
read ``METHODS``; a new algorithm is one new entry here (and its module).

Each :class:`Method` has the public reference functions (the ones the notebooks teach), the
algorithm a layer runs (the fast path where one exists; it takes checked arrays and a
``ConvGeometry``, see ``convkit.prelude``), what that algorithm needs in memory, its
multiply count and its geometry limits.  ``Conv2d(method="auto")`` is not an algorithm but
a choice among these (``convkit.auto``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from . import costs, direct, fast, fast_fft, fast_winograd, fftconv, im2col_gemm, prelude, winograd
from .validation import check_choice

__all__ = ["Method", "METHODS", "get_method"]


def _no_limits(kernel, stride, dilation, caller=None):
    """Every geometry runs."""


@dataclass(frozen=True)
class Method:
    """One convolution algorithm.

    forward(x, w, b=None, **geometry) -> y and backward(dy, x, w, **geometry) -> (dx, dw, db):
    the public reference functions.  layer_forward(x, w, geom, groups) -> y (no bias) and
    layer_backward(dy, x, w, geom, groups) -> (dx, dw): what ``Conv2d`` runs, on checked
    arrays.  multiplies(x_shape, w_shape, **geometry) -> int (``convkit.costs``).
    check_limits(kernel, stride, dilation, caller=None) raises ValueError for a geometry it
    cannot run (``caller``, a ``prelude.Caller``, names who asks).  workspace(call, backward)
    -> ``memory.Workspace``: what the layer functions need besides inputs and outputs.
    layer_memo: the layer functions take ``memo=``, a dict one forward shares with its
    backward (im2col keeps its columns there).  requires: {"kernel" | "stride" | "dilation":
    the (h, w) pair it must be}, what ``check_limits`` enforces, as data.
    """

    name: str
    forward: Callable
    backward: Callable
    layer_forward: Callable
    layer_backward: Callable
    multiplies: Callable
    workspace: Callable
    check_limits: Callable = _no_limits
    summary: str = ""
    layer_memo: bool = False
    requires: dict = field(default_factory=dict)

    def unmet(self, kernel, stride, dilation):
        """{argument: (required, got)} for each requirement this geometry misses."""
        got = {"kernel": tuple(kernel), "stride": tuple(stride), "dilation": tuple(dilation)}
        return {k: (v, got[k]) for k, v in self.requires.items() if got[k] != v}


METHODS = {m.name: m for m in (
    Method("loops", direct.conv2d_loops, direct.conv2d_loops_backward,
           direct.loops_forward, direct.loops_backward, costs.direct_multiplies,
           direct.loops_workspace,
           summary="seven nested loops: the definition, one multiply-add at a time"),
    Method("direct", direct.conv2d_direct, direct.conv2d_direct_backward,
           fast.direct_forward, fast.direct_backward, costs.direct_multiplies,
           fast.direct_workspace, summary="实力派: one matrix product per kernel tap"),
    Method("im2col", im2col_gemm.conv2d_im2col, im2col_gemm.conv2d_im2col_backward,
           fast.im2col_forward, fast.im2col_backward, costs.direct_multiplies,
           fast.im2col_workspace,
           summary="偶像派: unfold into columns, then one matrix product", layer_memo=True),
    Method("fft", fftconv.conv2d_fft, fftconv.conv2d_fft_backward,
           fast_fft.forward, fast_fft.backward, costs.fft_total_multiplies, fast_fft.workspace,
           fftconv.check_limits,
           summary="the convolution theorem: one product per frequency (stride 1)",
           requires=fftconv.REQUIRES),
    Method("winograd", winograd.conv2d_winograd, winograd.conv2d_winograd_backward,
           fast_winograd.forward, fast_winograd.backward, costs.winograd_multiplies,
           fast_winograd.workspace, winograd.check_limits,
           summary="Winograd F(2x2, 3x3): 16 multiplies per 4 outputs instead of 36",
           requires=winograd.REQUIRES),
)}
prelude.advise_from(METHODS)  # a call's error may then advise another registered method


def get_method(name):
    """The registered :class:`Method` called ``name`` (ValueError naming the choices)."""
    return METHODS[check_choice(name, "method", METHODS)]
