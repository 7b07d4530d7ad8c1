"""A convolution layer object: parameters, forward, backward — the CS231n contract."""
from __future__ import annotations

import dataclasses
import functools
import math

import numpy as np

from .geometry import check_conv_args, check_groups, geometry_args
from .methods import get_method
from .prelude import ConvCall
from .validation import check_array, check_float_dtype, check_int, check_rng

__all__ = ["Conv2d"]


class Conv2d:
    """2-D convolution layer (cross-correlation), NCHW.

    forward(x): x (N, in_channels, H, W) -> y (N, out_channels, Ho, Wo)
    backward(dy): dy (N, out_channels, Ho, Wo) -> dx (N, in_channels, H, W); also sets
    ``grad_weight`` (like ``weight``: (out, in/groups, KH, KW)) and ``grad_bias`` ((out,)).

    ``method`` picks the algorithm from ``convkit.methods.METHODS``: "im2col" (偶像派, the
    default), "direct" (实力派), "fft", "winograd" or "loops".  The layer runs each method's
    fast path (``convkit.fast``); im2col works a few samples at a time, so its columns never
    exist for the whole batch.  Weights start as in PyTorch: uniform in ±1/sqrt(fan_in),
    drawn from ``rng`` (a numpy Generator or a seed).

    The rules, the same for every method:

    * **dtype** — the parameters' dtype (``dtype``, a float type, float64 by default) wins:
      x and dy are cast to it, and y, dx, grad_weight and grad_bias all have it.
    * **what backward uses** — forward keeps a copy of x (in the parameter dtype) and of the
      weights it multiplied; backward differentiates *that* forward, so editing x or
      ``weight`` in place after forward (an optimizer step, say) does not change the gradient.
    * **one record** — backward answers the latest forward: a second forward before backward
      replaces the first one's record (as the im2col columns of a training loop are replaced),
      and dy must have the latest output's shape.  backward may be called again on the same
      record.  backward runs the method that ran the forward, even if ``method`` changed since.
    * **empty batches** — N = 0 gives an empty y and zero gradients of the right shapes.
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
                 groups=1, bias=True, method="im2col", rng=None, dtype=np.float64):
        in_channels = check_int(in_channels, "in_channels")
        out_channels = check_int(out_channels, "out_channels")
        self.groups = check_groups(groups, in_channels, out_channels,
                                   names=("in_channels", "out_channels"))
        self.kernel_size, self.stride, self.padding, self.dilation = geometry_args(
            kernel_size, stride, padding, dilation)
        self.method = method
        self.dtype = check_float_dtype(dtype)
        rng = check_rng(rng)
        fan_in = in_channels // groups * self.kernel_size[0] * self.kernel_size[1]
        bound = 1 / math.sqrt(fan_in)
        shape = (out_channels, in_channels // groups) + self.kernel_size
        self.weight = rng.uniform(-bound, bound, size=shape).astype(self.dtype)
        self.bias = rng.uniform(-bound, bound, size=out_channels).astype(self.dtype) if bias else None
        self.grad_weight = np.zeros_like(self.weight)
        self.grad_bias = None if self.bias is None else np.zeros_like(self.bias)
        self._record = None  # (Method, ConvCall, memo) of the latest forward
        self._memo = {}      # kept from step to step, so that buffers can be reused

    @property
    def method(self):
        """Name of the algorithm forward runs (a key of ``convkit.methods.METHODS``)."""
        return self._method.name

    @method.setter
    def method(self, name):
        method = get_method(name)
        method.check_limits(self.kernel_size, self.stride, self.dilation)
        self._method = method

    @property
    def geometry(self):
        """Keyword arguments shared by every conv function call."""
        return dict(stride=self.stride, padding=self.padding, dilation=self.dilation,
                    groups=self.groups)

    def forward(self, x):
        """x (N, C, H, W) -> y (N, F, Ho, Wo); keeps copies of x and weight for backward."""
        geom = check_conv_args(x, self.weight, self.bias, **self.geometry)
        x = np.array(x, dtype=self.dtype)                 # a copy, in the parameters' dtype
        weight = np.array(self.weight, dtype=self.dtype)  # the weights this forward used
        bias = None if self.bias is None else self.bias.astype(self.dtype, copy=False)
        call = ConvCall(geom, self.groups, self.dtype, x, weight, bias)
        memo = self._memo  # what this forward leaves for its backward (im2col: the columns)
        y = call.forward(_with_memo(self._method, self._method.layer_forward, memo))
        self._record = (self._method, call, memo)
        return y

    __call__ = forward

    def backward(self, dy):
        """dy (N, F, Ho, Wo) -> dx (N, C, H, W); sets grad_weight and grad_bias."""
        if self._record is None:
            raise RuntimeError("Conv2d.backward called before forward")
        method, call, memo = self._record
        check_array(dy, "dy", 4, shape_hint="(N, F, Ho, Wo)")
        if dy.shape != call.output_shape:
            raise ValueError(f"dy must have the shape of the latest forward's output "
                             f"{call.output_shape}, got {dy.shape}")
        call = dataclasses.replace(call, dy=dy.astype(self.dtype, copy=False))
        dx, self.grad_weight, grad_bias = call.backward(_with_memo(method, method.layer_backward,
                                                                   memo))
        if self.bias is not None:
            self.grad_bias = grad_bias
        return dx

    def __repr__(self):
        f, cg = self.weight.shape[:2]
        return (f"Conv2d({cg * self.groups}, {f}, kernel_size={self.kernel_size}, "
                f"stride={self.stride}, padding={self.padding}, dilation={self.dilation}, "
                f"groups={self.groups}, bias={self.bias is not None}, method={self.method!r})")


def _with_memo(method, function, memo):
    """``function`` with the layer's memo attached, for methods that use one."""
    return functools.partial(function, memo=memo) if method.layer_memo else function
