"""The one home of the output-size formula and of argument checking.

Every other module asks this one how big an output is and whether the
arguments make sense, so a rule is written (and tested) exactly once.
"""
from __future__ import annotations

from dataclasses import dataclass
import numbers

import numpy as np

__all__ = ["output_size", "pair", "ConvGeometry", "conv_geometry", "check_conv_args"]


def pair(value, name):
    """Return ``value`` as an ``(h, w)`` tuple of Python ints.

    Accepts an int (used for both sides) or a pair of ints; ``name`` is the
    argument name quoted in the error message.
    """
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be an int or an (h, w) pair of ints, got {value!r}")
    if isinstance(value, numbers.Integral):
        return (int(value), int(value))
    if isinstance(value, (tuple, list, np.ndarray)) and len(value) == 2 and all(
        isinstance(v, numbers.Integral) and not isinstance(v, (bool, np.bool_)) for v in value
    ):
        return (int(value[0]), int(value[1]))
    raise TypeError(f"{name} must be an int or an (h, w) pair of ints, got {value!r}")


def output_size(size, kernel, stride=1, padding=0, dilation=1):
    """Length of a convolution's output along one axis.

    ``floor((size + 2*padding - dilation*(kernel-1) - 1) / stride) + 1``; with
    stride 1, padding 0 and dilation 1 this is the article's ``O = I - K + 1``.
    The floor drops the last input rows that a full window step cannot reach.
    """
    for name, value, low in (("size", size, 1), ("kernel", kernel, 1), ("stride", stride, 1),
                             ("padding", padding, 0), ("dilation", dilation, 1)):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{name} must be an int, got {value!r}")
        if value < low:
            raise ValueError(f"{name} must be >= {low}, got {value}")
    span = dilation * (kernel - 1) + 1  # how far one window reaches
    if span > size + 2 * padding:
        raise ValueError(
            f"kernel (reach {span} with dilation {dilation}) is larger than the padded input "
            f"(size {size} + 2*padding {padding} = {size + 2 * padding}); expected a kernel "
            f"that fits inside the padded input")
    return (size + 2 * padding - span) // stride + 1


@dataclass(frozen=True)
class ConvGeometry:
    """Everything about one convolution's shape, per axis as (h, w) pairs."""

    input: tuple[int, int]
    kernel: tuple[int, int]
    stride: tuple[int, int]
    padding: tuple[int, int]
    dilation: tuple[int, int]
    output: tuple[int, int]

    @property
    def taps(self):
        """Kernel positions ``(i, j)`` in row-major order (the im2col column order)."""
        return [(i, j) for i in range(self.kernel[0]) for j in range(self.kernel[1])]

    def window(self, i, j):
        """Slices of the *padded* input that kernel tap (i, j) meets, one per output pixel."""
        (sh, sw), (dh, dw), (ho, wo) = self.stride, self.dilation, self.output
        return (slice(i * dh, i * dh + sh * (ho - 1) + 1, sh),
                slice(j * dw, j * dw + sw * (wo - 1) + 1, sw))


def conv_geometry(input_size, kernel_size, stride=1, padding=0, dilation=1):
    """Check and normalise a geometry; return a :class:`ConvGeometry`.

    ``input_size`` and ``kernel_size`` are ints or (h, w) pairs.
    """
    size = pair(input_size, "input_size")
    kernel = pair(kernel_size, "kernel_size")
    stride, padding, dilation = pair(stride, "stride"), pair(padding, "padding"), pair(dilation, "dilation")
    for name, value, low, what in (("input_size", size, 1, "positive"),
                                   ("kernel_size", kernel, 1, "positive"),
                                   ("stride", stride, 1, "positive"),
                                   ("padding", padding, 0, "non-negative"),
                                   ("dilation", dilation, 1, "positive")):
        if min(value) < low:
            raise ValueError(f"{name} must be {what} (>= {low}), got {value}")
    out = []
    for axis in (0, 1):
        span = dilation[axis] * (kernel[axis] - 1) + 1
        padded = size[axis] + 2 * padding[axis]
        if span > padded:
            raise ValueError(
                f"kernel_size {kernel} with dilation {dilation} reaches {span} along "
                f"{'height' if axis == 0 else 'width'}, larger than the padded input "
                f"({size[axis]} + 2*{padding[axis]} = {padded}); expected a kernel that fits")
        out.append(output_size(size[axis], kernel[axis], stride[axis], padding[axis], dilation[axis]))
    return ConvGeometry(size, kernel, stride, padding, dilation, tuple(out))


def _check_array(a, name, ndim):
    if not isinstance(a, np.ndarray):
        raise TypeError(f"{name} must be a numpy array, got {type(a).__name__}")
    if a.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {a.shape} ({a.ndim}-D)")
    if not (np.issubdtype(a.dtype, np.floating) or np.issubdtype(a.dtype, np.integer)) \
            or a.dtype == np.bool_:
        raise TypeError(f"{name} must have a numeric (float or int) dtype, got {a.dtype}")


def result_dtype(*arrays):
    """Floating dtype of the result: float32 stays float32, ints become float64."""
    dtype = np.result_type(*[a.dtype for a in arrays if a is not None])
    return dtype if np.issubdtype(dtype, np.floating) else np.dtype(np.float64)


def check_conv_args(x, w, b=None, *, stride=1, padding=0, dilation=1, groups=1, dy=None):
    """Validate a convolution call; return its :class:`ConvGeometry`.

    x: (N, C, H, W); w: (F, C/groups, KH, KW); b: (F,) or None;
    dy (backward only): (N, F, Ho, Wo).
    """
    _check_array(x, "x", 4)
    _check_array(w, "w", 4)
    if isinstance(groups, (bool, np.bool_)) or not isinstance(groups, numbers.Integral):
        raise TypeError(f"groups must be an int, got {groups!r}")
    if groups < 1:
        raise ValueError(f"groups must be >= 1, got {groups}")
    n, c = x.shape[:2]
    f, cg = w.shape[:2]
    if c % groups:
        raise ValueError(f"groups={groups} must divide the input channels x.shape[1]={c}")
    if f % groups:
        raise ValueError(f"groups={groups} must divide the filters w.shape[0]={f}")
    if cg * groups != c:
        raise ValueError(
            f"channel mismatch: x has {c} channels, so w.shape[1] must be {c}/groups={c // groups}, "
            f"got w.shape {w.shape}")
    if b is not None:
        _check_array(b, "b", 1)
        if b.shape[0] != f:
            raise ValueError(f"b must have shape ({f},) to match w.shape[0], got {b.shape}")
    geom = conv_geometry(x.shape[2:], w.shape[2:], stride, padding, dilation)
    if dy is not None:
        _check_array(dy, "dy", 4)
        expected = (n, f) + geom.output
        if dy.shape != expected:
            raise ValueError(f"dy must have the output's shape {expected}, got {dy.shape}")
    return geom


def pad(x, padding):
    """Zero-pad the last two axes of ``x`` by ``padding = (ph, pw)`` (a new array)."""
    ph, pw = padding
    if ph == 0 and pw == 0:
        return x
    return np.pad(x, [(0, 0)] * (x.ndim - 2) + [(ph, ph), (pw, pw)])
