"""A convolution layer object: parameters, forward, backward — the CS231n contract."""
from __future__ import annotations

import math

import numpy as np

from . import auto, memory
from .geometry import check_conv_args, check_groups, geometry_args
from .methods import METHODS, get_method
from .prelude import Caller, ConvCall, compute_dtype, registered_alternatives
from .saved import Saved
from .validation import check_array, check_choice, check_float_dtype, check_int, check_rng

__all__ = ["Conv2d"]

METHOD_CHOICES = tuple(METHODS) + ("auto",)


class Conv2d:
    """2-D convolution layer (cross-correlation), NCHW.

    forward(x): x (N, in_channels, H, W) -> y (N, out_channels, Ho, Wo)
    backward(dy): dy (N, out_channels, Ho, Wo) -> dx (N, in_channels, H, W); also sets
    ``grad_weight`` (like ``weight``: (out, in/groups, KH, KW)) and ``grad_bias`` ((out,)).

    ``method`` picks the algorithm from ``convkit.methods.METHODS``: "im2col" (偶像派, the
    default), "direct" (实力派), "fft", "winograd" or "loops" — or "auto": the fastest of
    them for each geometry, timed once and remembered (``convkit.auto``, like cuDNN's
    benchmark mode).  The layer runs each method's fast path; the batch goes in parts whose
    scratch memory fits ``convkit.memory.WORKSPACE_BYTES``.  Weights start as in PyTorch:
    uniform in ±1/sqrt(fan_in), drawn from ``rng`` (a numpy Generator or a seed).

    The rules, the same for every method:

    * **attributes are read at every call** — ``weight``, ``bias``, ``stride``,
      ``padding``, ``dilation``, ``groups`` and ``method`` may be changed (or replaced)
      between calls; the next forward checks them and computes what a fresh layer with those
      values computes, or raises an error naming the attribute (a method that cannot run
      the new geometry, a weight whose channels do not match x).  ``kernel_size``,
      ``in_channels`` and ``out_channels`` follow the weight's shape; ``dtype`` is the
      weight's dtype (setting it converts the parameters, like PyTorch's ``.to``).
    * **dtype** — the parameters' dtype wins: x and dy are cast to it, and y, dx,
      grad_weight and grad_bias all have it (float16 computes in float32, see
      ``convkit.prelude``).
    * **what backward uses** — forward keeps the weights it multiplied and x: a copy when x
      takes at most a quarter of the workspace budget, so that editing x or ``weight`` in
      place after forward (an optimizer step, a reused buffer) does not change the gradient;
      a larger x is kept by reference, and backward raises if it was edited in place since
      (``convkit.saved``, as PyTorch does).
    * **one record** — backward answers the latest forward: a second forward before backward
      replaces the first one's record, and dy must have the latest output's shape.
      backward may be called again on the same record.  backward runs the method that ran
      the forward, even if ``method`` changed since.
    * **empty batches** — N = 0 gives an empty y and zero gradients of the right shapes.

    With ``method="auto"``, ``choices`` holds what was run for the latest forward and
    backward and why: {"forward": ``convkit.auto.Choice``, "backward": ...}.
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
                 groups=1, bias=True, method="im2col", rng=None, dtype=np.float64):
        in_channels = check_int(in_channels, "in_channels")
        out_channels = check_int(out_channels, "out_channels")
        self.groups = check_groups(groups, in_channels, out_channels,
                                   names=("in_channels", "out_channels"))
        kernel_size, self.stride, self.padding, self.dilation = geometry_args(
            kernel_size, stride, padding, dilation)
        dtype = check_float_dtype(dtype)
        rng = check_rng(rng)
        fan_in = in_channels // groups * kernel_size[0] * kernel_size[1]
        bound = 1 / math.sqrt(fan_in)
        shape = (out_channels, in_channels // groups) + kernel_size
        self.weight = rng.uniform(-bound, bound, size=shape).astype(dtype)
        self.bias = rng.uniform(-bound, bound, size=out_channels).astype(dtype) if bias else None
        self.grad_weight = np.zeros_like(self.weight)
        self.grad_bias = None if self.bias is None else np.zeros_like(self.bias)
        self.method = method
        self._record = None  # (method, chosen by auto?, ConvCall, Saved x) of the last forward
        self._memo = {}      # what a method keeps from step to step (im2col: its columns)
        self.choices = {}    # method="auto": the Choice of the latest forward and backward

    # ------------------------------------------------------------------ attributes
    @property
    def method(self):
        """Name of the algorithm forward runs (a key of ``convkit.methods.METHODS``, or
        "auto")."""
        return self._method

    @method.setter
    def method(self, name):
        check_choice(name, "method", METHOD_CHOICES)
        if name != "auto":
            get_method(name).check_limits(*self._limits_geometry(), self._caller(name))
        self._method = name

    @property
    def kernel_size(self):
        """(KH, KW): the weight's last two axes."""
        return tuple(self.weight.shape[2:])

    @kernel_size.setter
    def kernel_size(self, value):
        raise AttributeError(
            f"Conv2d.kernel_size follows the weight's shape {self.kernel_size}: to change it, "
            f"assign a new weight of shape (out_channels, in_channels/groups, KH, KW), e.g. "
            f"layer.weight = np.zeros((F, C // groups) + {value!r})")

    @property
    def in_channels(self):
        """C = weight.shape[1] * groups."""
        return self.weight.shape[1] * self.groups

    @property
    def out_channels(self):
        """F = weight.shape[0]."""
        return self.weight.shape[0]

    @property
    def dtype(self):
        """The parameters' dtype (the weight's); setting it converts weight, bias and their
        gradients, as PyTorch's ``module.to(dtype)`` does."""
        return self.weight.dtype

    @dtype.setter
    def dtype(self, value):
        value = check_float_dtype(value)
        self.weight = self.weight.astype(value)
        self.grad_weight = np.asarray(self.grad_weight).astype(value)
        if self.bias is not None:
            self.bias = self.bias.astype(value)
        if self.grad_bias is not None:
            self.grad_bias = np.asarray(self.grad_bias).astype(value)

    @property
    def geometry(self):
        """Keyword arguments shared by every conv function call."""
        return dict(stride=self.stride, padding=self.padding, dilation=self.dilation,
                    groups=self.groups)

    def _caller(self, method):
        return Caller(f"Conv2d(method={method!r})", "weight", layer=True)

    def _limits_geometry(self):
        """(kernel, stride, dilation) as checked pairs, from the current attributes."""
        kernel, stride, _, dilation = geometry_args(self.weight.shape[2:], self.stride,
                                                    self.padding, self.dilation)
        return kernel, stride, dilation

    def _parameters(self):
        """(weight, bias, groups), checked now: each must fit the others.  Errors name the
        attribute."""
        weight = check_array(self.weight, "Conv2d.weight", 4,
                             shape_hint="(out_channels, in_channels/groups, KH, KW)")
        if not np.issubdtype(weight.dtype, np.floating):
            raise TypeError(f"Conv2d.weight must have a floating dtype (float16, float32 or "
                            f"float64: parameters need gradients), got {weight.dtype}")
        groups = check_int(self.groups, "Conv2d.groups")
        if weight.shape[0] % groups:
            raise ValueError(f"Conv2d.groups={groups} must divide the filters "
                             f"weight.shape[0]={weight.shape[0]}")
        bias = self.bias
        if bias is not None:
            check_array(bias, "Conv2d.bias", 1, shape_hint="(out_channels,) or None")
            if bias.shape[0] != weight.shape[0]:
                raise ValueError(f"Conv2d.bias must have shape ({weight.shape[0]},) to match "
                                 f"weight.shape[0], got {bias.shape}")
        return weight, bias, groups

    # ------------------------------------------------------------------ passes
    def forward(self, x):
        """x (N, C, H, W) -> y (N, F, Ho, Wo); keeps x (or checks it later) and the weights."""
        previous, self._record = self._record, None  # a failed forward leaves no record
        weight, bias, groups = self._parameters()
        check_array(x, "x", 4, shape_hint="(N, C, H, W)")
        if x.shape[1] != weight.shape[1] * groups:
            raise ValueError(
                f"x has {x.shape[1]} channels (shape {x.shape}), but this layer takes "
                f"in_channels = weight.shape[1] * groups = {weight.shape[1]} * {groups} = "
                f"{weight.shape[1] * groups}")
        kernel, stride, dilation = self._limits_geometry()
        geom = check_conv_args(x, weight, bias, stride=self.stride, padding=self.padding,
                               dilation=self.dilation, groups=groups)
        work = compute_dtype(weight.dtype)
        buffer = previous[3].array if previous and previous[3].copied else None
        saved_x = _save_x(x.astype(work, copy=False), x, buffer)
        call = ConvCall.of(geom, groups, weight.dtype, saved_x.array, weight.copy(), bias)
        chosen = self._method == "auto"
        if chosen:
            self.choices = {"forward": auto.choose(call, backward=False)}
            name = self.choices["forward"].method
        else:
            name = self._method
            get_method(name).check_limits(kernel, stride, dilation, self._caller(name))
        method = METHODS[name]
        if not method.layer_memo:
            self._memo.clear()  # what an earlier forward kept belongs to no backward now
        y = call.forward(method.layer_forward, method.workspace, self._caller(name),
                         self._memo if method.layer_memo else None,
                         alternatives=registered_alternatives)
        self._record = (name, chosen, call, saved_x)
        return y

    __call__ = forward

    def backward(self, dy):
        """dy (N, F, Ho, Wo) -> dx (N, C, H, W); sets grad_weight and grad_bias."""
        if self._record is None:
            raise RuntimeError("Conv2d.backward called before forward")
        name, chosen, call, saved_x = self._record
        check_array(dy, "dy", 4, shape_hint="(N, F, Ho, Wo)")
        if dy.shape != call.output_shape:
            raise ValueError(f"dy must have the shape of the latest forward's output "
                             f"{call.output_shape}, got {dy.shape}")
        saved_x.get()  # raises if x was edited in place since forward
        call = ConvCall.of(call.geom, call.groups, call.dtype, call.x, call.w, call.b, dy)
        forward_name = name
        if chosen:  # auto: the fastest backward, which need not be the forward's method
            self.choices["backward"] = auto.choose(call, backward=True)
            name = self.choices["backward"].method
        method = METHODS[name]
        memo = self._memo if method.layer_memo and name == forward_name else None
        dx, self.grad_weight, grad_bias = call.backward(
            method.layer_backward, method.workspace, self._caller(name), memo,
            alternatives=registered_alternatives)
        self.grad_bias = grad_bias if call.b is not None else None
        return dx

    def __repr__(self):
        return (f"Conv2d({self.in_channels}, {self.out_channels}, "
                f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
                f"dilation={self.dilation}, groups={self.groups}, bias={self.bias is not None}, "
                f"method={self.method!r})")


def _save_x(x_work, x, buffer=None):
    """x in the compute dtype, saved for backward: the cast itself when there was one, a
    copy when small (into ``buffer``, last step's), else a checked reference (``saved``)."""
    if x_work is not x and not np.may_share_memory(x_work, x):
        return Saved.owned(x_work, "x")           # a cast made a private array already
    small = x_work.nbytes <= memory.WORKSPACE_BYTES // 4
    return Saved(x_work, "x", copy=small, out=buffer)
