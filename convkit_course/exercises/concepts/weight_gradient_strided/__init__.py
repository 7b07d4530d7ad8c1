"""Notebook 05, exercise 4: dW for any stride, padding and dilation, as a function.

    concepts.weight_gradient_strided(weight_gradient)
    # weight_gradient(x, dz, kernel_size, stride, padding, dilation) -> dw (KH, KW)

One channel: x (H, W), dz (Ho, Wo), kernel_size (KH, KW).  The function runs first on the
article's example (5 × 5, 3 × 3, stride 1, no padding, no dilation), then on geometries the
notebook does not show: non-square inputs and kernels, strides 1 to 4, paddings 0 to 3,
dilations 1 to 3, stride and dilation different — with values that are not whole numbers.
A stride, dilation or kernel size copied from an example, the padding used as on/off, the
stride and dilation swapped, the dilation used to spread dZ, an int accumulator cannot pass;
every slip below is named (the old checker named 9 of 17 known slips).
"""
from __future__ import annotations

import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._answers import (Shaped, check_in_stages, read_array, right_on_cases, same_array,
                         show_array)
from ..._core import checker
from ..._harness import Case
from ..._unit import Unit, unit_messages

__all__ = ["weight_gradient_strided"]

M = unit_messages(__name__, __file__)

# (H, W, KH, KW, stride, padding, dilation): the article's example, then the hidden ones.
SHOWN = [(5, 5, 3, 3, 1, 0, 1)]
HIDDEN = [(7, 6, 3, 3, 2, 0, 1), (6, 7, 3, 3, 1, 1, 1), (7, 7, 3, 3, 2, 1, 1),
          (8, 9, 3, 2, 1, 0, 2), (9, 8, 2, 3, 3, 2, 2), (11, 9, 3, 2, 4, 3, 1),
          (10, 12, 2, 4, 1, 2, 3), (9, 10, 4, 3, 3, 1, 2), (12, 7, 3, 3, 2, 3, 3),
          (8, 8, 2, 2, 4, 0, 3), (6, 9, 1, 3, 2, 2, 1), (13, 11, 3, 4, 3, 0, 2)]


def _output(n, k, s, p, d):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def problems():
    """(x, dz, kernel_size, stride, padding, dilation, shown): values with two decimals."""
    rng = np.random.default_rng(550)
    found = []
    for geometry in SHOWN + HIDDEN:
        h, w, kh, kw, s, p, d = geometry
        x = np.round(rng.uniform(-3, 3, size=(h, w)), 2)
        dz = np.round(rng.uniform(-2, 2, size=(_output(h, kh, s, p, d),
                                               _output(w, kw, s, p, d))), 2)
        x[x == np.round(x)] += 0.25
        dz[dz == np.round(dz)] += 0.25
        found.append((x, dz, (kh, kw), s, p, d, geometry in SHOWN))
    return found


def cases():
    return [Case((x, dz, ks, s, p, d),
                 M("where", h=x.shape[0], w=x.shape[1], kh=ks[0], kw=ks[1], s=s, p=p, d=d),
                 hidden=not shown)
            for x, dz, ks, s, p, d, shown in problems()]


def reference(x, dz, kernel_size, stride, padding, dilation):
    """dW by the chain rule, one multiply-add at a time (convkit's literal loops)."""
    _, dw, _ = conv2d_loops_backward(np.asarray(dz, float)[None, None],
                                     np.asarray(x, float)[None, None],
                                     np.zeros((1, 1) + tuple(kernel_size)), stride=stride,
                                     padding=padding, dilation=dilation)
    return dw[0, 0]


# --------------------------------------------------------------------------- the slips
def _spread(a, s, extra=0):
    out = np.zeros(((a.shape[0] - 1) * s + 1 + extra, (a.shape[1] - 1) * s + 1 + extra))
    out[::s, ::s] = a
    return out


def _correlate(a, k, step=1):
    """Valid correlation of 2-D arrays, read at ``step``; no rows or columns where k does not
    fit (a student's loops give an empty result there, or raise, like a too-large window)."""
    if a.shape[0] < k.shape[0] or a.shape[1] < k.shape[1]:
        return np.zeros((max((a.shape[0] - k.shape[0]) // step + 1, 0),
                         max((a.shape[1] - k.shape[1]) // step + 1, 0)))
    windows = np.lib.stride_tricks.sliding_window_view(a, k.shape)[::step, ::step]
    return np.einsum("rcij,ij->rc", windows, k)


def _recipe(x, dz, ks, s, p, d, *, spread=None, pad=None, step=None, kernel=None, crop=True):
    """The notebook's recipe — pad X, spread dZ, correlate, read at step D, keep KH × KW —
    with one step changeable (a slip)."""
    spread = s if spread is None else spread
    pad = p if pad is None else pad
    step = d if step is None else step
    xp = np.pad(x, pad)
    kernel = _spread(dz, spread) if kernel is None else kernel
    full = _correlate(xp, kernel, step)
    return full[:ks[0], :ks[1]] if crop else full


def _slips():
    """(what a student's weight_gradient computes with the slip, its message)."""
    return [
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, spread=1), M("slip.no_stride")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, pad=0), M("slip.no_padding")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, step=1), M("slip.no_dilation")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, spread=d, step=s),
         M("slip.swapped")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, spread=d),
         M("slip.spread_by_dilation")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, step=s), M("slip.step_stride")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, spread=s + 1), M("slip.zeros_s")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, spread=2), M("slip.stride_fixed")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, kernel=_spread(dz, s, s - 1)),
         M("slip.spread_too_long")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, step=2),
         M("slip.dilation_fixed")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, pad=min(p, 1)),
         M("slip.padding_bool")),
        *[(lambda x, dz, ks, s, p, d, v=value: _recipe(x, dz, ks, s, p, d, pad=v),
           M("slip.padding_fixed", value=value)) for value in (1, 2)],
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, pad=d * (ks[0] - 1)),
         M("slip.pad_like_dx")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, (3, 3), s, p, d), M("slip.kernel_fixed")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d,
                                            kernel=_spread(dz, s)[::-1, ::-1]),
         M("slip.flipped_dz")),
        (lambda x, dz, ks, s, p, d: reference(x, dz, ks, s, p, d)[::-1, ::-1], M("slip.rotated")),
        (lambda x, dz, ks, s, p, d: reference(x, dz, ks, s, p, d).T, M("slip.transposed")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, crop=False), M("slip.uncropped")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks, s, p, d, crop=False)[-ks[0]:, -ks[1]:],
         M("slip.last_entries")),
        (lambda x, dz, ks, s, p, d: reference(x, dz, ks, s, p, d) / dz.size, M("slip.mean")),
        (lambda x, dz, ks, s, p, d: np.trunc(reference(x, dz, ks, s, p, d)), M("slip.int_array")),
        (lambda x, dz, ks, s, p, d: Shaped(x.shape), M("slip.dx_shape")),
        (lambda x, dz, ks, s, p, d: _recipe(x, dz, ks[::-1], s, p, d),
         M("slip.kernel_size_swapped")),
    ]


@checker
def weight_gradient_strided(weight_gradient):
    """``weight_gradient(x, dz, kernel_size, stride, padding, dilation) -> dw`` on every case."""
    return check_in_stages(weight_gradient, cases(), reference, slips=_slips(),
                           names=("x", "dz", "kernel_size", "stride", "padding", "dilation"),
                           read=read_array, same=same_array, show=show_array,
                           name=M("name"))


def _is_right(function):
    return right_on_cases(function, cases(), reference,
                          names=("x", "dz", "kernel_size", "stride", "padding", "dilation"),
                          read=read_array, same=same_array)


SOLUTION = """
from convkit_course.exercises import concepts

def weight_gradient(x, dz, kernel_size, stride, padding, dilation):
    kh, kw = kernel_size
    xp = np.pad(x, padding)                                  # the forward's padding P
    spread = np.zeros(((dz.shape[0] - 1) * stride + 1, (dz.shape[1] - 1) * stride + 1))
    spread[::stride, ::stride] = dz                          # S - 1 zeros between dZ entries
    corr = ck.conv2d_direct(xp[None, None], spread[None, None],
                            stride=dilation)[0, 0]           # correlate, read at step D
    return corr[:kh, :kw]                                    # the KH x KW weights

concepts.weight_gradient_strided(weight_gradient)
"""

UNIT = Unit(weight_gradient_strided, messages=M, solution_code=SOLUTION, is_right=_is_right,
            stated=["concepts.weight_gradient_strided(weight_gradient)"])
