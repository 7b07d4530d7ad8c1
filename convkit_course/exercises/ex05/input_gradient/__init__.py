"""Exercise 3 of notebook 05: dX for any stride and padding, as a function, on hidden cases.

    ex05.input_gradient(my_function)   # my_function(dz, k, input_size, stride, padding) -> dx

One channel, dilation 1; dz (Ho, Wo), k (K, K), input_size (H, W) -> dx (H, W).  The function
runs first on the article's example (5 × 5, K = 3, stride 1, no padding), then on geometries
the notebook does not show: non-square inputs, kernels of 1 to 4 taps, strides 1 to 4 (rows
the floor drops), paddings 0 to 3 (more than K - 1: the recipe crops instead of padding) —
with values that are not whole numbers.  A stride or a padding copied from an example, the
padding used as on/off, a crop written as ``[1:-1]``, an int accumulator, (H, W) read the wrong
way round cannot pass; every slip below is named, with a case where it shows.
"""
from __future__ import annotations


import numpy as np

from convkit.direct import conv2d_loops_backward

from ..._answers import check_in_stages, read_array, right_on_cases, same_array, show_array
from ..._core import CORE, Reject, checker, correlate_2d, not_yet
from ..._harness import Case
from ..._unit import Unit, unit_messages

__all__ = ["input_gradient"]

M = unit_messages(__name__, __file__)

# (input_size, K, stride, padding): the article's example, then the hidden geometries — the
# steps of the recipe one at a time, then a sweep of strides up to 4 and paddings up to 3
# (several larger than K - 1) on non-square inputs.
SHOWN = [((5, 5), 3, 1, 0)]
HIDDEN = [((5, 5), 3, 2, 0), ((5, 5), 3, 1, 1), ((7, 6), 3, 2, 1), ((6, 6), 3, 2, 0),
          ((4, 5), 1, 1, 1), ((9, 7), 2, 3, 1), ((8, 11), 4, 2, 3), ((10, 9), 3, 4, 2),
          ((7, 9), 2, 4, 3), ((6, 8), 4, 3, 0), ((11, 8), 3, 3, 3), ((5, 7), 1, 2, 2),
          ((9, 10), 4, 4, 1), ((12, 10), 3, 2, 2), ((7, 5), 2, 1, 3), ((8, 6), 1, 3, 0)]


def _output(n, k, s, p):
    return (n + 2 * p - k) // s + 1


def problems():
    """(dz, k, input_size, stride, padding, shown): values with two decimals, never whole."""
    rng = np.random.default_rng(505)
    found = []
    for geometry in SHOWN + HIDDEN:
        (h, w), k, s, p = geometry
        dz = np.round(rng.uniform(-3, 3, size=(_output(h, k, s, p), _output(w, k, s, p))), 2)
        kernel = np.round(rng.uniform(-2, 2, size=(k, k)), 2)
        dz[dz == np.round(dz)] += 0.25
        kernel[kernel == np.round(kernel)] += 0.25
        found.append((dz, kernel, (h, w), s, p, geometry in SHOWN))
    return found


def cases():
    return [Case((dz, k, size, s, p),
                 M("where", h=size[0], w=size[1], k=k.shape[0], s=s, p=p), hidden=not shown)
            for dz, k, size, s, p, shown in problems()]


def reference(dz, k, input_size, stride, padding):
    """dX by the chain rule, one multiply-add at a time (convkit's literal loops)."""
    dx, _, _ = conv2d_loops_backward(np.asarray(dz, float)[None, None],
                                     np.zeros((1, 1) + tuple(input_size)),
                                     np.asarray(k, float)[None, None], stride=stride,
                                     padding=padding)
    return dx[0, 0]


# --------------------------------------------------------------------------- the slips
def _scatter(dz, k, size, s, p, crop=None, kernel=None, step=None, grid="padded"):
    """dX of the padded input by scattering dz × kernel, then ``crop(dxp, p, size)``.

    ``step``: how far apart the windows start (the stride, unless a slip fixes it);
    ``grid``: the array scattered into — ``"padded"`` (the padded input, as a student
    allocates it: a window that does not fit raises), ``"reach"`` (only as far as the windows
    reach: the rows the floor dropped left out) or ``"large"`` (room for any crop)."""
    kernel = k if kernel is None else kernel
    step = s if step is None else step
    kh, kw = kernel.shape
    reach = ((dz.shape[0] - 1) * step + kh, (dz.shape[1] - 1) * step + kw)
    shape = {"padded": (size[0] + 2 * p, size[1] + 2 * p), "reach": reach,
             "large": (sum(reach) + sum(size) + 2 * p,) * 2}[grid]
    dxp = np.zeros(shape)
    for a in range(dz.shape[0]):
        for b in range(dz.shape[1]):
            dxp[a * step:a * step + kh, b * step:b * step + kw] += dz[a, b] * kernel
    crop = crop or (lambda d, pad, n: d[pad:pad + n[0], pad:pad + n[1]])
    return crop(dxp, p, size)


def _recipe(dz, k, size, s, p, spread=None, before=None, end_rows=True, kernel=None,
            long_spread=False):
    """The notebook's recipe with one step changeable: spread dZ by ``spread`` (S) into an
    array (Ho - 1)·S + 1 long (``long_spread``: Ho·S), pad by ``before`` (K - 1 - P; cropped
    when negative) and at the end by the dropped rows."""
    kk = k.shape[0]
    spread = s if spread is None else spread
    before = kk - 1 - p if before is None else before
    kernel = k[::-1, ::-1] if kernel is None else kernel
    extra = spread - 1 if long_spread else 0
    a = np.zeros(((dz.shape[0] - 1) * spread + 1 + extra,
                  (dz.shape[1] - 1) * spread + 1 + extra))
    a[::spread, ::spread] = dz
    after = []
    for axis in (0, 1):
        dropped = (size[axis] + 2 * p - kk) - (dz.shape[axis] - 1) * s if end_rows else 0
        after.append(before + dropped)
    a = np.pad(a, [(max(before, 0), max(after[0], 0)), (max(before, 0), max(after[1], 0))])
    a = a[max(-before, 0):a.shape[0] - max(-after[0], 0),
          max(-before, 0):a.shape[1] - max(-after[1], 0)]
    return correlate_2d(a, kernel)


def _slips():
    """(what a student's function computes with the slip, its message)."""
    return [
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, kernel=k), M("slip.not_rotated")),
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, kernel=k[::-1, :]),
         M("slip.flipped_one_axis")),
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, kernel=k[:, ::-1]),
         M("slip.flipped_one_axis")),
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, kernel=k.T),
         M("slip.kernel_transposed")),
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, spread=1), M("slip.no_zeros")),
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, spread=s + 1), M("slip.zeros_s")),
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, spread=2), M("slip.stride_fixed")),
        (lambda dz, k, n, s, p: _scatter(dz, k, n, s, p, step=2), M("slip.stride_fixed")),
        (lambda dz, k, n, s, p: _scatter(dz, k, n, s, p, step=1), M("slip.stride_ignored")),
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, before=k.shape[0] - 1),
         M("slip.no_crop")),
        (lambda dz, k, n, s, p: _scatter(dz, k, n, s, p, crop=lambda d, pad, m: d),
         M("slip.no_crop")),
        (lambda dz, k, n, s, p: _scatter(dz, k, n, s, p,
                                         crop=lambda d, pad, m: d[1:-1, 1:-1]),
         M("slip.crop_fixed")),
        (lambda dz, k, n, s, p: _scatter(dz, k, n, s, p,
                                         crop=lambda d, pad, m: d[min(pad, 1):min(pad, 1) + m[0],
                                                                  min(pad, 1):min(pad, 1) + m[1]]),
         M("slip.padding_bool")),
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, before=k.shape[0] - 1 - min(p, 1)),
         M("slip.padding_bool")),
        (lambda dz, k, n, s, p: _scatter(dz, k, n, s, p,
                                         crop=lambda d, pad, m: d[pad:-pad, pad:-pad]),
         M("slip.crop_minus_p")),
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, long_spread=True),
         M("slip.spread_too_long")),
        (lambda dz, k, n, s, p: _recipe(dz, k, n, s, p, end_rows=False), M("slip.dropped_rows")),
        *[(lambda dz, k, n, s, p, v=value: _scatter(dz, k, n, s, v),
           M("slip.padding_fixed", value=value)) for value in (1, 2)],
        (lambda dz, k, n, s, p: _scatter(dz, k, n, s, p, grid="reach",
                                         crop=lambda d, pad, m: d[pad:d.shape[0] - pad,
                                                                  pad:d.shape[1] - pad]),
         M("slip.dropped_rows")),
        (lambda dz, k, n, s, p: reference(dz, k, n, s, p).T, M("slip.transposed")),
        (lambda dz, k, n, s, p: _scatter(dz, k, n, s, p, grid="large",
                                         crop=lambda d, pad, m: d[pad:pad + m[1], pad:pad + m[0]]),
         M("slip.size_swapped")),
        (lambda dz, k, n, s, p: np.trunc(reference(dz, k, n, s, p)), M("slip.int_array")),
        (lambda dz, k, n, s, p: reference(dz, k, n, s, p) / k.size, M("slip.divided")),
    ]


def _error_hint(reject):
    """The hint for an exception a known slip raises, else None."""
    error, case = reject.error, getattr(reject, "case", None)
    if error is None or case is None:
        return None
    text = f"{type(error).__name__}: {error}"
    if "can't contain negative" in text:
        k, p = case.args[1].shape[0], case.args[4]
        return M("slip.negative_pad", where=case.where, n=k - 1 - p, m=p - k + 1)
    if "Cannot cast ufunc" in text or "UFuncTypeError" in text:
        return M("slip.int_array_raised", where=case.where)
    return None


@checker
def input_gradient(function):
    """Exercise 3: ``function(dz, k, input_size, stride, padding) -> dx`` on every case."""
    try:
        return check_in_stages(function, cases(), reference, slips=_slips(),
                               names=("dz", "k", "input_size", "stride", "padding"),
                               read=read_array, same=same_array, show=show_array,
                               name=CORE("name.function"))
    except Reject as reject:
        hint = _error_hint(reject)
        if hint is not None:
            return not_yet(hint)
        raise


def _is_right(function):
    return right_on_cases(function, cases(), reference,
                          names=("dz", "k", "input_size", "stride", "padding"),
                          read=read_array, same=same_array)


SOLUTION = """
def input_gradient(dz, k, input_size, stride, padding):
    kk = k.shape[0]
    # 1. stride: S - 1 zeros between neighbouring entries of dZ
    spread = np.zeros(((dz.shape[0] - 1) * stride + 1, (dz.shape[1] - 1) * stride + 1))
    spread[::stride, ::stride] = dz
    # 2. pad by K - 1 - P on each side (crop where that is negative), and at the end
    #    by the rows and columns the floor dropped
    before = kk - 1 - padding
    after = [before + (input_size[i] + 2 * padding - kk) - (dz.shape[i] - 1) * stride
             for i in (0, 1)]
    padded = np.pad(spread, [(max(before, 0), max(after[0], 0)),
                             (max(before, 0), max(after[1], 0))])
    padded = padded[max(-before, 0):padded.shape[0] - max(-after[0], 0),
                    max(-before, 0):padded.shape[1] - max(-after[1], 0)]
    # 3. correlate with the kernel rotated by 180 degrees
    rotated = k[::-1, ::-1]
    return ck.conv2d_direct(padded[None, None], rotated[None, None].copy())[0, 0]

ex05.input_gradient(input_gradient)
"""

UNIT = Unit(input_gradient, messages=M, solution_code=SOLUTION, is_right=_is_right,
            stated=["Write `input_gradient(dz, k, input_size, stride, padding)`"])
