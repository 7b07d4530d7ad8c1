"""What every public convolution function does before and after its own algorithm.

Before: check the arguments (``geometry.check_conv_args``), pick the result's dtype, cast
the arrays to it.  After: add the bias (forward), sum dY for the bias gradient (backward).
Each algorithm module then holds only its algorithm, written for checked arrays and a
``ConvGeometry``, and makes its public pair here::

    def forward(x, w, geom, groups): ...          # -> y without bias
    def backward(dy, x, w, geom, groups): ...     # -> (dx, dw)
    conv2d_mine = public_forward(forward, "conv2d_mine", "Forward pass by my method.")
    conv2d_mine_backward = public_backward(backward, "conv2d_mine_backward", "...")

An empty batch, no input channels or no filters (N, C or F = 0) is answered here, without
the algorithm: y is the bias over an (N, F, Ho, Wo) output, every gradient is zero.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .geometry import ConvGeometry, check_conv_args

__all__ = ["ConvCall", "forward_call", "backward_call", "result_dtype", "public_forward",
           "public_backward"]


def result_dtype(*arrays):
    """Floating dtype of the result: float32 stays float32, ints become float64."""
    dtype = np.result_type(*[a.dtype for a in arrays if a is not None])
    return dtype if np.issubdtype(dtype, np.floating) else np.dtype(np.float64)


@dataclass(frozen=True)
class ConvCall:
    """One checked call: its geometry and groups, and the arrays cast to one ``dtype``.

    x (N, C, H, W), w (F, C/groups, KH, KW), b (F,) or None, dy (N, F, Ho, Wo) or None.
    """

    geom: ConvGeometry
    groups: int
    dtype: np.dtype
    x: np.ndarray
    w: np.ndarray
    b: np.ndarray | None = None
    dy: np.ndarray | None = None

    @property
    def empty(self):
        """True when N, C or F is 0: nothing to multiply, the answer is known."""
        return 0 in (self.x.shape[0], self.x.shape[1], self.w.shape[0])

    @property
    def output_shape(self):
        return (self.x.shape[0], self.w.shape[0]) + self.geom.output

    def finish(self, y):
        """y (N, F, Ho, Wo) from the algorithm -> y + b (in place)."""
        if self.b is not None:
            y += self.b.reshape(1, -1, 1, 1)
        return y

    def bias_gradient(self):
        """db (F,) = dY summed over the batch and the output positions."""
        return self.dy.sum(axis=(0, 2, 3))

    def forward(self, algorithm):
        """y (N, F, Ho, Wo) = algorithm(x, w, geom, groups) + b.

        When N, C or F is 0 the algorithm is not called: y is the bias over every output.
        """
        if self.empty:
            return self.finish(np.zeros(self.output_shape, dtype=self.dtype))
        return self.finish(algorithm(self.x, self.w, self.geom, self.groups))

    def backward(self, algorithm):
        """(dx, dw) = algorithm(dy, x, w, geom, groups); -> (dx, dw, db).

        When N, C or F is 0 the algorithm is not called: dx and dw are zero.
        """
        if self.empty:
            dx, dw = np.zeros(self.x.shape, self.dtype), np.zeros(self.w.shape, self.dtype)
        else:
            dx, dw = algorithm(self.dy, self.x, self.w, self.geom, self.groups)
        return dx, dw, self.bias_gradient()


def forward_call(x, w, b=None, *, stride=1, padding=0, dilation=1, groups=1):
    """Check a forward call and cast x, w, b to the result dtype -> :class:`ConvCall`."""
    geom = check_conv_args(x, w, b, stride=stride, padding=padding, dilation=dilation,
                           groups=groups)
    dtype = result_dtype(x, w, b)
    return ConvCall(geom, groups, dtype, x.astype(dtype, copy=False), w.astype(dtype, copy=False),
                    None if b is None else b.astype(dtype, copy=False))


def backward_call(dy, x, w, *, stride=1, padding=0, dilation=1, groups=1):
    """Check a backward call and cast dy, x, w to the result dtype -> :class:`ConvCall`."""
    geom = check_conv_args(x, w, stride=stride, padding=padding, dilation=dilation,
                           groups=groups, dy=dy)
    dtype = result_dtype(dy, x, w)
    return ConvCall(geom, groups, dtype, x.astype(dtype, copy=False), w.astype(dtype, copy=False),
                    dy=dy.astype(dtype, copy=False))


_FORWARD_SHAPES = "x (N, C, H, W), w (F, C/groups, KH, KW), b (F,) or None -> y (N, F, Ho, Wo)."
_BACKWARD_SHAPES = ("dy (N, F, Ho, Wo), x (N, C, H, W), w (F, C/groups, KH, KW)\n"
                    "    -> dx (N, C, H, W), dw (F, C/groups, KH, KW), db (F,).")


def _named(function, algorithm, name, summary, shapes):
    function.__name__ = function.__qualname__ = name
    function.__module__ = algorithm.__module__
    function.__doc__ = f"{summary}\n\n    {shapes}\n    "
    return function


def public_forward(algorithm, name, summary, limits=None):
    """The public forward function of one algorithm, with the signature every method shares.

    ``algorithm(x, w, geom, groups)`` -> y without bias, on checked arrays;
    ``limits(kernel, stride, dilation)`` (optional) raises ValueError for a geometry the
    algorithm cannot run.  The result
    checks its arguments, casts them (:func:`forward_call`), runs the algorithm and adds b.
    """
    def conv(x, w, b=None, *, stride=1, padding=0, dilation=1, groups=1):
        call = forward_call(x, w, b, stride=stride, padding=padding, dilation=dilation,
                            groups=groups)
        if limits is not None:
            limits(call.geom.kernel, call.geom.stride, call.geom.dilation)
        return call.forward(algorithm)

    return _named(conv, algorithm, name, summary, _FORWARD_SHAPES)


def public_backward(algorithm, name, summary, limits=None):
    """The public backward function of one algorithm: ``(dy, x, w, **geometry) -> (dx, dw, db)``.

    ``algorithm(dy, x, w, geom, groups)`` -> (dx, dw) on checked arrays; db is summed here.
    """
    def conv_backward(dy, x, w, *, stride=1, padding=0, dilation=1, groups=1):
        call = backward_call(dy, x, w, stride=stride, padding=padding, dilation=dilation,
                             groups=groups)
        if limits is not None:
            limits(call.geom.kernel, call.geom.stride, call.geom.dilation)
        return call.backward(algorithm)

    return _named(conv_backward, algorithm, name, summary, _BACKWARD_SHAPES)
