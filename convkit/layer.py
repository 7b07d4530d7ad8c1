"""A convolution layer object: parameters, forward, backward — the CS231n contract."""
from __future__ import annotations

import math
import numbers

import numpy as np

from . import direct, im2col_gemm
from .geometry import check_conv_args, pair

__all__ = ["Conv2d"]

METHODS = ("im2col", "direct")


class Conv2d:
    """2-D convolution layer (cross-correlation), NCHW.

    forward(x): x (N, in_channels, H, W) -> y (N, out_channels, Ho, Wo)
    backward(dy): dy (N, out_channels, Ho, Wo) -> dx (N, in_channels, H, W); also fills
    ``grad_weight`` (like ``weight``: (out, in/groups, KH, KW)) and ``grad_bias`` ((out,)).

    ``method`` picks the solution: "im2col" (偶像派; keeps the forward's columns for
    backward) or "direct" (实力派).  Weights start as in PyTorch: uniform in
    ±1/sqrt(fan_in), drawn from ``rng`` (a numpy Generator or a seed).
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
                 groups=1, bias=True, method="im2col", rng=None, dtype=np.float64):
        for name, value in (("in_channels", in_channels), ("out_channels", out_channels),
                            ("groups", groups)):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
                raise ValueError(f"{name} must be a positive int, got {value!r}")
        if in_channels % groups or out_channels % groups:
            raise ValueError(f"groups={groups} must divide in_channels={in_channels} and "
                             f"out_channels={out_channels}")
        if method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}, got {method!r}")
        self.kernel_size = pair(kernel_size, "kernel_size")
        self.stride, self.padding = pair(stride, "stride"), pair(padding, "padding")
        self.dilation, self.groups, self.method = pair(dilation, "dilation"), groups, method
        rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        fan_in = in_channels // groups * self.kernel_size[0] * self.kernel_size[1]
        bound = 1 / math.sqrt(fan_in)
        shape = (out_channels, in_channels // groups) + self.kernel_size
        self.weight = rng.uniform(-bound, bound, size=shape).astype(dtype)
        self.bias = rng.uniform(-bound, bound, size=out_channels).astype(dtype) if bias else None
        self.grad_weight = np.zeros_like(self.weight)
        self.grad_bias = None if self.bias is None else np.zeros_like(self.bias)
        self._cache = None

    @property
    def geometry(self):
        """Keyword arguments shared by every conv function call."""
        return dict(stride=self.stride, padding=self.padding, dilation=self.dilation,
                    groups=self.groups)

    def forward(self, x):
        """x (N, C, H, W) -> y (N, F, Ho, Wo); remembers what backward needs."""
        if self.method == "direct":
            y = direct.conv2d_direct(x, self.weight, self.bias, **self.geometry)
            self._cache = (x, None, None)
            return y
        geom = check_conv_args(x, self.weight, self.bias, **self.geometry)
        x = x.astype(self.weight.dtype, copy=False)
        # Unfold into last step's column buffer when the shape allows: a fresh 100+ MB array
        # each step costs page faults (measured 8 ms to 0.5 s per 231 MB on a busy machine).
        # backward only ever reads the columns of the latest forward, so reuse is safe.
        shape = (x.shape[0], x.shape[1] * geom.kernel[0] * geom.kernel[1]) + (
            geom.output[0] * geom.output[1],)
        buffer = self._cache[1] if self._cache is not None else None
        if buffer is None or buffer.shape != shape or buffer.dtype != x.dtype:
            buffer = None
        cols = im2col_gemm._im2col(x, geom, out=buffer)
        self._cache = (x, cols, geom)
        return im2col_gemm.forward_from_cols(cols, self.weight, self.bias, geom, self.groups)

    __call__ = forward

    def backward(self, dy):
        """dy (N, F, Ho, Wo) -> dx (N, C, H, W); stores grad_weight and grad_bias."""
        if self._cache is None:
            raise RuntimeError("Conv2d.backward called before forward")
        x, cols, geom = self._cache
        if self.method == "direct":
            dx, dw, db = direct.conv2d_direct_backward(dy, x, self.weight, **self.geometry)
        else:
            check_conv_args(x, self.weight, dy=dy, **self.geometry)
            dy = dy.astype(self.weight.dtype, copy=False)
            dx, dw, db = im2col_gemm.backward_from_cols(dy, cols, self.weight, geom, self.groups)
        self.grad_weight = dw
        if self.bias is not None:
            self.grad_bias = db
        return dx

    def __repr__(self):
        f, cg = self.weight.shape[:2]
        return (f"Conv2d({cg * self.groups}, {f}, kernel_size={self.kernel_size}, "
                f"stride={self.stride}, padding={self.padding}, dilation={self.dilation}, "
                f"groups={self.groups}, bias={self.bias is not None}, method={self.method!r})")
