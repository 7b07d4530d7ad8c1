"""What every convolution call does before and after its own algorithm.

Before: check the arguments (``geometry.check_conv_args``) and the algorithm's limits, pick
the result's dtype and cast the arrays to the dtype the algorithm computes in.  Around it:
split the batch into parts whose workspace fits the memory budget (``convkit.memory``).
After: add the bias (forward), sum dY for the bias gradient (backward), cast to the result
dtype.  Each algorithm module then holds only its algorithm, written for checked arrays and
a ``ConvGeometry``, and makes its public pair here::

    def forward(x, w, geom, groups): ...          # -> y without bias
    def backward(dy, x, w, geom, groups): ...     # -> (dx, dw)
    conv2d_mine = public_forward(forward, "conv2d_mine", "Forward pass by my method.")
    conv2d_mine_backward = public_backward(backward, "conv2d_mine_backward", "...")

**The dtype policy** (the one home of it; every method and ``Conv2d`` follow it):

* float32 and float64 compute and return in their own precision; mixed floats promote as
  numpy does (float32 with float64 -> float64);
* float16 is computed in float32 — sums of many float16 products would lose most of their
  digits — and the results are rounded once to float16 at the end;
* integers (alone, or mixed with each other) compute and return float64; an integer array
  mixed with a float one takes numpy's promotion (uint8 with float32 -> float32);
* bool, complex, longdouble and every non-numeric dtype are refused with a TypeError
  naming the argument (``validation.check_array``).

An empty batch, no input channels or no filters (N, C or F = 0) is answered here, without
the algorithm: y is the bias over an (N, F, Ho, Wo) output, every gradient is zero.
"""
from __future__ import annotations

from dataclasses import dataclass
import numpy as np

from . import memory
from .geometry import ConvGeometry, check_conv_args

__all__ = ["ConvCall", "Caller", "forward_call", "backward_call", "result_dtype",
           "compute_dtype", "public_forward", "public_backward", "registered_alternatives"]


def result_dtype(*arrays):
    """dtype of the results for these arrays (None entries ignored): the policy above."""
    dtype = np.result_type(*[a.dtype for a in arrays if a is not None])
    if not np.issubdtype(dtype, np.floating):
        return np.dtype(np.float64)
    return dtype.newbyteorder("=")


def compute_dtype(dtype):
    """The dtype an algorithm computes in for results of ``dtype``: float16 -> float32."""
    return np.dtype(np.float32) if dtype == np.float16 else np.dtype(dtype)


@dataclass(frozen=True)
class Caller:
    """Who runs an algorithm, as error messages name it: a public function or a layer.

    name: "conv2d_winograd" or "Conv2d(method='winograd')"; weight: what the caller calls
    the kernel array ("w" or "weight").
    """

    name: str
    weight: str = "w"
    layer: bool = False

    def use(self, method):
        """How this caller would ask for another method: conv2d_im2col or method='im2col'."""
        return f"method={method!r}" if self.layer else f"conv2d_{method}"


@dataclass(frozen=True)
class ConvCall:
    """One checked call: its geometry and groups, the result ``dtype``, and the arrays cast
    to the dtype the algorithm computes in (``compute_dtype``).

    x (N, C, H, W), w (F, C/groups, KH, KW), b (F,) or None, dy (N, F, Ho, Wo) or None.
    """

    geom: ConvGeometry
    groups: int
    dtype: np.dtype
    x: np.ndarray
    w: np.ndarray
    b: np.ndarray | None = None
    dy: np.ndarray | None = None

    @classmethod
    def of(cls, geom, groups, dtype, x, w, b=None, dy=None):
        """A call whose arrays are cast (without copying when they already are) to the
        compute dtype of the result dtype ``dtype``."""
        work = compute_dtype(dtype)
        cast = (lambda a: None if a is None else a.astype(work, copy=False))
        return cls(geom, groups, np.dtype(dtype), cast(x), cast(w), cast(b), cast(dy))

    @property
    def empty(self):
        """True when N, C or F is 0: nothing to multiply, the answer is known."""
        return 0 in (self.x.shape[0], self.x.shape[1], self.w.shape[0])

    @property
    def output_shape(self):
        return (self.x.shape[0], self.w.shape[0]) + self.geom.output

    def finish(self, y):
        """y (N, F, Ho, Wo) from the algorithm -> y + b, in the result dtype."""
        if self.b is not None:
            y += self.b.reshape(1, -1, 1, 1)
        return y.astype(self.dtype, copy=False)

    def bias_gradient(self):
        """db (F,) = dY summed over the batch and the output positions."""
        return self.dy.sum(axis=(0, 2, 3)).astype(self.dtype, copy=False)

    def bytes_per_sample(self, backward):
        """Inputs and outputs of one sample (x and y; or x, dy and dx)."""
        x_bytes = int(np.prod(self.x.shape[1:])) * self.x.itemsize
        y_bytes = int(np.prod(self.output_shape[1:])) * self.x.itemsize
        return 2 * x_bytes + y_bytes if backward else x_bytes + y_bytes

    def output_bytes_per_sample(self, backward):
        """Bytes of one sample's output: y (forward) or dx (backward)."""
        shape = self.x.shape[1:] if backward else self.output_shape[1:]
        return int(np.prod(shape)) * self.x.itemsize

    def parts(self, workspace, backward, caller, alternatives=None):
        """Batch slices whose workspace fits the budget (one slice when ``workspace`` is None
        or the whole batch fits).  Split, each part's outputs are copies until they are
        written into the call's: they count as workspace too."""
        n = self.x.shape[0]
        if workspace is None:
            return [slice(0, n)]
        need = workspace(self, backward)
        if need.total(n) <= memory.WORKSPACE_BYTES:
            return [slice(0, n)]
        need = memory.Workspace(need.fixed,
                                need.per_sample + self.output_bytes_per_sample(backward))
        return memory.batch_parts(n, need, caller.name,
                                  lambda: alternatives(self, backward) if alternatives else None)

    def forward(self, algorithm, workspace=None, caller=None, memo=None, alternatives=None):
        """y (N, F, Ho, Wo) = algorithm(x, w, geom, groups) + b, in the result dtype.

        workspace(call, backward) -> ``memory.Workspace``: the batch goes to the algorithm
        in parts that fit the budget.  memo (a dict): passed on to the algorithm when the
        batch is one part (a layer's forward leaves there what its backward reuses);
        emptied otherwise.  When N, C or F is 0 the algorithm is not called: y is the bias.
        """
        caller = caller or Caller(getattr(algorithm, "__name__", "convolution"))
        if self.empty:
            return self.finish(np.zeros(self.output_shape, dtype=self.x.dtype))
        parts = self.parts(workspace, False, caller, alternatives)
        try:
            if len(parts) == 1:
                return self.finish(algorithm(self.x, self.w, self.geom, self.groups,
                                             **_memo(memo)))
            _memo(memo, clear=True)
            y = np.empty(self.output_shape, dtype=self.x.dtype)
            for part in parts:
                y[part] = algorithm(self.x[part], self.w, self.geom, self.groups)
            return self.finish(y)
        except MemoryError as error:
            raise self._out_of_memory(error, caller, False, workspace) from None

    def backward(self, algorithm, workspace=None, caller=None, memo=None, alternatives=None):
        """(dx, dw) = algorithm(dy, x, w, geom, groups), dw summed over the batch parts;
        -> (dx, dw, db) in the result dtype.

        When N, C or F is 0 the algorithm is not called: dx and dw are zero.
        """
        caller = caller or Caller(getattr(algorithm, "__name__", "convolution"))
        if self.empty:
            zeros = (np.zeros(self.x.shape, self.dtype), np.zeros(self.w.shape, self.dtype))
            return zeros + (self.bias_gradient(),)
        parts = self.parts(workspace, True, caller, alternatives)
        try:
            if len(parts) == 1:
                dx, dw = algorithm(self.dy, self.x, self.w, self.geom, self.groups,
                                   **_memo(memo))
            else:
                _memo(memo, clear=True)
                dx = np.empty(self.x.shape, dtype=self.x.dtype)
                dw = np.zeros(self.w.shape, dtype=self.x.dtype)
                for part in parts:
                    dx[part], dw_part = algorithm(self.dy[part], self.x[part], self.w,
                                                  self.geom, self.groups)
                    dw += dw_part
        except MemoryError as error:
            raise self._out_of_memory(error, caller, True, workspace) from None
        return (dx.astype(self.dtype, copy=False), dw.astype(self.dtype, copy=False),
                self.bias_gradient())

    def _out_of_memory(self, error, caller, backward, workspace):
        if isinstance(error, memory.BudgetExceeded):
            return error
        need = 0 if workspace is None else min(
            workspace(self, backward).total(self.x.shape[0]), memory.WORKSPACE_BYTES)
        return memory.out_of_memory(error, caller.name, self.x.shape[0],
                                    self.bytes_per_sample(backward), need, self.x.dtype)


def _memo(memo, clear=False):
    """Keyword arguments that hand a layer's memo to an algorithm (none without a memo)."""
    if memo is None:
        return {}
    if clear:
        memo.clear()
        return {}
    return {"memo": memo}


def forward_call(x, w, b=None, *, stride=1, padding=0, dilation=1, groups=1):
    """Check a forward call and cast x, w, b to the compute dtype -> :class:`ConvCall`."""
    geom = check_conv_args(x, w, b, stride=stride, padding=padding, dilation=dilation,
                           groups=groups)
    return ConvCall.of(geom, groups, result_dtype(x, w, b), x, w, b)


def backward_call(dy, x, w, *, stride=1, padding=0, dilation=1, groups=1):
    """Check a backward call and cast dy, x, w to the compute dtype -> :class:`ConvCall`."""
    geom = check_conv_args(x, w, stride=stride, padding=padding, dilation=dilation,
                           groups=groups, dy=dy)
    return ConvCall.of(geom, groups, result_dtype(dy, x, w), x, w, dy=dy)


_FORWARD_SHAPES = "x (N, C, H, W), w (F, C/groups, KH, KW), b (F,) or None -> y (N, F, Ho, Wo)."
_BACKWARD_SHAPES = ("dy (N, F, Ho, Wo), x (N, C, H, W), w (F, C/groups, KH, KW)\n"
                    "    -> dx (N, C, H, W), dw (F, C/groups, KH, KW), db (F,).")
_POLICY = ("dtypes: float16 computes in float32, integers in float64 (``convkit.prelude``);\n"
           "    memory: the batch is split so that the workspace stays within\n"
           "    ``convkit.memory.WORKSPACE_BYTES``.")


def _named(function, algorithm, name, summary, shapes):
    function.__name__ = function.__qualname__ = name
    function.__module__ = algorithm.__module__
    function.__doc__ = f"{summary}\n\n    {shapes}\n    {_POLICY}\n    "
    return function


_registry = {}  # {name: Method}: convkit.methods hands its registry over (advise_from)


def advise_from(methods):
    """Let advice name the methods of ``methods`` ({name: Method}, kept by reference): called
    once by ``convkit.methods``, which imports this module and so cannot be imported by it."""
    global _registry
    _registry = methods


def registered_alternatives(call, backward):
    """{method: Workspace} of every registered method that can run this call, for advice."""
    found = {}
    for name, method in _registry.items():
        try:
            method.check_limits(call.geom.kernel, call.geom.stride, call.geom.dilation)
        except ValueError:
            continue
        found[name] = method.workspace(call, backward)
    return found


def public_forward(algorithm, name, summary, limits=None, workspace=None):
    """The public forward function of one algorithm, with the signature every method shares.

    ``algorithm(x, w, geom, groups)`` -> y without bias, on checked arrays;
    ``limits(kernel, stride, dilation, caller)`` (optional) raises ValueError for a geometry
    the algorithm cannot run; ``workspace(call, backward)`` -> ``memory.Workspace`` (optional)
    what it needs beyond inputs and outputs.  The result checks its arguments, casts them
    (:func:`forward_call`), runs the algorithm batch part by batch part and adds b.
    """
    caller = Caller(name)

    def conv(x, w, b=None, *, stride=1, padding=0, dilation=1, groups=1):
        call = forward_call(x, w, b, stride=stride, padding=padding, dilation=dilation,
                            groups=groups)
        if limits is not None:
            limits(call.geom.kernel, call.geom.stride, call.geom.dilation, caller)
        return call.forward(algorithm, workspace, caller, alternatives=registered_alternatives)

    return _named(conv, algorithm, name, summary, _FORWARD_SHAPES)


def public_backward(algorithm, name, summary, limits=None, workspace=None):
    """The public backward function of one algorithm: ``(dy, x, w, **geometry) -> (dx, dw, db)``.

    ``algorithm(dy, x, w, geom, groups)`` -> (dx, dw) on checked arrays; db is summed here.
    """
    caller = Caller(name.removesuffix("_backward"))

    def conv_backward(dy, x, w, *, stride=1, padding=0, dilation=1, groups=1):
        call = backward_call(dy, x, w, stride=stride, padding=padding, dilation=dilation,
                             groups=groups)
        if limits is not None:
            limits(call.geom.kernel, call.geom.stride, call.geom.dilation, caller)
        return call.backward(algorithm, workspace, caller, alternatives=registered_alternatives)

    return _named(conv_backward, algorithm, name, summary, _BACKWARD_SHAPES)

